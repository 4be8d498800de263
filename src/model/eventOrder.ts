import { issue, type Issue, type LocalizedText } from '../_lib/errors.js';
import type { LifecycleEvent } from './types.generated.js';
import type { CreditRecord } from './record.js';
import type { SanctionMonths } from './statutes.js';
import { EVENTS_AFTER_FINAL, SANCTION_EVENT_TYPES, type Action, type LifecycleEventType, type RecordKind } from './vocabulary.js';

// Which lifecycle event may follow which: one table, keyed by event type, read by the event-log
// validator (lifecycle/_internal/eventLog.ts) and by the testing kit's generators
// (testing/_internal/eventLog.ts). For each type: the record kinds it applies to, what must hold
// before it (each with its error code and words), and how it moves the log's state. What depends on
// an event's own fields (dates, named measures, periods) is a named guard beside the table, written
// as a general rule and its exceptions.

/** Where a record's event log stands, read event by event. */
export interface LogState {
  objectionOpen: boolean;
  /** The credit record was corrected or revoked (by a reply to an objection, or by its authority). */
  creditVoided: boolean;
  sanctionRevoked: boolean;
  reported: boolean;
  rectificationOpen: boolean;
  repaired: boolean;
  lifted: boolean;
  closed: boolean;
  /** Measures a mitigation decision named: several bodies may each decide on the measures they imposed (TH-10), never twice on one. */
  mitigated: ReadonlySet<Action>;
  /** A mitigation decision named no measures. */
  mitigationUnnamed: boolean;
  mitigations: number;
  /** The sanction as it stands after any change (an 开除 has no period to lift, whether decided so or changed to it). */
  sanction: CreditRecord['sanction'];
}

/** What the table reads besides the log: the record, and the statute's sanction periods (model/statutes.ts, passed in so the table carries no law data). */
export interface LogContext {
  record: Pick<CreditRecord, 'id' | 'kind' | 'decidedOn' | 'sanction' | 'mitigation'>;
  sanctionPeriodMonths: SanctionMonths;
}

/** The state before the first event. */
export function logStart(record: Pick<CreditRecord, 'sanction'>): LogState {
  return {
    objectionOpen: false,
    creditVoided: false,
    sanctionRevoked: false,
    reported: false,
    rectificationOpen: false,
    repaired: false,
    lifted: false,
    closed: false,
    mitigated: new Set<Action>(),
    mitigationUnnamed: false,
    mitigations: 0,
    sanction: record.sanction,
  };
}

type EventOf<T extends LifecycleEventType> = Extract<LifecycleEvent, { type: T }>;

/** Something that must hold before an event, read from the log's state alone: generators ask it before they pick the event. */
export interface Precondition {
  holds: (st: LogState, c: LogContext) => boolean;
  code: string;
  says: LocalizedText;
}

/** Something that must hold of an event's own fields: generators fill the fields so that it does. */
export interface Guard<T extends LifecycleEventType> {
  holds: (e: EventOf<T>, st: LogState, c: LogContext) => boolean;
  code: string;
  says: (e: EventOf<T>, st: LogState, c: LogContext) => LocalizedText;
  /** The event's field the issue points at (the event itself when absent). */
  at?: string;
}

/** One row of the table. */
export interface Transition<T extends LifecycleEventType> {
  /** The record kinds it applies to, and what is said when it comes on another kind (`not_applicable`). */
  kinds: 'any' | { only: readonly RecordKind[]; says: LocalizedText };
  /** It may come before the record was decided (on the failure's day or after it, before 认定). */
  mayPrecedeDecision?: true;
  /** What must hold before it, checked in this order: preconditions on the state, guards on the event's fields. */
  checks: readonly ({ requires: Precondition } | { guard: Guard<T> })[];
  /** How it moves the state (the fields it changes). */
  moves: (st: LogState, e: EventOf<T>) => Partial<LogState>;
}

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const requires = (code: string, holds: Precondition['holds'], zh: string, en: string) => ({ requires: { holds, code, says: text(zh, en) } });
const isSanctionRecord = (c: LogContext) => c.record.kind === 'disciplinary-sanction';

