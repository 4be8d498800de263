import { addMonthsIso, dayNumberFromParts, fromDayNumber, isoWeekday, partsFromDayNumber, toDayNumber } from '../../_lib/days.js';
import type { DateInput } from '../../model/index.js';
import { CalendarCoverageError } from '../CalendarCoverageError.js';
import type { Calendar, CalendarCoverage, DayInfo, ProvisionalReason, RollOptions, WorkingDayResult } from '../types.js';
import { Coverage } from './coverage.js';
import { DayIndex } from './dayIndex.js';
import { checkDayRange, checkMonthRange, formatDay, P_DATE, P_FROM, P_N, P_TO, toBoolean, toDay, toOptions, toSignedCount, type Path } from '../../_lib/input.js';
import type { CalendarState } from './layers.js';
import type { DayEntry } from './officialData.js';

export type ResolvedOptions = Calendar['options'];

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : 0);

/**
 * What every calendar answers: its days, counts and coverage. Public methods validate their
 * arguments and name them in errors; the `_`-prefixed methods work on day numbers for the deadline
 * module, which reports errors under its own argument names. CalendarImpl adds what makes other
 * calendars (schedules, overlays, options): the free functions (`addWorkingDays`, …) use a core of
 * their own, so that a bundle calling them alone carries none of that.
 */
export class CalendarCore implements Omit<Calendar, 'withSchedule' | 'withOverlay'> {
  readonly options: ResolvedOptions;
  protected readonly state: CalendarState;
  protected readonly cov: Coverage;
  private idx: DayIndex | undefined;

  constructor(state: CalendarState, options: ResolvedOptions, index?: DayIndex) {
    this.state = state;
    this.options = Object.freeze({ ...options });
    this.cov = new Coverage([...state.officialYears, ...state.hostYears.keys()]);
    this.idx = index;
  }

  /** The prefix index, built on first use. Spans the covered years and any entry outside them. */
  _index(): DayIndex {
    if (this.idx) return this.idx;
    let lo = this.cov.lo;
    let hi = this.cov.hi;
    for (const dn of this.state.entries.keys()) {
      if (dn < lo) lo = dayNumberFromParts(partsFromDayNumber(dn).year, 1, 1);
      if (dn > hi) hi = dayNumberFromParts(partsFromDayNumber(dn).year, 12, 31);
    }
    this.idx = this.buildIndex(lo, hi);
    return this.idx;
  }

  /** The index over [lo, hi]: the entries, Mon–Fri elsewhere. */
  protected buildIndex(lo: number, hi: number): DayIndex {
    const entries = this.state.entries;
    return new DayIndex(
      lo,
      hi,
      (dn) => {
        const e = entries.get(dn);
        return e ? e.kind === 'make-up-workday' : isoWeekday(dn) <= 5;
      },
      now,
    );
  }

  /** An index that answers for [a, b]: this one (outside it, days count Mon–Fri); the statutory mode grows it. */
  protected reach(_a: number, _b: number): DayIndex {
    return this._index();
  }

  /** Replaces the index (the statutory mode grows it). */
  protected setIndex(ix: DayIndex): void {
    this.idx = ix;
  }

  /** Milliseconds the index took to build (0 before it is built). */
  _indexBuildMs(): number {
    return this.idx?.buildMs ?? 0;
  }

  // ---- day-number layer -------------------------------------------------------------------

  _day(input: unknown, path: Path): number {
    return toDay(input, path);
  }

  /**
   * Throws CalendarCoverageError when a day in [a, b] is in a year without a schedule, in 'error' mode
   * (the statutory mode, for a year before the oldest version of the 办法 encoded).
   */
  _requireCovered(a: number, b: number, path: Path): void {
    if (this.options.unknownYears !== 'error') return;
    const year = this.cov.firstUncoveredYear(a, b);
    if (year !== null) throw new CalendarCoverageError(year, path, { from: this.cov.minYear, to: this.cov.maxYear });
  }

  _isWorking(dn: number): boolean {
    return this.reach(dn, dn).isWorking(dn);
  }

  /**
   * The n-th working day after dn (n ≥ 1), or before it (n ≤ −1: the start day is not counted either
   * way). Coverage is the caller's to check.
   */
  _addWorking(dn: number, n: number): number {
    return addOn(this._index(), dn, n);
  }

  /** Working days in (a, b]; negative when b < a. */
  _between(a: number, b: number): number {
    const ix = this.reach(Math.min(a, b), Math.max(a, b));
    return ix.ordinalOf(b) - ix.ordinalOf(a);
  }

