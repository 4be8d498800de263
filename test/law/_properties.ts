/**
 * The general laws of issues 10, 12 and 16 as fast-check properties. `properties.test.ts` runs them
 * lightly (npm test); `properties.heavy.test.ts` runs them long (npm run test:heavy). Each property
 * states the law it checks in its name.
 */
import * as fc from 'fast-check';
import { expect, it } from 'vitest';
import { createEvaluator, getPack, type CreditRecord, type Decision, type LifecycleEvent, type Pack, type PolicyOverrides, type QueryInput, type Subject } from '../../src/index.js';
import {
  MONTHS,
  PERIOD_SANCTIONS,
  RESTS_ON,
  SANCTION_ACTIONS,
  SEED,
  SEVERITY,
  addDays,
  asOfArb,
  decide,
  fromDay,
  lastDayOf,
  queryOf,
  queryPlanArb,
  reasonKey,
  refusal,
  statutoryReasons,
  toDay,
  withRecord,
  type PeriodSanction,
} from './_support.js';

const opts = (numRuns: number) => ({ numRuns, seed: SEED });
const recordsOf = (q: QueryInput) => ((q.subject as Subject).records ?? []) as CreditRecord[];
const sorted = (xs: string[]) => [...xs].sort();

/** 10.1: 在履职过程中 narrows the local definition only. */
export function officialDutyProperty(numRuns: number): void {
  it(`10.1 setting inOfficialDuty: false never raises a verdict and never changes a statutory (cn-national) reason (${numRuns} runs)`, () => {
    fc.assert(
      fc.property(queryPlanArb(), fc.nat(), (plan, pick) => {
        const q = queryOf(plan);
        const t = pick % recordsOf(q).length;
        const v = withRecord(q, t, (r) => ({ ...r, inOfficialDuty: false }));
        const d = decide(q);
        const dv = decide(v);
        expect(SEVERITY[dv.verdict]!).toBeLessThanOrEqual(SEVERITY[d.verdict]!);
        expect(sorted(statutoryReasons(dv).map(reasonKey))).toEqual(sorted(statutoryReasons(d).map(reasonKey)));
        // Rules resting on the definition no longer reach the record; the decision says so.
        const id = recordsOf(q)[t]!.id;
        for (const r of dv.reasons) if (r.records.includes(id)) expect(RESTS_ON.get(r.rule), r.rule).not.toBe('integrity-record');
        if (d.reasons.some((r) => r.records.includes(id) && RESTS_ON.get(r.rule) === 'integrity-record')) {
          expect(dv.notes.some((n) => n.code === 'outside-official-duty' && n.records?.includes(id))).toBe(true);
        }
      }),
      opts(numRuns),
    );
  });
}

/** A day between a and b inclusive, chosen by a fraction. */
const between = (a: string, b: string, f: number) => fromDay(toDay(a) + Math.floor(f * (toDay(b) - toDay(a) + 1)) - (f === 1 ? 1 : 0));

/** A query whose first record is a disciplinary sanction with a period, decided on or before asOf, with no events. */
const sanctionQueryArb = (actions: readonly string[] = SANCTION_ACTIONS) =>
  fc.tuple(queryPlanArb(actions as never), fc.constantFrom(...PERIOD_SANCTIONS)).map(([plan, sanction]) => {
    const records = [{ ...plan.person.records[0]!, kind: 'disciplinary-sanction' as const, sanction }, ...plan.person.records.slice(1)];
    return queryOf({ ...plan, person: { ...plan.person, records } });
  });

