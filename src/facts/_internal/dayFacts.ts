import { addDaysIso, DATE_RANGE } from '../../_lib/days.js';
import type { RecordState } from '../../lifecycle/_internal/reduce.js';
import type { QueryContext } from './context.js';
import { statesKnownOn } from '../../lifecycle/_internal/subjectStates.js';
import type { OwnedRule } from '../../packs/_internal/resolve.js';
import { PERSONAL_STATUS_RECORD_KINDS, type RecordKind } from '../../model/vocabulary.js';

/** The `record` fact: what rule conditions may read about one record on one day. */
export interface RecordFacts {
  kind: string;
  sanction: string | null;
  isIntegrityRecord: boolean;
  inEffectOnAsOf: boolean;
  inSanctionPeriod: boolean;
  sanctionedInAssessmentYear: boolean;
  sanctionSpansAssessmentYear: boolean;
  decidedInAssessmentYear: boolean;
  rectificationOrdered: boolean;
  derived: boolean;
  objectionPending: boolean;
}

export interface SubjectFacts {
  kind: string;
  isPerson: boolean;
  isBody: boolean;
  coveredByCivilServantLaw: boolean;
  publicServiceRole: string | null;
  administrativeOrgan: boolean;
  hasCreditFile: boolean;
  countedRecords: number;
  countedAdverseRecords: number;
  honourLevels: string[];
}

export interface QueryFacts {
  action: string;
  assessmentYear: number | null;
}

/** Why a record does or does not count on a day. */
export type CountStatus =
  | 'in-effect'
  | 'not-yet-decided'
  | 'revoked'
  | 'corrected'
  | 'sanction-revoked'
  | 'objection-pending'
  | 'outside-window'
  | 'repaired'
  | 'lifted'
  | 'period-ended'
  | 'expired'
  | 'investigation-closed';

/** Whether a record counts on a day, under one reading of the time policies. */
export interface RecordView {
  /** Counts under the time policy (the general rule). */
  counted: boolean;
  /** Known and not voided or suspended (what `records: 'known'` rules look at). */
  considered: boolean;
  status: CountStatus;
}

export interface RecordOnDay extends RecordView {
  state: RecordState;
  /** The facts local rules read (every policy applied). */
  facts: RecordFacts;
  /**
   * The view and facts of statutory rules: a record lifetime set by policy does not end what the
   * law attaches to it, and a pending objection does not suspend it (复核、申诉期间不停止执行).
   */
  statutory: RecordView & { facts: RecordFacts };
  /** A sanction known and not revoked: what `restsOn: 'sanction'` rules look at. */
  sanctionLive: boolean;
  /** 在履职过程中, as the record says or policy `unknownDutyContext` reads it. */
  inDuty: boolean;
  /** occurredOn (or decidedOn), for `trigger: 'failure'`. */
  occurredOn: string;
  /** The reading in which the deciding body fixes the longest period the law allows (政务处分法 15), where it is open. */
  latest: RecordOnDay | null;
}

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

const NOT_INTEGRITY_KINDS = new Set<RecordKind>(['under-investigation', ...PERSONAL_STATUS_RECORD_KINDS]);

/** Is the record a 政务失信记录 of the queried pack's document, for this kind of subject (before the duty test)? */
function isIntegrityKind(ctx: QueryContext, kind: RecordKind): boolean {
  const only = ctx.integrityKindsOnly[kind];
  if (only && !only.includes(ctx.subject.kind)) return false;
  if (ctx.integrityKinds.has(kind)) return true;
  return ctx.policy.unlistedRecordKinds === 'count' && !NOT_INTEGRITY_KINDS.has(kind) && !(kind in ctx.integrityKindsOnly);
}

function view(ctx: QueryContext, s: RecordState, on: string, known: boolean, until: string | null, suspends: boolean): RecordView {
  if (!known) return { counted: false, considered: false, status: 'not-yet-decided' };
  if (s.voided) {
    const k = s.endedBy?.kind;
    return { counted: false, considered: false, status: k === 'sanction-revoked' ? 'sanction-revoked' : k === 'revoked' ? 'revoked' : 'corrected' };
  }
  if (suspends && s.objectionPending) return { counted: false, considered: false, status: 'objection-pending' };
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
  const ended = until !== null && until <= on && s.endedBy ? (s.endedBy.kind as CountStatus) : 'outside-window';
  return { counted: inWindow, considered: true, status: inWindow ? 'in-effect' : ended };
}

