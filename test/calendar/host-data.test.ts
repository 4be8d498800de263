import { describe, expect, it } from 'vitest';
import data from 'chinese-days/dist/chinese-days.json';
import { createCalendar, defaultCalendar, type HostSchedule } from '../../src/calendar/index.js';
import { InvalidInputError } from '../../src/model/errors.js';
import { TEST_ONLY_2027, thrown } from './_helpers.js';

/** The official 2026 schedule, rebuilt from the bundled data. */
function official2026(): HostSchedule {
  const pick = (t: Record<string, string>) => Object.keys(t).filter((d) => d.startsWith('2026-')).sort();
  return { year: 2026, holidays: pick(data.holidays), workdays: pick(data.workdays), source: 'rebuilt from chinese-days' };
}

/**
 * Guangxi's 壮族三月三: two days off on lunar 3/3 and 3/4 for everyone in the region. In 2026 these are
 * 2026-04-19 (Sunday) and 2026-04-20 (Monday). Illustrative overlay for tests: a host should take the
 * dates from the regional government's notice for the year.
 */
const GUANGXI_2026 = {
  region: '广西壮族自治区',
  days: [
    { date: '2026-04-19', name: '壮族三月三' },
    { date: '2026-04-20', name: '壮族三月三' },
  ],
  source: 'TEST DATA — illustrative 壮族三月三 overlay',
};