// --- Guards on an event's own fields -----------------------------------------------------------------

/**
 * One final outcome per measure (TH-10: each body decides on the 惩戒措施 it imposed). General rule: a
 * record has one mitigation decision. Exception: several decisions, each naming its measures
 * (`actions`), none named twice; the record's shorthand `mitigation` counts as one of them.
 */
function mitigationOverlap(e: EventOf<'mitigation-decided'>, st: LogState): Action[] {
  return (e.actions ?? []).filter((a) => st.mitigated.has(a));
}
const oneOutcomePerMeasure: Guard<'mitigation-decided'> = {
  holds(e, st, c) {
    const named = e.actions ?? [];
    const shorthand = c.record.mitigation ? (c.record.mitigation.actions ?? null) : undefined;
    const clashesShorthand = shorthand !== undefined && (shorthand === null || named.length === 0 || named.some((a) => shorthand.includes(a)));
    const oneOfSeveral = st.mitigations === 0 || (named.length > 0 && !st.mitigationUnnamed);
    return oneOfSeveral && mitigationOverlap(e, st).length === 0 && !clashesShorthand;
  },
  code: 'two_final_outcomes',
  says(e, st) {
    const overlap = mitigationOverlap(e, st);
    return text(
      `同一惩戒措施只能有一个减免决定${overlap.length ? `（重复：${overlap.join('、')}）` : ''}；多个决定须各自列明所涉措施（actions）且互不重叠`,
      `two mitigation decisions on the same measure${overlap.length ? ` (${overlap.join(', ')})` : ''}; several decisions must each name their measures (actions), without overlap`,
    );
  },
};

/** A lighter measure (`lighterTo`) is named by a 从轻 decision only. */
const LIGHTER_TO_ONLY_WHEN_LIGHTER = text('只有“从轻”决定才列明从轻后的措施（lighterTo）', 'only a lighter decision names a lighter measure (lighterTo)');
const lighterToOnlyWhenLighter: Guard<'mitigation-decided'> = {
  holds: (e) => e.lighterTo === undefined || e.outcome === 'lighter',
  code: 'not_applicable',
  says: () => LIGHTER_TO_ONLY_WHEN_LIGHTER,
};

const dueNotBeforeOrder: Guard<'rectification-ordered'> = {
  holds: (e) => e.dueOn >= e.date,
  code: 'date_order',
  says: () => text('整改期限早于下达日期', 'the due date is before the order'),
};

/** A changed sanction runs from a day on or after the record's decision (政务处分法 8: the new decision fixes it). */
const changedNotBeforeDecision: Guard<'sanction-changed'> = {
  holds: (e, _st, c) => e.effectiveOn >= c.record.decidedOn,
  code: 'before_decision',
  says: (e, _st, c) =>
    text(
      `变更后的处分生效日 ${e.effectiveOn} 早于原记录认定日期 ${c.record.decidedOn}`,
      `the changed sanction's effective day ${e.effectiveOn} is before the record was decided (${c.record.decidedOn})`,
    ),
};

/**
 * A decided period (政务处分法 15). General rule: none is needed; where one is given, it is not
 * shorter than the statute's period for the sanction (政务处分法 8). Exception: an 开除 has no period,
 * so none may be given.
 */
const periodNotBelowStatute: Guard<'sanction-changed'> = {
  holds: (e, _st, c) => e.periodMonths === undefined || (e.sanction !== 'expulsion' && e.periodMonths >= c.sanctionPeriodMonths[e.sanction]),
  code: 'invalid_period',
  says(e, _st, c) {
    const statutory = e.sanction === 'expulsion' ? 0 : c.sanctionPeriodMonths[e.sanction];
    return text(`处分期不得短于法定期间（${statutory} 个月），开除没有处分期`, `the period cannot be shorter than the statutory period (${statutory} months); an expulsion has none`);
  },
  at: 'periodMonths',
};

