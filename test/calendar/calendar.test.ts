import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  addWorkingDaysDetailed,
  calendarCoverage,
  CalendarCoverageError,
  createCalendar,
  dayInfo,
  defaultCalendar,
  firstWorkingDayOnOrAfter,
  isProvisional,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
} from '../../src/calendar/index.js';
import data from 'chinese-days/dist/chinese-days.json';
import { TEST_ONLY_2027, thrown } from './_helpers.js';

describe('worked examples', () => {
  it('addWorkingDays(2026-09-28, 15) = 2026-10-23: the start day is not counted and the make-up Saturday 2026-10-10 counts', () => {
    expect(addWorkingDays('2026-09-28', 15)).toBe('2026-10-23');
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(dayInfo('2026-10-10').kind).toBe('make-up-workday');
  });

  it('addWorkingDays(2026-09-30, 5) = 2026-10-13 (国庆节 2026-10-01..07 skipped)', () => {
    expect(addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
    expect(nextWorkingDay('2026-09-30')).toBe('2026-10-08');
  });

  it('crosses a year boundary: 2025-12-30 + 3 = 2026-01-05 (元旦 2026-01-01..03, make-up Sunday 2026-01-04)', () => {
    expect(addWorkingDays('2025-12-30', 1)).toBe('2025-12-31');
    expect(addWorkingDays('2025-12-30', 2)).toBe('2026-01-04');
    expect(addWorkingDays('2025-12-30', 3)).toBe('2026-01-05');
    expect(dayInfo('2026-01-04')).toMatchObject({ kind: 'make-up-workday', working: true, makeUpFor: { 'zh-CN': '元旦' } });
    expect(workingDaysBetween('2025-12-30', '2026-01-05')).toBe(3);
  });

  it('a December date of an earlier year moved by the next notice (2018-12-29 worked, 2018-12-31 off)', () => {
    expect(isWorkingDay('2018-12-29')).toBe(true);
    expect(isWorkingDay('2018-12-31')).toBe(false);
    expect(addWorkingDays('2018-12-28', 1)).toBe('2018-12-29');
    expect(addWorkingDays('2018-12-29', 1)).toBe('2019-01-02');
  });

  it('n = 0 returns the date itself, even on a holiday (the empty period)', () => {
    expect(addWorkingDays('2026-10-01', 0)).toBe('2026-10-01');
    expect(addWorkingDaysDetailed('2026-12-25', 0)).toEqual({ date: '2026-12-25', provisional: false });
  });

  it('firstWorkingDayOnOrAfter keeps a working day and moves a holiday', () => {
    expect(firstWorkingDayOnOrAfter('2026-10-08')).toBe('2026-10-08');
    expect(firstWorkingDayOnOrAfter('2026-10-03')).toBe('2026-10-08');
  });

  it('calendar days and months, rolled only when asked (民法典 202/203)', () => {
    expect(addCalendarDays('2026-09-01', 30)).toBe('2026-10-01');
    expect(addCalendarDays('2026-09-01', 30, { rollToWorkingDay: true })).toBe('2026-10-08');
    expect(addCalendarDays('2026-09-01', 30, { rollToWorkingDay: false })).toBe('2026-10-01');
    expect(addMonths('2026-03-15', 6)).toBe('2026-09-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28'); // no calendar needed without rolling
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-04-01', 6, { rollToWorkingDay: true })).toBe('2026-10-08');
    // A make-up Saturday is a working day: a period ending on it does not roll.
    expect(addCalendarDays('2026-09-10', 30, { rollToWorkingDay: true })).toBe('2026-10-10');
  });

  it('dayInfo names holidays in Chinese and English', () => {
    expect(dayInfo('2026-10-01')).toEqual({
      date: '2026-10-01',
      working: false,
      kind: 'holiday',
      holiday: { 'zh-CN': '国庆节', en: 'National Day' },
      provisional: false,
      source: 'official',
    });
    expect(dayInfo('2026-10-11')).toMatchObject({ kind: 'weekend', working: false });
    expect(dayInfo('2026-10-12')).toMatchObject({ kind: 'workday', working: true });
    expect(dayInfo('2026-10-12').holiday).toBeUndefined();
  });
});

describe('coverage', () => {
  const officialYears = [
    ...new Set(
      [...Object.keys(data.holidays), ...Object.keys(data.workdays)].filter((d) => d.slice(5, 7) !== '12').map((d) => Number(d.slice(0, 4))),
    ),
  ].sort((a, b) => a - b);
  const last = officialYears.at(-1)!;

  it('the bundled data ends in 2026 (the 2027 examples in these suites assume it)', () => {
    expect(last, `chinese-days now has data up to ${last}: move the "uncovered year" examples (2027) on by a year`).toBe(2026);
  });

  it('official years are derived from the data (2004..2026 today)', () => {
    const c = calendarCoverage();
    expect(c.officialYears).toEqual(officialYears);
    expect(c.officialYears[0]).toBe(2004);
    expect(c.firstDate).toBe(`${officialYears[0]}-01-01`);
    expect(c.lastDate).toBe(`${last}-12-31`);
    expect(c.provisionalFrom).toBe(`${last}-12-01`);
    expect(c).toMatchObject({ hostYears: [], overlays: [], unknownYears: 'error' });
  });

  it('a date in a year without a schedule throws CalendarCoverageError naming the year and withSchedule', () => {
    const e = thrown(() => isWorkingDay('2027-01-04'));
    expect(e).toBeInstanceOf(CalendarCoverageError);
    expect((e as CalendarCoverageError).year).toBe(2027);
    expect(e.issues[0]!.path).toEqual(['date']);
    expect(e.issues[0]!.message['zh-CN']).toContain('2027');
    expect(e.issues[0]!.message['zh-CN']).toContain('withSchedule');
    expect(e.issues[0]!.message.en).toContain('withSchedule');
    expect((thrown(() => isWorkingDay('2003-12-31')) as CalendarCoverageError).year).toBe(2003);
    expect(() => dayInfo('2030-10-01')).toThrow(CalendarCoverageError);
  });

  it('counting that needs 2027 throws (path n), even though the start is covered', () => {
    const e = thrown(() => addWorkingDays('2026-12-20', 15));
    expect(e).toBeInstanceOf(CalendarCoverageError);
    expect((e as CalendarCoverageError).year).toBe(2027);
    expect(e.issues[0]!.path).toEqual(['n']);
    expect(() => workingDaysBetween('2026-12-20', '2027-01-10')).toThrow(CalendarCoverageError);
    expect(() => addCalendarDays('2026-12-20', 15, { rollToWorkingDay: true })).toThrow(CalendarCoverageError);
    expect(addCalendarDays('2026-12-20', 15)).toBe('2027-01-04'); // no rolling, no calendar needed
  });

  it("'weekends-only' answers Mon–Fri for unknown years and flags them provisional", () => {
    const cal = createCalendar({ unknownYears: 'weekends-only' });
    expect(cal.isWorkingDay('2027-01-01')).toBe(true); // a Friday; the real 2027 notice will likely say otherwise
    expect(cal.dayInfo('2027-01-02')).toEqual({ date: '2027-01-02', working: false, kind: 'weekend', provisional: true, source: 'weekends-only' });
    expect(cal.addWorkingDaysDetailed('2026-12-20', 15)).toEqual({
      date: '2027-01-08',
      provisional: true,
      provisionalReason: { estimatedYears: [2027], mode: 'weekends-only', movableFrom: '2026-12-21' },
    });
    expect(cal.coverage().unknownYears).toBe('weekends-only');
  });

  it('dates from 1 December of the last covered year are provisional, and so is every result depending on them', () => {
    expect(isProvisional('2026-11-30')).toBe(false);
    expect(isProvisional('2026-12-01')).toBe(true);
    expect(isProvisional('2027-06-01')).toBe(true);
    expect(isProvisional('2003-06-01')).toBe(true);
    expect(dayInfo('2026-12-15').provisional).toBe(true);
    expect(dayInfo('2026-11-30').provisional).toBe(false);
    expect(addWorkingDaysDetailed('2026-11-16', 10)).toEqual({ date: '2026-11-30', provisional: false });
    expect(addWorkingDaysDetailed('2026-11-16', 11)).toEqual({ date: '2026-12-01', provisional: true, provisionalReason: { estimatedYears: [], mode: null, movableFrom: '2026-12-01' } });
    expect(addWorkingDaysDetailed('2026-11-30', 1).provisional).toBe(true);
    expect(addWorkingDaysDetailed('2025-12-15', 10).provisional).toBe(false); // 2026 is published
    expect(defaultCalendar().isProvisionalBetween('2026-11-01', '2026-11-30')).toBe(false);
    expect(defaultCalendar().isProvisionalBetween('2026-11-01', '2026-12-01')).toBe(true);
  });

  it('a host schedule for 2027 makes 2027 answerable and moves provisional to 2027-12-01', () => {
    const cal = defaultCalendar().withSchedule(TEST_ONLY_2027);
    expect(cal.addWorkingDays('2026-12-20', 15)).toBe('2027-01-11');
    expect(cal.addWorkingDaysDetailed('2026-12-20', 15)).toEqual({ date: '2027-01-11', provisional: false });
    expect(cal.isProvisional('2026-12-15')).toBe(false);
    expect(cal.isProvisional('2027-12-01')).toBe(true);
    expect(cal.isWorkingDay('2027-10-09')).toBe(true);
    expect(cal.dayInfo('2027-10-01')).toMatchObject({
      kind: 'holiday',
      holiday: { 'zh-CN': '国庆节', en: 'National Day' },
      source: 'host-schedule',
      provisional: false,
    });
    expect(cal.dayInfo('2027-02-14')).toMatchObject({ kind: 'make-up-workday', makeUpFor: { 'zh-CN': '春节', en: 'Spring Festival' } });
    expect(cal.dayInfo('2027-09-26').makeUpFor).toBeUndefined();
    expect(cal.dayInfo('2027-03-01')).toMatchObject({ kind: 'workday', source: 'host-schedule' });
    expect(cal.coverage()).toMatchObject({ hostYears: [2027], lastDate: '2027-12-31', provisionalFrom: '2027-12-01' });
    expect(() => cal.isWorkingDay('2028-01-03')).toThrow(CalendarCoverageError);
    // The default calendar is unchanged (calendars are immutable).
    expect(() => addWorkingDays('2026-12-20', 15)).toThrow(CalendarCoverageError);
  });

  it('a host year after a gap leaves the gap uncovered', () => {
    const cal = defaultCalendar().withSchedule({ ...TEST_ONLY_2027, year: 2029, holidays: ['2029-10-01'], workdays: [] });
    expect(cal.isWorkingDay('2029-10-02')).toBe(true);
    expect(cal.isWorkingDay('2029-10-01')).toBe(false);
    expect((thrown(() => cal.isWorkingDay('2028-05-05')) as CalendarCoverageError).year).toBe(2028);
    expect((thrown(() => cal.addWorkingDays('2026-12-20', 400)) as CalendarCoverageError).year).toBe(2027);
    expect(cal.isProvisional('2026-12-15')).toBe(true);
    expect(cal.isProvisional('2029-06-01')).toBe(false);
    const loose = createCalendar({ unknownYears: 'weekends-only' }).withSchedule({ ...TEST_ONLY_2027, year: 2029, holidays: ['2029-10-01'], workdays: [] });
    expect(loose.addWorkingDaysDetailed('2028-06-01', 5).provisional).toBe(true);
    expect(loose.addWorkingDaysDetailed('2029-09-28', 1)).toEqual({ date: '2029-10-02', provisional: false });
  });
});

describe('the index', () => {
  it('is built lazily, once per calendar, in milliseconds', async () => {
    const { CalendarImpl } = await import('../../src/calendar/_internal/CalendarImpl.js');
    const cal = createCalendar() as InstanceType<typeof CalendarImpl>;
    expect(cal._indexBuildMs()).toBe(0);
    cal.isWorkingDay('2026-01-05');
    const ix = cal._index();
    expect(cal._index()).toBe(ix);
    expect(ix.buildMs).toBeLessThan(200);
    expect(ix.total).toBeGreaterThan(5000);
  });
});