describe('withSchedule', () => {
  it('accepts a schedule identical to the official one, changing nothing', () => {
    const cal = defaultCalendar();
    expect(cal.withSchedule(official2026())).toBe(cal);
    // Listing weekend days inside a holiday block, or not, says the same.
    const lean = official2026();
    lean.holidays = lean.holidays.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() % 6 !== 0);
    expect(cal.withSchedule(lean)).toBe(cal);
  });

  it('refuses a schedule for an official year that disagrees, naming each disagreement', () => {
    const s = official2026();
    s.holidays = s.holidays.filter((d) => d !== '2026-10-08' && d !== '2026-10-02');
    s.holidays.push('2026-10-09');
    const e = thrown(() => defaultCalendar().withSchedule(s));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.issues.map((i) => i.code)).toEqual(['conflict', 'conflict']);
    expect(e.issues[0]!.path).toEqual(['schedule', 'holidays']); // 2026-10-02 missing
    expect(e.issues[0]!.message.en).toContain('2026-10-02');
    expect(e.issues[1]!.path).toEqual(['schedule', 'holidays', s.holidays.length - 1]); // 2026-10-09 added
    expect(e.issues[1]!.message['zh-CN']).toContain('2026-10-09');
  });

  it('a second host schedule for the same year: identical is accepted, different is a conflict', () => {
    const cal = defaultCalendar().withSchedule(TEST_ONLY_2027);
    expect(cal.withSchedule({ ...TEST_ONLY_2027, source: 'same again' })).toBe(cal);
    const e = thrown(() => cal.withSchedule({ ...TEST_ONLY_2027, workdays: ['2027-09-26'] }));
    expect(e.issues.map((i) => [i.code, i.path.join('.'), /: (\d{4}-\d{2}-\d{2}) is/.exec(i.message.en)?.[1]])).toEqual([
      ['conflict', 'schedule.workdays', '2027-02-14'],
      ['conflict', 'schedule.workdays', '2027-10-09'],
    ]);
  });

  it('may fill in December of the year before, never contradict it', () => {
    const cal = defaultCalendar().withSchedule({ ...TEST_ONLY_2027, holidays: [...TEST_ONLY_2027.holidays, '2026-12-31'] });
    expect(cal.isWorkingDay('2026-12-31')).toBe(false);
    expect(cal.dayInfo('2026-12-31')).toMatchObject({ kind: 'holiday', source: 'host-schedule', holiday: { 'zh-CN': '法定节假日' } });
    expect(defaultCalendar().isWorkingDay('2026-12-31')).toBe(true);
    // A 2019 notice day contradicting the official 2018-12-29 make-up day.
    const e = thrown(() =>
      createCalendar({ unknownYears: 'weekends-only' }).withSchedule({ year: 2019, holidays: [{ from: '2018-12-29', to: '2019-01-01' }], workdays: [], source: 'x' }),
    );
    expect(e.issues.some((i) => i.code === 'conflict' && i.message.en.includes('2018-12-29'))).toBe(true);
  });

  it('refuses a day listed both as holiday and workday, duplicates, and dates outside the year', () => {
    const e = thrown(() =>
      defaultCalendar().withSchedule({
        year: 2027,
        holidays: ['2027-01-01', '2027-01-02', '2027-01-01', '2026-11-30', '2028-01-01'],
        workdays: ['2027-01-02'],
        source: 'x',
      }),
    );
    expect(e).toBeInstanceOf(InvalidInputError);
    const byPath = Object.fromEntries(e.issues.map((i) => [i.path.join('.'), i.code]));
    expect(byPath).toEqual({
      'schedule.holidays.3': 'out_of_range',
      'schedule.holidays.4': 'out_of_range',
      'schedule.holidays.2': 'duplicate_date',
      'schedule.workdays.0': 'conflict',
    });
  });

  it('accepts a Monday–Friday listed as a working day (holiday-cn lists 2020-02-03) without making it a make-up day', () => {
    const cal = defaultCalendar().withSchedule({ ...TEST_ONLY_2027, workdays: [...TEST_ONLY_2027.workdays, '2027-02-15'] });
    expect(cal.dayInfo('2027-02-15')).toMatchObject({ kind: 'workday', working: true });
  });

  it('validates the shape with zod and reports paths', () => {
    const bad = (v: unknown) => thrown(() => defaultCalendar().withSchedule(v as HostSchedule));
    expect(bad({ ...TEST_ONLY_2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027/01/04'] }).issues[0]).toMatchObject({
      path: ['schedule', 'holidays', 3],
      code: 'invalid_date',
    });
    expect(bad({ ...TEST_ONLY_2027, holidays: [{ date: '2027-02-30' }] }).issues[0]!.path).toEqual(['schedule', 'holidays', 0, 'date']);
    expect(bad({ ...TEST_ONLY_2027, year: 2027.5 }).issues[0]!.path).toEqual(['schedule', 'year']);
    expect(bad({ ...TEST_ONLY_2027, source: '' }).issues[0]!.path).toEqual(['schedule', 'source']);
    expect(bad({ ...TEST_ONLY_2027, holidays: 'none' }).issues[0]!.path).toEqual(['schedule', 'holidays']);
    expect(bad({ ...TEST_ONLY_2027, extra: 1 }).issues[0]).toMatchObject({ path: ['schedule'], code: 'unrecognized_keys' });
    expect(bad({ ...TEST_ONLY_2027, holidays: [{ date: '2027-01-01', note: 'x' }] }).issues[0]!.path).toEqual(['schedule', 'holidays', 0]);
    expect(bad(null).issues[0]!.path).toEqual(['schedule']);
    const e = bad({ year: 2027 });
    expect(e.issues.map((i) => i.path.join('.')).sort()).toEqual(['schedule.holidays', 'schedule.source', 'schedule.workdays']);
    expect(e.issues[0]!.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(e.issues[0]!.message.en).toMatch(/[a-z]/);
  });
});

