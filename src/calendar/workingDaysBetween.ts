import type { DateInput } from '../model/index.js';
import { defaultCore } from './_internal/baseCalendar.js';

/**
 * Working days in (from, to]: the inverse of `addWorkingDays`
 * (`workingDaysBetween(d, addWorkingDays(d, n)) === n`). Negative when `to` is before `from`.
 *
 * Bound to the default calendar (official data; unknown years throw). Use a calendar from
 * `createCalendar` for host schedules, overlays or other options.
 *
 * @param from - start (not counted), `YYYY-MM-DD` or a `Date`.
 * @param to - end (counted), `YYYY-MM-DD` or a `Date`.
 * @returns the signed count.
 * @throws InvalidInputError (paths `['from']`, `['to']`); CalendarCoverageError.
 * @example
 * workingDaysBetween('2026-09-28', '2026-10-23'); // 15
 */
export function workingDaysBetween(from: DateInput, to: DateInput): number {
  return defaultCore().workingDaysBetween(from, to);
}
