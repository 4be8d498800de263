import { addMonthsIso, dayNumberFromParts, fromDayNumber, isoWeekday, partsFromDayNumber, toDayNumber } from '../../_lib/days.js';
import type { DateInput } from '../../model/index.js';
import { CalendarCoverageError } from '../CalendarCoverageError.js';
import type { Calendar, CalendarCoverage, DayInfo, HostSchedule, RegionalOverlay, RollOptions, WorkingDayResult } from '../types.js';
import { Coverage } from './coverage.js';
import { DayIndex } from './dayIndex.js';
import { checkDayRange, checkMonthRange, formatDay, P_DATE, P_FROM, P_N, P_TO, toBoolean, toCount, toDay, toOptions, type Path } from './input.js';
import { applyOverlay, applySchedule, type CalendarState } from './layers.js';

export type ResolvedOptions = Calendar['options'];

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : 0);

/**
 * The one implementation of `Calendar`. Public methods validate their arguments and name them in
 * errors; the `_`-prefixed methods work on day numbers for the deadline module, which reports
 * errors under its own argument names.
 */
export class CalendarImpl implements Calendar {
  readonly options: ResolvedOptions;
  private readonly state: CalendarState;
  private readonly cov: Coverage;
  private idx: DayIndex | undefined;

  constructor(state: CalendarState, options: ResolvedOptions, index?: DayIndex) {
    this.state = state;
    this.options = Object.freeze({ ...options });
    this.cov = new Coverage([...state.officialYears, ...state.hostYears.keys()]);
    this.idx = index;
  }

  /**
   * The same data (and index) answering with other options: the engine gives a host calendar the
   * decision's policy (`unknownCalendarYears`, `receiptOnNonWorkingDay`).
   */
  _withOptions(options: ResolvedOptions): CalendarImpl {
    if (options.unknownYears === this.options.unknownYears && options.receiptOnNonWorkingDay === this.options.receiptOnNonWorkingDay) return this;
    const key = `${options.unknownYears}|${options.receiptOnNonWorkingDay}`;
    let v = this.variants.get(key);
    if (!v) this.variants.set(key, (v = new CalendarImpl(this.state, options, this._index())));
    return v;
  }

  /** Calendars with this one's data and other options, made once each. */
  private readonly variants = new Map<string, CalendarImpl>();

  /** The prefix index, built on first use. Spans the covered years and any entry outside them. */
  _index(): DayIndex {
    if (this.idx) return this.idx;
    let lo = this.cov.lo;
    let hi = this.cov.hi;
    for (const dn of this.state.entries.keys()) {
      if (dn < lo) lo = dayNumberFromParts(partsFromDayNumber(dn).year, 1, 1);
      if (dn > hi) hi = dayNumberFromParts(partsFromDayNumber(dn).year, 12, 31);
    }
    const entries = this.state.entries;
    this.idx = new DayIndex(
      lo,
      hi,
      (dn) => {
        const e = entries.get(dn);
        return e ? e.kind === 'make-up-workday' : isoWeekday(dn) <= 5;
      },
      now,
    );
    return this.idx;
  }

  /** Milliseconds the index took to build (0 before it is built). */
  _indexBuildMs(): number {
    return this.idx?.buildMs ?? 0;
  }

  // ---- day-number layer -------------------------------------------------------------------

  _day(input: unknown, path: Path): number {
    return toDay(input, path);
  }

  /** Throws CalendarCoverageError in 'error' mode when a day in [a, b] is in a year without a schedule. */
  _requireCovered(a: number, b: number, path: Path): void {
    if (this.options.unknownYears !== 'error') return;
    const year = this.cov.firstUncoveredYear(a, b);
    if (year !== null) throw new CalendarCoverageError(year, path, { from: this.cov.minYear, to: this.cov.maxYear });
  }

  _isWorking(dn: number): boolean {
    return this._index().isWorking(dn);
  }

  /** The n-th working day after dn (n ≥ 1). Coverage is the caller's to check. */
  _addWorking(dn: number, n: number): number {
    const ix = this._index();
    return ix.dayOfOrdinal(ix.ordinalOf(dn) + n);
  }

