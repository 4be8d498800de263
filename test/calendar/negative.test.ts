/**
 * Counting back (issue 21.4): negative counts everywhere a calendar function takes a count, and the
 * previous-working-day functions beside nextWorkingDay / firstWorkingDayOnOrAfter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  addWorkingDaysDetailed,
  createCalendar,
  firstWorkingDayOnOrAfter,
  isWorkingDay,
  lastWorkingDayOnOrBefore,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from '../../src/calendar/index.js';
import { dn, iso, thrown } from './_helpers.js';

const day = fc.integer({ min: dn('2006-01-01'), max: dn('2025-06-30') });
const n = fc.integer({ min: 1, max: 200 });

describe('negative counts', () => {
  it('worked examples across 国庆节 2026 (10-01..07 off, Saturday 10-10 a make-up working day)', () => {
    expect(addWorkingDays('2026-10-12', -5)).toBe('2026-09-29');
    expect(addWorkingDays('2026-10-12', -1)).toBe('2026-10-10');
    expect(addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
    expect(addWorkingDays('2026-10-04', -1)).toBe('2026-09-30'); // from a holiday
    expect(previousWorkingDay('2026-10-11')).toBe('2026-10-10');
    expect(lastWorkingDayOnOrBefore('2026-10-03')).toBe('2026-09-30');
    expect(lastWorkingDayOnOrBefore('2026-10-09')).toBe('2026-10-09');
    expect(addWorkingDaysDetailed('2026-12-10', -3)).toEqual({ date: '2026-12-07', provisional: true, provisionalReason: { estimatedYears: [], mode: null, movableFrom: '2026-12-07' } });
    expect(addWorkingDaysDetailed('2026-11-10', -3)).toEqual({ date: '2026-11-05', provisional: false });
  });

  it('is the inverse of counting forwards from a working day, and workingDaysBetween counts it back', () => {
    fc.assert(
      fc.property(day, n, (d, k) => {
        const start = firstWorkingDayOnOrAfter(iso(d));
        const back = addWorkingDays(start, -k);
        expect(isWorkingDay(back)).toBe(true);
        expect(addWorkingDays(back, k)).toBe(start);
        expect(workingDaysBetween(back, start)).toBe(k);
        expect(workingDaysBetween(start, back)).toBe(-k);
      }),
      { numRuns: 400 },
    );
  });

  it('composes across signs: add(add(d, a), b) = add(d, a + b) when d is a working day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -150, max: 150 }), fc.integer({ min: -150, max: 150 }), (d, a, b) => {
        const start = firstWorkingDayOnOrAfter(iso(d));
        fc.pre(a !== 0);
        expect(addWorkingDays(addWorkingDays(start, a), b)).toBe(addWorkingDays(start, a + b));
      }),
      { numRuns: 400 },
    );
  });

  it('previousWorkingDay / lastWorkingDayOnOrBefore mirror nextWorkingDay / firstWorkingDayOnOrAfter', () => {
    fc.assert(
      fc.property(day, (d) => {
        const p = previousWorkingDay(iso(d));
        expect(dn(p)).toBeLessThan(d);
        for (let x = dn(p) + 1; x < d; x++) expect(isWorkingDay(iso(x))).toBe(false);
        expect(nextWorkingDay(p)).toBe(firstWorkingDayOnOrAfter(iso(d)));
        const l = lastWorkingDayOnOrBefore(iso(d));
        expect(l).toBe(isWorkingDay(iso(d)) ? iso(d) : p);
      }),
      { numRuns: 400 },
    );
  });

  it('calendar days and months count back; rolling goes back too, so a period counted back is not shortened', () => {
    expect(addCalendarDays('2026-10-31', -30)).toBe('2026-10-01');
    expect(addCalendarDays('2026-10-31', -30, { rollToWorkingDay: true })).toBe('2026-09-30');
    expect(addCalendarDays('2026-10-31', 30, { rollToWorkingDay: true })).toBe('2026-11-30');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2026-11-01', -1, { rollToWorkingDay: true })).toBe('2026-09-30');
  });

  it('counts back past the data follow the calendar mode, and leaving the range is out_of_range at n', () => {
    expect(() => addWorkingDays('2004-01-05', -5)).toThrow(/2003/);
    expect(createCalendar({ unknownYears: 'weekends-only' }).addWorkingDays('2004-01-05', -5)).toBe('2003-12-26'); // 2004-01-01 is 元旦 in the data
    expect(thrown(() => addCalendarDays('1949-10-05', -10)).issues[0]).toMatchObject({ path: ['n'], code: 'out_of_range' });
    expect(thrown(() => addMonths('1949-12-01', -3)).issues[0]).toMatchObject({ path: ['n'], code: 'out_of_range' });
    expect(thrown(() => createCalendar({ unknownYears: 'weekends-only' }).addWorkingDays('1949-10-05', -10)).issues[0]).toMatchObject({ path: ['n'], code: 'out_of_range' });
  });
});
