/**
 * chinese-days' own holiday tests (vsme/chinese-days, test/holidays/index.test.ts at 1.5.7), their
 * expected answers vendored as data in data/chinese-days-cases.json, run against our functions:
 * isWorkday → isWorkingDay, isHoliday → !isWorkingDay, getDayDetail → dayInfo (working, and the
 * holiday a day is or is made up for), get{Holidays,Workdays}InRange → dayInfo over the range,
 * findWorkday(δ) → addWorkingDays(δ) for δ ≠ 0 (negative counts back) and firstWorkingDayOnOrAfter
 * for δ = 0. Runs under every zone of test:tz, where chinese-days' own functions do not hold.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isoWeekday, toDayNumber } from '../../src/_lib/days.js';
import { addCalendarDays, addWorkingDays, dayInfo, firstWorkingDayOnOrAfter, isWorkingDay, previousWorkingDay } from '../../src/calendar/index.js';

interface Cases {
  isHoliday: { date: string; expected: boolean; desc: string }[];
  isWorkday: { date: string; expected: boolean; desc: string }[];
  getDayDetail: { date: string; expected: { date: string; work: boolean; name: string }; desc: string }[];
  getHolidaysInRange: { start: string; end: string; includeWeekends: boolean; expected: string[]; desc: string }[];
  getWorkdaysInRange: { start: string; end: string; includeWeekends: boolean; expected: string[]; desc: string }[];
  findWorkday: { delta: number; date: string; expected: string; desc: string }[];
}

const CASES = JSON.parse(readFileSync(new URL('./data/chinese-days-cases.json', import.meta.url), 'utf8')) as Cases;

function* days(start: string, end: string): Generator<string> {
  for (let d = start; d <= end; d = addCalendarDays(d, 1)) yield d;
}
const isWeekend = (d: string): boolean => isoWeekday(toDayNumber(d)) >= 6;

describe("chinese-days' holiday test cases against our functions", () => {
  it('the vendored file has every group, none empty', () => {
    for (const k of ['isHoliday', 'isWorkday', 'getDayDetail', 'getHolidaysInRange', 'getWorkdaysInRange', 'findWorkday'] as const) expect(CASES[k].length, k).toBeGreaterThan(0);
    expect(CASES.findWorkday.some((c) => c.delta < 0) && CASES.findWorkday.some((c) => c.delta === 0) && CASES.findWorkday.some((c) => c.delta > 0)).toBe(true);
  });

  it.each(CASES.isHoliday)('isHoliday($date) = $expected ($desc): !isWorkingDay', ({ date, expected }) => {
    expect(!isWorkingDay(date)).toBe(expected);
  });

  it.each(CASES.isWorkday)('isWorkday($date) = $expected ($desc): isWorkingDay', ({ date, expected }) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it.each(CASES.getDayDetail)('getDayDetail($date) ($desc): dayInfo', ({ date, expected }) => {
    const info = dayInfo(date);
    expect(info.date).toBe(expected.date);
    expect(info.working).toBe(expected.work);
    const [en, zh] = expected.name.split(',');
    if (zh) {
      // A holiday, or a make-up working day, named as the data names it.
      expect(info.working ? info.makeUpFor : info.holiday).toEqual({ 'zh-CN': zh, en });
      expect(info.kind).toBe(info.working ? 'make-up-workday' : 'holiday');
    } else {
      // An ordinary day: chinese-days gives the weekday's name.
      expect(info.holiday).toBeUndefined();
      expect(info.kind).toBe(['Saturday', 'Sunday'].includes(expected.name) ? 'weekend' : 'workday');
    }
  });

  it.each(CASES.getHolidaysInRange)('getHolidaysInRange($start, $end, $includeWeekends) ($desc)', ({ start, end, includeWeekends, expected }) => {
    // includeWeekends: every day off; without: the official holidays only (weekend days inside a holiday block included).
    const got = [...days(start, end)].filter((d) => (includeWeekends ? !isWorkingDay(d) : dayInfo(d).kind === 'holiday'));
    expect(got).toEqual(expected);
  });

  it.each(CASES.getWorkdaysInRange)('getWorkdaysInRange($start, $end, $includeWeekends) ($desc)', ({ start, end, includeWeekends, expected }) => {
    // includeWeekends: every working day; without: Monday–Friday working days only (make-up weekends left out).
    const got = [...days(start, end)].filter((d) => isWorkingDay(d) && (includeWeekends || !isWeekend(d)));
    expect(got).toEqual(expected);
  });

  it.each(CASES.findWorkday)('findWorkday($delta, $date) = $expected ($desc)', ({ delta, date, expected }) => {
    expect(delta === 0 ? firstWorkingDayOnOrAfter(date) : addWorkingDays(date, delta)).toBe(expected);
    if (delta === -1) expect(previousWorkingDay(date)).toBe(expected);
  });
});
