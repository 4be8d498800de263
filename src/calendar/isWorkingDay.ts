import type { DateInput } from '../model/index.js';
import { defaultCore } from './_internal/baseCalendar.js';

/**
 * Whether a day is a working day (工作日): Monday–Friday unless a holiday, or a make-up working
 * day (调休上班) on a weekend.
 *
 * Bound to the default calendar (official data; unknown years throw). Use a calendar from
 * `createCalendar` for host schedules, overlays or other options.
 *
 * @param date - `YYYY-MM-DD` or a `Date` (read in Asia/Shanghai).
 * @returns true on a working day.
 * @throws InvalidInputError for a malformed date (path `['date']`); CalendarCoverageError for a year
 *   without a schedule.
 * @example
 * isWorkingDay('2026-10-01'); // false (国庆节)
 * isWorkingDay('2026-10-10'); // true (Saturday, 调休上班)
 */
export function isWorkingDay(date: DateInput): boolean {
  return defaultCore().isWorkingDay(date);
}
