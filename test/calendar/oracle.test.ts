import { describe, expect, it } from 'vitest';
import { createCalendar, dayInfo, isWorkingDay, addWorkingDays, workingDaysBetween } from '../../src/calendar/index.js';
import { sourcePath } from '../_support/sources.js';
import { dn, iso, isWeekday, loadHolidayCn, loadHolidayCnYears } from './_helpers.js';

/** holiday-cn (MIT), vendored in sources/holiday-cn: an independent copy of the official schedules. */
const oracleDir = sourcePath('holiday-cn');

describe('calendar against the holiday-cn oracle', () => {
  const oracle = loadHolidayCn(oracleDir);
  const first = dn('2007-01-01');
  const last = dn('2026-11-30');
  /** The oracle's answer: a listed day is off iff isOffDay; an unlisted day works iff Mon–Fri. */
  const oracleWorking = (d: number): boolean => {
    const off = oracle.get(iso(d));
    return off === undefined ? isWeekday(d) : !off;
  };

  it('isWorkingDay equals the oracle on every day 2007-01-01..2026-11-30', () => {
    const mismatches: string[] = [];
    for (let d = first; d <= last; d++) if (isWorkingDay(iso(d)) !== oracleWorking(d)) mismatches.push(iso(d));
    expect(mismatches).toEqual([]);
    expect(last - first + 1).toBe(7274);
  });

  it('dayInfo kinds agree with the oracle: off → holiday (or weekend), listed working → make-up-workday', () => {
    for (const [date, off] of oracle) {
      const d = dn(date);
      if (d < first || d > last) continue;
      const info = dayInfo(date);
      if (off) expect(['holiday', 'weekend']).toContain(info.kind);
      else expect(info.kind, date).toBe(isWeekday(d) ? 'workday' : 'make-up-workday');
      expect(info.working).toBe(!off);
    }
  });

  it('addWorkingDays(d, 15) equals stepping through the oracle day by day, for every day 2007-01-01..2026-10-31', () => {
    const naive = (d: number, n: number): number => {
      let x = d;
      for (let k = 0; k < n; ) if (oracleWorking(++x)) k++;
      return x;
    };
    const mismatches: string[] = [];
    for (let d = first; d <= dn('2026-10-31'); d++) {
      if (addWorkingDays(iso(d), 15) !== iso(naive(d, 15))) mismatches.push(iso(d));
    }
    expect(mismatches).toEqual([]);
  });

  it('working days per year equal the oracle count', () => {
    for (let y = 2007; y <= 2025; y++) {
      let count = 0;
      for (let d = dn(`${y}-01-01`); d <= dn(`${y}-12-31`); d++) if (oracleWorking(d)) count++;
      expect(workingDaysBetween(`${y - 1}-12-31`, `${y}-12-31`), String(y)).toBe(count);
    }
  });

  it('every holiday-cn year, given as a host schedule, is accepted as identical to the official data', () => {
    const cal = createCalendar();
    for (const [year, days] of loadHolidayCnYears(oracleDir)) {
      const schedule = {
        year,
        source: `holiday-cn ${year}.json`,
        holidays: days.filter((d) => d.isOffDay).map((d) => ({ date: d.date, name: d.name })),
        workdays: days.filter((d) => !d.isOffDay).map((d) => ({ date: d.date, name: d.name })),
      };
      expect(cal.withSchedule(schedule), String(year)).toBe(cal);
    }
  });
});
