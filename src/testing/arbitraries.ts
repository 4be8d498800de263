import * as fc from 'fast-check';
import type { CreditRecord, LifecycleEvent, QueryInput, Subject } from '../model/index.js';
import { packHints, type PackRef } from './_internal/hints.js';
import {
  DEFAULT_DATE_RANGE,
  asOfArb,
  eventPlanArb,
  interpretAsOf,
  interpretRecord,
  interpretSubject,
  recordPlanArb,
  subjectPlanArb,
  type DateRange,
} from './_internal/plans.js';
import { queryArbWith } from './_internal/queries.js';
import { interpretPlan } from './_internal/eventLog.js';
import { InvalidInputError, SUBJECT_KINDS } from './_internal/lib.js';
import { checkArbOptions } from './_internal/args.js';

export type { DateRange, PackRef };
// The options live in arbitraryOptions.ts, which the query builders (_internal/queries.ts) import too.
export type { ArbitraryOptions, QueryArbOptions, RecordArbOptions, SubjectArbOptions } from './arbitraryOptions.js';
import type { ArbitraryOptions, QueryArbOptions, RecordArbOptions, SubjectArbOptions } from './arbitraryOptions.js';

function rangeOf(o: ArbitraryOptions): DateRange {
  return o.dateRange ?? DEFAULT_DATE_RANGE;
}

function hintsOf(o: ArbitraryOptions) {
  return packHints(o.pack !== undefined ? [o.pack] : []);
}

/**
 * Valid lifecycle event logs for one record (异议、答复、报送、减免决定、自我纠错、限期整改、修复、
 * 处分解除、结案, and the recording authority's own correction `record-corrected`, the deciding
 * body's `sanction-changed` / `sanction-revoked`): append-only, in date order, in an order the
 * library accepts — no reply without an objection, nothing after a credit correction but the report
 * to the provincial platform and the deciding body's acts on a sanction, nothing after a sanction's
 * revocation but that report, one mitigation decision, one repair, one lifting (never of a 处分,
 * which lifts by itself at the end of its period and only then), closing only an investigation.
 * Several events often fall on the same day, on `asOf` or the day after it.
 *
 * Shrinks toward fewer events, same-day events, and the first event types of a fixed order.
 *
 * @param options.record - the record the events belong to (its `decidedOn`, `kind`, `mitigation`).
 * @param options.asOf - optional: events are then also placed on `asOf` and the day after.
 * @param options.maxLength - most events. Default 4.
 * @returns an arbitrary of `LifecycleEvent[]` (a self-correction may precede the decision).
 * @example
 * fc.assert(fc.property(eventsArb({ record: { id: 'r1', kind: 'accountability', decidedOn: '2025-03-01' } }),
 *   (events) => events.every((e, i) => i === 0 || events[i - 1]!.date <= e.date)));
 */
export function eventsArb(options: { record: CreditRecord; asOf?: string; maxLength?: number }): fc.Arbitrary<LifecycleEvent[]> {
  checkArbOptions(options, 'eventsArb', ['record']);
  const { record } = options;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new InvalidInputError([{ path: ['options', 'record'], code: 'invalid_type', message: { 'zh-CN': 'record 应为记录对象', en: 'record must be a record object' } }]);
  }
  return eventPlanArb(options.maxLength ?? 4).map((plan) => interpretPlan(plan, record, options.asOf ?? null));
}

/**
 * Valid 政务失信记录 and the records with national effects of their own (诫勉, 组织处理, 刑事处罚,
 * 开除党籍): every kind (the pack's kinds first), sanctions for disciplinary records (now and then
 * with the period the decision fixed), dates placed on the edges that matter — decided on `asOf`,
 * the day before or just after it, a sanction period (6/12/18/24 months, 36/48 combined) ending
 * around `asOf`, the first or last day of a year, the day a rule or a cited clause took effect
 * (2020-07-01) — with or without `occurredOn` / `effectiveOn`, `inOfficialDuty` absent, true or
 * false (在履职过程中), a `severity` or none, self-correction before or after the failure, an
 * authority's mitigation decision, and a valid event log ({@link eventsArb}): pending objections,
 * credit corrections, changed and revoked sanctions, repairs, liftings.
 *
 * Shrinks toward a record decided on `asOf` with no optional fields and no events.
 *
 * @param options - `{ id?, asOf?, pack?, kinds?, dateRange?, maxEvents? }`.
 * @returns an arbitrary of records that `RecordSchema` and the event-log reader accept.
 * @example
 * const [r] = fc.sample(recordArb({ pack: 'cn-tj-binhai', asOf: '2026-06-30' }), { numRuns: 1, seed: 1 });
 */
