import { addDaysIso } from '../../_lib/days.js';
import { createCalendar } from '../../calendar/createCalendar.js';
import type { CalendarImpl } from '../../calendar/_internal/CalendarImpl.js';
import { toCalendar } from '../../deadlines/_internal/build.js';
import type { LegalBasis } from '../../deadlines/types.js';
import { readEventLog, type PlacedEvent } from '../../lifecycle/_internal/eventLog.js';
import { reduceRecord, type RecordState } from '../../lifecycle/_internal/reduce.js';
import { planSanctionPeriods, sanctionAsKnown } from '../../lifecycle/_internal/sanctionPeriods.js';
import type { Pack } from '../../model/pack.js';
import type { Policy, PolicyKey } from '../../model/policy.js';
import type { Query } from '../../model/query.js';
import type { CreditRecord } from '../../model/record.js';
import type { Subject } from '../../model/subject.js';
import { ANNUAL_REVIEW_ACTIONS, type RecordKind } from '../../model/vocabulary.js';
import { atRecordField, atRectificationDue, planWithinRange } from './dateFields.js';
import { lookupPack } from './registry.js';
import { effectivePolicy, resolvePack, type OwnedRule, type PolicySource, type ResolvedPack } from './resolve.js';

export interface Entry {
  record: CreditRecord;
  /** Where the record sits in the query (`['subject', 'records', i]`), for errors about it. */
  path: (string | number)[];
  events: PlacedEvent[];
  derived: boolean;
  /** For a derived record: the record it follows from and the clauses that derive it. */
  derivedFrom: { record: string; clauses: string[]; pack: string } | null;
}

/** Everything about a query that does not depend on the day evaluated. */
export interface QueryContext {
  query: Query;
  pack: Pack;
  resolved: ResolvedPack;
  policy: Policy;
  policySource: Record<PolicyKey, PolicySource>;
  calendar: CalendarImpl;
  subject: Subject;
  entries: Entry[];
  annual: boolean;
  assessmentYear: number | null;
  integrityKinds: ReadonlySet<RecordKind>;
  /** Kinds the pack counts for some subjects only (NM-7: arrears of bodies). */
  integrityKindsOnly: Partial<Record<RecordKind, readonly string[]>>;
  objectionReply: { days: number; basis: LegalBasis; source: 'pack' | 'policy' } | null;
  platformReport: { days: number; basis: LegalBasis; source: 'pack' | 'policy' } | null;
  derivation: { clauses: string[]; pack: string } | null;
  /** Rules for this subject kind and action, in evaluation order (validity by date is checked per day). */
  rules: OwnedRule[];
  /** occurredOn (or decidedOn) of each host record, for non-retroactivity; derived records use their own date. */
  occurredOn: ReadonlyMap<string, string>;
  /** Memo of record states by knowledge date. */
  statesByKnownOn: Map<string, RecordState[]>;
}

const calendars = new Map<string, CalendarImpl>();
/** The calendar a policy asks for: the shared default one, or one per option pair, made once. */
export function calendarFor(policy: Policy): CalendarImpl {
  if (policy.unknownCalendarYears === 'error' && policy.receiptOnNonWorkingDay === 'day-after-receipt') return toCalendar(undefined, []);
  const key = `${policy.unknownCalendarYears}|${policy.receiptOnNonWorkingDay}`;
  let c = calendars.get(key);
  if (!c) {
    c = toCalendar(createCalendar({ unknownYears: policy.unknownCalendarYears, receiptOnNonWorkingDay: policy.receiptOnNonWorkingDay }), []);
    calendars.set(key, c);
  }
  return c;
}

function basisOf(resolved: ResolvedPack, packId: string, clauseId: string): LegalBasis {
  const clause = resolved.clause(packId, clauseId);
  return { clause: clauseId, document: resolved.documentOf(packId, clause), section: clause.section };
}

/** Builds the day-independent part of a parsed query: pack, policy, calendar, checked event logs. */
export interface ContextOptions {
  /** A calendar to use as is (recordState's option, checked there). */
  calendar?: CalendarImpl;
  /** The host's calendar data (schedules, overlays), answering as the decision's policy says. */
  hostCalendar?: CalendarImpl;
  /** The host's policy options (createEvaluator, evaluateStream, the CLI), between the pack's and the query's. */
  hostPolicy?: Query['policy'];
  /** The chain a compiled evaluator compiled, so that a pack replaced later does not reach it. */
  resolved?: ResolvedPack;
}

