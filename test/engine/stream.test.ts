import { Readable } from 'node:stream';
import { NOTE_SOURCE_LABELS } from '../../src/model/vocabulary.js';
import { describe, expect, it } from 'vitest';
import {
  createEvaluator,
  evaluate,
  evaluateStream,
  InvalidEventLogError,
  InvalidInputError,
  UnknownPackError,
  type Decision,
  type StreamProgress,
} from '../../src/index.js';
import { generateSubject, Rng } from './_support/generate.js';
import { untyped } from '../../src/model/untyped.js';

/** Seeded subjects of every kind, 0–5 records each, with event logs. */
function subjects(count: number, seed: number, kinds?: ('civil-servant' | 'public-institution-staff' | 'government' | 'department')[]): Record<string, unknown>[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, i) => generateSubject(rng, `s${i}`, kinds ? { kind: rng.pick(kinds) } : {}));
}

async function collect(it: AsyncIterable<Decision>): Promise<Decision[]> {
  const out: Decision[] = [];
  for await (const d of it) out.push(d);
  return out;
}

describe('stream: evaluateStream', () => {
  it('stream of 1,500 subjects gives the decisions of evaluateMany, in order, with onProgress', async () => {
    const list = subjects(1500, 11);
    const options = { pack: 'cn-gd', action: 'honour-selection' as const, asOf: '2025-06-30' };
    const progress: StreamProgress[] = [];
    const streamed = await collect(evaluateStream(list, { ...options, progressEvery: 500, onProgress: (p) => progress.push(p) }));
    const many = createEvaluator('cn-gd').evaluateMany(list.map((subject) => untyped({ subject, action: options.action, asOf: options.asOf })));
    expect(streamed).toHaveLength(1500);
    expect(streamed).toStrictEqual(many);
    expect(new Set(streamed.map((d) => d.verdict)).size).toBeGreaterThan(1);
    expect(progress.map((p) => p.count)).toEqual([500, 1000, 1500, 1500]);
    for (const p of progress) {
      expect(p.rate).toBeGreaterThan(0);
      expect(p.elapsedMs).toBeGreaterThan(0);
    }
  });

  it('stream: persons asked an annual rating, from a Node Readable, equal evaluate one by one', async () => {
    const list = subjects(1200, 12, ['civil-servant', 'public-institution-staff']);
    const options = { pack: 'cn-tj-binhai', action: 'excellent-rating' as const, asOf: '2026-12-20', assessmentYear: 2026, policy: { pendingObjection: 'suspends' as const } };
    const streamed = await collect(evaluateStream(Readable.from(list), options));
    expect(streamed).toHaveLength(1200);
    const { pack, action, asOf, assessmentYear, policy } = options;
    // The stream's policy is the host's (its notes say `host`), the query's here `query`: the same otherwise.
    const asQuery = (d: Decision): Decision => ({
      ...d,
      notes: d.notes.map((n) =>
        n.source === 'host'
          ? {
              ...n,
              source: 'query' as const,
              message: {
                'zh-CN': n.message['zh-CN'].replace(NOTE_SOURCE_LABELS.host['zh-CN'], NOTE_SOURCE_LABELS.query['zh-CN']),
                en: n.message.en.replace(capitalised(NOTE_SOURCE_LABELS.host.en), capitalised(NOTE_SOURCE_LABELS.query.en)),
              },
            }
          : n,
      ),
    });
    for (const i of [0, 1, 2, 17, 599, 1199]) {
      expect(asQuery(streamed[i]!)).toStrictEqual(await evaluate(untyped({ pack, subject: list[i], action, asOf, assessmentYear, policy })));
    }
    const many = createEvaluator(pack, { policy }).evaluateMany(list.map((subject) => untyped({ subject, action, asOf, assessmentYear })));
    expect(streamed).toStrictEqual(many);
  });

  it('stream: reads one subject per decision consumed (back-pressure, nothing buffered)', async () => {
    let read = 0;
    const list = subjects(50, 13, ['department']);
    async function* source() {
      for (const s of list) {
        read++;
        yield s;
      }
    }
    let consumed = 0;
    for await (const d of evaluateStream(source(), { pack: 'cn-tj-binhai', action: 'honour-selection', asOf: '2026-01-01' })) {
      consumed++;
      expect(d.subject.id).toBe(`s${consumed - 1}`);
      expect(read).toBe(consumed);
    }
    expect(consumed).toBe(50);
  });

  it('stream: an invalid subject throws its error with the index first in every path', async () => {
    const list: unknown[] = subjects(5, 14, ['civil-servant']);
    list[3] = { id: 'bad', kind: 'civil-servant', records: [{ id: 'r1', kind: 'accountability', decidedOn: '2026-01-10', events: [{ type: 'repaired', date: '2025-01-01' }] }] };
    const seen: string[] = [];
    const e = await (async () => {
      try {
        for await (const d of evaluateStream(list, { pack: 'cn-yn', action: 'promotion', asOf: '2026-06-01' })) seen.push(d.subject.id);
      } catch (err) {
        return err as InvalidEventLogError;
      }
      return null;
    })();
    expect(seen).toEqual(['s0', 's1', 's2']);
    expect(e).toBeInstanceOf(InvalidEventLogError);
    expect(e!.issues[0]!.path).toEqual([3, 'subject', 'records', 0, 'events', 0]);
  });

  it('stream: with onError, invalid subjects are reported and skipped', async () => {
    const list: unknown[] = subjects(6, 15, ['government']);
    list[1] = { id: 'x', kind: 'ngo' };
    list[4] = 'not a subject';
    const errors: [number, unknown][] = [];
    const out = await collect(evaluateStream(list, { pack: 'cn-jl-tonghua', action: 'honour-selection', asOf: '2026-06-01', onError: (e, i) => errors.push([i, e]) }));
    expect(out.map((d) => d.subject.id)).toEqual(['s0', 's2', 's3', 's5']);
    expect(errors.map(([i]) => i)).toEqual([1, 4]);
    for (const [i, e] of errors) {
      expect(e).toBeInstanceOf(InvalidInputError);
      expect((e as InvalidInputError).issues[0]!.path[0]).toBe(i);
    }
  });

  it('stream: bad options fail when the stream is created, not on the first subject', () => {
    const none: unknown[] = [];
    expect(() => evaluateStream(none, { pack: 'cn-atlantis', action: 'promotion', asOf: '2026-06-01' })).toThrow(UnknownPackError);
    const e = (() => {
      try {
        evaluateStream(none, { pack: 'cn-gd', action: 'excellent-rating', asOf: '2026-06-01' });
      } catch (err) {
        return err as InvalidInputError;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e!.issues[0]!.path).toEqual(['assessmentYear']);
    expect(() => evaluateStream(none, { pack: 'cn-gd', action: 'dismissal' as never, asOf: '2026-06-01' })).toThrow(InvalidInputError);
    expect(() => evaluateStream(none, { pack: 'cn-gd', action: 'promotion', asOf: '2026-13-01' })).toThrow(InvalidInputError);
    expect(() => evaluateStream(none, { pack: 'cn-gd', action: 'promotion', asOf: '2026-06-01', policy: { strictness: 1 } as never })).toThrow(InvalidInputError);
    expect(() => evaluateStream(42 as never, { pack: 'cn-gd', action: 'promotion', asOf: '2026-06-01' })).toThrow(InvalidInputError);
    expect(() => evaluateStream(none, { pack: 'cn-gd', action: 'promotion', asOf: '2026-06-01', progressEvery: 0 })).toThrow(InvalidInputError);
  });

  it('stream: accepts a plain iterable and an empty source (onProgress once, count 0)', async () => {
    const progress: number[] = [];
    expect(await collect(evaluateStream([], { pack: 'cn-nm', action: 'awards', asOf: '2026-06-01', onProgress: (p) => progress.push(p.count) }))).toEqual([]);
    expect(progress).toEqual([0]);
    const list = subjects(3, 16, ['civil-servant']);
    const out = await collect(evaluateStream(new Set(list), { pack: 'cn-nm', action: 'awards', asOf: '2026-06-01' }));
    expect(out.map((d) => d.subject.id)).toEqual(['s0', 's1', 's2']);
  });
});

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
