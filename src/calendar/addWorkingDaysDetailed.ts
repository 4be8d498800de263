import type { DateInput } from '../model/index.js';
import type { WorkingDayResult } from './types.js';
import { defaultCore } from './_internal/baseCalendar.js';

/**
 * `addWorkingDays` with a `provisional` flag: true when any day counted ((date, result], or
 * [result, date) counting back) is provisional: December of the last covered year, which the next
 * notice can move, or a year without a schedule estimated by the calendar's `unknownYears` mode.
 * `provisionalReason` then says which (`{ estimatedYears, mode, movableFrom }`).
 *
 * Bound to the default calendar (official data; unknown years throw). Use a calendar from
 * `createCalendar` for host schedules, overlays or other options.
 *
 * @param date - `YYYY-MM-DD` or a `Date` (Asia/Shanghai).
 * @param n - working days, an integer (negative: before `date`).
 * @returns `{ date, provisional, provisionalReason? }`.
 * @throws InvalidInputError (paths `['date']`, `['n']`); CalendarCoverageError.
 * @example
 * addWorkingDaysDetailed('2026-11-25', 10);
 * // { date: '2026-12-09', provisional: true,
 * //   provisionalReason: { estimatedYears: [], mode: null, movableFrom: '2026-12-01' } }
 */
export function addWorkingDaysDetailed(date: DateInput, n: number): WorkingDayResult {
  return defaultCore().addWorkingDaysDetailed(date, n);
}
