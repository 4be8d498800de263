/**
 * Builds the contexts a decision is computed from (src/facts/_internal/context.ts): the subject once,
 * then the subject under a pack (policy, calendar, deadlines, the lifecycle reduction), then each
 * question. Packs whose lifecycle settings are the same share one reduction.
 */
import { createCalendar } from '../../calendar/createCalendar.js';
import { STATUTORY } from '../../calendar/internal.js';
import type { CalendarImpl } from '../../calendar/internal.js';
import type { LegalBasis } from '../../deadlines/types.js';
import { toCalendar } from '../../deadlines/internal.js';
import type { PackContext, PreparedSubject, QueryContext } from '../../facts/internal.js';
import { checkLiftings, entriesOf, subjectLifecycle, type LifecycleSettings, type SubjectLifecycle, type WorkingDayRule } from '../../lifecycle/internal.js';
import type { Pack } from '../../model/pack.js';
import type { Policy, PolicyOverrides } from '../../model/policy.js';
import type { Query } from '../../model/query.js';
import type { CreditRecord } from '../../model/record.js';
import type { Subject } from '../../model/subject.js';
import { ANNUAL_REVIEW_ACTIONS, type Action, type RecordKind, type SubjectKind } from '../../model/vocabulary.js';
import { lookupPack } from '../../packs/internal.js';
import { effectivePolicy, resolvePack, type OwnedRule, type ResolvedPack } from '../../packs/internal.js';

export type { PackContext, PreparedSubject, QueryContext } from '../../facts/internal.js';

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

/** A validated subject, its records' event logs read and checked once. @throws InvalidEventLogError. */
export function prepareSubject(subject: Subject): PreparedSubject {
  const records: readonly CreditRecord[] = subject.records ?? [];
  const entries = entriesOf(records);
  const occurredOn = new Map<string, string>();
  const byId = new Map<string, CreditRecord>();
  for (const e of entries) {
    occurredOn.set(e.record.id, e.record.occurredOn ?? e.record.decidedOn);
    byId.set(e.record.id, e.record);
  }
  return { subject, entries, occurredOn, records: byId };
}

/** Options of a context: where the calendar and host policy come from, and the chain a compiled evaluator holds. */
export interface ContextOptions {
  /** A calendar to use as is (recordState's option, checked there). */
  calendar?: CalendarImpl;
  /** The host's calendar data (schedules, overlays), answering as the decision's policy says. */
  hostCalendar?: CalendarImpl;
  /** The host's policy options (createEvaluator, evaluateStream, decideSubject, the CLI), between the pack's and the query's. */
  hostPolicy?: PolicyOverrides;
  /** The chain a compiled evaluator compiled, so that a pack replaced later does not reach it. */
  resolved?: ResolvedPack;
  /**
   * Packs pinned at the start of a run (screen), by id: a question naming one of these ids is
   * decided with the pinned pack and chain, whatever the registry holds by then.
   */
  pinned?: ReadonlyMap<string, { pack: Pack; resolved: ResolvedPack }>;
}

/** Per pack, what its chain fixes: the objection and report deadlines, the derivation, the record kinds. */
interface PackFacts {
  objectionReply: WorkingDayRule | null;
  platformReport: WorkingDayRule | null;
  derivation: { clauses: string[]; pack: string } | null;
  integrityKinds: ReadonlySet<RecordKind>;
  integrityKindsOnly: Partial<Record<RecordKind, readonly string[]>>;
}
const packFactsMemo = new WeakMap<ResolvedPack, PackFacts>();

function basisOf(resolved: ResolvedPack, packId: string, clauseId: string): LegalBasis {
  const clause = resolved.clause(packId, clauseId);
  return { clause: clauseId, document: resolved.documentOf(packId, clause), section: clause.section };
}

