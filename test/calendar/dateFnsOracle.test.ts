/**
 * date-fns (with @date-fns/utc) as an independent oracle of our working-day arithmetic: the integer
 * day numbers and prefix index of src/calendar against date-fns' own date arithmetic on UTCDate
 * (which never reads the process time zone, so the suite holds under every zone of test:tz).
 *
 * - Where a year has no schedule, 'weekends-only' must be Monday–Friday arithmetic: addWorkingDays
 *   equals date-fns addBusinessDays, and workingDaysBetween equals differenceInBusinessDays, for
 *   counts forwards and backwards.
 * - On the official data, addWorkingDays equals stepping one day at a time with date-fns addDays,
 *   asking only the holiday tables (chinese-days' JSON, read as data) and date-fns isWeekend.
 */
import { UTCDate } from '@date-fns/utc';
import data from 'chinese-days/dist/chinese-days.json';
import { addBusinessDays, addDays, differenceInBusinessDays, format, isWeekend } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import { dn, iso } from './_helpers.js';

const utc = (s: string): UTCDate => new UTCDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
const ymd = (d: Date): string => format(d, 'yyyy-MM-dd');

const loose = createCalendar({ unknownYears: 'weekends-only' });
// Years without any schedule: from 2030 on, the weekends-only calendar is Monday–Friday.
const futureDay = fc.integer({ min: dn('2030-01-01'), max: dn('2190-12-31') });
const count = fc.integer({ min: -600, max: 600 });

describe('date-fns as the oracle', () => {
  it('weekends-only: addWorkingDays(d, n) = addBusinessDays(d, n), n of either sign, from any day', () => {
    fc.assert(
      fc.property(futureDay, count, (d, n) => {
        expect(loose.addWorkingDays(iso(d), n)).toBe(ymd(addBusinessDays(utc(iso(d)), n)));
      }),
      { numRuns: 600 },
    );
  });

  it('weekends-only: workingDaysBetween(a, b) = differenceInBusinessDays(b, a) between weekdays', () => {
    const weekday = futureDay.filter((d) => !isWeekend(utc(iso(d))));
    fc.assert(
      fc.property(weekday, fc.integer({ min: -900, max: 900 }), (a, k) => {
        const b = iso(a + k);
        fc.pre(!isWeekend(utc(b)));
        expect(loose.workingDaysBetween(iso(a), b)).toBe(differenceInBusinessDays(utc(b), utc(iso(a))));
      }),
      { numRuns: 600 },
    );
  });

  describe('official data: addWorkingDays equals stepping with date-fns over the holiday tables', () => {
    const tables = data as unknown as { holidays: Record<string, string>; workdays: Record<string, string> };
    const working = (d: Date): boolean => {
      const s = ymd(d);
      if (s in tables.holidays) return false;
      if (s in tables.workdays) return true;
      return !isWeekend(d);
    };
    const step = (start: string, n: number): string => {
      let d = utc(start);
      const sign = n < 0 ? -1 : 1;
      for (let k = 0; k < Math.abs(n); ) {
        d = addDays(d, sign);
        if (working(d)) k++;
      }
      return ymd(d);
    };
    const official = createCalendar();
    // Starts and counts that stay inside 2004-01-01..2026-11-30 either way.
    const day = fc.integer({ min: dn('2004-06-01'), max: dn('2026-06-30') });
    const n = fc.integer({ min: -100, max: 100 });

    it('for random days and counts of either sign', () => {
      fc.assert(
        fc.property(day, n, (d, k) => {
          expect(official.addWorkingDays(iso(d), k)).toBe(k === 0 ? iso(d) : step(iso(d), k));
        }),
        { numRuns: 500 },
      );
    });

    it('for every day of 2025-01..2026-10 with n = 15 and n = −15', () => {
      const bad: string[] = [];
      for (let d = dn('2025-01-01'); d <= dn('2026-10-31'); d++) {
        for (const k of [15, -15]) if (official.addWorkingDays(iso(d), k) !== step(iso(d), k)) bad.push(`${iso(d)} ${k}`);
      }
      expect(bad).toEqual([]);
    });
  });
});
