import { addDaysIso, DATE_RANGE } from '../../_lib/days.js';
import type { RecordState } from '../../lifecycle/internal.js';
import type { QueryContext } from './context.js';
import { statesKnownOn } from '../../lifecycle/internal.js';
import type { OwnedRule } from '../../packs/internal.js';
import { NOT_INTEGRITY_RECORD_KINDS, type RecordKind } from '../../model/vocabulary.js';

export type { QueryFacts, RecordFacts, SubjectFacts } from '../../model/facts.js';
import type { CountStatus, RecordOnDay, RecordView } from './recordView.js';
import type { QueryFacts, RecordFacts, SubjectFacts } from '../../model/facts.js';

/** One (rule, record) pair or one subject-scope rule to evaluate. */
export interface Candidate {
  owned: OwnedRule;
  /** Index into `records`, or -1 for a subject-scope rule. */
  record: number;
  /** The record facts it is evaluated with (null for a subject-scope rule). */
  facts: RecordFacts | null;
  /** Evaluated in the reading where an open period runs longest: if only this fires, the reason is uncertain. */
  latest: boolean;
  /** Excluded before evaluation, but evaluated so the decision can say what it would have done. */
  excluded: 'before-rule' | null;
  /** Reached only because policy `nonRetroactive` is false. */
  retroactive: boolean;
  /** The day the rule's validity was measured against (failure, decision, or the day asked): clauses are cited as in force then. */
  triggerOn: string;
}

export interface DayEvaluation {
  ctx: QueryContext;
  knownOn: string;
  on: string;
  records: RecordOnDay[];
  subject: SubjectFacts;
  query: QueryFacts;
  candidates: Candidate[];
  /** Records a rule resting on the definition of 政务失信记录 did not reach because they are not from official duty. */
  outsideDuty: Map<number, string[]>;
  /** Records whose duty context policy `unknownDutyContext` decided for such a rule. */
  dutyAssumed: Set<number>;
}

function within(from: string, until: string | null, day: string): boolean {
  return from <= day && (until === null || day < until);
}

function ruleInForce(owned: OwnedRule, day: string): boolean {
  const from = owned.rule.validFrom ?? owned.pack.validFrom;
  const until = owned.rule.validUntil ?? owned.pack.validUntil;
  return from <= day && (until === undefined || day <= until);
}

export function ruleValidFrom(owned: OwnedRule): string {
  return owned.rule.validFrom ?? owned.pack.validFrom;
}

export function ruleValidUntil(owned: OwnedRule): string | undefined {
  return owned.rule.validUntil ?? owned.pack.validUntil;
}


/** Is the record a 政务失信记录 of the queried pack's document, for this kind of subject (before the duty test)? */
function isIntegrityKind(ctx: QueryContext, kind: RecordKind): boolean {
  const only = ctx.integrityKindsOnly[kind];
  if (only && !only.includes(ctx.subject.kind)) return false;
  if (ctx.integrityKinds.has(kind)) return true;
  return ctx.policy.unlistedRecordKinds === 'count' && !NOT_INTEGRITY_RECORD_KINDS.includes(kind) && !(kind in ctx.integrityKindsOnly);
}

/** Whether a record counts on a day, under one reading (its end `until`, and whether a pending objection suspends it). */
function view(ctx: QueryContext, s: RecordState, on: string, known: boolean, until: string | null, suspends: boolean): RecordView {
  if (!known) return NOT_YET_DECIDED;
  if (s.voided) {
    const k = s.endedBy?.kind;
    return k === 'sanction-revoked' ? VOIDED_SANCTION_REVOKED : k === 'revoked' ? VOIDED_REVOKED : VOIDED_CORRECTED;
  }
  if (suspends && s.objectionPending) return OBJECTION_PENDING;
  const year = ctx.assessmentYear;
  let inWindow: boolean;
  if (ctx.annual && year !== null && ctx.policy.annualReviewWindow === 'any-day-of-year') {
    const start = `${String(year).padStart(4, '0')}-01-01`;
    const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
    const end = on < yearEnd ? on : yearEnd;
    // [effectiveFrom, until) meets [start, end]
    inWindow = s.effectiveFrom <= end && (until === null || until > start);
  } else {
    inWindow = within(s.effectiveFrom, until, on);
  }
  if (inWindow) return IN_EFFECT;
  const ended = until !== null && until <= on && s.endedBy ? (s.endedBy.kind as CountStatus) : 'outside-window';
  return { counted: false, considered: true, status: ended };
}