export function buildContext(query: Query, options: ContextOptions = {}): QueryContext {
  const pack = typeof query.pack === 'string' ? lookupPack(query.pack) : query.pack;
  // A compiled evaluator passes the chain it compiled, so a pack replaced later does not reach it.
  const resolved = options.resolved ?? resolvePack(pack);
  const { policy, source } = effectivePolicy(resolved, options.hostPolicy, query.policy);
  const subject = query.subject;
  // Records in id order: a decision depends on the set of records, not on how the host listed them.
  const entries: Entry[] = (subject.records ?? [])
    .map((record, i) => ({
      record,
      path: ['subject', 'records', i],
      events: readEventLog(record, ['subject', 'records', i]),
      derived: false,
      derivedFrom: null,
    }))
    .sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  // Deadlines come from the nearest pack in the chain that fixes them, else from host policy.
  let objectionReply: QueryContext['objectionReply'] = null;
  let platformReport: QueryContext['platformReport'] = null;
  let derivation: QueryContext['derivation'] = null;
  for (const p of resolved.chain) {
    const o = p.objections;
    if (o?.replyWorkingDays) objectionReply = { days: o.replyWorkingDays.days, basis: basisOf(resolved, p.id, o.replyWorkingDays.clause), source: 'pack' };
    if (o?.platformReportWorkingDays)
      platformReport = { days: o.platformReportWorkingDays.days, basis: basisOf(resolved, p.id, o.platformReportWorkingDays.clause), source: 'pack' };
    for (const d of p.derivations ?? []) derivation = { clauses: d.clauses, pack: p.id };
  }
  const hostBasis: LegalBasis = { clause: 'host-policy', document: 'host policy' };
  if (!objectionReply && policy.objectionReplyWorkingDays !== null)
    objectionReply = { days: policy.objectionReplyWorkingDays, basis: { ...hostBasis, section: 'objectionReplyWorkingDays' }, source: 'policy' };
  if (!platformReport && policy.platformReportWorkingDays !== null)
    platformReport = { days: policy.platformReportWorkingDays, basis: { ...hostBasis, section: 'platformReportWorkingDays' }, source: 'policy' };
  const rules = resolved.rules.filter(
    ({ rule }) => rule.subjects.includes(subject.kind) && (rule.actions.length === 0 || rule.actions.includes(query.action)),
  );
  const ctx: QueryContext = {
    query,
    pack,
    resolved,
    policy,
    policySource: source,
    // The host's calendar data answers as the decision's policy says, so the policy notes stay true.
    calendar:
      options.calendar ??
      (options.hostCalendar
        ? options.hostCalendar._withOptions({ unknownYears: policy.unknownCalendarYears, receiptOnNonWorkingDay: policy.receiptOnNonWorkingDay })
        : calendarFor(policy)),
    subject,
    entries,
    annual: ANNUAL_REVIEW_ACTIONS.includes(query.action),
    assessmentYear: query.assessmentYear ?? null,
    integrityKinds: new Set(pack.recordKinds.kinds),
    integrityKindsOnly: pack.recordKinds.only ?? {},
    objectionReply,
    platformReport,
    derivation,
    rules,
    occurredOn: new Map(entries.map((e) => [e.record.id, e.record.occurredOn ?? e.record.decidedOn])),
    statesByKnownOn: new Map(),
  };
  // A 处分 lifted before its period ends is refused (公务员法 65): checked with what was known on the
  // lifting day, so that the log is refused whatever day the question is asked, not only from then on.
  for (const e of entries) {
    if (e.record.kind !== 'disciplinary-sanction') continue;
    for (const p of e.events) if (p.event.type === 'sanction-lifted') statesKnownOn(ctx, p.event.date);
  }
  return ctx;
}

/**
 * Record states as known on `knownOn`: the host's records, then the records the pack derives
 * from them (GD-7), each reduced from its events. The periods of the subject's sanctions are
 * planned together first (政务处分法 15, 条例 10). Memoised per day.
 */
export function statesKnownOn(ctx: QueryContext, knownOn: string): RecordState[] {
  const hit = ctx.statesByKnownOn.get(knownOn);
  if (hit) return hit;
  const sanctions = [];
  for (const e of ctx.entries) {
    const s = sanctionAsKnown(e.record, e.events, knownOn, e.path);
    if (s) sanctions.push({ id: e.record.id, sanction: s });
  }
  const periods = planWithinRange(sanctions, (some) => planSanctionPeriods(some, ctx.policy));
  const base = {
    knownOn,
    policy: ctx.policy,
    calendar: ctx.calendar,
    objectionReply: ctx.objectionReply,
    platformReport: ctx.platformReport,
    periods,
  };
  const states = ctx.entries.map((e) => atRecordField(e.record, e.events, e.path, knownOn, () => reduceRecord(e.record, e.events, { ...base, prefix: e.path }, false)));
  if (ctx.derivation) {
    for (const s of [...states]) {
      const r = s.rectification;
      if (!s.known || s.voided || !r || (r.completedOn !== null && r.completedOn <= r.dueOn)) continue;
      const events = ctx.entries.find((e) => e.record.id === s.id)?.events ?? [];
      states.push(
        atRectificationDue(s.id, events, r.dueOn, () => {
          const entry = derivedEntry(s.id, r.dueOn, ctx.derivation!);
          return reduceRecord(entry.record, entry.events, base, true);
        }),
      );
    }
  }
  states.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  ctx.statesByKnownOn.set(knownOn, states);
  return states;
}

export const DERIVED_SUFFIX = '~rectification-overdue';

/** GD-7: a rectification not completed by its due date becomes a record dated the day after. */
export function derivedEntry(fromId: string, dueOn: string, derivation: { clauses: string[]; pack: string }): Entry {
  const day = addDaysIso(dueOn, 1);
  return {
    record: {
      id: `${fromId}${DERIVED_SUFFIX}`,
      kind: 'rectification-overdue',
      occurredOn: day,
      decidedOn: day,
      inOfficialDuty: true,
      description: `未按时完成整改（整改期限 ${dueOn}），依 ${derivation.clauses.join('、')} 记入政务失信记录`,
    },
    path: [],
    events: [],
    derived: true,
    derivedFrom: { record: fromId, clauses: derivation.clauses, pack: derivation.pack },
  };
}
