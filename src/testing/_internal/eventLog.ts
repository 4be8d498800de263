import type { CreditRecord, LifecycleEvent, LifecycleEventType } from '../../model/index.js';
// The table of which event may follow which is pure data with no registry: the kit carries its own
// copy rather than reaching it through the main entry, which does not publish it.
import { afterEvent, eventLogIssues, logStart, mayFollow, shorthandIssue, type LogContext, type LogState } from '../../model/eventOrder.js';
import { addDaysIso } from './dates.js';
import {
  ACTIONS,
  CREDIT_CORRECTION_OUTCOMES,
  INVESTIGATION_OUTCOMES,
  MITIGATION_OUTCOMES,
  OBJECTION_CHANNELS,
  OBJECTION_OUTCOMES,
  SANCTION_PERIOD_MONTHS,
  STATUTE_FACTS,
} from './lib.js';

/** The longest any sanction period can run from its effective day, in days at most (政务处分法 15; 条例 10: the statute facts' longest period). */
const LONGEST_PERIOD_DAYS = Math.max(...STATUTE_FACTS.map((s) => s.parameters.longestPeriodMonths?.value ?? 0)) * 31 + 1;
/** The sanctions that have a period, in the statute's order. */
const PERIOD_SANCTIONS = Object.keys(SANCTION_PERIOD_MONTHS) as (keyof typeof SANCTION_PERIOD_MONTHS)[];

/**
 * Fixed preference among the event types the table allows next: shrinking the choice index moves
 * toward the lowest. Typed by the vocabulary, so an event type without its place fails to compile.
 */
const EVENT_PREFERENCE = {
  'objection-filed': 0,
  'objection-replied': 1,
  repaired: 2,
  'sanction-lifted': 3,
  'self-correction': 4,
  'mitigation-decided': 5,
  'rectification-ordered': 6,
  'rectification-completed': 7,
  'reported-to-provincial-platform': 8,
  'investigation-closed': 9,
  'record-corrected': 10,
  'sanction-changed': 11,
  'sanction-revoked': 12,
} satisfies Record<LifecycleEventType, number>;

/** Every event type in the order of preference. */
export const EVENT_TYPE_ORDER: readonly LifecycleEventType[] = (Object.keys(EVENT_PREFERENCE) as LifecycleEventType[]).sort((a, b) => EVENT_PREFERENCE[a] - EVENT_PREFERENCE[b]);

const contextOf = (record: CreditRecord): LogContext => ({ record, sanctionPeriodMonths: SANCTION_PERIOD_MONTHS });

/**
 * The event types the kit generates next for `record` from state `s`, in order of preference: those
 * the library's table (model/eventOrder.ts) allows, with two exceptions where the kit could not fill
 * the event's fields so that the library accepts them. A disciplinary sanction's lifting is lawful only
 * at its period's end, which only the whole file fixes (公务员法 65). A second mitigation decision is
 * valid only if every decision names its own measures (TH-10); the kit generates one per record
 * (none beside the record's shorthand `mitigation`).
 */
export function generatedNext(s: LogState, record: CreditRecord): LifecycleEventType[] {
  const c = contextOf(record);
  return EVENT_TYPE_ORDER.filter(
    (t) =>
      mayFollow(s, t, c) &&
      !(t === 'sanction-lifted' && record.kind === 'disciplinary-sanction') &&
      !(t === 'mitigation-decided' && (s.mitigations > 0 || record.mitigation !== undefined)),
  );
}

/** Where the record's event log stands after its last event, as the library's table reads it. */
export function stateAfter(record: CreditRecord): LogState {
  return (record.events ?? []).reduce(afterEvent, logStart(record));
}

/**
 * Would the library read this record's event log without an InvalidEventLogError? The library's own
 * table decides (model/eventOrder.ts), and the kit adds what the library checks outside it: the
 * shorthand mitigation (read with the shorthand, `shorthandIssue`), and a sanction's lifting (judged against the
 * period the whole file fixes), which counts as valid here only once no period could still be running. The kit uses it to tell which reorderings of same-day events
 * stay valid; `test/testing/arbitraries.test.ts` checks it against the library's reader.
 */
export function isValidEventLog(record: CreditRecord): boolean {
  const events = record.events ?? [];
  if (eventLogIssues(events.map((event, i) => ({ event, path: ['events', i] })), contextOf(record)).length) return false;
  if (shorthandIssue(record)) return false;
  // A sanction lifts at the end of its period, never before (公务员法 65).
  let sanctionFrom = record.kind === 'disciplinary-sanction' ? (record.effectiveOn ?? record.decidedOn) : null;
  for (const e of events) {
    if (e.type === 'sanction-lifted' && sanctionFrom !== null && e.date <= addDaysIso(sanctionFrom, LONGEST_PERIOD_DAYS)) return false;
    if (e.type === 'sanction-changed') sanctionFrom = e.effectiveOn;
  }
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
  let s = logStart(record);
  if (plan.pre) events.push({ type: 'self-correction', date: addDaysIso(record.decidedOn, -plan.pre.back), measures: measuresOf(plan.pre.measures) });
  let cursor = record.decidedOn;
  for (const st of plan.steps) {
    const allowed = generatedNext(s, record);
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
    s = afterEvent(s, e);
  }
  return events;
}

function eventOf(type: LifecycleEventType, date: string, st: EventStep, asOf: string | null): LifecycleEvent {
  switch (type) {
    case 'objection-filed':
      return { type, date, channel: OBJECTION_CHANNELS[st.a % OBJECTION_CHANNELS.length]! };
    case 'objection-replied':
      return { type, date, outcome: OBJECTION_OUTCOMES[st.a % OBJECTION_OUTCOMES.length]! };
    case 'mitigation-decided': {
      const outcome = MITIGATION_OUTCOMES[st.a % MITIGATION_OUTCOMES.length]!;
      return {
        type,
        date,
        outcome,
        by: 'a1',
        // The measures it names (TH-10), sometimes none; for 从轻 sometimes the lighter measure named.
        ...(st.b % 3 === 0 ? {} : { actions: st.b % 3 === 1 ? [...ACTIONS] : [ACTIONS[st.b % ACTIONS.length]!] }),
        ...(outcome === 'lighter' && st.b % 4 === 1 ? { lighterTo: (['restricted', 'review', 'clear'] as const)[st.a % 3]! } : {}),
      };
    }
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
        outcome: INVESTIGATION_OUTCOMES[st.a % INVESTIGATION_OUTCOMES.length]!,
        ...(st.b % 2 === 1 ? { ungradedYears: [Number(date.slice(0, 4)) - 1] } : {}),
      };
    case 'record-corrected':
      return { type, date, outcome: CREDIT_CORRECTION_OUTCOMES[st.a % CREDIT_CORRECTION_OUTCOMES.length]!, by: 'a1' };
    case 'sanction-revoked':
      return { type, date, by: 'b1' };
    case 'sanction-changed':
      return { type, date, sanction: PERIOD_SANCTIONS[st.a % PERIOD_SANCTIONS.length]!, effectiveOn: date, by: 'b1' };
    default:
      return { type, date } as LifecycleEvent;
  }
}
