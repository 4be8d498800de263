import type { DateInput } from '../model/index.js';
import { defaultCore } from './_internal/baseCalendar.js';

/**
 * Whether the next year's notice could still change this day, or its year has no schedule at all:
 * true from 1 December of the last covered year on, and for any uncovered year. Never throws for
 * a valid date, so it can be asked before a computation.
 *
 * Bound to the default calendar (official data; unknown years throw). Use a calendar from
 * `createCalendar` for host schedules, overlays or other options.
 *
 * @param date - `YYYY-MM-DD` or a `Date` (Asia/Shanghai).
 * @returns true when provisional.
 * @throws InvalidInputError (path `['date']`).
 * @example
 * isProvisional('2026-12-01'); // true (until the 2027 schedule is added)
 * isProvisional('2026-11-30'); // false
 */
export function isProvisional(date: DateInput): boolean {
  return defaultCore().isProvisional(date);
}
