import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/_lib/days.js';
import { evaluate, getPack, listPacks, recordState, type Decision, type QueryInput, type Subject } from '../../src/index.js';
import { queryArb, recordArb } from '../../src/testing/arbitraries.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

const SEED = Number(process.env.LIFECYCLE_SEED ?? 20261122);
const PACKS = [...SHIPPED_PACKS];

/** What was known on `asOf`: records decided later, and events and honours dated later, are dropped. */
function knownOn(subject: Subject, asOf: string): Subject {
  return {
    ...subject,
    honours: subject.honours?.filter((h) => h.date <= asOf),
    records: (subject.records ?? [])
      .filter((r) => r.decidedOn <= asOf)
      .map((r) => ({
        ...r,
        events: r.events?.filter((e) => e.date <= asOf),
        selfCorrection: r.selfCorrection && r.selfCorrection.date <= asOf ? r.selfCorrection : undefined,
        mitigation: r.mitigation && r.mitigation.date <= asOf ? r.mitigation : undefined,
      })),
  };
}

/**
 * Lifecycle properties at `recordRuns` runs for recordState and `decisionRuns` per pack and property
 * for decisions: properties.test.ts runs them light, properties.heavy.test.ts ten times longer.
 */
export function defineLifecycleProperties(recordRuns: number, decisionRuns: number): void {
  const params = (numRuns: number) => ({ numRuns, seed: SEED, endOnFailure: true });

  describe('recordState (fast-check)', () => {
    it('is deterministic and never reports a corrected or revoked record (or revoked sanction) as in effect after the event', () => {
      fc.assert(
        fc.property(recordArb({ asOf: '2026-06-30', maxEvents: 6 }), fc.integer({ min: -400, max: 400 }), (record, offset) => {
          const asOf = addDaysIso('2026-06-30', offset);
          const a = recordState(record, asOf, { pack: 'cn-jl-tonghua' });
          const b = recordState(structuredClone(record), asOf, { pack: 'cn-jl-tonghua' });
          expect(b).toEqual(a);
          const voiding = (record.events ?? []).find(
            (e) => (e.type === 'objection-replied' && e.outcome !== 'upheld') || e.type === 'record-corrected' || e.type === 'sanction-revoked',
          );
          if (voiding && voiding.date <= asOf) {
            expect(a.voided).toBe(true);
            expect(a.effectiveUntil).toBe(a.effectiveFrom);
          }
          if (!voiding || voiding.date > asOf) expect(a.voided).toBe(false);
        }),
        params(recordRuns),
      );
    });
  });

  describe.each(PACKS)('decisions over lifecycles, %s (fast-check)', (pack) => {
    it('do not depend on the order records are listed in (deep-equal)', async () => {
      await fc.assert(
        fc.asyncProperty(queryArb({ pack, maxRecords: 4 }), async (q: QueryInput) => {
          const s = q.subject as Subject;
          const reversed = { ...q, subject: { ...s, records: [...(s.records ?? [])].reverse() } };
          const rs = s.records ?? [];
          const rotated = { ...q, subject: { ...s, records: [...rs.slice(1), ...rs.slice(0, 1)] } };
          const base: Decision = await evaluate(q);
          expect(await evaluate(reversed)).toEqual(base);
          expect(await evaluate(rotated)).toEqual(base);
        }),
        params(decisionRuns),
      );
    });

    // Rules resting on a 处分 follow the sanction, which a credit correction leaves standing (issue 10.3).
    const onSanction = new Set(listPacks().flatMap((p) => getPack(p.id).rules.filter((r) => r.restsOn === 'sanction').map((r) => r.id)));

    it('never count a revoked or corrected record once the reply is known (the sanction itself, if any, stands)', async () => {
      await fc.assert(
        fc.asyncProperty(queryArb({ pack, maxRecords: 3, maxEvents: 6 }), async (q: QueryInput) => {
          const d = await evaluate(q);
          for (const r of (q.subject as Subject).records ?? []) {
            const voiding = (r.events ?? []).find((e) => e.type === 'objection-replied' && e.outcome !== 'upheld');
            if (!voiding || voiding.date > (q.asOf as string)) continue;
            expect(d.records.find((x) => x.id === r.id)?.counted).toBe(false);
            expect(d.reasons.filter((x) => !onSanction.has(x.rule)).flatMap((x) => x.records)).not.toContain(r.id);
          }
        }),
        params(decisionRuns),
      );
    });

    it('clearFrom is a day on which the same question is clear, and the day before it is not', async () => {
      await fc.assert(
        fc.asyncProperty(queryArb({ pack, maxRecords: 3 }), async (q: QueryInput) => {
          const d = await evaluate(q);
          if (d.verdict === 'clear') {
            expect(d.clearFrom).toBe(d.asOf);
            return;
          }
          if (d.clearFrom === null) return;
          expect(d.clearFrom > d.asOf).toBe(true);
          const subject = knownOn(q.subject as Subject, d.asOf);
          const on = await evaluate({ ...q, subject, asOf: d.clearFrom });
          const before = await evaluate({ ...q, subject, asOf: addDaysIso(d.clearFrom, -1) });
          expect(on.verdict).toBe('clear');
          expect(before.verdict).not.toBe('clear');
        }),
        params(decisionRuns),
      );
    });
  });
}
