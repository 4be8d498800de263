import type { Calendar, HostSchedule, RegionalOverlay } from '../types.js';
import { CalendarCore, type ResolvedOptions } from './CalendarCore.js';
import type { DayIndex } from './dayIndex.js';
import { applyOverlay, applySchedule, type CalendarState } from './layers.js';

export { addOn, CalendarCore, type ResolvedOptions } from './CalendarCore.js';

/**
 * Makes calendars in 'statutory' mode (statutory/StatutoryCalendar.ts). Given by createCalendar and
 * the engine, so that a bundle that only uses the default calendar (official data, unknown years are
 * errors) carries none of the statutory mode.
 */
export interface StatutoryProvider {
  create(state: CalendarState, options: ResolvedOptions, index: DayIndex | undefined, provider: StatutoryProvider): CalendarImpl;
}

/** The one implementation of `Calendar`: the core's answers, and the calendars made from it. */
export class CalendarImpl extends CalendarCore implements Calendar {
  /** Makes 'statutory' calendars: kept for variants and derived calendars. */
  protected readonly provider: StatutoryProvider | null;

  constructor(state: CalendarState, options: ResolvedOptions, index?: DayIndex, provider: StatutoryProvider | null = null) {
    super(state, options, index);
    this.provider = provider;
  }

  /** A calendar on other data or options, of the kind its mode needs (the statutory mode is a subclass). */
  protected make(state: CalendarState, options: ResolvedOptions, index: DayIndex | undefined, provider: StatutoryProvider | null = this.provider): CalendarImpl {
    if (options.unknownYears !== 'statutory') return new CalendarImpl(state, options, index, provider);
    if (!provider) throw new Error('statutory mode needs its provider (createCalendar gives it)');
    return provider.create(state, options, index, provider);
  }

  /**
   * The same data (and index) answering with other options: the engine gives a host calendar the
   * decision's policy (`unknownCalendarYears`, `receiptOnNonWorkingDay`).
   */
  _withOptions(options: ResolvedOptions, provider: StatutoryProvider | null = this.provider): CalendarImpl {
    if (options.unknownYears === this.options.unknownYears && options.receiptOnNonWorkingDay === this.options.receiptOnNonWorkingDay) return this;
    const key = `${options.unknownYears}|${options.receiptOnNonWorkingDay}`;
    let v = this.variants.get(key);
    // The index is shared only between modes that count the same days (statutory mode adds the 办法's).
    const sameDays = (options.unknownYears === 'statutory') === (this.options.unknownYears === 'statutory');
    if (!v) this.variants.set(key, (v = this.make(this.state, options, sameDays ? this._index() : undefined, provider)));
    return v;
  }

  /** Calendars with this one's data and other options, made once each. */
  private readonly variants = new Map<string, CalendarImpl>();

  withSchedule(schedule: HostSchedule): Calendar {
    const next = applySchedule(this.state, this.cov, schedule);
    return next === this.state ? this : this.make(next, this.options, undefined);
  }

  withOverlay(overlay: RegionalOverlay): Calendar {
    return this.make(applyOverlay(this.state, this.cov, overlay), this.options, undefined);
  }
}