function packFactsOf(resolved: ResolvedPack): PackFacts {
  let f = packFactsMemo.get(resolved);
  if (f) return f;
  // Deadlines come from the nearest pack in the chain that fixes them.
  let objectionReply: WorkingDayRule | null = null;
  let platformReport: WorkingDayRule | null = null;
  let derivation: PackFacts['derivation'] = null;
  for (const p of resolved.chain) {
    const o = p.objections;
    if (o?.replyWorkingDays) objectionReply = { days: o.replyWorkingDays.days, basis: basisOf(resolved, p.id, o.replyWorkingDays.clause), source: 'pack' };
    if (o?.platformReportWorkingDays)
      platformReport = { days: o.platformReportWorkingDays.days, basis: basisOf(resolved, p.id, o.platformReportWorkingDays.clause), source: 'pack' };
    for (const d of p.derivations ?? []) derivation = { clauses: d.clauses, pack: p.id };
  }
  const pack = resolved.pack;
  f = { objectionReply, platformReport, derivation, integrityKinds: new Set(pack.recordKinds.kinds), integrityKindsOnly: pack.recordKinds.only ?? {} };
  packFactsMemo.set(resolved, f);
  return f;
}

/** What a pack's chain fixes for the objection reply and the platform report, and its objection clauses. */
export interface ObjectionDeadlines {
  /** The nearest pack's reply period (TH-9), or null where none fixes one. */
  objectionReply: WorkingDayRule | null;
  /** The nearest pack's report period (TH-10), or null. */
  platformReport: WorkingDayRule | null;
  /** Every objection clause of the chain, nearest pack first, to name when no period is fixed. */
  clauses: string[];
}

/**
 * The objection deadlines a pack fixes, as its decisions count them (the nearest pack in the chain that
 * fixes each), for the deadline command and the service's deadline endpoints.
 */
export function objectionDeadlinesOf(pack: Pack): ObjectionDeadlines {
  const resolved = resolvePack(pack);
  const f = packFactsOf(resolved);
  return { objectionReply: f.objectionReply, platformReport: f.platformReport, clauses: [...resolved.chain].reverse().flatMap((p) => p.objections?.clauses ?? []) };
}

// Lifecycle settings are compared by value where reductions may be shared (decideSubject): the
// calendar and the pack's deadline and derivation objects by identity, the policy by the values the
// reducer reads.
const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;
const idOf = (o: object | null): number => {
  if (o === null) return 0;
  let id = objectIds.get(o);
  if (id === undefined) objectIds.set(o, (id = nextObjectId++));
  return id;
};
function settingsKey(s: LifecycleSettings): string {
  const p = s.policy;
  const lifetime = p.recordLifetimeMonths;
  const rule = (r: WorkingDayRule | null) => (r === null ? '-' : r.source === 'pack' ? `p${idOf(r)}` : `h${r.days}`);
  return `${idOf(s.calendar)}|${typeof lifetime === 'object' && lifetime !== null ? JSON.stringify(lifetime) : lifetime}|${p.sanctionPeriodAutoLift}|${p.combinedSanctionPeriods}|${p.receiptOnNonWorkingDay}|${rule(s.objectionReply)}|${rule(s.platformReport)}|${idOf(s.derivation)}`;
}

/**
 * The subject under one pack. `lifecycles` (one map per subject) lets packs with the same lifecycle
 * settings share one reduction of the records.
 *
 * @throws InvalidEventLogError for a sanction lifted before its period ends (checked once per reduction).
 */
