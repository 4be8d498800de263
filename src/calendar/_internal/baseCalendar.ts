import { CalendarCore, type ResolvedOptions } from './CalendarCore.js';
import { CalendarImpl, type StatutoryProvider } from './CalendarImpl.js';
import type { CalendarState } from './layers.js';
import { officialData } from './officialData.js';

/** The library's default options: unknown years are errors, receipts count from the next day. */
export const DEFAULT_OPTIONS: ResolvedOptions = Object.freeze({ unknownYears: 'error', receiptOnNonWorkingDay: 'day-after-receipt' });

let official: CalendarState | undefined;
/** The official data as a calendar's state (made once). */
function officialState(): CalendarState {
  if (official) return official;
  const data = officialData();
  return (official = { entries: data.entries, officialYears: data.years, hostYears: new Map<number, string>(), overlays: [] });
}

/** A calendar on the official data alone; statutory calendars need the provider (createCalendar gives it). */
export function officialCalendar(options: ResolvedOptions, provider: StatutoryProvider | null): CalendarImpl {
  const state = officialState();
  if (options.unknownYears === 'statutory' && provider) return provider.create(state, options, undefined, provider);
  return new CalendarImpl(state, options, undefined, provider);
}

let core: CalendarCore | undefined;
/**
 * The default calendar's answers, for the free functions (`addWorkingDays`, …): a core without the
 * code that makes other calendars, so that a bundle calling them alone stays small.
 */
export function defaultCore(): CalendarCore {
  return (core ??= new CalendarCore(officialState(), DEFAULT_OPTIONS));
}

/** The default calendar, sharing the free functions' index. */
export function defaultImpl(): CalendarImpl {
  return new CalendarImpl(officialState(), DEFAULT_OPTIONS, defaultCore()._index());
}