const noSanctionRecordWithoutSanction: Guard<'investigation-closed'> = {
  holds: (e) => e.sanctionRecord === undefined || e.outcome !== 'no-sanction',
  code: 'not_applicable',
  says: () => text('不予处分的结案没有处分记录（sanctionRecord）', 'a case closed with no sanction has no sanction record (sanctionRecord)'),
};

// --- The table ----------------------------------------------------------------------------------------

const notAfterLifting = requires('after_final', (st) => !st.lifted, '处分已解除，其后不能再撤销或变更', 'the sanction was already lifted; it cannot be revoked or changed after');
const sanctionRecordsOnly = (zh: string, en: string) => ({ only: ['disciplinary-sanction'] as const, says: text(`只有纪律处分记录才能${zh}处分决定`, `only a disciplinary-sanction record has a sanction to ${en}`) });

/** Which event may follow which, and what each does to the log's state. */
export const TRANSITIONS = /* @__PURE__ */ Object.freeze({
  'objection-filed': {
    kinds: 'any',
    checks: [requires('objection_pending', (st) => !st.objectionOpen, '上一项异议尚未答复，不能再次提出', 'an objection is already pending')],
    moves: () => ({ objectionOpen: true }),
  },
  'objection-replied': {
    kinds: 'any',
    checks: [requires('reply_without_objection', (st) => st.objectionOpen, '没有待答复的异议', 'a reply without a pending objection')],
    // A correction or revocation in the reply voids the credit record (TH-10).
    moves: (st, e) => ({ objectionOpen: false, creditVoided: st.creditVoided || e.outcome !== 'upheld' }),
  },
  'record-corrected': {
    kinds: 'any',
    checks: [
      requires(
        'objection_pending',
        (st) => !st.objectionOpen,
        '有待答复的异议：更正或撤销应作为对该异议的答复记录（objection-replied）',
        'an objection is pending: record the correction as its reply (objection-replied)',
      ),
    ],
    moves: () => ({ creditVoided: true }),
  },
  'reported-to-provincial-platform': {
    kinds: 'any',
    checks: [
      requires('report_without_correction', (st) => st.creditVoided, '只有更正或撤销后才报送省级信用平台（TH-10）', 'a report to the provincial platform follows a correction or revocation only (TH-10)'),
      requires('duplicate', (st) => !st.reported, '已报送过', 'already reported'),
    ],
    moves: () => ({ reported: true }),
  },
  'mitigation-decided': {
    kinds: 'any',
    checks: [{ guard: oneOutcomePerMeasure }, { guard: lighterToOnlyWhenLighter }],
    moves: (st, e) => ({
      mitigations: st.mitigations + 1,
      mitigationUnnamed: st.mitigationUnnamed || !e.actions?.length,
      mitigated: e.actions?.length ? new Set([...st.mitigated, ...e.actions]) : st.mitigated,
    }),
  },
  'self-correction': {
    kinds: 'any',
    // Between the failure and the decision (自我纠错 may come before 认定).
    mayPrecedeDecision: true,
    checks: [],
    moves: () => ({}),
  },
  'rectification-ordered': {
    kinds: 'any',
    checks: [requires('rectification_pending', (st) => !st.rectificationOpen, '上一项整改尚未完成', 'a rectification is already pending'), { guard: dueNotBeforeOrder }],
    moves: () => ({ rectificationOpen: true }),
  },
  'rectification-completed': {
    kinds: 'any',
    checks: [requires('completion_without_order', (st) => st.rectificationOpen, '没有待完成的整改', 'a completion without a pending rectification order')],
    moves: () => ({ rectificationOpen: false }),
  },
  repaired: {
    kinds: 'any',
    checks: [requires('duplicate', (st) => !st.repaired, '已修复过', 'already repaired')],
    moves: () => ({ repaired: true }),
  },
  'sanction-lifted': {
    // Any record's measures may be lifted; a 处分's lifting waits for its period (checked against the whole file).
    kinds: 'any',
    checks: [
      requires('not_applicable', (st, c) => !(isSanctionRecord(c) && st.sanction === 'expulsion'), '开除处分没有处分期，不能解除', 'an expulsion has no period and cannot be lifted'),
      requires('duplicate', (st) => !st.lifted, '已解除过', 'already lifted'),
    ],
    moves: () => ({ lifted: true }),
  },
  'sanction-revoked': {
    kinds: sanctionRecordsOnly('撤销', 'revoke'),
    checks: [notAfterLifting],
    moves: () => ({ sanctionRevoked: true }),
  },
  'sanction-changed': {
    kinds: sanctionRecordsOnly('变更', 'change'),
    checks: [notAfterLifting, { guard: changedNotBeforeDecision }, { guard: periodNotBelowStatute }],
    moves: (_st, e) => ({ sanction: e.sanction }),
  },
  'investigation-closed': {
    kinds: { only: ['under-investigation'], says: text('只有立案审查调查记录才能结案', 'only an under-investigation record can be closed') },
    checks: [{ guard: noSanctionRecordWithoutSanction }, requires('duplicate', (st) => !st.closed, '已结案', 'already closed')],
    moves: () => ({ closed: true }),
  },
} satisfies { [E in LifecycleEventType]: Transition<E> });