describe('withOverlay', () => {
  it('adds regional days off (Guangxi 壮族三月三)', () => {
    const gx = defaultCalendar().withOverlay(GUANGXI_2026);
    expect(defaultCalendar().isWorkingDay('2026-04-20')).toBe(true);
    expect(gx.isWorkingDay('2026-04-20')).toBe(false);
    expect(gx.dayInfo('2026-04-20')).toEqual({
      date: '2026-04-20',
      working: false,
      kind: 'holiday',
      holiday: { 'zh-CN': '壮族三月三', en: 'Zhuang Sanyuesan Festival' },
      region: '广西壮族自治区',
      provisional: false,
      source: 'overlay',
    });
    expect(gx.dayInfo('2026-04-19')).toMatchObject({ kind: 'holiday', region: '广西壮族自治区' });
    expect(defaultCalendar().addWorkingDays('2026-04-17', 1)).toBe('2026-04-20');
    expect(gx.addWorkingDays('2026-04-17', 1)).toBe('2026-04-21');
    expect(gx.workingDaysBetween('2026-04-01', '2026-04-30')).toBe(defaultCalendar().workingDaysBetween('2026-04-01', '2026-04-30') - 1);
    expect(gx.coverage().overlays).toEqual([{ region: '广西壮族自治区', source: GUANGXI_2026.source }]);
  });

  it('a regional day off on a national holiday changes nothing; on a make-up working day it is a conflict', () => {
    const cal = defaultCalendar().withOverlay({ region: 'X', days: ['2026-10-01'], source: 's' });
    expect(cal.dayInfo('2026-10-01')).toMatchObject({ source: 'official', holiday: { 'zh-CN': '国庆节' } });
    const e = thrown(() => defaultCalendar().withOverlay({ region: 'X', days: ['2026-04-20', '2026-10-10'], source: 's' }));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ path: ['overlay', 'days', 1], code: 'conflict' });
    expect(e.issues[0]!.message['zh-CN']).toContain('调休上班');
  });

  it('overlapping overlays, and regional make-up days on holidays, are conflicts', () => {
    const gx = defaultCalendar().withOverlay(GUANGXI_2026);
    expect(thrown(() => gx.withOverlay({ region: 'Nanning', days: ['2026-04-20'], source: 's' })).issues[0]).toMatchObject({
      path: ['overlay', 'days', 0],
      code: 'conflict',
    });
    expect(thrown(() => gx.withOverlay({ region: 'Y', days: ['2026-05-11'], workdays: ['2026-10-03'], source: 's' })).issues[0]).toMatchObject({
      path: ['overlay', 'workdays', 0],
      code: 'conflict',
    });
    // A regional make-up Saturday is fine.
    const withWork = gx.withOverlay({ region: 'Y', days: ['2026-05-11'], workdays: [{ date: '2026-05-16', name: '壮族三月三' }], source: 's' });
    expect(withWork.dayInfo('2026-05-16')).toMatchObject({ kind: 'make-up-workday', working: true, region: 'Y', source: 'overlay' });
  });

  it('a later national schedule may not contradict an overlay day', () => {
    const cal = defaultCalendar().withOverlay({ region: 'X', days: ['2026-12-26'], source: 's' });
    const e = thrown(() => cal.withSchedule({ ...TEST_ONLY_2027, workdays: [...TEST_ONLY_2027.workdays, '2026-12-26'] }));
    expect(e.issues[0]).toMatchObject({ code: 'conflict', path: ['schedule', 'workdays', 3] });
  });

  it('refuses days in uncovered years and malformed overlays', () => {
    expect(thrown(() => defaultCalendar().withOverlay({ region: 'X', days: ['2027-04-09'], source: 's' })).issues[0]).toMatchObject({
      path: ['overlay', 'days', 0],
      code: 'calendar_coverage',
    });
    expect(defaultCalendar().withSchedule(TEST_ONLY_2027).withOverlay({ region: 'X', days: ['2027-04-09'], source: 's' }).isWorkingDay('2027-04-09')).toBe(false);
    expect(thrown(() => defaultCalendar().withOverlay({ region: '', days: ['2026-04-20'], source: 's' })).issues[0]!.path).toEqual(['overlay', 'region']);
    expect(thrown(() => defaultCalendar().withOverlay({ region: 'X', days: [], source: 's' })).issues[0]!.path).toEqual(['overlay', 'days']);
    expect(thrown(() => defaultCalendar().withOverlay({ region: 'X', days: ['2026-04-31'], source: 's' })).issues[0]!.path).toEqual(['overlay', 'days', 0]);
    expect(thrown(() => defaultCalendar().withOverlay({ region: 'X', days: ['2026-04-20', '2026-04-20'], source: 's' })).issues[0]).toMatchObject({
      path: ['overlay', 'days', 1],
      code: 'duplicate_date',
    });
  });
});