/** 10.3: the credit layer and the sanction layer. */
export function correctionProperty(numRuns: number): void {
  it(`10.3 a credit correction (objection corrected/revoked, record-corrected) never removes a reason resting on the sanction, and removes the local ones; sanction-revoked removes every reason of the record (${numRuns} runs)`, () => {
    fc.assert(
      fc.property(
        sanctionQueryArb(['promotion', 'salary-step', 'excellent-rating', 'annual-rating', 'appointment', 'awards']),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('objection', 'authority', 'revoke-sanction'),
        fc.constantFrom('corrected', 'revoked'),
        (q, f1, f2, how, outcome) => {
          const target = recordsOf(q)[0]!;
          const d1 = between(target.decidedOn, String(q.asOf), Math.min(f1, f2));
          const d2 = between(target.decidedOn, String(q.asOf), Math.max(f1, f2));
          const events: LifecycleEvent[] =
            how === 'objection'
              ? [
                  { type: 'objection-filed', date: d1, channel: 'credit-platform' },
                  { type: 'objection-replied', date: d2, outcome: outcome as 'corrected' | 'revoked' },
                ]
              : how === 'authority'
                ? [{ type: 'record-corrected', date: d2, outcome: outcome as 'corrected' | 'revoked', by: 'credit-office' }]
                : [{ type: 'sanction-revoked', date: d2, by: 'review-board' }];
          const v = withRecord(q, 0, (r) => ({ ...r, events }));
          const d = decide(q);
          const dv = decide(v);
          const mine = (x: Decision) => x.reasons.filter((r) => r.records.includes(target.id));
          if (how === 'revoke-sanction') {
            expect(mine(dv)).toEqual([]);
          } else {
            const onSanction = (x: Decision) => sorted(mine(x).filter((r) => RESTS_ON.get(r.rule) === 'sanction').map(reasonKey));
            expect(onSanction(dv)).toEqual(onSanction(d));
            // What is left of the record is what rests on the sanction.
            for (const r of mine(dv)) expect(RESTS_ON.get(r.rule), r.rule).toBe('sanction');
          }
        },
      ),
      opts(numRuns),
    );
  });
}

/** 10.4: no early lifting. */
export function earlyLiftingProperty(numRuns: number): void {
  it(`10.4 a sanction-lifted before the period's end is refused with the earliest lawful day; on or after it, accepted (${numRuns} runs)`, () => {
    fc.assert(
      fc.property(
        asOfArb,
        fc.constantFrom(...PERIOD_SANCTIONS),
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 400 }),
        fc.boolean(),
        (decidedOn, sanction, lag, f, after, early) => {
          const effectiveOn = addDays(decidedOn, lag);
          const last = lastDayOf(effectiveOn, MONTHS[sanction]);
          const liftsOn = addDays(last, 1);
          const lifted = early ? between(decidedOn, last, f) : addDays(liftsOn, after);
          const record = { id: 's1', kind: 'disciplinary-sanction', sanction, decidedOn, ...(lag ? { effectiveOn } : {}), events: [{ type: 'sanction-lifted', date: lifted }] } as CreditRecord;
          // Asked before, on or after the lifting: the log is judged the same way.
          const asOf = between(decidedOn, addDays(lifted, 200), f);
          const q = { pack: 'cn-national', subject: { id: 'p1', kind: 'civil-servant', records: [record] }, action: 'promotion', asOf } as QueryInput;
          const e = refusal(q);
          if (early) {
            expect(e?.name).toBe('InvalidEventLogError');
            const issue = e!.issues.find((i) => i.code === 'lifted_early');
            expect(issue?.path).toEqual(['subject', 'records', 0, 'events', 0]);
            expect(issue?.message.en).toContain(liftsOn);
            expect(issue?.message['zh-CN']).toContain(liftsOn);
            expect(issue?.message.en).toContain('s1');
          } else {
            expect(e).toBeNull();
          }
        },
      ),
      opts(numRuns),
    );
  });
}

const HEAVIER: Record<PeriodSanction, PeriodSanction[]> = {
  warning: ['demerit', 'major-demerit', 'demotion', 'removal'],
  demerit: ['major-demerit', 'demotion', 'removal'],
  'major-demerit': ['demotion', 'removal'],
  demotion: ['removal'],
  removal: [],
};