// --- After a final event -----------------------------------------------------------------------------

/**
 * What follows a final event. General rule: nothing follows a revoked sanction or a corrected or
 * revoked credit record. Exception: the report of the correction to the provincial platform
 * (EVENTS_AFTER_FINAL, TH-10). Exception to the general rule for a corrected credit record: on a 处分
 * record, the deciding body's own events (SANCTION_EVENT_TYPES), since the 处分 stands until that body
 * lifts, revokes or changes it.
 */
export function refusedAfterFinal(st: LogState, type: LifecycleEventType, c: LogContext): LocalizedText | null {
  if (EVENTS_AFTER_FINAL.includes(type)) return null;
  if (st.sanctionRevoked) return text(`处分决定已被撤销，其后不能再有 ${type}`, `the sanction was already revoked; no ${type} may follow`);
  if (st.creditVoided && !(isSanctionRecord(c) && SANCTION_EVENT_TYPES.includes(type))) {
    return text(`记录已被更正或撤销，其后不能再有 ${type}`, `the record was already corrected or revoked; no ${type} may follow`);
  }
  return null;
}

const appliesTo = (row: Transition<LifecycleEventType>, kind: RecordKind) => row.kinds === 'any' || row.kinds.only.includes(kind);
const rowOf = (type: LifecycleEventType) => TRANSITIONS[type] as unknown as Transition<LifecycleEventType>;

/**
 * May an event of this type come next, as far as the log's state tells (its own fields aside)? The
 * generators pick the next event among these, then fill its fields so that its guards hold.
 */
export function mayFollow(st: LogState, type: LifecycleEventType, c: LogContext): boolean {
  const row = rowOf(type);
  if (refusedAfterFinal(st, type, c) || !appliesTo(row, c.record.kind)) return false;
  return row.checks.every((k) => !('requires' in k) || k.requires.holds(st, c));
}

/** The event types that may come next, in the vocabulary's order. */
export function allowedNext(st: LogState, c: LogContext): LifecycleEventType[] {
  return (Object.keys(TRANSITIONS) as LifecycleEventType[]).filter((t) => mayFollow(st, t, c));
}

/** The state after an event (which the table allows). */
export function afterEvent(st: LogState, e: LifecycleEvent): LogState {
  return { ...st, ...rowOf(e.type).moves(st, e) };
}

/** A lifecycle event with its place: index in `record.events`, or the shorthand field it came from. */
export interface PlacedEvent {
  event: LifecycleEvent;
  path: (string | number)[];
}

/**
 * Reads an event log through the table: the issues of every event that may not come where it does,
 * in log order (an empty list: the log is valid). The state moves on after a refused event as after an
 * accepted one, except after a final event, so that one mistake is reported once.
 */