export function recordArb(options: RecordArbOptions = {}): fc.Arbitrary<CreditRecord> {
  checkArbOptions(options, 'recordArb');
  const hints = hintsOf(options);
  const range = rangeOf(options);
  const plan = recordPlanArb(hints, { kinds: options.kinds, maxEvents: options.maxEvents ?? 4 });
  const id = options.id ?? 'r1';
  if (options.asOf !== undefined) {
    const asOf = options.asOf;
    return plan.map((p) => interpretRecord(p, id, asOf));
  }
  return fc.tuple(asOfArb(hints, range), plan).map(([a, p]) => interpretRecord(p, id, interpretAsOf(a, range)));
}

/**
 * Valid subjects: persons (公务员, with or without the organ they serve in; 事业单位人员 with or
 * without 参照公务员法管理, and if not, with or without a 政务处分法 20 role: `institution-manager`,
 * `authorised-organisation`) and bodies (人民政府, 部门), with or without a credit file (missing,
 * `null`, present), honours for persons (before and after `asOf`), and 0 to `maxRecords` records
 * ({@link recordArb}) with ids `r1`, `r2`, … An empty file is generated often.
 *
 * Shrinks toward a civil servant `p1` with no records.
 *
 * @param options - `{ subjectKinds?, asOf?, pack?, dateRange?, maxRecords?, maxEvents?, kinds? }`.
 * @returns an arbitrary of subjects that `SubjectSchema` accepts.
 * @example
 * fc.sample(subjectArb({ subjectKinds: ['department'], asOf: '2026-01-01' }), 3);
 */
export function subjectArb(options: SubjectArbOptions = {}): fc.Arbitrary<Subject> {
  checkArbOptions(options, 'subjectArb');
  const hints = hintsOf(options);
  const range = rangeOf(options);
  const kinds = options.subjectKinds && options.subjectKinds.length ? options.subjectKinds : SUBJECT_KINDS;
  const plan = subjectPlanArb(hints, fc.constantFrom(...kinds), {
    maxRecords: options.maxRecords ?? 4,
    maxEvents: options.maxEvents ?? 4,
    kinds: options.kinds,
  });
  if (options.asOf !== undefined) {
    const asOf = options.asOf;
    return plan.map((p) => interpretSubject(p, asOf));
  }
  return fc.tuple(asOfArb(hints, range), plan).map(([a, p]) => interpretSubject(p, interpretAsOf(a, range)));
}

/**
 * Valid queries for a pack: an action (the pack's actions first), a subject the action applies
 * to (bodies only for honour selection), `asOf` in `dateRange` and biased to year ends and the
 * days the pack's rules take effect, `assessmentYear` for annual reviews (the year of `asOf` or
 * one before), records placed around `asOf` ({@link subjectArb}), and now and then host policy
 * overrides (`pendingObjection: 'suspends'`, `annualReviewWindow: 'assessment-date'`,
 * `unknownDutyContext: 'not-in-duty'`, `recordLifetimeMonths: 'by-severity'`,
 * `combinedSanctionPeriods: 'longest' | 'sum-capped-48'`, …).
 *
 * Every generated query passes `parseQuery`; shrinking gives small, readable counterexamples:
 * one civil servant, one or two records with a handful of dates, no events or options unless
 * they matter.
 *
 * @param options.pack - pack id or object, used as `query.pack`. Default `'cn-national'`.
 * @param options.actions - only these actions.
 * @param options.dateRange - `{ from, to }` for `asOf`. Default 2016-01-01 … 2026-12-31.
 * @returns an arbitrary of `QueryInput`.
 * @example
 * await fc.assert(fc.asyncProperty(queryArb({ pack: 'cn-gd', actions: ['awards'] }), async (q) => {
 *   const d = await evaluate(q);
 *   return d.verdict === 'clear' || d.reasons.length > 0;
 * }), { numRuns: 200, seed: 1 });
 */
export function queryArb(options: QueryArbOptions = {}): fc.Arbitrary<QueryInput> {
  checkArbOptions(options, 'queryArb');
  return queryArbWith(options, []);
}
