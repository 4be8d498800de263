import type { DateInput } from '../model/index.js';
import { defaultCore } from './_internal/baseCalendar.js';

/**
 * The last working day strictly before `date` (`addWorkingDays(date, -1)`): the working day before a
 * hearing, say. chinese-days' `findWorkday(-1, date)` gives the same day.
 *
 * Bound to the default calendar (official data; unknown years throw). Use a calendar from
 * `createCalendar` for host schedules, overlays or other options.
 *
 * @param date - `YYYY-MM-DD` or a `Date` (Asia/Shanghai).
 * @returns `YYYY-MM-DD`.
 * @throws InvalidInputError (path `['date']`); CalendarCoverageError.
 * @example
 * previousWorkingDay('2026-10-08'); // '2026-09-30' (国庆节 2026-10-01..07 skipped)
 * previousWorkingDay('2026-10-11'); // '2026-10-10' (a make-up Saturday is a working day)
 */
export function previousWorkingDay(date: DateInput): string {
  return defaultCore().previousWorkingDay(date);
}