// Views that do not depend on the record: shared (they are read, never changed).
const frozenView = (counted: boolean, considered: boolean, status: CountStatus): RecordView => Object.freeze({ counted, considered, status });
const NOT_YET_DECIDED = frozenView(false, false, 'not-yet-decided');
const VOIDED_SANCTION_REVOKED = frozenView(false, false, 'sanction-revoked');
const VOIDED_REVOKED = frozenView(false, false, 'revoked');
const VOIDED_CORRECTED = frozenView(false, false, 'corrected');
const OBJECTION_PENDING = frozenView(false, false, 'objection-pending');
const IN_EFFECT = frozenView(true, true, 'in-effect');

/**
 * A record on a day: its views and facts. Memoised per pack context, record state, day and the
 * question's annual window and assessment year (the only parts of a question it depends on), so the
 * actions asked of a subject and the days clearFrom sweeps share them.
 */
export function recordOnDay(ctx: QueryContext, s: RecordState, on: string, occurredOn: string): RecordOnDay {
  let byDay = ctx.views.get(s);
  if (!byDay) ctx.views.set(s, (byDay = new Map()));
  let byWindow = byDay.get(on);
  if (!byWindow) byDay.set(on, (byWindow = new Map()));
  const window = ctx.annual ? ctx.assessmentYear : -1;
  let r = byWindow.get(window);
  if (!r) byWindow.set(window, (r = recordOnDayUncached(ctx, s, on, occurredOn)));
  return r;
}

function recordOnDayUncached(ctx: QueryContext, s: RecordState, on: string, occurredOn: string): RecordOnDay {
  const known = s.derived ? s.effectiveFrom <= on : s.known;
  const local = view(ctx, s, on, known, s.effectiveUntil, ctx.policy.pendingObjection === 'suspends');
  const statutoryView = view(ctx, s, on, known, s.statutoryUntil, false);
  const year = ctx.assessmentYear;
  const live = known && s.kind === 'disciplinary-sanction' && s.sanctionRevoked === null;
  const period = live ? s.sanctionPeriod : null;
  const decisionYear = year === null ? 0 : Number(s.decisionEffectiveOn.slice(0, 4));
  const inEffectOnAsOf = known && !s.voided && within(s.effectiveFrom, s.effectiveUntil, on);
  const facts: RecordFacts = {
    kind: s.kind,
    sanction: s.sanction,
    isIntegrityRecord: isIntegrityKind(ctx, s.kind),
    inEffectOnAsOf,
    inSanctionPeriod: period !== null && within(period.effectiveOn, s.sanctionUntil, on),
    sanctionedInAssessmentYear: s.kind === 'disciplinary-sanction' && year !== null && decisionYear === year,
    sanctionSpansAssessmentYear:
      period !== null &&
      year !== null &&
      Number(period.effectiveOn.slice(0, 4)) <= year &&
      (s.sanctionUntil === null || Number(s.sanctionUntil.slice(0, 4)) > year),
    decidedInAssessmentYear: year !== null && decisionYear === year,
    rectificationOrdered: s.rectification !== null,
    derived: s.derived,
    objectionPending: s.objectionPending,
    investigationOpen: s.investigation !== null && known && !s.voided && within(s.investigation.openedOn, s.statutoryUntil, on),
    investigationOutcome: s.investigation?.outcome ?? null,
    ungradedForAssessmentYear: year !== null && s.investigation !== null && s.investigation.closedOn !== null && s.investigation.ungradedYears.includes(year),
    decisionInEffect: known && !s.voided && s.decisionEffectiveOn <= on,
    yearsAfterDecision: year === null ? null : year - decisionYear,
    organisationalMeasure: s.organisationalMeasure,
    sanctionLiftsByAssessmentYear: period !== null && year !== null && s.sanctionUntil !== null && Number(s.sanctionUntil.slice(0, 4)) <= year,
  };
  let statutoryFacts = facts;
  if (s.statutoryUntil !== s.effectiveUntil) {
    const inEffect = known && !s.voided && within(s.effectiveFrom, s.statutoryUntil, on);
    statutoryFacts = inEffect === inEffectOnAsOf ? facts : { ...facts, inEffectOnAsOf: inEffect };
  }
  return {
    counted: local.counted,
    considered: local.considered,
    status: local.status,
    state: s,
    facts,
    statutory: { counted: statutoryView.counted, considered: statutoryView.considered, status: statutoryView.status, facts: statutoryFacts },
    sanctionLive: live,
    inDuty: s.inOfficialDuty ?? ctx.policy.unknownDutyContext === 'in-duty',
    occurredOn,
    latest: s.latest ? recordOnDay(ctx, s.latest, on, occurredOn) : null,
  };
}

