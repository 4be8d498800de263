import type { CreditRecord, LifecycleEvent, LifecycleEventType } from '../../model/index.js';
import { addDaysIso } from './dates.js';
import { ACTIONS, EVENTS_AFTER_FINAL, SANCTION_EVENT_TYPES, SANCTION_PERIOD_MONTHS } from './lib.js';


/** The longest any sanction period can run from its effective day (政务处分法 15; 条例 10: 48 months). */
const LONGEST_PERIOD_DAYS = 48 * 31 + 1;

/**
 * The event-log grammar of `src/lifecycle/_internal/eventLog.ts` (readEventLog) as a state
 * machine, so the kit can generate only valid logs and can tell which reorderings of same-day
 * events stay valid. `test/testing/eventLog.test.ts` checks it against the library's reader.
 */
export interface LogState {
  objectionOpen: boolean;
  /** The credit record was corrected or revoked (by a reply or by the authority). */
  voided: boolean;
  voidingReply: boolean;
  sanctionRevoked: boolean;
  /** The latest effective day of the sanction (the record's, or a change's). */
  sanctionFrom: string | null;
  /** The sanction as it stands (the record's, or a change's). */
  sanction: CreditRecord['sanction'] | null;
  reported: boolean;
  rectificationOpen: boolean;
  repaired: boolean;
  lifted: boolean;
  closed: boolean;
  mitigations: number;
}

export function initialState(record: Pick<CreditRecord, 'mitigation'> & Partial<Pick<CreditRecord, 'kind' | 'decidedOn' | 'effectiveOn' | 'sanction'>>): LogState {
  return {
    objectionOpen: false,
    voided: false,
    voidingReply: false,
    sanctionRevoked: false,
    sanctionFrom: record.kind === 'disciplinary-sanction' ? (record.effectiveOn ?? record.decidedOn ?? null) : null,
    sanction: record.kind === 'disciplinary-sanction' ? (record.sanction ?? null) : null,
    reported: false,
    rectificationOpen: false,
    repaired: false,
    lifted: false,
    closed: false,
    mitigations: record.mitigation ? 1 : 0,
  };
}

/** Fixed preference order: shrinking the choice index moves toward the first types. */
export const EVENT_TYPE_ORDER: readonly LifecycleEventType[] = [
  'objection-filed',
  'objection-replied',
  'repaired',
  'sanction-lifted',
  'self-correction',
  'mitigation-decided',
  'rectification-ordered',
  'rectification-completed',
  'reported-to-provincial-platform',
  'investigation-closed',
  'record-corrected',
  'sanction-changed',
  'sanction-revoked',
];

/** May an event of this type come next (dates aside)? */
export function allows(s: LogState, type: LifecycleEventType, kind: CreditRecord['kind'], sanction?: CreditRecord['sanction']): boolean {
  const isSanction = kind === 'disciplinary-sanction';
  if (s.sanctionRevoked) return EVENTS_AFTER_FINAL.includes(type) && s.voidingReply && !s.reported;
  if (s.voided && !EVENTS_AFTER_FINAL.includes(type) && !(isSanction && SANCTION_EVENT_TYPES.includes(type))) return false;
  switch (type) {
    case 'objection-filed':
      return !s.objectionOpen;
    case 'objection-replied':
      return s.objectionOpen;
    case 'reported-to-provincial-platform':
      return s.voidingReply && !s.reported;
    case 'record-corrected':
      return !s.objectionOpen && !s.voided;
    case 'sanction-changed':
    case 'sanction-revoked':
      return isSanction && !s.lifted;
    case 'mitigation-decided':
      return s.mitigations === 0;
    case 'rectification-ordered':
      return !s.rectificationOpen;
    case 'rectification-completed':
      return s.rectificationOpen;
    case 'repaired':
      return !s.repaired;
    case 'sanction-lifted':
      return !s.lifted && !(isSanction && (s.sanction ?? sanction) === 'expulsion');
    case 'investigation-closed':
      return kind === 'under-investigation' && !s.closed;
    case 'self-correction':
      return true;
  }
}

/** The state after an event (assumed allowed). */
export function step(s: LogState, e: LifecycleEvent): LogState {
  const n = { ...s };
  switch (e.type) {
    case 'objection-filed':
      n.objectionOpen = true;
      break;
    case 'objection-replied':
      n.objectionOpen = false;
      if (e.outcome !== 'upheld') n.voided = n.voidingReply = true;
      break;
    case 'record-corrected':
      n.voided = n.voidingReply = true;
      break;
    case 'sanction-revoked':
      n.sanctionRevoked = true;
      break;
    case 'sanction-changed':
      n.sanctionFrom = e.effectiveOn;
      n.sanction = e.sanction;
      break;
    case 'reported-to-provincial-platform':
      n.reported = true;
      break;
    case 'mitigation-decided':
      n.mitigations++;
      break;
    case 'rectification-ordered':
      n.rectificationOpen = true;
      break;
    case 'rectification-completed':
      n.rectificationOpen = false;
      break;
    case 'repaired':
      n.repaired = true;
      break;
    case 'sanction-lifted':
      n.lifted = true;
      break;
    case 'investigation-closed':
      n.closed = true;
      break;
    case 'self-correction':
      break;
  }
  return n;
}

