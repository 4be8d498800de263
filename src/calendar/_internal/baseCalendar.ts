import { CalendarImpl, type ResolvedOptions, type StatutoryProvider } from './CalendarImpl.js';
import { officialData } from './officialData.js';

/**
 * A calendar on the official data alone. The default calendar is made here without the statutory
 * provider, so that a bundle that only calls `addWorkingDays` carries none of the statutory mode.
 */
export function officialCalendar(options: ResolvedOptions, statutory: StatutoryProvider | null): CalendarImpl {
  const data = officialData();
  return new CalendarImpl({ entries: data.entries, officialYears: data.years, hostYears: new Map(), overlays: [] }, options, undefined, statutory);
}