  _firstWorkingOnOrAfter(dn: number): number {
    return this._isWorking(dn) ? dn : this._addWorking(dn, 1);
  }

  _lastWorkingOnOrBefore(dn: number): number {
    return this._isWorking(dn) ? dn : this._addWorking(dn, -1);
  }

  _provisional(a: number, b: number): boolean {
    return this.cov.anyProvisional(a, b);
  }

  /** Why [a, b] is provisional, or null when no day in it is. */
  _provisionalReason(a: number, b: number): ProvisionalReason | null {
    if (!this.cov.anyProvisional(a, b)) return null;
    const years = this.cov.uncoveredYears(a, b);
    const movable = this.cov.firstMovable(a, b);
    return {
      estimatedYears: years,
      mode: years.length && this.options.unknownYears !== 'error' ? this.options.unknownYears : null,
      movableFrom: movable === null ? null : fromDayNumber(movable),
    };
  }

  /** `{ provisional, provisionalReason? }` for the days [a, b] a result depends on. */
  _provisionalOf(a: number, b: number): { provisional: boolean; provisionalReason?: ProvisionalReason } {
    const reason = this._provisionalReason(a, b);
    return reason ? { provisional: true, provisionalReason: reason } : { provisional: false };
  }

  // ---- public API -------------------------------------------------------------------------

  /** The entry of a day in a year without a schedule (none: Mon–Fri; the statutory mode has the 办法's days). */
  protected estimatedEntry(_dn: number, _year: number): DayEntry | undefined {
    return undefined;
  }

  isWorkingDay(date: DateInput): boolean {
    const dn = toDay(date, P_DATE);
    this._requireCovered(dn, dn, P_DATE);
    return this._index().isWorking(dn);
  }

  dayInfo(date: DateInput): DayInfo {
    const dn = toDay(date, P_DATE);
    this._requireCovered(dn, dn, P_DATE);
    const year = partsFromDayNumber(dn).year;
    const covered = this.cov.hasYear(year);
    const e = this.state.entries.get(dn) ?? (covered ? undefined : this.estimatedEntry(dn, year));
    const estimated = this.options.unknownYears === 'statutory' ? 'statutory' : 'weekends-only';
    const info: DayInfo = {
      date: fromDayNumber(dn),
      working: this._isWorking(dn),
      kind: e ? e.kind : isoWeekday(dn) <= 5 ? 'workday' : 'weekend',
      provisional: this.cov.anyProvisional(dn, dn),
      source: e ? e.source : !covered ? estimated : this.state.hostYears.has(year) ? 'host-schedule' : 'official',
    };
    if (e?.name) {
      if (e.kind === 'holiday') info.holiday = { ...e.name };
      else info.makeUpFor = { ...e.name };
    }
    if (e?.region !== undefined) info.region = e.region;
    return info;
  }

  addWorkingDays(date: DateInput, n: number): string {
    // The hot path: no result object, no provisional check.
    const dn = toDay(date, P_DATE);
    const k = toSignedCount(n, P_N);
    this._requireCovered(dn, dn, P_DATE);
    if (k === 0) return this._index().format(dn);
    const r = this._addWorking(dn, k);
    checkDayRange(r, P_N);
    if (k > 0) this._requireCovered(dn, r, P_N);
    else this._requireCovered(r, dn, P_N);
    return this._index().format(r);
  }

  addWorkingDaysDetailed(date: DateInput, n: number): WorkingDayResult {
    const dn = toDay(date, P_DATE);
    const k = toSignedCount(n, P_N);
    this._requireCovered(dn, dn, P_DATE);
    // n = 0 is the empty period: the start day itself, depending on no day's status.
    if (k === 0) return { date: fromDayNumber(dn), provisional: false };
    const r = this._addWorking(dn, k);
    const out = formatDay(r, P_N);
    // The days counted: (dn, r] forwards, [r, dn) backwards.
    const [a, b] = k > 0 ? [dn + 1, r] : [r, dn - 1];
    if (k > 0) this._requireCovered(dn, r, P_N);
    else this._requireCovered(r, dn, P_N);
    return { date: out, ...this._provisionalOf(a, b) };
  }

  workingDaysBetween(from: DateInput, to: DateInput): number {
    const a = toDay(from, P_FROM);
    const b = toDay(to, P_TO);
    this._requireCovered(a, a, P_FROM);
    this._requireCovered(b, b, P_TO);
    this._requireCovered(Math.min(a, b), Math.max(a, b), P_TO);
    return this._between(a, b);
  }

