import { dayNumberFromParts, isoWeekday, MAX_DAY_NUMBER, partsFromDayNumber } from '../../../_lib/days.js';
import { CalendarCoverageError } from '../../CalendarCoverageError.js';
import { addOn, CalendarImpl, type ResolvedOptions, type StatutoryProvider } from '../CalendarImpl.js';
import { DayIndex } from '../dayIndex.js';
import type { Path } from '../../../_lib/input.js';
import type { CalendarState } from '../layers.js';
import type { DayEntry } from '../officialData.js';
import { statutoryCoverageAdvice } from './advice.js';
import { STATUTORY_FIRST_YEAR } from './holidayLaw.js';
import { statutoryEntries } from './statutoryDays.js';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : 0);

/**
 * A calendar in 'statutory' mode: a year without a schedule has the days the 全国年节及纪念日放假办法
 * fixes off (statutoryDays.ts), weekends too; its index grows, a year at a time, to reach the days a
 * count needs (other modes answer beyond the index Monday–Friday, in closed form). A year before the
 * oldest version encoded is still a coverage error.
 */
export class StatutoryCalendar extends CalendarImpl {
  protected override buildIndex(lo: number, hi: number): DayIndex {
    const entries = this.state.entries;
    const cov = this.cov;
    let yearEnd = -Infinity;
    let yearDays: ReadonlyMap<number, DayEntry> | null = null;
    return new DayIndex(
      lo,
      hi,
      (dn) => {
        const e = entries.get(dn);
        if (e) return e.kind === 'make-up-workday';
        if (dn > yearEnd) {
          const year = partsFromDayNumber(dn).year;
          yearEnd = dayNumberFromParts(year, 12, 31);
          yearDays = cov.hasYear(year) ? null : statutoryEntries(year);
        }
        return !yearDays?.has(dn) && isoWeekday(dn) <= 5;
      },
      now,
    );
  }

  /** An index reaching [a, b] (whole years, and a year beyond b for the counts that end past it). */
  protected override reach(a: number, b: number): DayIndex {
    const ix = this._index();
    if (a >= ix.lo && (b <= ix.hi || ix.hi >= MAX_DAY_NUMBER)) return ix;
    const lo = Math.min(ix.lo, dayNumberFromParts(partsFromDayNumber(a).year, 1, 1));
    const hi = Math.min(MAX_DAY_NUMBER, Math.max(ix.hi, dayNumberFromParts(partsFromDayNumber(b).year + 1, 12, 31)));
    if (lo === ix.lo && hi === ix.hi) return ix;
    const wider = this.buildIndex(lo, hi);
    this.setIndex(wider);
    return wider;
  }

  override _addWorking(dn: number, n: number): number {
    let ix = this.reach(dn, dn);
    for (;;) {
      const r = addOn(ix, dn, n);
      if (r >= ix.lo && r <= ix.hi) return r;
      // The count left the index, where days count Monday–Friday: a first guess. Reach it and count again.
      const wider = this.reach(Math.min(dn, r), Math.max(dn, r));
      if (wider === ix) return r;
      ix = wider;
    }
  }

  override _requireCovered(a: number, b: number, path: Path): void {
    const year = this.cov.firstUncoveredYear(a, b);
    if (year !== null && year < STATUTORY_FIRST_YEAR) {
      throw new CalendarCoverageError(year, path, { from: this.cov.minYear, to: this.cov.maxYear }, { statutoryFrom: STATUTORY_FIRST_YEAR, advice: statutoryCoverageAdvice(STATUTORY_FIRST_YEAR) });
    }
  }

  protected override estimatedEntry(dn: number, year: number): DayEntry | undefined {
    return statutoryEntries(year).get(dn);
  }
}

/** Makes statutory calendars: what createCalendar and the engine hand to a calendar. */
export const STATUTORY: StatutoryProvider = /* @__PURE__ */ Object.freeze({
  create: (state: CalendarState, options: ResolvedOptions, index: DayIndex | undefined, provider: StatutoryProvider) => new StatutoryCalendar(state, options, index, provider),
});
