/**
 * decideSubject: one subject, many packs and actions at once, deep-equal to asking one by one (with
 * `evaluate` and with compiled evaluators), the same first error where a question fails, and its own
 * options checked. decideSubject.heavy.test.ts runs 2,000 subjects.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar, decideSubject, InvalidInputError, InvalidEventLogError, getPack, untyped, UnknownPackError } from '../../src/index.js';
import { generateSubject, Rng } from './_support/generate.js';
import { compareSubjectAtOnce } from './_support/subjectAtOnce.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

const PACKS = [...SHIPPED_PACKS];
const AS_OF = ['2026-12-20', '2024-06-30', '2021-01-01', '2019-12-31', '2026-10-08'];

function subjects(n: number, seed: number): Record<string, unknown>[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, (_, i) => generateSubject(rng, `s${i}`, { records: [0, 6] }));
}

describe('decideSubject', () => {
  it('equals asking every pack and action one by one (evaluate and compiled), on 120 generated subjects', async () => {
    const t = await compareSubjectAtOnce(subjects(120, 9100), { packs: PACKS, asOf: (i) => AS_OF[i % AS_OF.length]!, assessmentYear: 2019 }, (i) => i % 3 === 0);
    expect(t.decisions).toBeGreaterThan(2_000);
  });

  it('with a policy, a host calendar, explicit actions, Dates and pack objects', async () => {
    const calendar = createCalendar({ unknownYears: 'weekends-only' });
    const t = await compareSubjectAtOnce(
      subjects(40, 9200),
      { packs: ['cn-gd', getPack('cn-jl-tonghua')], actions: ['awards', 'honour-selection'], asOf: (i) => AS_OF[i % AS_OF.length]!, policy: { recordLifetimeMonths: 12, pendingObjection: 'suspends' }, calendar },
      (i) => i % 2 === 0,
    );
    expect(t.decisions + t.errors).toBeGreaterThan(40);
    const d = decideSubject({ id: 'p', kind: 'civil-servant' }, { packs: ['cn-gd'], actions: ['promotion'], asOf: new Date(Date.UTC(2026, 0, 1)) });
    expect(d['cn-gd']!.promotion!.asOf).toBe('2026-01-01');
  });

  it('the first failing question’s error, as asking one by one would throw it', async () => {
    // An invalid subject; an unknown second pack; an annual action without a year; a bad event log.
    const bad = [{ id: 'p', kind: 'civil-servant', records: [{ id: 'r', kind: 'warning', decidedOn: '2026-02-30' }] }];
    const t1 = await compareSubjectAtOnce(bad, { packs: PACKS, asOf: () => '2026-06-01' }, () => true);
    expect(t1.errors).toBe(1);
    expect(() => decideSubject(untyped({ id: 'p', kind: 'civil-servant' }), { packs: ['cn-gd', 'cn-nowhere'], asOf: '2026-06-01' })).toThrow(UnknownPackError);
    expect(() => decideSubject(untyped({ id: 'p', kind: 'civil-servant' }), { packs: ['cn-gd'], actions: ['promotion', 'excellent-rating'], asOf: '2026-06-01' })).toThrow(InvalidInputError);
    const log = { id: 'p', kind: 'civil-servant', records: [{ id: 'r', kind: 'administrative-penalty', decidedOn: '2026-01-01', events: [{ type: 'objection-replied', outcome: 'upheld', date: '2026-02-01' }] }] };
    expect(() => decideSubject(untyped(log), { packs: ['cn-gd'], asOf: '2026-06-01' })).toThrow(InvalidEventLogError);
    const t2 = await compareSubjectAtOnce([log, { id: 'g', kind: 'government', records: [] }], { packs: ['cn-gd', 'cn-nowhere'], asOf: () => '2026-06-01', actions: ['honour-selection', 'promotion'] }, () => true);
    expect(t2.errors).toBe(2);
  });

  it('refuses options it cannot use', () => {
    const s = { id: 'p', kind: 'civil-servant' } as const;
    const issue = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as InvalidInputError).issues[0]!.path.join('.'), (e as InvalidInputError).issues[0]!.code];
      }
      return null;
    };
    expect(issue(() => decideSubject(s, { packs: [], asOf: '2026-01-01' }))).toEqual(['options.packs', 'invalid_type']);
    expect(issue(() => decideSubject(s, { packs: ['cn-gd', 'cn-gd'], asOf: '2026-01-01' }))).toEqual(['options.packs.1', 'duplicate']);
    expect(issue(() => decideSubject(s, { packs: ['cn-gd'], actions: ['awards', 'awards'], asOf: '2026-01-01' }))).toEqual(['options.actions.1', 'duplicate']);
    expect(issue(() => decideSubject(s, { packs: ['cn-gd'], actions: [], asOf: '2026-01-01' }))).toEqual(['options.actions', 'invalid_type']);
    expect(issue(() => decideSubject(s, { packs: ['cn-gd'], asOf: '2026-01-01', pakc: 1 } as never))).toEqual(['options.pakc', 'unrecognized_key']);
    expect(issue(() => decideSubject(s, null as never))).toEqual(['options', 'invalid_type']);
  });

  it('keys decisions by pack and action, in the order asked; annual actions only with a year', () => {
    const s = { id: 'p', kind: 'civil-servant', records: [{ id: 'r', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-03-15' }] } as const;
    const d = decideSubject(s, { packs: ['cn-tj-binhai', 'cn-national'], asOf: '2026-06-01' });
    expect(Object.keys(d)).toEqual(['cn-tj-binhai', 'cn-national']);
    expect(Object.keys(d['cn-national']!)).toEqual(['promotion', 'salary-step', 'appointment', 'awards', 'honour-selection', 'recruitment']);
    expect(d['cn-national']!.promotion!.clearFrom).toBe('2026-09-16');
    const y = decideSubject(s, { packs: ['cn-tj-binhai'], asOf: '2026-12-20', assessmentYear: 2026 });
    expect(y['cn-tj-binhai']!['excellent-rating']!.verdict).toBe('barred');
    expect(y['cn-tj-binhai']!.promotion!.assessmentYear).toBeNull();
  });
});
