import type { DateInput } from '../model/index.js';
import { defaultCore } from './_internal/baseCalendar.js';

/**
 * `date` itself if it is a working day, else the last working day before it: the mirror of
 * `firstWorkingDayOnOrAfter`, for a day that must not fall later than a date.
 *
 * Bound to the default calendar (official data; unknown years throw). Use a calendar from
 * `createCalendar` for host schedules, overlays or other options.
 *
 * @param date - `YYYY-MM-DD` or a `Date` (Asia/Shanghai).
 * @returns `YYYY-MM-DD`.
 * @throws InvalidInputError (path `['date']`); CalendarCoverageError.
 * @example
 * lastWorkingDayOnOrBefore('2026-10-03'); // '2026-09-30'
 * lastWorkingDayOnOrBefore('2026-10-09'); // '2026-10-09'
 */
export function lastWorkingDayOnOrBefore(date: DateInput): string {
  return defaultCore().lastWorkingDayOnOrBefore(date);
}
