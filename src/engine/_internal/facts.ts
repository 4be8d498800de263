import { addDaysIso, DATE_RANGE } from '../../_lib/days.js';
import type { RecordState } from '../../lifecycle/_internal/reduce.js';
import type { QueryContext } from './context.js';
import { statesKnownOn } from './context.js';
import type { OwnedRule } from './resolve.js';

/** The `record` fact: what rule conditions may read about one record on one day. */
export interface RecordFacts {
  kind: string;
  sanction: string | null;
  isIntegrityRecord: boolean;
  inEffectOnAsOf: boolean;
  inSanctionPeriod: boolean;
  sanctionedInAssessmentYear: boolean;
  derived: boolean;
  objectionPending: boolean;
}

export interface SubjectFacts {
  kind: string;
  isPerson: boolean;
  isBody: boolean;
  coveredByCivilServantLaw: boolean;
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
  | 'objection-pending'
  | 'outside-window'
  | 'repaired'
  | 'lifted'
  | 'period-ended'
  | 'expired'
  | 'investigation-closed';

export interface RecordOnDay {
  state: RecordState;
  facts: RecordFacts;
  /** Counts under the time policy (the general rule). */
  counted: boolean;
  /** Known and not voided or suspended (what `records: 'known'` rules look at). */
  considered: boolean;
  status: CountStatus;
  /** occurredOn (or decidedOn) for non-retroactivity. */
  occurredOn: string;
}

/** One (rule, record) pair or one subject-scope rule to evaluate. */
export interface Candidate {
  owned: OwnedRule;
  /** Index into `records`, or -1 for a subject-scope rule. */
  record: number;
  /** Excluded before evaluation, but evaluated so the decision can say what it would have done. */
  excluded: 'before-rule' | null;
}

export interface DayEvaluation {
  ctx: QueryContext;
  knownOn: string;
  on: string;
  records: RecordOnDay[];
  subject: SubjectFacts;
  query: QueryFacts;
  candidates: Candidate[];
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

function recordOnDay(ctx: QueryContext, s: RecordState, on: string, occurredOn: string): RecordOnDay {
  const known = s.derived ? s.effectiveFrom <= on : s.known;
  const inEffect = known && !s.voided && within(s.effectiveFrom, s.effectiveUntil, on);
  const year = ctx.assessmentYear;
  let status: CountStatus;
  let counted = false;
  let considered = false;
  if (!known) status = 'not-yet-decided';
  else if (s.voided) status = s.endedBy?.kind === 'revoked' ? 'revoked' : 'corrected';
  else if (s.objectionPending && ctx.policy.pendingObjection === 'suspends') status = 'objection-pending';
  else {
    considered = true;
    let inWindow: boolean;
    if (ctx.annual && year !== null && ctx.policy.annualReviewWindow === 'any-day-of-year') {
      const start = `${String(year).padStart(4, '0')}-01-01`;
      const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
      const end = on < yearEnd ? on : yearEnd;
      // [effectiveFrom, effectiveUntil) meets [start, end]
      inWindow = s.effectiveFrom <= end && (s.effectiveUntil === null || s.effectiveUntil > start);
    } else {
      inWindow = inEffect;
    }
    counted = inWindow;
    status = inWindow ? 'in-effect' : s.endedBy && s.endedBy.on <= on ? (s.endedBy.kind as CountStatus) : 'outside-window';
  }
  const effectiveYear = s.sanctionPeriod ? Number(s.sanctionPeriod.effectiveOn.slice(0, 4)) : null;
  const facts: RecordFacts = {
    kind: s.kind,
    sanction: s.sanction,
    isIntegrityRecord:
      ctx.integrityKinds.has(s.kind) || (ctx.policy.unlistedRecordKinds === 'count' && s.kind !== 'under-investigation'),
    inEffectOnAsOf: inEffect,
    inSanctionPeriod: known && s.sanctionPeriod !== null && within(s.sanctionPeriod.effectiveOn, s.sanctionUntil, on),
    sanctionedInAssessmentYear:
      s.kind === 'disciplinary-sanction' && year !== null && (effectiveYear ?? Number(s.effectiveFrom.slice(0, 4))) === year,
    derived: s.derived,
    objectionPending: s.objectionPending,
  };
  return { state: s, facts, counted, considered, status, occurredOn };
}

/**
 * The facts and the (rule, record) pairs to evaluate on day `on`, with what was known on
 * `knownOn` (`knownOn <= on`; equal for an ordinary query).
 */
export function dayEvaluation(ctx: QueryContext, knownOn: string, on: string): DayEvaluation {
  const states = statesKnownOn(ctx, knownOn);
  const records = states.map((s) => {
    return recordOnDay(ctx, s, on, ctx.occurredOn.get(s.id) ?? s.effectiveFrom);
  });
  const subj = ctx.subject;
  const subject: SubjectFacts = {
    kind: subj.kind,
    isPerson: subj.kind === 'civil-servant' || subj.kind === 'public-institution-staff',
    isBody: subj.kind === 'government' || subj.kind === 'department',
    coveredByCivilServantLaw: subj.kind === 'civil-servant' || subj.managedUnderCivilServantLaw === true,
    hasCreditFile: subj.creditFile !== undefined && subj.creditFile !== null,
    countedRecords: records.filter((r) => r.counted && r.facts.isIntegrityRecord).length,
    countedAdverseRecords: records.filter((r) => r.counted && r.state.kind !== 'under-investigation').length,
    honourLevels: [...new Set((subj.honours ?? []).filter((h) => h.date <= knownOn).map((h) => h.level))].sort(),
  };
  const query: QueryFacts = { action: ctx.query.action, assessmentYear: ctx.assessmentYear };
  const candidates: Candidate[] = [];
  for (const owned of ctx.rules) {
    if (!ruleInForce(owned, on)) continue;
    if (owned.rule.scope === 'subject') {
      candidates.push({ owned, record: -1, excluded: null });
      continue;
    }
    const wantsKnown = owned.rule.records === 'known';
    const from = ruleValidFrom(owned);
    records.forEach((r, i) => {
      if (!(wantsKnown ? r.considered : r.counted)) return;
      const before = ctx.policy.nonRetroactive && r.occurredOn < from;
      candidates.push({ owned, record: i, excluded: before ? 'before-rule' : null });
    });
  }
  return { ctx, knownOn, on, records, subject, query, candidates };
}

/**
 * Days after `knownOn` on which some fact or candidate can change, with knowledge fixed at
 * `knownOn`: between two of them every answer is the same.
 */
export function changeDays(ctx: QueryContext, knownOn: string): string[] {
  const days = new Set<string>();
  for (const s of statesKnownOn(ctx, knownOn)) {
    if (s.voided || (!s.known && !s.derived)) continue;
    days.add(s.effectiveFrom);
    if (s.effectiveUntil) days.add(s.effectiveUntil);
    if (s.sanctionPeriod) days.add(s.sanctionPeriod.effectiveOn);
    if (s.sanctionUntil) days.add(s.sanctionUntil);
  }
  for (const owned of ctx.rules) {
    days.add(ruleValidFrom(owned));
    const until = owned.rule.validUntil ?? owned.pack.validUntil;
    // Nothing is decided after the supported range, so a rule in force to its last day never expires.
    if (until && until < DATE_RANGE.to) days.add(addDaysIso(until, 1));
  }
  return [...days].filter((d) => d > knownOn).sort();
}
