/**
 * The timeline re-plans sanction periods incrementally (PeriodTracker): on each day a sanction
 * becomes known, changes or is revoked, only the groups it touches (and the 条例 10 ② chain of the
 * sanctions before 2020-07-01) are planned again. Its plans must be those of planning every
 * sanction again that day (periodsKnownOn).
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/engine/_internal/context.js';
import { periodsKnownOn, PeriodTracker } from '../../src/lifecycle/_internal/subjectStates.js';
import { parseQuery } from '../../src/model/parse.js';
import { generateQueries } from '../engine/_support/generate.js';
import { subjectWithRecords } from '../../bench/roster.js';

function outcome<T>(f: () => T): { ok: true; value: T } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    return { ok: false, error: (e as { issues?: unknown }).issues ?? e };
  }
}

describe('PeriodTracker', () => {
  it('gives the plans of periodsKnownOn on every knowledge day of 400 generated subjects', () => {
    let days = 0;
    let plans = 0;
    for (const q of generateQueries('cn-national', 400, 8100, { records: [2, 14], invalidShare: 0 })) {
      let ctx;
      try {
        ctx = buildContext(parseQuery({ ...q, asOf: '2015-01-01', assessmentYear: undefined, action: (q.subject as { kind: string }).kind === 'government' || (q.subject as { kind: string }).kind === 'department' ? 'honour-selection' : 'promotion' }));
      } catch {
        continue;
      }
      const l = ctx.lifecycle;
      const sanctions = l.entries.filter((e) => e.record.kind === 'disciplinary-sanction');
      const knowledge = [...new Set(sanctions.flatMap((e) => [e.record.decidedOn, ...e.events.filter((p) => p.event.type === 'sanction-changed' || p.event.type === 'sanction-revoked').map((p) => p.event.date)]))].sort();
      const tracker = new PeriodTracker(l);
      let first = true;
      for (const day of ['2015-01-01', ...knowledge.filter((d) => d > '2015-01-01')]) {
        const changed = first ? [...l.entries] : sanctions.filter((e) => e.record.decidedOn === day || e.events.some((p) => p.event.date === day));
        first = false;
        const a = outcome(() => {
          tracker.update(changed, day);
          return new Map(tracker.plans);
        });
        const b = outcome(() => new Map(periodsKnownOn(l, day)));
        expect(isDeepStrictEqual(a, b), `${JSON.stringify(q.subject)} on ${day}`).toBe(true);
        if (!a.ok) break;
        days++;
        plans += a.value.size;
      }
    }
    expect(days).toBeGreaterThan(500);
    expect(plans).toBeGreaterThan(500);
  });

  // Issue 25: the tracker appends sanctions to the 条例 10 ② chain as they become known in order of
  // effect, and plans it again where a change reaches back (a change, a revocation, a group joined).
  it('gives the plans of periodsKnownOn on every knowledge day of a subject with 400 records (long chains before 2020-07-01)', () => {
    const ctx = buildContext(parseQuery({ pack: 'cn-national', subject: subjectWithRecords(400, 7), action: 'promotion', asOf: '2015-01-01' }));
    const l = ctx.lifecycle;
    const sanctions = l.entries.filter((e) => e.record.kind === 'disciplinary-sanction');
    const knowledge = [...new Set(sanctions.flatMap((e) => [e.record.decidedOn, ...e.events.map((p) => p.event.date)]))].sort();
    const tracker = new PeriodTracker(l);
    let remainders = 0;
    for (const day of knowledge) {
      tracker.update(sanctions.filter((e) => e.record.decidedOn === day || e.events.some((p) => p.event.date === day)), day);
      const want = periodsKnownOn(l, day);
      expect(isDeepStrictEqual(new Map(tracker.plans), new Map(want)), `on ${day}`).toBe(true);
      remainders = [...want.values()].filter((p) => p.determination === 'remainder').length;
    }
    expect(remainders).toBeGreaterThan(10);
  });
});
