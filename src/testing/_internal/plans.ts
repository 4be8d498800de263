import * as fc from 'fast-check';
import type {
  Action,
  CreditRecord,
  Honour,
  HonourLevel,
  PolicyOverrides,
  QueryInput,
  RecordKind,
  Sanction,
  Subject,
  SubjectKind,
} from '../../model/index.js';
import { addDaysIso, addMonthsIso, fromDayNumber, toDayNumber, yearOf } from './dates.js';
import { type EventPlan, type EventStep, interpretPlan, measuresOf } from './eventLog.js';
import type { PackHints } from './hints.js';
import { SANCTION_PERIOD_MONTHS } from './lib.js';
import { ACTIONS, ACTIONS_BY_SUBJECT, ANNUAL_REVIEW_ACTIONS, HONOUR_LEVELS, RECORD_KINDS, SANCTIONS, SUBJECT_KINDS } from './lib.js';

/*
 * Generation works on small "plans" (numbers and tags) that are interpreted into valid inputs.
 * fast-check shrinks the plan, and every shrunk plan still interprets to a valid input, so
 * counterexamples shrink toward: no records, events and options; dates on or just before
 * `asOf`; the first kind, sanction and event type in a fixed order.
 */

export interface DateRange {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`. */
  to: string;
}

export const DEFAULT_DATE_RANGE: DateRange = { from: '2016-01-01', to: '2026-12-31' };

/* ---------- lists that shrink well ---------- */

/** `arb` or null, null `nilWeight` times in `nilWeight + 1`; shrinks to null. */
export function maybe<T>(arb: fc.Arbitrary<T>, nilWeight: number): fc.Arbitrary<T | null> {
  return fc.oneof({ withCrossShrink: true }, { weight: nilWeight, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}

/**
 * A list of up to `n` items as `n` optional slots. fast-check's array shrinker removes items from
 * the front and may leave a trailing item the failure does not need; an empty slot can be any
 * one, so a counterexample keeps only the items that matter.
 */
export function slots<T>(arb: fc.Arbitrary<T>, n: number, nilWeight = 1): fc.Arbitrary<T[]> {
  if (n <= 0) return fc.constant([]);
  return fc.tuple(...Array.from({ length: n }, () => maybe(arb, nilWeight))).map((xs) => xs.filter((x): x is T => x !== null));
}

/* ---------- events ---------- */

const gapArb: fc.Arbitrary<EventStep['gap']> = fc.oneof(
  { withCrossShrink: true },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 45 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 900 }) },
  { weight: 1, arbitrary: fc.constant('asOf' as const) },
  { weight: 1, arbitrary: fc.constant('afterAsOf' as const) },
);

const stepArb: fc.Arbitrary<EventStep> = fc.record({
  gap: gapArb,
  pick: fc.nat({ max: 9 }),
  a: fc.nat({ max: 11 }),
  b: fc.nat({ max: 3 }),
});

export function eventPlanArb(maxLength: number): fc.Arbitrary<EventPlan> {
  return fc.record({
    pre: fc.option(fc.record({ back: fc.integer({ min: 0, max: 60 }), measures: fc.nat({ max: 7 }) }), { nil: null, freq: 6 }),
    // Two records in five have no events: a record's plain effect is the common case.
    steps: fc.oneof(
      { withCrossShrink: true },
      { weight: 2, arbitrary: fc.constant([] as EventStep[]) },
      { weight: 3, arbitrary: slots(stepArb, maxLength) },
    ),
  });
}

/* ---------- records ---------- */

export type DecidedSpec =
  | { t: 'days'; n: number }
  | { t: 'period'; months: number; delta: number }
  | { t: 'year'; back: number; end: boolean }
  | { t: 'edge'; date: string };

export interface RecordPlan {
  kind: RecordKind;
  sanction: Sanction;
  decided: DecidedSpec;
  occurred: null | { back: number } | { edge: string };
  effective: null | { lag: number } | { nextYear: true };
  selfCorrection: null | { rel: number; measures: number };
  mitigation: null | { after: number; exempt: boolean };
  /** 在履职过程中: absent (0, policy unknownDutyContext decides), true (1) or false (2). */
  duty: 0 | 1 | 2;
  /** 国办发〔2025〕22号 severity: absent (0), minor, general, serious. */
  severity: 0 | 1 | 2 | 3;
  /** A sanction whose decision fixed its period (`periodMonths`) at the statutory length. */
  decidedPeriod: boolean;
  events: EventPlan;
}

/** Statutory months of each sanction (公务员法 64, 政务处分法 8); 开除 has none. */
const SEVERITY_VALUES = [undefined, 'minor', 'general', 'serious'] as const;

function decidedArb(hints: PackHints): fc.Arbitrary<DecidedSpec> {
  const arbs: fc.WeightedArbitrary<DecidedSpec>[] = [
    // Decided on asOf, the day before it, or the day after it (not yet known on asOf).
    { weight: 2, arbitrary: fc.constantFrom(0, 1, -1).map((n) => ({ t: 'days' as const, n })) },
    // Small offsets.
    { weight: 3, arbitrary: fc.integer({ min: -2, max: 40 }).map((n) => ({ t: 'days' as const, n })) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 1600 }).map((n) => ({ t: 'days' as const, n })) },
    // asOf on or around the end of a sanction period (6/12/18/24 months; 36/48 when combined) or a record lifetime.
    {
      weight: 3,
      arbitrary: fc
        .record({ months: fc.constantFrom(6, 12, 18, 24, 36, 48), delta: fc.integer({ min: -2, max: 2 }) })
        .map(({ months, delta }) => ({ t: 'period' as const, months, delta })),
    },
    // The first or last day of asOf's year or an earlier one (assessment-year windows).
    {
      weight: 2,
      arbitrary: fc.record({ back: fc.nat({ max: 2 }), end: fc.boolean() }).map(({ back, end }) => ({ t: 'year' as const, back, end })),
    },
  ];
  if (hints.dates.length) arbs.push({ weight: 1, arbitrary: fc.constantFrom(...hints.dates).map((date) => ({ t: 'edge' as const, date })) });
  return fc.oneof({ withCrossShrink: true }, ...arbs);
}

function kindArb(hints: PackHints, kinds?: readonly RecordKind[]): fc.Arbitrary<RecordKind> {
  if (kinds && kinds.length) return fc.constantFrom(...kinds);
  const preferred = hints.kinds.length ? hints.kinds : [...RECORD_KINDS];
  return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...preferred) }, { weight: 1, arbitrary: fc.constantFrom(...RECORD_KINDS) });
}

export function recordPlanArb(hints: PackHints, opts: { kinds?: readonly RecordKind[]; maxEvents: number }): fc.Arbitrary<RecordPlan> {
  const edges = hints.dates;
  return fc.record({
    kind: kindArb(hints, opts.kinds),
    sanction: fc.constantFrom(...SANCTIONS),
    decided: decidedArb(hints),
    occurred: fc.oneof(
      { withCrossShrink: true },
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 400 }).map((back) => ({ back })) },
      ...(edges.length ? [{ weight: 1, arbitrary: fc.constantFrom(...edges).map((edge) => ({ edge })) }] : []),
    ),
    effective: fc.oneof(
      { withCrossShrink: true },
      { weight: 5, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }).map((lag) => ({ lag })) },
      { weight: 1, arbitrary: fc.constant({ nextYear: true as const }) },
    ),
    // Self-correction relative to the failure: rel < 0 is before it (does not qualify), rel >= 0 after.
    selfCorrection: fc.option(fc.record({ rel: fc.integer({ min: -20, max: 90 }), measures: fc.nat({ max: 7 }) }), { nil: null, freq: 4 }),
    mitigation: fc.option(fc.record({ after: fc.integer({ min: 0, max: 400 }), exempt: fc.boolean() }), { nil: null, freq: 5 }),
    duty: fc.constantFrom(0 as const, 1 as const, 2 as const),
    severity: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    decidedPeriod: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    events: eventPlanArb(opts.maxEvents),
  });
}

function clampNotAfter(d: string, max: string): string {
  return d > max ? max : d;
}

/** Interprets a record plan as seen from `asOf` (the viewpoint the dates are relative to). */
export function interpretRecord(plan: RecordPlan, id: string, asOf: string): CreditRecord {
  let decidedOn: string;
  const d = plan.decided;
  if (d.t === 'days') decidedOn = addDaysIso(asOf, -d.n);
  else if (d.t === 'period') decidedOn = addDaysIso(addMonthsIso(asOf, -d.months), d.delta);
  else if (d.t === 'year') decidedOn = `${String(yearOf(asOf) - d.back).padStart(4, '0')}-${d.end ? '12-31' : '01-01'}`;
  else decidedOn = d.date;
  const r: CreditRecord = { id, kind: plan.kind, decidedOn };
  if (plan.kind === 'disciplinary-sanction') r.sanction = plan.sanction;
  // The statutory length is always within what the law allows, alone or in a group (政务处分法 15).
  if (plan.kind === 'disciplinary-sanction' && plan.decidedPeriod && plan.sanction !== 'expulsion') r.periodMonths = SANCTION_PERIOD_MONTHS[plan.sanction];
  if (plan.duty !== 0) r.inOfficialDuty = plan.duty === 1;
  const severity = SEVERITY_VALUES[plan.severity];
  if (severity) r.severity = severity;
  const o = plan.occurred;
  if (o) r.occurredOn = 'back' in o ? addDaysIso(decidedOn, -o.back) : clampNotAfter(o.edge, decidedOn);
  const e = plan.effective;
  if (e && plan.kind === 'disciplinary-sanction') {
    r.effectiveOn = 'lag' in e ? addDaysIso(decidedOn, e.lag) : `${String(yearOf(decidedOn) + 1).padStart(4, '0')}-01-01`;
  }
  if (plan.selfCorrection) {
    r.selfCorrection = { date: addDaysIso(r.occurredOn ?? decidedOn, plan.selfCorrection.rel), measures: measuresOf(plan.selfCorrection.measures) };
  }
  if (plan.mitigation) r.mitigation = { date: addDaysIso(decidedOn, plan.mitigation.after), outcome: plan.mitigation.exempt ? 'exempt' : 'lighter', by: 'a1' };
  const events = interpretPlan(plan.events, r, asOf);
  if (events.length) r.events = events;
  return r;
}

/* ---------- subjects ---------- */

export interface SubjectPlan {
  kind: SubjectKind;
  managed: 0 | 1 | 2;
  /** For public-institution staff not under the Civil Servant Law: no role (0), institution-manager, authorised-organisation (政务处分法 20). */
  role: 0 | 1 | 2;
  /** For civil servants: organ absent (0), administrative, other (行政机关公务员处分条例 reaches administrative organs). */
  organ: 0 | 1 | 2;
  creditFile: 0 | 1 | 2;
  honours: { level: HonourLevel; back: number }[];
  records: RecordPlan[];
  /**
   * A second sanction of the same kind taking effect on the same day as one of the records (the
   * `pick`-th sanction, modulo their number): 政务处分法 15 / 条例 10 groups them, and their combined
   * period is for the deciding body to fix. Rare by chance alone, so generated on purpose.
   */
  twin: null | { pick: number; maxRecords: number };
}

export function subjectPlanArb(
  hints: PackHints,
  kind: fc.Arbitrary<SubjectKind>,
  opts: { maxRecords: number; maxEvents: number; kinds?: readonly RecordKind[] },
): fc.Arbitrary<SubjectPlan> {
  const records = fc.oneof(
    { withCrossShrink: true },
    { weight: 1, arbitrary: fc.constant([] as RecordPlan[]) },
    { weight: 6, arbitrary: slots(recordPlanArb(hints, opts), opts.maxRecords) },
  );
  return fc.record({
    kind,
    managed: fc.constantFrom(0 as const, 1 as const, 2 as const),
    role: fc.constantFrom(0 as const, 1 as const, 2 as const),
    organ: fc.constantFrom(0 as const, 1 as const, 2 as const),
    creditFile: fc.constantFrom(0 as const, 1 as const, 2 as const),
    honours: slots(fc.record({ level: fc.constantFrom(...HONOUR_LEVELS), back: fc.integer({ min: -3, max: 800 }) }), 2, 3),
    records: opts.maxRecords > 0 ? records : fc.constant([] as RecordPlan[]),
    twin: fc.oneof({ withCrossShrink: true }, { weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.record({ pick: fc.nat({ max: 3 }), maxRecords: fc.constant(opts.maxRecords) }) }),
  });
}

export function interpretSubject(plan: SubjectPlan, asOf: string): Subject {
  const isBody = plan.kind === 'government' || plan.kind === 'department';
  const s: Subject = { id: isBody ? 'b1' : 'p1', kind: plan.kind };
  if (plan.kind === 'public-institution-staff' && plan.managed !== 0) s.managedUnderCivilServantLaw = plan.managed === 1;
  if (plan.kind === 'civil-servant' && plan.managed === 1) s.managedUnderCivilServantLaw = true;
  if (plan.kind === 'public-institution-staff' && s.managedUnderCivilServantLaw !== true && plan.role !== 0) {
    s.publicServiceRole = plan.role === 1 ? 'institution-manager' : 'authorised-organisation';
  }
  if (plan.kind === 'civil-servant' && plan.organ !== 0) s.organ = plan.organ === 1 ? 'administrative' : 'other';
  if (plan.creditFile === 1) s.creditFile = null;
  if (plan.creditFile === 2) s.creditFile = { ref: 'f1' };
  if (!isBody && plan.honours.length) {
    s.honours = plan.honours.map((h, i): Honour => ({ title: `h${i + 1}`, level: h.level, date: addDaysIso(asOf, -h.back) }));
  }
  if (plan.records.length) s.records = plan.records.map((r, i) => interpretRecord(r, `r${i + 1}`, asOf));
  const sanctions = (s.records ?? []).filter((r) => r.kind === 'disciplinary-sanction' && r.sanction !== 'expulsion');
  if (plan.twin && sanctions.length && s.records!.length < plan.twin.maxRecords) {
    const of = sanctions[plan.twin.pick % sanctions.length]!;
    const twin: CreditRecord = { id: `r${s.records!.length + 1}`, kind: of.kind, sanction: of.sanction, decidedOn: of.decidedOn };
    for (const k of ['occurredOn', 'effectiveOn', 'periodMonths', 'inOfficialDuty', 'severity'] as const) if (of[k] !== undefined) (twin as unknown as Record<string, unknown>)[k] = of[k];
    s.records!.push(twin);
  }
  return s;
}

/* ---------- queries ---------- */

export type AsOfSpec = { back: number } | { edge: string };

export function asOfArb(hints: PackHints, range: DateRange): fc.Arbitrary<AsOfSpec> {
  const lo = toDayNumber(range.from);
  const hi = toDayNumber(range.to);
  const edges = new Set<string>();
  for (let y = yearOf(range.from); y <= yearOf(range.to); y++) {
    const ys = String(y).padStart(4, '0');
    for (const md of ['01-01', '12-31']) edges.add(`${ys}-${md}`);
  }
  for (const d of hints.dates) edges.add(d);
  const inRange = [...edges].filter((d) => d >= range.from && d <= range.to).sort().reverse();
  const span = Math.max(0, hi - lo);
  const arbs: fc.WeightedArbitrary<AsOfSpec>[] = [
    // The last three years of the range most (packs in force, calendar data at hand), then any day.
    { weight: 3, arbitrary: fc.integer({ min: 0, max: Math.min(span, 3 * 366) }).map((back) => ({ back })) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: span }).map((back) => ({ back })) },
  ];
  if (inRange.length) arbs.push({ weight: 2, arbitrary: fc.constantFrom(...inRange).map((edge) => ({ edge })) });
  return fc.oneof({ withCrossShrink: true }, ...arbs);
}

export function interpretAsOf(spec: AsOfSpec, range: DateRange): string {
  return 'back' in spec ? fromDayNumber(toDayNumber(range.to) - spec.back) : spec.edge;
}

const LIGHTER_CHOICES = [
  { barred: 'review', restricted: 'review', review: 'review' },
  { barred: 'restricted', restricted: 'restricted', review: 'review' },
  { barred: 'clear', restricted: 'clear', review: 'clear' },
] as const;

/** Host policy overrides, each present or not: shrinking removes them. */
export const policyArb: fc.Arbitrary<PolicyOverrides> = fc.record(
  {
    pendingObjection: fc.constant('suspends' as const),
    annualReviewWindow: fc.constant('assessment-date' as const),
    lighterLowersTo: fc.constantFrom(...LIGHTER_CHOICES).map((x) => ({ ...x })),
    recordLifetimeMonths: fc.constantFrom(12, 36, 'by-severity' as const),
    nonRetroactive: fc.constant(false),
    sanctionPeriodAutoLift: fc.constant(false),
    unlistedRecordKinds: fc.constant('count' as const),
    objectionReplyWorkingDays: fc.constantFrom(15, 7),
    platformReportWorkingDays: fc.constant(5),
    receiptOnNonWorkingDay: fc.constant('next-working-day' as const),
    combinedSanctionPeriods: fc.constantFrom('longest' as const, 'sum-capped-48' as const),
    unknownDutyContext: fc.constant('not-in-duty' as const),
    unknownCalendarYears: fc.constant('weekends-only' as const),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<PolicyOverrides>;

export interface QueryPlan {
  action: Action;
  kindPick: number;
  asOf: AsOfSpec;
  yearBack: number;
  withYear: boolean;
  subject: SubjectPlan;
  policy: PolicyOverrides | null;
}

export interface QueryPlanOptions {
  actions?: readonly Action[];
  subjectKinds?: readonly SubjectKind[];
  kinds?: readonly RecordKind[];
  range: DateRange;
  maxRecords: number;
  maxEvents: number;
  policy: boolean;
}

export function queryPlanArb(hints: PackHints, opts: QueryPlanOptions): fc.Arbitrary<QueryPlan> {
  let action: fc.Arbitrary<Action>;
  if (opts.actions && opts.actions.length) action = fc.constantFrom(...opts.actions);
  else if (hints.actions.length) action = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...hints.actions) }, { weight: 1, arbitrary: fc.constantFrom(...ACTIONS) });
  else action = fc.constantFrom(...ACTIONS);
  return fc.record({
    action,
    kindPick: fc.nat({ max: 35 }),
    asOf: asOfArb(hints, opts.range),
    yearBack: fc.oneof({ withCrossShrink: true }, { weight: 4, arbitrary: fc.nat({ max: 1 }) }, { weight: 1, arbitrary: fc.nat({ max: 3 }) }),
    withYear: fc.boolean(),
    // The subject kind is chosen after the action (bodies only take honour-selection); `kind` here is a placeholder.
    subject: subjectPlanArb(hints, fc.constant('civil-servant' as SubjectKind), opts),
    policy: opts.policy
      ? fc.oneof({ withCrossShrink: true }, { weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: policyArb })
      : fc.constant(null),
  });
}

export function subjectKindsFor(action: Action, allowed?: readonly SubjectKind[]): SubjectKind[] {
  return SUBJECT_KINDS.filter((k) => ACTIONS_BY_SUBJECT[k].includes(action) && (!allowed || allowed.includes(k)));
}

/**
 * The subject kinds for an action as a weighted table (index = `kindPick` modulo its length):
 * civil servants most (every pack speaks to them), bodies about as often as persons where the
 * action allows them, kinds the pack's rules name twice as often. Index 0 is a civil servant
 * where allowed, so shrinking goes there.
 */
export function subjectKindTable(action: Action, hints: PackHints, allowed?: readonly SubjectKind[]): SubjectKind[] {
  const kinds = subjectKindsFor(action, allowed);
  const weight: Record<SubjectKind, number> = { 'civil-servant': 3, 'public-institution-staff': 1, government: 2, department: 2 };
  const table: SubjectKind[] = [];
  for (const k of kinds) {
    const w = weight[k] * (hints.subjectKinds.includes(k) ? 2 : 1);
    for (let i = 0; i < w; i++) table.push(k);
  }
  return table;
}

export function interpretQuery(plan: QueryPlan, pack: QueryInput['pack'], opts: QueryPlanOptions, hints: PackHints): QueryInput {
  const asOf = interpretAsOf(plan.asOf, opts.range);
  const kinds = subjectKindTable(plan.action, hints, opts.subjectKinds);
  const kind = kinds.length ? kinds[plan.kindPick % kinds.length]! : 'civil-servant';
  const subject = interpretSubject({ ...plan.subject, kind }, asOf);
  const q: QueryInput = { pack, subject, action: plan.action, asOf };
  const year = yearOf(asOf) - plan.yearBack;
  if (ANNUAL_REVIEW_ACTIONS.includes(plan.action) || plan.withYear) q.assessmentYear = Math.max(1949, year);
  if (plan.policy && Object.keys(plan.policy).length) q.policy = plan.policy;
  return q;
}