/** Would the library read this record's event log without an InvalidEventLogError? */
export function isValidEventLog(record: CreditRecord): boolean {
  let s = initialState(record);
  let prev: string | null = null;
  for (const e of record.events ?? []) {
    if (prev !== null && e.date < prev) return false;
    prev = e.date;
    if (e.type !== 'self-correction' && e.date < record.decidedOn) return false;
    if (!allows(s, e.type, record.kind, record.sanction)) return false;
    if (e.type === 'rectification-ordered' && e.dueOn < e.date) return false;
    if (e.type === 'sanction-changed' && e.effectiveOn < record.decidedOn) return false;
    if (e.type === 'sanction-changed' && e.periodMonths !== undefined && (e.sanction === 'expulsion' || e.periodMonths < SANCTION_PERIOD_MONTHS[e.sanction])) return false;
    // A sanction lifts at the end of its period, never before (公务员法 65): without planning every
    // period here, a lifting counts as valid only once no period could still be running.
    if (e.type === 'sanction-lifted' && s.sanctionFrom !== null && e.date <= addDaysIso(s.sanctionFrom, LONGEST_PERIOD_DAYS)) return false;
    s = step(s, e);
  }
  if (record.mitigation && record.mitigation.date < record.decidedOn) return false;
  return true;
}

/** One generated step of a log: how far after the previous event, which allowed type, and parameters. */
export interface EventStep {
  /** Days after the previous event (0: same day), or on `asOf` / the day after it. */
  gap: number | 'asOf' | 'afterAsOf';
  /** Index into the types allowed at this point (modulo their number). */
  pick: number;
  a: number;
  b: number;
}

export interface EventPlan {
  /** A self-correction before the decision (between the failure and 认定), `back` days before decidedOn. */
  pre: { back: number; measures: number } | null;
  steps: EventStep[];
}

const MEASURE_SETS: readonly (readonly ('recovered-losses' | 'eliminated-adverse-effects' | 'prevented-harm')[])[] = [
  ['recovered-losses'],
  ['eliminated-adverse-effects'],
  ['prevented-harm'],
  [],
  ['recovered-losses', 'eliminated-adverse-effects'],
  ['recovered-losses', 'prevented-harm'],
  ['eliminated-adverse-effects', 'prevented-harm'],
  ['recovered-losses', 'eliminated-adverse-effects', 'prevented-harm'],
];

export function measuresOf(i: number): ('recovered-losses' | 'eliminated-adverse-effects' | 'prevented-harm')[] {
  return [...MEASURE_SETS[i % MEASURE_SETS.length]!];
}

/** Turns a plan into a valid log for `record` (steps that fit nowhere end the log). */
export function interpretPlan(plan: EventPlan, record: CreditRecord, asOf: string | null): LifecycleEvent[] {
  const events: LifecycleEvent[] = [];
  let s = initialState(record);
  if (plan.pre) events.push({ type: 'self-correction', date: addDaysIso(record.decidedOn, -plan.pre.back), measures: measuresOf(plan.pre.measures) });
  let cursor = record.decidedOn;
  for (const st of plan.steps) {
    // A disciplinary sanction's lifting is left out: it is lawful only at the period's end.
    const allowed = EVENT_TYPE_ORDER.filter((t) => allows(s, t, record.kind, record.sanction) && !(t === 'sanction-lifted' && record.kind === 'disciplinary-sanction'));
    if (allowed.length === 0) break;
    const type = allowed[st.pick % allowed.length]!;
    let date: string;
    if (st.gap === 'asOf' || st.gap === 'afterAsOf') {
      const target = asOf === null ? cursor : st.gap === 'asOf' ? asOf : addDaysIso(asOf, 1);
      date = target > cursor ? target : cursor;
    } else date = addDaysIso(cursor, st.gap);
    cursor = date;
    const e = eventOf(type, date, st, asOf);
    events.push(e);
    s = step(s, e);
  }
  return events;
}

function eventOf(type: LifecycleEventType, date: string, st: EventStep, asOf: string | null): LifecycleEvent {
  switch (type) {
    case 'objection-filed':
      return { type, date, channel: st.a % 2 === 0 ? 'determining-department' : 'credit-platform' };
    case 'objection-replied':
      return { type, date, outcome: (['upheld', 'corrected', 'revoked'] as const)[st.a % 3]! };
    case 'mitigation-decided':
      return {
        type,
        date,
        outcome: st.a % 2 === 0 ? 'lighter' : 'exempt',
        by: 'a1',
        // The measures it names (TH-10), sometimes none; for 从轻 sometimes the lighter measure named.
        ...(st.b % 3 === 0 ? {} : { actions: st.b % 3 === 1 ? [...ACTIONS] : [ACTIONS[st.b % ACTIONS.length]!] }),
        ...(st.a % 2 === 0 && st.b % 4 === 1 ? { lighterTo: (['restricted', 'review', 'clear'] as const)[st.a % 3]! } : {}),
      };
    case 'self-correction':
      return { type, date, measures: measuresOf(st.a) };
    case 'rectification-ordered': {
      let dueOn = addDaysIso(date, st.a * 9);
      if (asOf !== null && st.b % 4 === 1) dueOn = addDaysIso(asOf, -1);
      if (asOf !== null && st.b % 4 === 2) dueOn = asOf;
      if (st.b % 4 === 3) dueOn = date;
      return { type, date, dueOn: dueOn < date ? date : dueOn };
    }
    case 'investigation-closed':
      return {
        type,
        date,
        outcome: (['no-sanction', 'warning', 'sanctioned'] as const)[st.a % 3]!,
        ...(st.b % 2 === 1 ? { ungradedYears: [Number(date.slice(0, 4)) - 1] } : {}),
      };
    case 'record-corrected':
      return { type, date, outcome: st.a % 2 === 0 ? 'corrected' : 'revoked', by: 'a1' };
    case 'sanction-revoked':
      return { type, date, by: 'b1' };
    case 'sanction-changed':
      return { type, date, sanction: (['warning', 'demerit', 'major-demerit', 'demotion', 'removal'] as const)[st.a % 5]!, effectiveOn: date, by: 'b1' };
    default:
      return { type, date } as LifecycleEvent;
  }
}