  nextWorkingDay(date: DateInput): string {
    return this.addWorkingDays(date, 1);
  }

  previousWorkingDay(date: DateInput): string {
    return this.addWorkingDays(date, -1);
  }

  firstWorkingDayOnOrAfter(date: DateInput): string {
    const dn = toDay(date, P_DATE);
    this._requireCovered(dn, dn, P_DATE);
    const r = this._firstWorkingOnOrAfter(dn);
    const out = formatDay(r, P_DATE);
    this._requireCovered(dn, r, P_DATE);
    return out;
  }

  lastWorkingDayOnOrBefore(date: DateInput): string {
    const dn = toDay(date, P_DATE);
    this._requireCovered(dn, dn, P_DATE);
    const r = this._lastWorkingOnOrBefore(dn);
    const out = formatDay(r, P_DATE);
    this._requireCovered(r, dn, P_DATE);
    return out;
  }

  addCalendarDays(date: DateInput, n: number, opts?: RollOptions): string {
    const dn = toDay(date, P_DATE);
    const k = toSignedCount(n, P_N);
    const roll = toBoolean(toOptions(opts, ['opts'], ['rollToWorkingDay']).rollToWorkingDay, ['opts', 'rollToWorkingDay']);
    const raw = dn + k;
    checkDayRange(raw, P_N);
    return roll ? this._roll(raw, k < 0, P_N) : fromDayNumber(raw);
  }

  addMonths(date: DateInput, n: number, opts?: RollOptions): string {
    const dn = toDay(date, P_DATE);
    const k = toSignedCount(n, P_N);
    const roll = toBoolean(toOptions(opts, ['opts'], ['rollToWorkingDay']).rollToWorkingDay, ['opts', 'rollToWorkingDay']);
    const p = partsFromDayNumber(dn);
    checkMonthRange(p.year, p.month, k, P_N);
    const raw = toDayNumber(addMonthsIso(fromDayNumber(dn), k));
    return roll ? this._roll(raw, k < 0, P_N) : fromDayNumber(raw);
  }

  /**
   * 民法典 203: a last day that is not a working day moves to the first working day after it. Counted
   * backwards (a negative count: a day N days before an event), it moves to the last working day
   * before it instead, so that the period is not shortened.
   */
  private _roll(raw: number, backwards: boolean, path: Path): string {
    this._requireCovered(raw, raw, path);
    const r = backwards ? this._lastWorkingOnOrBefore(raw) : this._firstWorkingOnOrAfter(raw);
    const out = formatDay(r, path);
    this._requireCovered(Math.min(raw, r), Math.max(raw, r), path);
    return out;
  }

  isProvisional(date: DateInput): boolean {
    const dn = toDay(date, P_DATE);
    return this.cov.anyProvisional(dn, dn);
  }

  isProvisionalBetween(from: DateInput, to: DateInput): boolean {
    const a = toDay(from, P_FROM);
    const b = toDay(to, P_TO);
    return this.cov.anyProvisional(Math.min(a, b), Math.max(a, b));
  }

  provisionalReason(from: DateInput, to: DateInput): ProvisionalReason | null {
    const a = toDay(from, P_FROM);
    const b = toDay(to, P_TO);
    return this._provisionalReason(Math.min(a, b), Math.max(a, b));
  }

  coverage(): CalendarCoverage {
    return {
      officialYears: [...this.state.officialYears],
      hostYears: [...this.state.hostYears.keys()].sort((a, b) => a - b),
      hostSchedules: [...this.state.hostYears].sort((a, b) => a[0] - b[0]).map(([year, source]) => ({ year, source })),
      firstDate: fromDayNumber(this.cov.lo),
      lastDate: fromDayNumber(this.cov.hi),
      provisionalFrom: fromDayNumber(this.cov.provisionalFrom),
      overlays: this.state.overlays.map((o) => ({ ...o })),
      unknownYears: this.options.unknownYears,
    };
  }

}

/**
 * The n-th working day after dn (n ≥ 1), or before it (n ≤ −1), on an index: two array reads.
 * `ordinalOf(dn)` counts dn itself when it is a working day, so going back starts below it.
 */
export function addOn(ix: DayIndex, dn: number, n: number): number {
  return ix.dayOfOrdinal(ix.ordinalOf(dn) + n + (n < 0 && !ix.isWorking(dn) ? 1 : 0));
}