export function eventLogIssues(placed: readonly PlacedEvent[], c: LogContext): Issue[] {
  const issues: Issue[] = [];
  const st = logStart(c.record);
  placed.forEach((p, i) => checkEvent(st, p, placed[i - 1], c, issues));
  return issues;
}

function checkEvent(st: LogState, p: PlacedEvent, prev: PlacedEvent | undefined, c: LogContext, issues: Issue[]): void {
  const { record } = c;
  const e = p.event;
  const say = (code: string, t: LocalizedText, at?: string) =>
    issues.push(issue(at ? [...p.path, at] : p.path, code, `记录 ${record.id}：${t['zh-CN']}`, `record ${record.id}: ${t.en}`));
  const row = rowOf(e.type);
  if (prev && e.date < prev.event.date) {
    say('out_of_order', text(`事件日期 ${e.date} 早于前一事件 ${prev.event.date}：事件须按日期顺序追加`, `event dated ${e.date} comes after one dated ${prev.event.date}: events must be appended in date order`));
  }
  if (!row.mayPrecedeDecision && e.date < record.decidedOn) {
    say('before_decision', text(`事件 ${e.type}（${e.date}）早于记录认定日期 ${record.decidedOn}`, `event ${e.type} (${e.date}) is before the record was decided (${record.decidedOn})`));
  }
  const final = refusedAfterFinal(st, e.type, c);
  if (final) return void say('after_final', final);
  if (!appliesTo(row, record.kind) && row.kinds !== 'any') say('not_applicable', row.kinds.says);
  for (const k of row.checks) {
    if ('requires' in k && !k.requires.holds(st, c)) say(k.requires.code, k.requires.says);
    if ('guard' in k && !k.guard.holds(e, st, c)) say(k.guard.code, k.guard.says(e, st, c), k.guard.at);
  }
  Object.assign(st, row.moves(st, e));
}

/**
 * The events a record's shorthand fields stand for (`selfCorrection`, `mitigation`), with the field
 * each came from: the validator places them after the log, the testing kit writes them into it.
 */
export function shorthandEvents(record: Pick<CreditRecord, 'selfCorrection' | 'mitigation'>): { field: 'selfCorrection' | 'mitigation'; event: LifecycleEvent }[] {
  const out: { field: 'selfCorrection' | 'mitigation'; event: LifecycleEvent }[] = [];
  if (record.selfCorrection) {
    const { date, measures, note } = record.selfCorrection;
    out.push({ field: 'selfCorrection', event: { type: 'self-correction', date, measures: [...measures], ...(note ? { note } : {}) } });
  }
  if (record.mitigation) {
    const { date, outcome, by, actions, lighterTo } = record.mitigation;
    out.push({ field: 'mitigation', event: { type: 'mitigation-decided', date, outcome, by, ...(actions ? { actions: [...actions] } : {}), ...(lighterTo ? { lighterTo } : {}) } });
  }
  return out;
}

/**
 * What is wrong with the shorthand `mitigation`, read where the log's own checks cannot see it (it is
 * placed after the log, not in its order): a lighter measure named by a decision that is not 从轻, or a
 * decision before the record's. The first such issue, or null.
 */
export function shorthandIssue(record: Pick<CreditRecord, 'id' | 'decidedOn' | 'mitigation'>, prefix: readonly (string | number)[] = []): Issue | null {
  const m = record.mitigation;
  if (m?.lighterTo !== undefined && m.outcome !== 'lighter') {
    return issue([...prefix, 'mitigation', 'lighterTo'], 'not_applicable', `记录 ${record.id}：${LIGHTER_TO_ONLY_WHEN_LIGHTER['zh-CN']}`, `record ${record.id}: ${LIGHTER_TO_ONLY_WHEN_LIGHTER.en}`);
  }
  if (m && m.date < record.decidedOn) {
    return issue([...prefix, 'mitigation', 'date'], 'before_decision', `记录 ${record.id}：减免决定早于记录认定日期`, `record ${record.id}: the mitigation decision is before the record was decided`);
  }
  return null;
}