  /** Working days in (a, b]; negative when b < a. */
  _between(a: number, b: number): number {
    const ix = this._index();
    return ix.ordinalOf(b) - ix.ordinalOf(a);
  }

  _firstWorkingOnOrAfter(dn: number): number {
    return this._isWorking(dn) ? dn : this._addWorking(dn, 1);
  }

  _provisional(a: number, b: number): boolean {
    return this.cov.anyProvisional(a, b);
  }

  // ---- public API -------------------------------------------------------------------------

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
    const e = this.state.entries.get(dn);
    const info: DayInfo = {
      date: fromDayNumber(dn),
      working: this._isWorking(dn),
      kind: e ? e.kind : isoWeekday(dn) <= 5 ? 'workday' : 'weekend',
      provisional: this.cov.anyProvisional(dn, dn),
      source: e ? e.source : !covered ? 'weekends-only' : this.state.hostYears.has(year) ? 'host-schedule' : 'official',
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
    const k = toCount(n, P_N);
    this._requireCovered(dn, dn, P_DATE);
    if (k === 0) return this._index().format(dn);
    const r = this._addWorking(dn, k);
    checkDayRange(r, P_N);
    this._requireCovered(dn, r, P_N);
    return this._index().format(r);
  }

  addWorkingDaysDetailed(date: DateInput, n: number): WorkingDayResult {
    const dn = toDay(date, P_DATE);
    const k = toCount(n, P_N);
    this._requireCovered(dn, dn, P_DATE);
    // n = 0 is the empty period: the start day itself, depending on no day's status.
    if (k === 0) return { date: fromDayNumber(dn), provisional: false };
    const r = this._addWorking(dn, k);
    const out = formatDay(r, P_N);
    this._requireCovered(dn, r, P_N);
    return { date: out, provisional: this.cov.anyProvisional(dn + 1, r) };
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

  firstWorkingDayOnOrAfter(date: DateInput): string {
    const dn = toDay(date, P_DATE);
    this._requireCovered(dn, dn, P_DATE);
    const r = this._firstWorkingOnOrAfter(dn);
    const out = formatDay(r, P_DATE);
    this._requireCovered(dn, r, P_DATE);
    return out;
  }

  addCalendarDays(date: DateInput, n: number, opts?: RollOptions): string {
    const dn = toDay(date, P_DATE);
    const k = toCount(n, P_N);
    const roll = toBoolean(toOptions(opts, ['opts'], ['rollToWorkingDay']).rollToWorkingDay, ['opts', 'rollToWorkingDay']);
    const raw = dn + k;
    checkDayRange(raw, P_N);
    return roll ? this._roll(raw, P_N) : fromDayNumber(raw);
  }

  addMonths(date: DateInput, n: number, opts?: RollOptions): string {
    const dn = toDay(date, P_DATE);
    const k = toCount(n, P_N);
    const roll = toBoolean(toOptions(opts, ['opts'], ['rollToWorkingDay']).rollToWorkingDay, ['opts', 'rollToWorkingDay']);
    const p = partsFromDayNumber(dn);
    checkMonthRange(p.year, p.month, k, P_N);
    const raw = toDayNumber(addMonthsIso(fromDayNumber(dn), k));
    return roll ? this._roll(raw, P_N) : fromDayNumber(raw);
  }

  /** 民法典 203: a last day that is not a working day moves to the first working day after it. */
  private _roll(raw: number, path: Path): string {
    this._requireCovered(raw, raw, path);
    const r = this._firstWorkingOnOrAfter(raw);
    const out = formatDay(r, path);
    this._requireCovered(raw, r, path);
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

  withSchedule(schedule: HostSchedule): Calendar {
    const next = applySchedule(this.state, this.cov, schedule);
    return next === this.state ? this : new CalendarImpl(next, this.options);
  }

  withOverlay(overlay: RegionalOverlay): Calendar {
    return new CalendarImpl(applyOverlay(this.state, this.cov, overlay), this.options);
  }
}
