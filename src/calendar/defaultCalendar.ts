import { defaultImpl } from './_internal/baseCalendar.js';
import type { Calendar } from './types.js';

let instance: Calendar | undefined;

/**
 * The shared default calendar: official data only, unknown years are errors, receipts on a
 * non-working day count from the next day. Created on first use and reused; the free functions
 * (`addWorkingDays`, `isWorkingDay`, …) are bound to it.
 *
 * @returns the default `Calendar`.
 * @example
 * defaultCalendar().coverage().officialYears.at(-1); // 2026
 */
export function defaultCalendar(): Calendar {
  return (instance ??= defaultImpl());
}
