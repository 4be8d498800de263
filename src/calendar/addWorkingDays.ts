import type { DateInput } from '../model/index.js';
import { defaultCore } from './_internal/baseCalendar.js';

/**
 * The n-th working day after `date`: the last day of a period of n working days. The start day is
 * not counted (民法典 第二百零一条: 开始的当日不计入，自下一日开始计算), and an act on the returned day is
 * still in time ("以内" includes it). `n = 0` returns `date` itself (the empty period). A negative `n`
 * counts back: the |n|-th working day before `date` (a notice due N working days before a hearing),
 * as date-fns `addBusinessDays` and chinese-days `findWorkday` do.
 *
 * Bound to the default calendar (official data; unknown years throw). Use a calendar from
 * `createCalendar` for host schedules, overlays or other options.
 *
 * @param date - the day of the triggering event, `YYYY-MM-DD` or a `Date` (Asia/Shanghai).
 * @param n - working days, an integer (negative: before `date`).
 * @returns `YYYY-MM-DD`.
 * @throws InvalidInputError (paths `['date']`, `['n']`); CalendarCoverageError when the count needs a
 *   year without a schedule (`addWorkingDays('2026-12-20', 15)` needs 2027).
 * @example
 * addWorkingDays('2026-09-28', 15); // '2026-10-23' (the make-up Saturday 2026-10-10 counts)
 * addWorkingDays('2026-09-30', 5);  // '2026-10-13'
 * addWorkingDays('2026-10-12', -5); // '2026-09-29' (back over 国庆节; the make-up Saturday 10-10 counts)
 */
export function addWorkingDays(date: DateInput, n: number): string {
  return defaultCore().addWorkingDays(date, n);
}
