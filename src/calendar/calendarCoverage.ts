import { defaultCore } from './_internal/baseCalendar.js';
import type { CalendarCoverage } from './types.js';

/**
 * What the default calendar covers: official years, host years, first and last covered day, the
 * day from which answers are provisional, overlays, and the unknown-years mode.
 *
 * @returns the default calendar's `coverage()`.
 * @example
 * calendarCoverage().provisionalFrom; // '2026-12-01' with the data bundled today
 */
export function calendarCoverage(): CalendarCoverage {
  return defaultCore().coverage();
}