/** Shares its effective day and kind with another sanction of the subject (政务处分法 15 groups them). */
function inGroup(records: CreditRecord[], i: number, sanction: string): boolean {
  const r = records[i]!;
  const day = r.effectiveOn ?? r.decidedOn;
  return records.some((x, j) => j !== i && x.kind === 'disciplinary-sanction' && x.sanction === sanction && (x.effectiveOn ?? x.decidedOn) === day);
}

/** 10.5: the heavier sanction never has the lighter effect. */
export function heavierSanctionProperty(numRuns: number): void {
  it(`10.5 replacing a sanction with a heavier one (same dates) never lowers the verdict for annual-rating, excellent-rating, promotion, salary-step (${numRuns} runs)`, () => {
    fc.assert(
      fc.property(sanctionQueryArb(), fc.nat(), (q, pick) => {
        const records = recordsOf(q);
        const from = records[0]!.sanction as PeriodSanction;
        const options = HEAVIER[from];
        fc.pre(options.length > 0);
        const to = options[pick % options.length]!;
        // 政务处分法 15 makes same-kind sanctions taking effect together one group, whose period the
        // body may fix up to the sum: two 记大过 may run 36 months, 降级 + 记大过 runs 24 (the heaviest
        // is executed). Outside such groups the heavier sanction is never the milder one.
        fc.pre(!inGroup(records, 0, from) && !inGroup(records, 0, to));
        const v = withRecord(q, 0, (r) => ({ ...r, sanction: to }));
        const d = decide(q);
        const dv = decide(v);
        expect(SEVERITY[dv.verdict]!, `${from} → ${to}: ${d.verdict} → ${dv.verdict}`).toBeGreaterThanOrEqual(SEVERITY[d.verdict]!);
      }),
      opts(numRuns),
    );
  });
}

/** 16.1: a decided combined period. */
export function decidedPeriodProperty(numRuns: number): void {
  it(`16.1 a decided periodMonths inside the bounds (one period … the capped sum) is used; outside them it is a typed error at that field (${numRuns} runs)`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDay('2020-07-01'), max: toDay('2026-06-30') }).map(fromDay),
        fc.constantFrom(...PERIOD_SANCTIONS),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 60 }),
        fc.nat(),
        (effectiveOn, sanction, n, months, at) => {
          const single = MONTHS[sanction];
          const hi = n > 1 ? Math.min(48, single * n) : 48;
          const carrier = at % n;
          const records = Array.from({ length: n }, (_, i) => ({
            id: `s${i + 1}`,
            kind: 'disciplinary-sanction',
            sanction,
            decidedOn: effectiveOn,
            ...(i === carrier ? { periodMonths: months } : {}),
          })) as CreditRecord[];
          const last = lastDayOf(effectiveOn, months);
          const q = { pack: 'cn-national', subject: { id: 'p1', kind: 'civil-servant', records }, action: 'promotion', asOf: last } as QueryInput;
          const e = refusal(q);
          if (months < single || months > hi) {
            expect(e?.name, `${n} × ${sanction}, ${months} months`).toBe('InvalidInputError');
            expect(e!.issues.some((i) => i.path.join('.') === `subject.records.${carrier}.periodMonths`)).toBe(true);
          } else {
            expect(e, `${n} × ${sanction}, ${months} months`).toBeNull();
            const d = decide(q);
            expect(d.verdict).toBe('barred');
            expect(d.clearFrom).toBe(addDays(last, 1));
            expect(d.reasons.every((r) => r.uncertain === null)).toBe(true);
            expect(decide({ ...q, asOf: addDays(last, 1) }).verdict).toBe('clear');
          }
        },
      ),
      opts(numRuns),
    );
  });
}