/** The `query` fact: the action, the assessment year and the reading of the assessment rules policy chose. */
export function queryFacts(ctx: QueryContext): QueryFacts {
  return { action: ctx.query.action, assessmentYear: ctx.assessmentYear, assessmentReading: ctx.policy.assessmentReading };
}

/** Is the record one this rule looks at on the day, in one reading; and with which facts? */
function reach(owned: OwnedRule, r: RecordOnDay): RecordFacts | null {
  const rule = owned.rule;
  if (rule.restsOn === 'sanction') return r.sanctionLive ? r.statutory.facts : null;
  const statutory = owned.pack.statutory;
  const v: RecordView = statutory ? r.statutory : r;
  if (!(rule.records === 'known' ? v.considered : v.counted)) return null;
  return statutory ? r.statutory.facts : r.facts;
}

/**
 * The subject's facts on a day: its own fields, and the counts of its records that count that day.
 * Memoised per pack context, day and annual window (the records' views are).
 */
function subjectFacts(ctx: QueryContext, records: readonly RecordOnDay[], knownOn: string, on: string): SubjectFacts {
  let byDay = ctx.subjectFacts.get(knownOn);
  if (!byDay) ctx.subjectFacts.set(knownOn, (byDay = new Map()));
  let byWindow = byDay.get(on);
  if (!byWindow) byDay.set(on, (byWindow = new Map()));
  const window = ctx.annual ? ctx.assessmentYear : -1;
  let f = byWindow.get(window);
  if (!f) byWindow.set(window, (f = subjectFactsUncached(ctx, records, knownOn)));
  return f;
}

const NO_HONOURS: readonly string[] = Object.freeze([]);

function subjectFactsUncached(ctx: QueryContext, records: readonly RecordOnDay[], knownOn: string): SubjectFacts {
  const subj = ctx.subject;
  const covered = subj.kind === 'civil-servant' || subj.managedUnderCivilServantLaw === true;
  let countedRecords = 0;
  let countedAdverseRecords = 0;
  for (const r of records) {
    if (!r.counted) continue;
    if (r.facts.isIntegrityRecord && r.inDuty) countedRecords++;
    if (r.state.kind !== 'under-investigation') countedAdverseRecords++;
  }
  return {
    kind: subj.kind,
    isPerson: subj.kind === 'civil-servant' || subj.kind === 'public-institution-staff',
    isBody: subj.kind === 'government' || subj.kind === 'department',
    coveredByCivilServantLaw: covered,
    publicServiceRole: subj.kind === 'public-institution-staff' && !covered ? (subj.publicServiceRole ?? null) : null,
    administrativeOrgan: subj.kind === 'civil-servant' ? subj.organ !== 'other' : covered,
    hasCreditFile: subj.creditFile !== undefined && subj.creditFile !== null,
    countedRecords,
    countedAdverseRecords,
    honourLevels: subj.honours && subj.honours.length ? [...new Set(subj.honours.filter((h) => h.date <= knownOn).map((h) => h.level))].sort() : (NO_HONOURS as string[]),
  };
}

/** Where a day's duty findings go (the composition's notes); null when only verdicts are wanted. */
interface DutyFindings {
  outsideDuty: Map<number, string[]>;
  dutyAssumed: Set<number>;
}

// Most days have no duty findings: they share these empty ones, replaced on the first finding.
const NO_OUTSIDE_DUTY: Map<number, string[]> = new Map();
const NO_DUTY_ASSUMED: Set<number> = new Set();

