import type { DateInput } from '../model/index.js';
import { defaultCore } from './_internal/baseCalendar.js';

/**
 * The first working day strictly after `date` (`addWorkingDays(date, 1)`).
 *
 * Bound to the default calendar (official data; unknown years throw). Use a calendar from
 * `createCalendar` for host schedules, overlays or other options.
 *
 * @param date - `YYYY-MM-DD` or a `Date` (Asia/Shanghai).
 * @returns `YYYY-MM-DD`.
 * @throws InvalidInputError (path `['date']`); CalendarCoverageError.
 * @example
 * nextWorkingDay('2026-09-30'); // '2026-10-08'
 */
export function nextWorkingDay(date: DateInput): string {
  return defaultCore().nextWorkingDay(date);
}
