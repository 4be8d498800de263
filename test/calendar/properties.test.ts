import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar, type Calendar } from '../../src/calendar/index.js';
import { dn, iso } from './_helpers.js';

/** Counts working days in (a, b] one day at a time: independent of the prefix index. */
function naiveBetween(cal: Calendar, a: number, b: number): number {
  let k = 0;
  for (let x = a + 1; x <= b; x++) if (cal.isWorkingDay(iso(x))) k++;
  return k;
}

/** The n-th working day after d, one day at a time. */
function naiveAdd(cal: Calendar, d: number, n: number): number {
  let x = d;
  for (let k = 0; k < n; ) if (cal.isWorkingDay(iso(++x))) k++;
  return x;
}

const official = createCalendar();
// Dates and counts chosen so every result stays inside the official years (2004..2026-11).
const officialDate = fc.integer({ min: dn('2004-01-01'), max: dn('2025-06-30') });
const officialN = fc.integer({ min: 0, max: 250 });

// Weekends-only mode reaches before and after the data, through the closed-form arithmetic.
const loose = createCalendar({ unknownYears: 'weekends-only' });
const looseDate = fc.integer({ min: dn('1995-01-01'), max: dn('2040-12-31') });
const looseN = fc.integer({ min: 0, max: 800 });

const runs = { numRuns: 400 };

describe.each([
  ['official data', official, officialDate, officialN],
  ['weekends-only beyond the data', loose, looseDate, looseN],
] as const)('addWorkingDays properties (%s)', (_label, cal, dateArb, nArb) => {
  it('the result is a working day strictly after d (n ≥ 1), with exactly n working days in (d, result]', () => {
    fc.assert(
      fc.property(dateArb, nArb.filter((n) => n >= 1), (d, n) => {
        const r = cal.addWorkingDays(iso(d), n);
        expect(cal.isWorkingDay(r)).toBe(true);
        expect(dn(r)).toBeGreaterThan(d);
        expect(naiveBetween(cal, d, dn(r))).toBe(n);
        expect(r).toBe(iso(naiveAdd(cal, d, n)));
      }),
      { numRuns: 150 },
    );
  });

  it('n = 0 returns d itself', () => {
    fc.assert(fc.property(dateArb, (d) => cal.addWorkingDays(iso(d), 0) === iso(d)), runs);
  });

  it('composes: add(add(d, a), b) = add(d, a + b)', () => {
    fc.assert(
      fc.property(dateArb, nArb, nArb, (d, a, b) => {
        const half = Math.floor(a / 2);
        const rest = Math.floor(b / 2);
        expect(cal.addWorkingDays(cal.addWorkingDays(iso(d), half), rest)).toBe(cal.addWorkingDays(iso(d), half + rest));
      }),
      runs,
    );
  });

  it('is monotone in d and strictly monotone in n', () => {
    fc.assert(
      fc.property(dateArb, dateArb, nArb, nArb, (d1, d2, n1, n2) => {
        const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(cal.addWorkingDays(iso(lo), n1) <= cal.addWorkingDays(iso(hi), n1)).toBe(true);
        if (n1 !== n2) {
          const [a, b] = n1 < n2 ? [n1, n2] : [n2, n1];
          expect(cal.addWorkingDays(iso(lo), a) < cal.addWorkingDays(iso(lo), b)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('workingDaysBetween inverts addWorkingDays and counts (a, b] with a sign', () => {
    fc.assert(
      fc.property(dateArb, nArb, (d, n) => {
        expect(cal.workingDaysBetween(iso(d), cal.addWorkingDays(iso(d), n))).toBe(n);
      }),
      runs,
    );
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 400 }), (a, len) => {
        const b = a + len;
        const count = naiveBetween(cal, a, b);
        expect(cal.workingDaysBetween(iso(a), iso(b))).toBe(count);
        expect(cal.workingDaysBetween(iso(b), iso(a))).toBe(0 - count);
      }),
      { numRuns: 150 },
    );
  });

  it('nextWorkingDay and firstWorkingDayOnOrAfter agree with addWorkingDays', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        expect(cal.nextWorkingDay(iso(d))).toBe(cal.addWorkingDays(iso(d), 1));
        const f = cal.firstWorkingDayOnOrAfter(iso(d));
        expect(f).toBe(cal.isWorkingDay(iso(d)) ? iso(d) : cal.addWorkingDays(iso(d), 1));
      }),
      runs,
    );
  });
});

describe('Date arguments are read in Asia/Shanghai', () => {
  it('any instant of a Shanghai civil day gives the same answers as the YYYY-MM-DD string', () => {
    fc.assert(
      fc.property(officialDate, fc.integer({ min: 0, max: 86_399_999 }), officialN, (d, ms, n) => {
        // Shanghai is UTC+8 with no DST since 1992: the day starts at 16:00 UTC the day before.
        const instant = new Date((d * 86_400_000 - 8 * 3_600_000) + ms);
        expect(official.isWorkingDay(instant)).toBe(official.isWorkingDay(iso(d)));
        expect(official.addWorkingDays(instant, n)).toBe(official.addWorkingDays(iso(d), n));
        expect(official.dayInfo(instant).date).toBe(iso(d));
      }),
      runs,
    );
  });
});