/**
 * The candidates of one record-scope rule and one record on day `on` (none, one, or two with the
 * longest reading of an open period), appended to `out`; `i` is the record's index in the day.
 */
function pushCandidates(ctx: QueryContext, owned: OwnedRule, r: RecordOnDay, i: number, on: string, out: Candidate[], duty: DutyFindings | null): void {
  const rule = owned.rule;
  if (rule.trigger !== 'decision' && !ruleInForce(owned, on)) return;
  if (rule.restsOn === 'integrity-record') {
    // 在履职过程中: the documents' definition of 政务失信记录 (only a record of a listed kind is in question).
    const inQuestion = r.facts.isIntegrityRecord && reach(owned, r) !== null;
    if (!r.inDuty) {
      if (inQuestion && duty) {
        if (duty.outsideDuty === NO_OUTSIDE_DUTY) duty.outsideDuty = new Map();
        duty.outsideDuty.set(i, [...(duty.outsideDuty.get(i) ?? []), rule.id]);
      }
      return;
    }
    if (r.state.inOfficialDuty === null && inQuestion && duty) {
      if (duty.dutyAssumed === NO_DUTY_ASSUMED) duty.dutyAssumed = new Set();
      duty.dutyAssumed.add(i);
    }
  }
  let triggerOn: string;
  if (rule.trigger === 'decision') {
    triggerOn = r.state.decisionEffectiveOn;
    // A later rule governs decisions after this one's end; this one keeps governing its own.
    const until = ruleValidUntil(owned);
    if (until !== undefined && triggerOn > until) return;
  } else if (rule.trigger === 'failure') triggerOn = r.occurredOn;
  else triggerOn = on;
  const before = rule.trigger !== 'status' && triggerOn < ruleValidFrom(owned);
  const excluded = before && ctx.policy.nonRetroactive ? ('before-rule' as const) : null;
  const retroactive = before && !ctx.policy.nonRetroactive;
  const facts = reach(owned, r);
  if (facts) out.push({ owned, record: i, facts, latest: false, excluded, retroactive, triggerOn });
  const latestFacts = r.latest ? reach(owned, r.latest) : null;
  if (latestFacts) out.push({ owned, record: i, facts: latestFacts, latest: true, excluded, retroactive, triggerOn });
}

/**
 * The facts and the (rule, record) pairs to evaluate on day `on`, with what was known on
 * `knownOn` (`knownOn <= on`; equal for an ordinary query).
 */
export function dayEvaluation(ctx: QueryContext, knownOn: string, on: string): DayEvaluation {
  const states = statesKnownOn(ctx.lifecycle, knownOn);
  return dayEvaluationOf(ctx, states, knownOn, on);
}

/** As `dayEvaluation`, with the record states given (those known on `knownOn`). */
export function dayEvaluationOf(ctx: QueryContext, states: readonly RecordState[], knownOn: string, on: string): DayEvaluation {
  const records = states.map((s) => recordOnDay(ctx, s, on, ctx.occurredOn.get(s.id) ?? s.effectiveFrom));
  const subject = subjectFacts(ctx, records, knownOn, on);
  const query: QueryFacts = queryFacts(ctx);
  const candidates: Candidate[] = [];
  const duty: DutyFindings = { outsideDuty: NO_OUTSIDE_DUTY, dutyAssumed: NO_DUTY_ASSUMED };
  for (const owned of ctx.rules) {
    if (owned.rule.scope === 'subject') {
      if (ruleInForce(owned, on)) candidates.push({ owned, record: -1, facts: null, latest: false, excluded: null, retroactive: false, triggerOn: on });
      continue;
    }
    for (let i = 0; i < records.length; i++) pushCandidates(ctx, owned, records[i]!, i, on, candidates, duty);
  }
  return { ctx, knownOn, on, records, subject, query, candidates, outsideDuty: duty.outsideDuty, dutyAssumed: duty.dutyAssumed };
}

/**
 * The candidates of record-days, for verdicts only: each `(state, on)` is one record on one day
 * (with what was known on `knownOn`), its index the position in `days`. The subject facts are
 * `subject` (those of the question's own day): the caller checks `readsOnlyFixedSubjectFacts`.
 */
