/**
 * screen: a roster screened verdict first — verdicts and clearFrom equal to evaluate's on generated
 * rosters, decisions (where given) deep-equal, only where asked; streams in and out; bad subjects
 * reported by index or to onError; options checked at creation. screen.heavy.test.ts runs more.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, screen, UnknownPackError, untyped, type ScreenedSubject } from '../../src/index.js';
import { generateSubject, Rng } from './_support/generate.js';
import { compareScreening } from './_support/screening.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

const PACKS = [...SHIPPED_PACKS];

function roster(n: number, seed: number): Record<string, unknown>[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, (_, i) => generateSubject(rng, `s${i}`, { records: [0, 6] }));
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('screen', () => {
  it('gives evaluate’s verdict and clearFrom, and its decision where not clear, on a roster of 80 × 6 packs × every action', async () => {
    const t = await compareScreening(roster(80, 9500), { packs: PACKS, asOf: '2026-12-20', assessmentYear: 2026 });
    expect(t.answers).toBeGreaterThan(2_000);
    expect(t.notClear).toBeGreaterThan(200);
    expect(t.decisions).toBe(t.notClear);
  });

  it('decisions: all and none; explicit actions skip subjects they do not apply to', async () => {
    const r = roster(40, 9501);
    const a = await compareScreening(r, { packs: ['cn-tj-binhai', 'cn-gd'], actions: ['excellent-rating', 'honour-selection'], asOf: '2025-06-30', assessmentYear: 2024, decisions: 'all' });
    expect(a.decisions).toBe(a.answers);
    const n = await compareScreening(r, { packs: ['cn-tj-binhai'], actions: ['excellent-rating'], asOf: '2025-06-30', assessmentYear: 2025, decisions: 'none', policy: { recordLifetimeMonths: 12 } });
    expect(n.decisions).toBe(0);
    const bodies = r.filter((s) => s.kind === 'government' || s.kind === 'department');
    expect(bodies.length).toBeGreaterThan(0);
    const out = await all(screen(bodies, { packs: ['cn-tj-binhai'], actions: ['excellent-rating'], asOf: '2025-06-30', assessmentYear: 2025 }));
    expect(out.map((s) => s.results.length)).toEqual(bodies.map(() => 0));
  });

  it('reads any (async) iterable one subject at a time and answers it before reading the next', async () => {
    const read: number[] = [];
    const answered: number[] = [];
    async function* source() {
      for (let i = 0; i < 5; i++) {
        read.push(i);
        yield { id: `p${i}`, kind: 'civil-servant' };
      }
    }
    for await (const s of screen(source(), { packs: ['cn-national'], actions: ['promotion'], asOf: '2026-06-01' })) {
      answered.push(s.index);
      expect(read.length).toBe(s.index + 1);
    }
    expect(answered).toEqual([0, 1, 2, 3, 4]);
    const fromStream = await all(screen(Readable.from([{ id: 'x', kind: 'department' }]), { packs: ['cn-yn'], asOf: '2026-06-01' }));
    expect(fromStream[0]!.results).toMatchObject([{ pack: 'cn-yn', action: 'honour-selection', verdict: 'clear', clearFrom: '2026-06-01' }]);
  });

  it('a bad subject: its error with paths under its index, or onError and the next subject', async () => {
    const subjects = [{ id: 'a', kind: 'civil-servant' }, { id: 'b', kind: 'nobody' }, { id: 'c', kind: 'civil-servant' }];
    let caught: unknown;
    try {
      await all(screen(subjects, { packs: ['cn-gd'], asOf: '2026-06-01' }));
    } catch (e) {
      caught = e;
    }
    expect(InvalidInputError.is(caught) && caught.issues[0]!.path).toEqual([1, 'subject', 'kind']);
    const errors: number[] = [];
    const out = await all(screen(subjects, { packs: ['cn-gd'], asOf: '2026-06-01', onError: (_e, i) => errors.push(i) }));
    expect(out.map((s: ScreenedSubject) => s.subject.id)).toEqual(['a', 'c']);
    expect(errors).toEqual([1]);
  });

  it('checks its options at creation', () => {
    const src: unknown[] = [];
    expect(() => screen(src, { packs: ['cn-nowhere'], asOf: '2026-06-01' })).toThrow(UnknownPackError);
    expect(() => screen(src, { packs: ['cn-gd'], asOf: '2026-02-30' })).toThrow(InvalidInputError);
    expect(() => screen(src, { packs: ['cn-gd'], actions: ['excellent-rating'], asOf: '2026-06-01' })).toThrow(InvalidInputError);
    expect(() => screen(src, { packs: ['cn-gd'], asOf: '2026-06-01', decisions: 'some' as never })).toThrow(InvalidInputError);
    expect(() => screen(untyped(5) as never, { packs: ['cn-gd'], asOf: '2026-06-01' })).toThrow(InvalidInputError);
  });

  it('reports progress', async () => {
    const seen: number[] = [];
    await all(screen(roster(25, 9502), { packs: ['cn-national'], asOf: '2026-06-01', progressEvery: 10, onProgress: (p) => seen.push(p.count) }));
    expect(seen).toEqual([10, 20, 25]);
  });
});
