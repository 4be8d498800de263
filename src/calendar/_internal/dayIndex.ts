import { fromDayNumber, isoWeekday } from '../../_lib/days.js';

/** Day number of Monday 1970-01-05: weeks are counted from it. */
const MONDAY = 4;

/**
 * Number of Mon–Fri days in [MONDAY, x) (negative below it). Weekdays in (a, b] = F(b + 1) − F(a + 1).
 * Closed form, so weekend-only arithmetic outside the indexed range is O(1) too.
 */
export function weekdayCount(x: number): number {
  const t = x - MONDAY;
  const weeks = Math.floor(t / 7);
  return weeks * 5 + Math.min(5, t - weeks * 7);
}

/** The weekday `w` with weekdayCount(w) = j (the j-th weekday counted from MONDAY, 0-based). */
export function weekdayByCount(j: number): number {
  const weeks = Math.floor(j / 5);
  return MONDAY + weeks * 7 + (j - weeks * 5);
}

export function isWeekday(x: number): boolean {
  return isoWeekday(x) <= 5;
}

/**
 * Cumulative working-day index over [lo, hi]: `cum[i]` = working days in [lo, lo + i], and
 * `byOrdinal[k]` = the k-th working day of the range. Outside the range days count as Mon–Fri
 * (only reachable in 'weekends-only' mode; 'error' mode refuses them before counting).
 * `ordinalOf` and `dayOfOrdinal` are inverse O(1) maps between day numbers and a global
 * working-day count, so "add n working days" is two array reads.
 */
export class DayIndex {
  readonly lo: number;
  readonly hi: number;
  readonly working: Uint8Array;
  readonly cum: Int32Array;
  readonly byOrdinal: Int32Array;
  readonly total: number;
  readonly buildMs: number;
  private readonly fLo: number;
  private readonly fHi1: number;

  constructor(lo: number, hi: number, isWorking: (dn: number) => boolean, now: () => number) {
    const t0 = now();
    const len = hi - lo + 1;
    const working = new Uint8Array(len);
    const cum = new Int32Array(len);
    let count = 0;
    for (let i = 0; i < len; i++) {
      if (isWorking(lo + i)) {
        working[i] = 1;
        count++;
      }
      cum[i] = count;
    }
    const byOrdinal = new Int32Array(count + 1);
    for (let i = 0; i < len; i++) if (working[i] === 1) byOrdinal[cum[i]!] = lo + i;
    this.lo = lo;
    this.hi = hi;
    this.working = working;
    this.cum = cum;
    this.byOrdinal = byOrdinal;
    this.total = count;
    this.names = new Array<string | undefined>(len).fill(undefined);
    this.fLo = weekdayCount(lo);
    this.fHi1 = weekdayCount(hi + 1);
    this.buildMs = now() - t0;
  }

  private readonly names: (string | undefined)[];

  /** `YYYY-MM-DD` of a day, memoised inside the range (results are formatted on every call). */
  format(x: number): string {
    if (x < this.lo || x > this.hi) return fromDayNumber(x);
    const i = x - this.lo;
    return (this.names[i] ??= fromDayNumber(x));
  }

  isWorking(x: number): boolean {
    if (x >= this.lo && x <= this.hi) return this.working[x - this.lo] === 1;
    return isWeekday(x);
  }

  /** Working days in (lo − 1, x], extended below lo and above hi by Mon–Fri; differences count (a, b]. */
  ordinalOf(x: number): number {
    if (x < this.lo) return weekdayCount(x + 1) - this.fLo;
    if (x > this.hi) return this.total + weekdayCount(x + 1) - this.fHi1;
    return this.cum[x - this.lo]!;
  }

  /** The working day whose ordinal is `t`: the inverse of ordinalOf on working days. */
  dayOfOrdinal(t: number): number {
    if (t >= 1 && t <= this.total) return this.byOrdinal[t]!;
    if (t > this.total) return weekdayByCount(this.fHi1 + (t - this.total) - 1);
    return weekdayByCount(this.fLo + t - 1);
  }
}
