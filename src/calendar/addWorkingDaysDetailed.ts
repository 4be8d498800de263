import type { DateInput } from '../model/index.js';
import type { WorkingDayResult } from './types.js';
import { defaultCalendar } from './defaultCalendar.js';

/**
 * `addWorkingDays` with a `provisional` flag: true when any day counted, (date, result], is provisional
 * (December of the last covered year, or a year answered weekends-only).
 *
 * Bound to the default calendar (official data; unknown years throw). Use a calendar from
 * `createCalendar` for host schedules, overlays or other options.
 *
 * @param date - `YYYY-MM-DD` or a `Date` (Asia/Shanghai).
 * @param n - working days, a non-negative integer.
 * @returns `{ date, provisional }`.
 * @throws InvalidInputError (paths `['date']`, `['n']`); CalendarCoverageError.
 * @example
 * addWorkingDaysDetailed('2026-11-25', 10); // { date: '2026-12-09', provisional: true }
 */
export function addWorkingDaysDetailed(date: DateInput, n: number): WorkingDayResult {
  return defaultCalendar().addWorkingDaysDetailed(date, n);
}