/** 16.1: a combined period not yet fixed. */
export function toBeFixedProperty(numRuns: number): void {
  it(`16.1 to-be-fixed: through one period barred; every later day up to the capped sum at most review (uncertain); clearFrom the day after the latest end (${numRuns} runs)`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDay('2020-07-01'), max: toDay('2026-06-30') }).map(fromDay),
        fc.constantFrom(...PERIOD_SANCTIONS),
        fc.integer({ min: 2, max: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('promotion', 'salary-step'),
        (effectiveOn, sanction, n, f, action) => {
          fc.pre(action === 'promotion' || sanction !== 'warning');
          const single = MONTHS[sanction];
          const certainLast = lastDayOf(effectiveOn, single);
          const latestLast = lastDayOf(effectiveOn, Math.min(48, single * n));
          const records = Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, kind: 'disciplinary-sanction', sanction, decidedOn: effectiveOn })) as CreditRecord[];
          const base = { pack: 'cn-national', subject: { id: 'p1', kind: 'civil-servant', records }, action } as unknown as QueryInput;
          const inTail = between(addDays(certainLast, 1), latestLast, f);
          const tail = decide({ ...base, asOf: inTail });
          expect(tail.verdict).toBe('review');
          expect(tail.reasons.length).toBeGreaterThan(0);
          for (const r of tail.reasons) {
            expect(SEVERITY[r.verdict]!).toBeLessThanOrEqual(SEVERITY.review!);
            expect(r.uncertain).not.toBeNull();
          }
          expect(tail.clearFrom).toBe(addDays(latestLast, 1));
          expect(tail.notes.some((x) => x.code === 'period-to-be-fixed')).toBe(true);
          const inCertain = between(effectiveOn, certainLast, f);
          const certain = decide({ ...base, asOf: inCertain });
          expect(certain.verdict).toBe('barred');
          expect(certain.reasons.every((r) => r.uncertain === null)).toBe(true);
          expect(certain.clearFrom).toBe(addDays(latestLast, 1));
          expect(decide({ ...base, asOf: addDays(latestLast, 1) }).verdict).toBe('clear');
        },
      ),
      opts(numRuns),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// 12: policy never lowers a statutory reason, except where the law leaves the choice open.

const policyArb: fc.Arbitrary<PolicyOverrides> = fc.record(
  {
    pendingObjection: fc.constantFrom('counts', 'suspends'),
    annualReviewWindow: fc.constantFrom('any-day-of-year', 'assessment-date'),
    lighterLowersTo: fc.constantFrom(
      { barred: 'review', restricted: 'review', review: 'review' },
      { barred: 'clear', restricted: 'clear', review: 'clear' },
      { barred: 'restricted', restricted: 'review', review: 'clear' },
    ),
    recordLifetimeMonths: fc.constantFrom(null, 1, 3, 12, 'by-severity', { minor: 1, general: 3, serious: 12 }),
    nonRetroactive: fc.boolean(),
    sanctionPeriodAutoLift: fc.boolean(),
    unlistedRecordKinds: fc.constantFrom('count', 'ignore'),
    unknownDutyContext: fc.constantFrom('in-duty', 'not-in-duty'),
    combinedSanctionPeriods: fc.constantFrom('to-be-fixed', 'sum-capped-48', 'longest'),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<PolicyOverrides>;

/** Statutory reasons, by rule and records, with the most severe verdict of each. */
function statutoryByKey(d: Decision): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of statutoryReasons(d)) {
    const k = `${r.rule}|${r.records.join(',')}`;
    out.set(k, Math.max(out.get(k) ?? 0, SEVERITY[r.verdict]!));
  }
  return out;
}

