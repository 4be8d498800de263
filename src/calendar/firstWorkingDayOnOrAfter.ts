import type { DateInput } from '../model/index.js';
import { defaultCore } from './_internal/baseCalendar.js';

/**
 * `date` itself if it is a working day, else the first working day after it.
 *
 * Bound to the default calendar (official data; unknown years throw). Use a calendar from
 * `createCalendar` for host schedules, overlays or other options.
 *
 * @param date - `YYYY-MM-DD` or a `Date` (Asia/Shanghai).
 * @returns `YYYY-MM-DD`.
 * @throws InvalidInputError (path `['date']`); CalendarCoverageError.
 * @example
 * firstWorkingDayOnOrAfter('2026-10-03'); // '2026-10-08'
 * firstWorkingDayOnOrAfter('2026-10-08'); // '2026-10-08'
 */
export function firstWorkingDayOnOrAfter(date: DateInput): string {
  return defaultCore().firstWorkingDayOnOrAfter(date);
}
