import type { Calendar } from '../calendar/types.js';
import type { CreditRecordInput } from '../model/input.js';
import type { Untyped } from '../model/untyped.js';
import { buildContext } from './_internal/context.js';
import { ConfidentialRecordError, InvalidEventLogError, InvalidInputError, issue } from '../model/errors.js';
import type { Pack } from '../model/pack.js';
import { parseQuery } from '../model/parse.js';
import type { PolicyOverrides } from '../model/policy.js';
import type { DateInput } from '../model/date.js';
import { normalizeDates } from '../model/date.js';
import { checkDate, dateOutOfRange } from '../_lib/days.js';
import { toOptions } from '../_lib/input.js';
import { toCalendar } from '../deadlines/internal.js';
import { statesKnownOn } from '../lifecycle/internal.js';
import type { RecordState } from '../lifecycle/internal.js';

export type { RecordState, ObjectionState, ObjectionStatus, SanctionPeriodState, RectificationState, EndKind } from '../lifecycle/internal.js';

export interface RecordStateOptions {
  /** The pack whose deadlines apply (e.g. Tonghua's 15 and 5 working days); default `cn-national` (none fixed). */
  pack?: string | Pack;
  /** Host policy (e.g. `objectionReplyWorkingDays` where the pack fixes none). */
  policy?: PolicyOverrides;
  calendar?: Calendar;
}

/**
 * What is known about a record on `asOf`: a pure reducer over the record's events dated on or
 * before that day. It says whether the record is in effect and why (not), its sanction period
 * (公务员法 64, 政务处分法 8), its objection status (awaiting reply / reply overdue / replied /
 * report due / report overdue / closed, TH-8..10), its rectification, and every deadline with its
 * due date and whether it was met.
 *
 * The event log is checked first: events out of date order, an event before the record was
 * decided, a reply without an objection, two final outcomes — each is an `InvalidEventLogError`
 * naming the event. The library never changes the events.
 *
 * @param record - a record as the host stores it (validated like any input).
 * @param asOf - the day of the question (`YYYY-MM-DD` or a `Date`, read in Asia/Shanghai).
 * @param options - `pack` (deadlines), `policy`, `calendar`.
 * @returns the record's state on `asOf`.
 * @example
 * const s = recordState(
 *   { id: 'r1', kind: 'administrative-penalty', decidedOn: '2026-09-01',
 *     events: [{ type: 'objection-filed', date: '2026-09-28', channel: 'credit-platform' }] },
 *   '2026-10-24', { pack: 'cn-jl-tonghua' });
 * s.objection?.status;     // 'reply-overdue' (due 2026-10-23, TH-9)
 */
export function recordState(record: CreditRecordInput | Untyped, asOf: DateInput, options?: RecordStateOptions): RecordState {
  let day: unknown;
  try {
    day = normalizeDates(asOf);
  } catch {
    day = undefined; // a Proxy whose traps throw: not a date
  }
  const problem = typeof day === 'string' ? checkDate(day) : 'invalid_date';
  if (problem === 'invalid_date') {
    throw new InvalidInputError([issue(['asOf'], 'invalid_date', '应为真实日期，格式 YYYY-MM-DD', 'expected a real date as YYYY-MM-DD')]);
  }
  if (problem === 'out_of_range') throw dateOutOfRange(day as string, ['asOf']);
  const iso = day as string;
  const o = toOptions(options, ['options'], ['pack', 'policy', 'calendar']) as RecordStateOptions;
  const pack = o.pack === undefined ? 'cn-national' : o.pack;
  // A record is read as part of a one-record subject, so validation, policy and deadlines are
  // exactly those of a decision. Paths are reported relative to the record.
  let query;
  try {
    query = parseQuery({
      pack,
      subject: { id: '_', kind: 'civil-servant', records: [record] },
      action: 'promotion',
      asOf: iso,
      ...(o.policy ? { policy: o.policy } : {}),
    });
  } catch (e) {
    throw relocate(e);
  }
  try {
    const ctx = buildContext(query, o.calendar !== undefined ? { calendar: toCalendar(o.calendar, ['options', 'calendar']) } : {});
    return statesKnownOn(ctx.lifecycle, iso).find((st) => st.id === query.subject.records![0]!.id)!;
  } catch (e) {
    throw relocate(e);
  }
}

/** Re-bases `['subject', 'records', 0, …]` paths onto the record itself, keeping the error's class. */
function relocate(e: unknown): unknown {
  const classes = [InvalidInputError, InvalidEventLogError, ConfidentialRecordError] as const;
  for (const Cls of classes) {
    if (e instanceof Cls) {
      const issues = e.issues.map((i) =>
        i.path[0] === 'subject' && i.path[1] === 'records' && i.path[2] === 0 ? { ...i, path: i.path.slice(3) } : i,
      );
      return new Cls(issues);
    }
  }
  return e;
}
