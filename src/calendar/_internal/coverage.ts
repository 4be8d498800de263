import { dayNumberFromParts, partsFromDayNumber } from '../../_lib/days.js';

/**
 * Which days have a published schedule behind them, and which are provisional. A day is
 * provisional when its year has no schedule, or it is in December and the next year has none
 * (the next notice can still move it: the 2019 notice made 2018-12-31 a holiday).
 */
export class Coverage {
  readonly years: ReadonlySet<number>;
  readonly minYear: number;
  readonly maxYear: number;
  /** First and last day of the covered years. */
  readonly lo: number;
  readonly hi: number;
  /** 1 December of the last covered year. */
  readonly provisionalFrom: number;
  private readonly contiguous: boolean;
  /** Provisional stretches between lo and hi (only when years are missing in between). */
  private readonly gaps: [number, number][];

  constructor(years: Iterable<number>) {
    const set = new Set(years);
    const sorted = [...set].sort((a, b) => a - b);
    if (sorted.length === 0) throw new Error('calendar without years');
    this.years = set;
    this.minYear = sorted[0]!;
    this.maxYear = sorted[sorted.length - 1]!;
    this.lo = dayNumberFromParts(this.minYear, 1, 1);
    this.hi = dayNumberFromParts(this.maxYear, 12, 31);
    this.provisionalFrom = dayNumberFromParts(this.maxYear, 12, 1);
    this.contiguous = sorted.length === this.maxYear - this.minYear + 1;
    const gaps: [number, number][] = [];
    if (!this.contiguous) {
      for (let y = this.minYear + 1; y < this.maxYear; y++) {
        if (!set.has(y)) gaps.push([dayNumberFromParts(y - 1, 12, 1), dayNumberFromParts(y, 12, 31)]);
      }
    }
    this.gaps = gaps;
  }

  hasYear(y: number): boolean {
    return this.years.has(y);
  }

  /** The first year in [a, b] without a schedule, or null when all are covered. */
  firstUncoveredYear(a: number, b: number): number | null {
    if (this.contiguous && a >= this.lo && b <= this.hi) return null;
    const ya = partsFromDayNumber(a).year;
    const yb = partsFromDayNumber(b).year;
    for (let y = ya; y <= yb; y++) if (!this.years.has(y)) return y;
    return null;
  }

  /** The years in [a, b] without a schedule, ascending. */
  uncoveredYears(a: number, b: number): number[] {
    const out: number[] = [];
    const yb = partsFromDayNumber(b).year;
    for (let y = partsFromDayNumber(a).year; y <= yb; y++) if (!this.years.has(y)) out.push(y);
    return out;
  }

  /**
   * The first day in [a, b] of a covered year that the next notice can still move (December before a
   * year without a schedule), or null.
   */
  firstMovable(a: number, b: number): number | null {
    const ya = partsFromDayNumber(a).year;
    const yb = partsFromDayNumber(b).year;
    for (let y = ya; y <= yb; y++) {
      if (!this.years.has(y) || this.years.has(y + 1)) continue;
      const d = Math.max(a, dayNumberFromParts(y, 12, 1));
      if (d <= Math.min(b, dayNumberFromParts(y, 12, 31))) return d;
    }
    return null;
  }

  /** Whether any day in [a, b] is provisional. */
  anyProvisional(a: number, b: number): boolean {
    if (b >= this.provisionalFrom || a < this.lo) return true;
    for (const [s, e] of this.gaps) if (a <= e && b >= s) return true;
    return false;
  }
}