export function packContext(
  prepared: PreparedSubject,
  pack: Pack,
  resolved: ResolvedPack,
  queryPolicy: PolicyOverrides | undefined,
  options: ContextOptions = {},
  lifecycles?: Map<string, SubjectLifecycle>,
): PackContext {
  const { policy, source } = effectivePolicy(resolved, options.hostPolicy, queryPolicy);
  const f = packFactsOf(resolved);
  const hostBasis: LegalBasis = { clause: 'host-policy', document: 'host policy' };
  const objectionReply =
    f.objectionReply ??
    (policy.objectionReplyWorkingDays !== null ? { days: policy.objectionReplyWorkingDays, basis: { ...hostBasis, section: 'objectionReplyWorkingDays' }, source: 'policy' as const } : null);
  const platformReport =
    f.platformReport ??
    (policy.platformReportWorkingDays !== null ? { days: policy.platformReportWorkingDays, basis: { ...hostBasis, section: 'platformReportWorkingDays' }, source: 'policy' as const } : null);
  // The host's calendar data answers as the decision's policy says, so the policy notes stay true.
  const calendar =
    options.calendar ??
    (options.hostCalendar
      ? options.hostCalendar._withOptions({ unknownYears: policy.unknownCalendarYears, receiptOnNonWorkingDay: policy.receiptOnNonWorkingDay }, STATUTORY)
      : calendarFor(policy));
  const settings: LifecycleSettings = { policy, calendar, objectionReply, platformReport, derivation: f.derivation };
  let lifecycle: SubjectLifecycle | undefined;
  const key = lifecycles ? settingsKey(settings) : '';
  if (lifecycles) lifecycle = lifecycles.get(key);
  if (!lifecycle) {
    lifecycle = subjectLifecycle(prepared.entries, settings);
    checkLiftings(lifecycle);
    lifecycles?.set(key, lifecycle);
  }
  return {
    prepared,
    subject: prepared.subject,
    entries: prepared.entries,
    occurredOn: prepared.occurredOn,
    pack,
    resolved,
    policy,
    policySource: source,
    calendar,
    objectionReply,
    platformReport,
    derivation: f.derivation,
    integrityKinds: f.integrityKinds,
    integrityKindsOnly: f.integrityKindsOnly,
    lifecycle,
    mitigations: new Map(),
    views: new Map(),
    subjectFacts: new Map(),
  };
}

// The rules that reach a subject kind and action, per resolved chain.
const rulesMemo = new WeakMap<ResolvedPack, Map<SubjectKind, Map<Action, readonly OwnedRule[]>>>();
function rulesFor(resolved: ResolvedPack, kind: SubjectKind, action: Action): readonly OwnedRule[] {
  let byKind = rulesMemo.get(resolved);
  if (!byKind) rulesMemo.set(resolved, (byKind = new Map()));
  let byAction = byKind.get(kind);
  if (!byAction) byKind.set(kind, (byAction = new Map()));
  let rules = byAction.get(action);
  if (!rules) {
    rules = resolved.rules.filter(({ rule }) => rule.subjects.includes(kind) && (rule.actions.length === 0 || rule.actions.includes(action)));
    byAction.set(action, rules);
  }
  return rules;
}

/** One question asked of the subject under the pack. */
export function queryContext(pc: PackContext, query: Query): QueryContext {
  // Field by field (one object shape for every question), not a spread of the pack context.
  return {
    prepared: pc.prepared,
    subject: pc.subject,
    entries: pc.entries,
    occurredOn: pc.occurredOn,
    pack: pc.pack,
    resolved: pc.resolved,
    policy: pc.policy,
    policySource: pc.policySource,
    calendar: pc.calendar,
    objectionReply: pc.objectionReply,
    platformReport: pc.platformReport,
    derivation: pc.derivation,
    integrityKinds: pc.integrityKinds,
    integrityKindsOnly: pc.integrityKindsOnly,
    lifecycle: pc.lifecycle,
    mitigations: pc.mitigations,
    views: pc.views,
    subjectFacts: pc.subjectFacts,
    query,
    annual: ANNUAL_REVIEW_ACTIONS.includes(query.action),
    assessmentYear: query.assessmentYear ?? null,
    rules: rulesFor(pc.resolved, pc.subject.kind, query.action),
  };
}

/** The pack a query names: its id looked up in the registry, or the (validated) pack object itself. */
export function packOfQuery(query: Query): Pack {
  return typeof query.pack === 'string' ? lookupPack(query.pack) : query.pack;
}

/**
 * Everything about a parsed query that does not depend on the day evaluated.
 *
 * @throws UnknownPackError, InvalidPackError (an `extends` cycle), InvalidEventLogError, InvalidInputError
 *   (a computed date out of range).
 */
export function buildContext(query: Query, options: ContextOptions = {}): QueryContext {
  const pack = packOfQuery(query);
  // A compiled evaluator passes the chain it compiled, so a pack replaced later does not reach it.
  const resolved = options.resolved ?? resolvePack(pack);
  const pc = packContext(prepareSubject(query.subject), pack, resolved, query.policy, options);
  return queryContext(pc, query);
}