export function recordDaysEvaluation(ctx: QueryContext, days: readonly { state: RecordState; on: string }[], subject: SubjectFacts, knownOn: string): DayEvaluation {
  const records: RecordOnDay[] = new Array(days.length);
  const candidates: Candidate[] = [];
  for (let i = 0; i < days.length; i++) {
    const { state, on } = days[i]!;
    const r = recordOnDay(ctx, state, on, ctx.occurredOn.get(state.id) ?? state.effectiveFrom);
    records[i] = r;
    // Only rules that give a verdict can make a day non-clear.
    for (const owned of ctx.rules) if (owned.rule.scope !== 'subject' && owned.rule.verdict) pushCandidates(ctx, owned, r, i, on, candidates, null);
  }
  const query: QueryFacts = queryFacts(ctx);
  return { ctx, knownOn, on: knownOn, records, subject, query, candidates, outsideDuty: NO_OUTSIDE_DUTY, dutyAssumed: NO_DUTY_ASSUMED };
}

/** Subject facts that change from one day to another (with the records, or with honours known). */
const DAY_VARYING_SUBJECT_FACTS = new Set(['countedRecords', 'countedAdverseRecords', 'honourLevels']);

function readsVaryingSubjectFact(c: unknown): boolean {
  if (c === null || typeof c !== 'object') return false;
  const o = c as { all?: unknown[]; any?: unknown[]; not?: unknown; fact?: unknown; path?: unknown };
  if (Array.isArray(o.all)) return o.all.some(readsVaryingSubjectFact);
  if (Array.isArray(o.any)) return o.any.some(readsVaryingSubjectFact);
  if (o.not !== undefined) return readsVaryingSubjectFact(o.not);
  return o.fact === 'subject' && typeof o.path === 'string' && DAY_VARYING_SUBJECT_FACTS.has(o.path.split('.')[0]!);
}

const fixedSubjectFactsMemo = new WeakMap<readonly OwnedRule[], boolean>();
/**
 * Can each record's verdict be found on its own change days? Yes unless a rule that gives a verdict
 * is subject-scope, or reads a subject fact that changes with the other records (countedRecords,
 * countedAdverseRecords) or with the day (honourLevels): then every day of the subject is evaluated.
 * No shipped pack has such a rule.
 */
export function readsOnlyFixedSubjectFacts(rules: readonly OwnedRule[]): boolean {
  let ok = fixedSubjectFactsMemo.get(rules);
  if (ok === undefined) {
    ok = rules.every(({ rule }) => !rule.verdict || (rule.scope !== 'subject' && !readsVaryingSubjectFact(rule.conditions)));
    fixedSubjectFactsMemo.set(rules, ok);
  }
  return ok;
}

/** The days on which a record state's facts can change: it takes effect, ends, its sanction period starts or ends. */
export function stateChangeDays(s: RecordState, add: (day: string) => void): void {
  const one = (x: RecordState) => {
    if (x.voided && x.sanctionRevoked) return;
    if (!x.known && !x.derived) return;
    add(x.effectiveFrom);
    add(x.decisionEffectiveOn);
    if (x.effectiveUntil) add(x.effectiveUntil);
    if (x.statutoryUntil) add(x.statutoryUntil);
    if (x.sanctionPeriod) add(x.sanctionPeriod.effectiveOn);
    if (x.sanctionUntil) add(x.sanctionUntil);
  };
  one(s);
  if (s.latest) one(s.latest);
}

/** The days on which a rule comes into force or expires. */
export function ruleChangeDays(rules: readonly OwnedRule[], add: (day: string) => void): void {
  for (const owned of rules) {
    add(ruleValidFrom(owned));
    const until = ruleValidUntil(owned);
    // Nothing is decided after the supported range, so a rule in force to its last day never expires.
    if (until && until < DATE_RANGE.to) add(addDaysIso(until, 1));
  }
}

/**
 * Days after `knownOn` on which some fact or candidate can change, with knowledge fixed at
 * `knownOn`: between two of them every answer is the same.
 */
export function changeDays(ctx: QueryContext, knownOn: string): string[] {
  const days = new Set<string>();
  const add = (d: string) => void days.add(d);
  for (const s of statesKnownOn(ctx.lifecycle, knownOn)) stateChangeDays(s, add);
  ruleChangeDays(ctx.rules, add);
  return [...days].filter((d) => d > knownOn).sort();
}
