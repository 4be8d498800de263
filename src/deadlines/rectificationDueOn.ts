import { fromDayNumber } from '../_lib/days.js';
import { toDay, toOptions } from '../_lib/input.js';
import type { Calendar } from '../calendar/types.js';
import { InvalidInputError, issue } from '../model/errors.js';
import type { DateInput } from '../model/index.js';
import { calendarDayDeadline, toBasis, toCalendar, toPositive, workingDayDeadline } from './_internal/build.js';
import { LEGAL_BASES } from './legalBases.js';
import type { Deadline, LegalBasis } from './types.js';

/** The limit the ordering authority set: a date, or a number of calendar or working days. */
export type RectificationLimit = { dueOn: DateInput } | { calendarDays: number } | { workingDays: number };

export interface RectificationOptions {
  /** The clause to cite; default TH-5 (书面说明……并限期加以整改). */
  basis?: LegalBasis;
  calendar?: Calendar;
}

/**
 * The due date of a rectification ordered by a deadline (限期整改). The ordering authority sets the
 * limit; the documents fix none. A date is taken as given (a day set, not a period: no rolling, no
 * calendar needed); `calendarDays` run from the day after the order and a non-working last day
 * rolls to the next working day (民法典 第二百零三条); `workingDays` are counted on the calendar.
 *
 * @param orderedOn - the day the rectification was ordered.
 * @param limit - `{ dueOn }`, `{ calendarDays }` or `{ workingDays }`.
 * @param opts - `basis`, `calendar`.
 * @returns a `Deadline` with `kind: 'rectification'`.
 * @throws InvalidInputError (paths `['orderedOn']`, `['limit', …]`, `['opts', …]`); CalendarCoverageError.
 * @example
 * rectificationDueOn('2026-09-01', { calendarDays: 30 }).dueOn; // '2026-10-08' (2026-10-01 rolled)
 * rectificationDueOn('2026-09-01', { dueOn: '2026-12-31' }).dueOn; // '2026-12-31'
 */
export function rectificationDueOn(orderedOn: DateInput, limit: RectificationLimit, opts?: RectificationOptions): Deadline {
  const o = toOptions(opts, ['opts'], ['basis', 'calendar']);
  const basis = toBasis(o.basis, LEGAL_BASES['TH-5'], ['opts', 'basis']);
  const l = toOptions(limit ?? null, ['limit'], ['dueOn', 'calendarDays', 'workingDays']);
  const keys = Object.keys(l);
  if (keys.length !== 1) {
    throw new InvalidInputError([
      issue(['limit'], 'invalid_limit', '整改期限应为 { dueOn }、{ calendarDays } 或 { workingDays } 之一', 'the limit must be exactly one of { dueOn }, { calendarDays }, { workingDays }'),
    ]);
  }
  if (l.dueOn !== undefined) {
    const ev = toDay(orderedOn, ['orderedOn']);
    const due = toDay(l.dueOn, ['limit', 'dueOn']);
    if (due <= ev) {
      throw new InvalidInputError([issue(['limit', 'dueOn'], 'invalid_date', '整改期限应晚于责令整改之日', 'the due date must be after the day of the order')]);
    }
    return {
      kind: 'rectification',
      eventOn: fromDayNumber(ev),
      startsOn: fromDayNumber(ev + 1),
      dueOn: fromDayNumber(due),
      period: { unit: 'fixed-date' },
      basis,
      dateRules: [],
      provisional: false,
    };
  }
  const cal = toCalendar(o.calendar, ['opts', 'calendar']);
  if (l.calendarDays !== undefined) {
    return calendarDayDeadline('rectification', orderedOn, ['orderedOn'], toPositive(l.calendarDays, ['limit', 'calendarDays']), basis, cal);
  }
  return workingDayDeadline('rectification', orderedOn, ['orderedOn'], toPositive(l.workingDays, ['limit', 'workingDays']), basis, cal);
}
