import type { CreditRecord, LifecycleEvent, LifecycleEventType } from '../../src/index.js';
import { afterEvent, logStart, mayFollow, type LogContext, type LogState } from '../../src/model/eventOrder.js';
import { SANCTION_PERIOD_MONTHS } from '../../src/model/statutes.js';
import { ACTIONS, LIFECYCLE_EVENT_TYPES } from '../../src/model/vocabulary.js';

// Walks the table of which event may follow which (src/model/eventOrder.ts) with events whose own
// fields are valid: the parity test and the generators' coverage test read the table through it.

export const DECIDED_ON = '2025-01-10';

/** Records of each shape the table tells apart: any kind, a 处分 (with a period, and an 开除), an investigation. */
export const WALK_RECORDS: readonly CreditRecord[] = [
  { id: 'r1', kind: 'accountability', decidedOn: DECIDED_ON },
  { id: 'r1', kind: 'disciplinary-sanction', sanction: 'demerit', decidedOn: DECIDED_ON },
  { id: 'r1', kind: 'disciplinary-sanction', sanction: 'expulsion', decidedOn: DECIDED_ON },
  { id: 'r1', kind: 'under-investigation', decidedOn: DECIDED_ON },
];

export const contextOf = (record: CreditRecord): LogContext => ({ record, sanctionPeriodMonths: SANCTION_PERIOD_MONTHS });

/**
 * Events of a type whose own fields pass the table's guards, one per way it can move the state (a
 * reply upholds or voids; a change makes a sanction lighter or an 开除). `n` (how many events came
 * before) keeps each mitigation decision on a measure of its own.
 */
export function validEvents(type: LifecycleEventType, n: number, date = DECIDED_ON): LifecycleEvent[] {
  switch (type) {
    case 'objection-filed':
      return [{ type, date, channel: 'credit-platform' }];
    case 'objection-replied':
      return [
        { type, date, outcome: 'upheld' },
        { type, date, outcome: 'revoked' },
      ];
    case 'record-corrected':
      return [{ type, date, outcome: 'corrected', by: 'office' }];
    case 'mitigation-decided':
      return [{ type, date, outcome: 'exempt', by: 'a1', actions: [ACTIONS[n % ACTIONS.length]!] }];
    case 'self-correction':
      return [{ type, date, measures: ['recovered-losses'] }];
    case 'rectification-ordered':
      return [{ type, date, dueOn: date }];
    case 'sanction-revoked':
      return [{ type, date, by: 'board' }];
    case 'sanction-changed':
      return [
        { type, date, sanction: 'warning', effectiveOn: date, by: 'board' },
        { type, date, sanction: 'expulsion', effectiveOn: date, by: 'board' },
      ];
    case 'investigation-closed':
      return [{ type, date, outcome: 'no-sanction' }];
    default:
      return [{ type, date } as LifecycleEvent];
  }
}

/**
 * The shortest log of valid events, each allowed by the table where it comes, after which `goal`
 * holds of the state (breadth first, up to `depth` events); null where none is found.
 */
export function shortestLog(record: CreditRecord, goal: (st: LogState) => boolean, depth = 4): LifecycleEvent[] | null {
  const c = contextOf(record);
  // States are few (flags, the sanction, the measures decided): each is explored once.
  const key = (st: LogState) => JSON.stringify({ ...st, mitigated: [...st.mitigated].sort() });
  const seen = new Set<string>();
  let frontier: { st: LogState; log: LifecycleEvent[] }[] = [{ st: logStart(record), log: [] }];
  for (let d = 0; d <= depth; d++) {
    const found = frontier.find((f) => goal(f.st));
    if (found) return found.log;
    for (const f of frontier) seen.add(key(f.st));
    frontier = frontier
      .flatMap((f) => LIFECYCLE_EVENT_TYPES.filter((t) => mayFollow(f.st, t, c)).flatMap((t) => validEvents(t, f.log.length).map((e) => ({ st: afterEvent(f.st, e), log: [...f.log, e] }))))
      .filter((f) => !seen.has(key(f.st)) && (seen.add(key(f.st)), true));
  }
  return null;
}

/** The event types the table lets some record reach, from its first event on. */
export function reachableTypes(): Set<LifecycleEventType> {
  const out = new Set<LifecycleEventType>();
  for (const record of WALK_RECORDS) {
    for (const t of LIFECYCLE_EVENT_TYPES) if (shortestLog(record, (st) => mayFollow(st, t, contextOf(record))) !== null) out.add(t);
  }
  return out;
}