function recordOnDay(ctx: QueryContext, s: RecordState, on: string, occurredOn: string): RecordOnDay {
  const known = s.derived ? s.effectiveFrom <= on : s.known;
  const local = view(ctx, s, on, known, s.effectiveUntil, ctx.policy.pendingObjection === 'suspends');
  const statutoryView = view(ctx, s, on, known, s.statutoryUntil, false);
  const year = ctx.assessmentYear;
  const live = known && s.kind === 'disciplinary-sanction' && s.sanctionRevoked === null;
  const period = live ? s.sanctionPeriod : null;
  const decisionYear = Number(s.decisionEffectiveOn.slice(0, 4));
  const facts: RecordFacts = {
    kind: s.kind,
    sanction: s.sanction,
    isIntegrityRecord: isIntegrityKind(ctx, s.kind),
    inEffectOnAsOf: known && !s.voided && within(s.effectiveFrom, s.effectiveUntil, on),
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
  };
  const statutoryFacts =
    s.statutoryUntil === s.effectiveUntil ? facts : { ...facts, inEffectOnAsOf: known && !s.voided && within(s.effectiveFrom, s.statutoryUntil, on) };
  return {
    ...local,
    state: s,
    facts,
    statutory: { ...statutoryView, facts: statutoryFacts },
    sanctionLive: live,
    inDuty: s.inOfficialDuty ?? ctx.policy.unknownDutyContext === 'in-duty',
    occurredOn,
    latest: s.latest ? recordOnDay(ctx, s.latest, on, occurredOn) : null,
  };
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
 * The facts and the (rule, record) pairs to evaluate on day `on`, with what was known on
 * `knownOn` (`knownOn <= on`; equal for an ordinary query).
 */
export function dayEvaluation(ctx: QueryContext, knownOn: string, on: string): DayEvaluation {
  const states = statesKnownOn(ctx.lifecycle, knownOn);
  const records = states.map((s) => recordOnDay(ctx, s, on, ctx.occurredOn.get(s.id) ?? s.effectiveFrom));
  const subj = ctx.subject;
  const covered = subj.kind === 'civil-servant' || subj.managedUnderCivilServantLaw === true;
  const subject: SubjectFacts = {
    kind: subj.kind,
    isPerson: subj.kind === 'civil-servant' || subj.kind === 'public-institution-staff',
    isBody: subj.kind === 'government' || subj.kind === 'department',
    coveredByCivilServantLaw: covered,
    publicServiceRole: subj.kind === 'public-institution-staff' && !covered ? (subj.publicServiceRole ?? null) : null,
    administrativeOrgan: subj.kind === 'civil-servant' ? subj.organ !== 'other' : covered,
    hasCreditFile: subj.creditFile !== undefined && subj.creditFile !== null,
    countedRecords: records.filter((r) => r.counted && r.facts.isIntegrityRecord && r.inDuty).length,
    countedAdverseRecords: records.filter((r) => r.counted && r.state.kind !== 'under-investigation').length,
    honourLevels: [...new Set((subj.honours ?? []).filter((h) => h.date <= knownOn).map((h) => h.level))].sort(),
  };
  const query: QueryFacts = { action: ctx.query.action, assessmentYear: ctx.assessmentYear };
  const candidates: Candidate[] = [];
  const outsideDuty = new Map<number, string[]>();
  const dutyAssumed = new Set<number>();
  for (const owned of ctx.rules) {
    const rule = owned.rule;
    if (rule.scope === 'subject') {
      if (ruleInForce(owned, on)) candidates.push({ owned, record: -1, facts: null, latest: false, excluded: null, retroactive: false, triggerOn: on });
      continue;
    }
    const from = ruleValidFrom(owned);
    const until = ruleValidUntil(owned);
    if (rule.trigger !== 'decision' && !ruleInForce(owned, on)) continue;
    records.forEach((r, i) => {
      if (rule.restsOn === 'integrity-record') {
        // 在履职过程中: the documents' definition of 政务失信记录 (only a record of a listed kind is in question).
        const inQuestion = r.facts.isIntegrityRecord && reach(owned, r) !== null;
        if (!r.inDuty) {
          if (inQuestion) outsideDuty.set(i, [...(outsideDuty.get(i) ?? []), rule.id]);
          return;
        }
        if (r.state.inOfficialDuty === null && inQuestion) dutyAssumed.add(i);
      }
      let triggerOn: string;
      if (rule.trigger === 'decision') {
        triggerOn = r.state.decisionEffectiveOn;
        // A later rule governs decisions after this one's end; this one keeps governing its own.
        if (until !== undefined && triggerOn > until) return;
      } else if (rule.trigger === 'failure') triggerOn = r.occurredOn;
      else triggerOn = on;
      const before = rule.trigger !== 'status' && triggerOn < from;
      const excluded = before && ctx.policy.nonRetroactive ? ('before-rule' as const) : null;
      const base = { owned, record: i, excluded, retroactive: before && !ctx.policy.nonRetroactive, triggerOn };
      const facts = reach(owned, r);
      if (facts) candidates.push({ ...base, facts, latest: false });
      const latestFacts = r.latest ? reach(owned, r.latest) : null;
      if (latestFacts) candidates.push({ ...base, facts: latestFacts, latest: true });
    });
  }
  return { ctx, knownOn, on, records, subject, query, candidates, outsideDuty, dutyAssumed };
}

/**
 * Days after `knownOn` on which some fact or candidate can change, with knowledge fixed at
 * `knownOn`: between two of them every answer is the same.
 */
export function changeDays(ctx: QueryContext, knownOn: string): string[] {
  const days = new Set<string>();
  const addState = (s: RecordState) => {
    if (s.voided && s.sanctionRevoked) return;
    if (!s.known && !s.derived) return;
    days.add(s.effectiveFrom);
    if (s.effectiveUntil) days.add(s.effectiveUntil);
    if (s.statutoryUntil) days.add(s.statutoryUntil);
    if (s.sanctionPeriod) days.add(s.sanctionPeriod.effectiveOn);
    if (s.sanctionUntil) days.add(s.sanctionUntil);
  };
  for (const s of statesKnownOn(ctx.lifecycle, knownOn)) {
    addState(s);
    if (s.latest) addState(s.latest);
  }
  for (const owned of ctx.rules) {
    days.add(ruleValidFrom(owned));
    const until = ruleValidUntil(owned);
    // Nothing is decided after the supported range, so a rule in force to its last day never expires.
    if (until && until < DATE_RANGE.to) days.add(addDaysIso(until, 1));
  }
  return [...days].filter((d) => d > knownOn).sort();
}
