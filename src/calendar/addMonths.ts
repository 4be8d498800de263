import type { DateInput } from '../model/index.js';
import type { RollOptions } from './types.js';
import { defaultCore } from './_internal/baseCalendar.js';

/**
 * The last day of a period of n months: the corresponding day of the month n months later, or that
 * month's last day where it has none (民法典 第二百零二条). With `rollToWorkingDay`, a non-working last
 * day moves to the next working day (民法典 第二百零三条); sanction periods (处分期) do not roll.
 *
 * Bound to the default calendar (official data; unknown years throw). Use a calendar from
 * `createCalendar` for host schedules, overlays or other options.
 *
 * @param date - `YYYY-MM-DD` or a `Date` (Asia/Shanghai).
 * @param n - months, an integer (negative: before `date`; rolled to the last working day before a
 *   non-working last day, so that a period counted back is not shortened).
 * @param opts.rollToWorkingDay - roll a non-working last day forward (needs calendar coverage).
 * @returns `YYYY-MM-DD`.
 * @throws InvalidInputError (paths `['date']`, `['n']`, `['opts', …]`); CalendarCoverageError when rolling.
 * @example
 * addMonths('2026-03-15', 6); // '2026-09-15'
 * addMonths('2026-08-31', 6); // '2027-02-28'
 */
export function addMonths(date: DateInput, n: number, opts?: RollOptions): string {
  return defaultCore().addMonths(date, n, opts);
}
