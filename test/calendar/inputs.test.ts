import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  createCalendar,
  dayInfo,
  isWorkingDay,
  workingDaysBetween,
  type CalendarOptions,
} from '../../src/calendar/index.js';
import fc from 'fast-check';
import { parseIsoDate, dayNumberFromParts } from '../../src/_lib/days.js';
import { daysInMonth, isoDayNumber } from '../../src/_lib/days.js';
import { InvalidInputError } from '../../src/model/errors.js';
import { thrown } from './_helpers.js';

const BAD_DATES: unknown[] = ['2026-02-30', '2026/10/01', '2026-1-01', ' 2026-10-01', '2026-10-01T00:00:00Z', '', '2026-13-01', '2026-00-10', 20261001, null, undefined, {}, new Date(Number.NaN)];
// Negative counts are accepted (counting back, issue 21.4): see negative.test.ts.
const BAD_COUNTS: unknown[] = [Number.NaN, 1.5, Number.POSITIVE_INFINITY, '15', null, undefined, 2 ** 53, -(2 ** 53)];

describe('bad input is an InvalidInputError naming the argument, in both languages', () => {
  it.each(BAD_DATES.map((d) => [String(d instanceof Date ? 'Invalid Date' : JSON.stringify(d)), d]))('date %s', (_label, d) => {
    for (const fn of [() => isWorkingDay(d as string), () => dayInfo(d as string), () => addWorkingDays(d as string, 1), () => addMonths(d as string, 1)]) {
      const e = thrown(fn);
      expect(e).toBeInstanceOf(InvalidInputError);
      expect(e.issues).toHaveLength(1);
      expect(e.issues[0]!.path).toEqual(['date']);
      expect(e.issues[0]!.code).toBe('invalid_date');
      expect(e.issues[0]!.message['zh-CN']).toContain('日期无效');
      expect(e.issues[0]!.message.en).toContain('invalid date');
    }
    expect(thrown(() => workingDaysBetween('2026-01-05', d as string)).issues[0]!.path).toEqual(['to']);
    expect(thrown(() => workingDaysBetween(d as string, '2026-01-05')).issues[0]!.path).toEqual(['from']);
  });

  it.each(BAD_COUNTS.map((n) => [String(n), n]))('count %s', (_label, n) => {
    for (const fn of [() => addWorkingDays('2026-01-05', n as number), () => addCalendarDays('2026-01-05', n as number), () => addMonths('2026-01-05', n as number)]) {
      const e = thrown(fn);
      expect(e).toBeInstanceOf(InvalidInputError);
      expect(e.issues[0]!.path).toEqual(['n']);
      expect(e.issues[0]!.message['zh-CN']).toContain('应为整数');
      expect(e.issues[0]!.message.en).toContain('expected an integer');
    }
  });

  it('dates and results outside 1949-10-01..2199-12-31 are refused, not mis-printed', () => {
    expect(thrown(() => addCalendarDays('2199-12-01', 31)).issues[0]).toMatchObject({ path: ['n'], code: 'out_of_range' });
    expect(thrown(() => addMonths('2199-12-01', 1)).issues[0]).toMatchObject({ path: ['n'], code: 'out_of_range' });
    expect(thrown(() => createCalendar({ unknownYears: 'weekends-only' }).addWorkingDays('2199-12-30', 5)).issues[0]).toMatchObject({ path: ['n'], code: 'out_of_range' });
    expect(addCalendarDays('2199-12-01', 30)).toBe('2199-12-31');
    expect(addMonths('2199-01-31', 11)).toBe('2199-12-31');
    expect(addMonths('1949-10-01', 12)).toBe('1950-10-01');
    for (const d of ['1949-09-30', '2200-01-01', '0000-01-01', '9999-12-31', new Date('-000001-06-01T00:00:00Z'), new Date('+010000-01-01T00:00:00Z'), new Date(Date.UTC(1949, 8, 30, 15, 59))]) {
      const e = thrown(() => addCalendarDays(d, 0));
      expect(e.issues[0], String(d)).toMatchObject({ path: ['date'], code: 'out_of_range' });
      expect(e.issues[0]!.message.en).toContain('1949-10-01..2199-12-31');
    }
    // A year before 1 AD is named as such, never read as another year.
    expect(thrown(() => addCalendarDays(new Date('-000001-06-01T00:00:00Z'), 0)).issues[0]!.message.en).toContain('-000001-06-01');
    // The first instant of 1949-10-01 in Shanghai is in range.
    expect(addCalendarDays(new Date(Date.UTC(1949, 8, 30, 16, 0)), 0)).toBe('1949-10-01');
  });

  it('options are checked: unknown keys and wrong types', () => {
    expect(thrown(() => addCalendarDays('2026-01-05', 1, { roll: true } as never)).issues[0]).toMatchObject({ path: ['opts', 'roll'], code: 'unrecognized_key' });
    expect(thrown(() => addCalendarDays('2026-01-05', 1, { rollToWorkingDay: 'yes' } as never)).issues[0]!.path).toEqual(['opts', 'rollToWorkingDay']);
    expect(thrown(() => addMonths('2026-01-05', 1, 5 as never)).issues[0]!.path).toEqual(['opts']);
    expect(thrown(() => createCalendar({ unknownYears: 'guess' } as unknown as CalendarOptions)).issues[0]!.path).toEqual(['options', 'unknownYears']);
    expect(thrown(() => createCalendar({ foo: 1 } as unknown as CalendarOptions)).issues[0]).toMatchObject({ path: ['options'], code: 'unrecognized_keys' });
  });
});

describe('the one fast date parser (isoDayNumber) accepts exactly strict YYYY-MM-DD real dates', () => {
  // Reference: a regular expression and the month lengths, not the digit-by-digit reader.
  const ref = (s: string): number => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return Number.NaN;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? dayNumberFromParts(y, mo, d) : Number.NaN;
  };
  const same = (s: string): void => {
    expect(Object.is(isoDayNumber(s), ref(s)), JSON.stringify(s)).toBe(true);
    expect(parseIsoDate(s) === null, JSON.stringify(s)).toBe(Number.isNaN(ref(s)));
  };

  it('on date-shaped strings, including impossible ones', () => {
    const d2 = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const y4 = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));
    fc.assert(fc.property(y4, d2, d2, (y, m, d) => same(`${y}-${m}-${d}`)), { numRuns: 2000 });
    for (const s of ['2024-02-29', '2026-02-29', '1900-02-29', '2000-02-29', '0000-01-01', '9999-12-31', '2026-04-31']) same(s);
  });

  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), same), { numRuns: 2000 });
    for (const s of ['2026-1a-01', '2026-10-0 ', '２０２６-10-01', '2026-10-01\n', '+026-10-01', '2026_10_01', '-026-10-01']) same(s);
  });

  it('error paths are fresh arrays, not shared constants', () => {
    const e = thrown(() => isWorkingDay('bad'));
    expect(Object.isFrozen(e.issues[0]!.path)).toBe(false);
    e.issues[0]!.path.push('mutated');
    expect(thrown(() => isWorkingDay('bad')).issues[0]!.path).toEqual(['date']);
  });
});
