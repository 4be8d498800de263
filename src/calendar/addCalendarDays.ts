import type { DateInput } from '../model/index.js';
import type { RollOptions } from './types.js';
import { defaultCore } from './_internal/baseCalendar.js';

/**
 * The last day of a period of n calendar days: `date + n` (start day not counted, 民法典 第二百零一条).
 * With `rollToWorkingDay`, a last day that is not a working day moves to the first working day after
 * it (民法典 第二百零三条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
 *
 * Bound to the default calendar (official data; unknown years throw). Use a calendar from
 * `createCalendar` for host schedules, overlays or other options.
 *
 * @param date - `YYYY-MM-DD` or a `Date` (Asia/Shanghai).
 * @param n - calendar days, an integer (negative: before `date`; rolled to the last working day before a
 *   non-working last day, so that a period counted back is not shortened).
 * @param opts.rollToWorkingDay - roll a non-working last day forward (needs calendar coverage).
 * @returns `YYYY-MM-DD`.
 * @throws InvalidInputError (paths `['date']`, `['n']`, `['opts', …]`); CalendarCoverageError when rolling.
 * @example
 * addCalendarDays('2026-09-01', 30); // '2026-10-01'
 * addCalendarDays('2026-09-01', 30, { rollToWorkingDay: true }); // '2026-10-08'
 */
export function addCalendarDays(date: DateInput, n: number, opts?: RollOptions): string {
  return defaultCore().addCalendarDays(date, n, opts);
}