const policyPacks = new Map<string, Pack>();
/** A host pack on top of a shipped one that sets the policy (the channel a province would use). */
function packWithPolicy(base: string, policy: PolicyOverrides): Pack {
  const key = `${base}|${JSON.stringify(policy)}`;
  let p = policyPacks.get(key);
  if (!p) {
    const b = getPack(base);
    const clause = { id: 'HOST-1', section: '—', quote: b.clauses[0]!.quote, reading: { 'zh-CN': '宿主政策', en: 'host policy' }, handledBy: { kind: 'policy', why: { 'zh-CN': '宿主政策', en: 'host policy' } } };
    p = {
      id: `${base}-host`,
      version: '1.0.0',
      name: { 'zh-CN': '宿主政策包', en: 'host policy pack' },
      division: b.division,
      document: structuredClone(b.document),
      extends: [base],
      validFrom: b.validFrom,
      recordKinds: { ...structuredClone(b.recordKinds), clauses: ['HOST-1'] },
      clauses: [clause],
      rules: [],
      mitigation: { permits: [], subjects: [], clauses: [], reading: { 'zh-CN': '无', en: 'none' } },
      policy,
    } as unknown as Pack;
    policyPacks.set(key, p);
  }
  return p;
}

export function statutoryPolicyProperty(numRuns: number): void {
  it(`12 a query's, host's or pack's policy never lowers a statutory (cn-national) reason, except combinedSanctionPeriods, which is then noted with the law that leaves it open (${numRuns} runs)`, () => {
    fc.assert(
      fc.property(queryPlanArb(), policyArb, fc.constantFrom('query', 'host', 'pack'), (plan, policy, channel) => {
        fc.pre(Object.keys(policy).length > 0);
        const q = queryOf(plan);
        // Objections and self-corrections give the options something to bite on.
        const withEvents = withRecord(q, 0, (r) => ({
          ...r,
          events: [
            { type: 'objection-filed', date: r.decidedOn, channel: 'determining-department' },
            { type: 'self-correction', date: r.decidedOn, measures: ['recovered-losses'] },
            { type: 'mitigation-decided', date: r.decidedOn, outcome: 'exempt', by: 'hr' },
          ] as LifecycleEvent[],
        }));
        const base = decide(withEvents);
        let variant: Decision;
        if (channel === 'query') variant = decide({ ...withEvents, policy });
        else if (channel === 'host') variant = decide(withEvents, policy);
        else {
          const pack = packWithPolicy(plan.pack, policy);
          variant = createFor(pack).evaluate({ ...withEvents, pack });
        }
        const before = statutoryByKey(base);
        const after = statutoryByKey(variant);
        const lowered = [...before].filter(([k, s]) => (after.get(k) ?? 0) < s);
        if (lowered.length) {
          expect(policy.combinedSanctionPeriods, `lowered ${lowered.map(([k]) => k).join('; ')} under ${JSON.stringify(policy)}`).toBeDefined();
          expect(policy.combinedSanctionPeriods).not.toBe('to-be-fixed');
          const note = variant.notes.find((n) => n.code === 'policy' && n.policy === 'combinedSanctionPeriods');
          expect(note?.source).toBe(channel);
          expect(note?.message.en).toContain('政务处分法 15');
          expect(note?.message['zh-CN']).toContain('政务处分法第十五条');
        }
        // Every option the variant relied on and that came from the channel is noted with that source.
        for (const n of variant.notes.filter((x) => x.code === 'policy')) {
          if (n.policy && n.policy in policy) expect(n.source, n.policy).toBe(channel);
        }
      }),
      opts(numRuns),
    );
  });
}

const packEvaluators = new WeakMap<Pack, ReturnType<typeof createEvaluator>>();
function createFor(pack: Pack) {
  let ev = packEvaluators.get(pack);
  if (!ev) {
    ev = createEvaluator(pack);
    packEvaluators.set(pack, ev);
  }
  return ev;
}

/** Every law property, at the light (npm test) or heavy (npm run test:heavy) number of runs. */
export function lawProperties(scale: 'light' | 'heavy'): void {
  const n = (light: number, heavy: number) => (scale === 'light' ? light : heavy);
  officialDutyProperty(n(150, 3000));
  correctionProperty(n(150, 3000));
  earlyLiftingProperty(n(200, 3000));
  heavierSanctionProperty(n(150, 3000));
  decidedPeriodProperty(n(200, 3000));
  toBeFixedProperty(n(100, 2000));
  statutoryPolicyProperty(n(150, 3000));
}
