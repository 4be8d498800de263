/**
 * The statutory provisional calendar (issue 21.1): `unknownYears: 'statutory'` counts, in a year
 * without a schedule, the days the 全国年节及纪念日放假办法 in force fixes (第二条) and a working day off
 * for one on a weekend (第六条), and flags every answer provisional naming the mode.
 */
import { readFileSync } from 'node:fs';
import { LunarDay, SolarTerm } from 'tyme4ts';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, isoWeekday } from '../../src/_lib/days.js';
import { HOLIDAY_LAW, HOLIDAY_LAW_TEXT, holidayLawFor, STATUTORY_FIRST_YEAR } from '../../src/calendar/_internal/statutory/holidayLaw.js';
import { LUNAR_FIRST_YEAR, LUNAR_LAST_YEAR } from '../../src/calendar/_internal/statutory/lunarDates.generated.js';
import { lunarDays, statutoryEntries } from '../../src/calendar/_internal/statutory/statutoryDays.js';
import { CalendarCoverageError, createCalendar, defaultCalendar, dayInfo } from '../../src/calendar/index.js';
import { objectionReplyDueOn } from '../../src/deadlines/index.js';
import { evaluate, recordState } from '../../src/index.js';
import { dn, iso, thrown } from './_helpers.js';

const statutory = createCalendar({ unknownYears: 'statutory' });
const tymeIso = (d: { getYear(): number; getMonth(): number; getDay(): number }): string =>
  `${d.getYear()}-${String(d.getMonth()).padStart(2, '0')}-${String(d.getDay()).padStart(2, '0')}`;

describe('lunar and solar-term dates come from tyme4ts', () => {
  it('the generated table equals tyme4ts for every year 2000–2199 (in this process time zone)', () => {
    const bad: string[] = [];
    for (let y = LUNAR_FIRST_YEAR; y <= LUNAR_LAST_YEAR; y++) {
      const ours = lunarDays(y);
      const want = {
        springFestival: tymeIso(LunarDay.fromYmd(y, 1, 1).getSolarDay()),
        qingming: tymeIso(SolarTerm.fromName(y, '清明').getJulianDay().getSolarDay()),
        dragonBoat: tymeIso(LunarDay.fromYmd(y, 5, 5).getSolarDay()),
        midAutumn: tymeIso(LunarDay.fromYmd(y, 8, 15).getSolarDay()),
      };
      for (const k of Object.keys(want) as (keyof typeof want)[]) if (iso(ours[k]) !== want[k]) bad.push(`${y} ${k}: ${iso(ours[k])} ≠ ${want[k]}`);
      // 除夕 is the day before 正月初一.
      if (iso(ours.springFestival - 1) !== tymeIso(LunarDay.fromYmd(y, 1, 1).next(-1).getSolarDay())) bad.push(`${y} 除夕`);
    }
    expect(bad).toEqual([]);
  });

  it('every day the 办法 fixes in 2008–2026 is a day off in the official data (our lunar dates and versions, checked against the notices)', () => {
    const bad: string[] = [];
    for (let y = 2008; y <= 2026; y++) {
      for (const [d, e] of statutoryEntries(y)) {
        if (e.basis !== 'statutory') continue;
        if (defaultCalendar().isWorkingDay(iso(d))) bad.push(`${iso(d)} ${e.name['zh-CN']}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the 1999 version (secondary) agrees with 2004–2007: its 劳动节 and 春节 days are off', () => {
    for (let y = 2004; y <= 2007; y++) {
      for (const [d, e] of statutoryEntries(y)) if (e.basis === 'statutory') expect(defaultCalendar().isWorkingDay(iso(d)), `${iso(d)}`).toBe(false);
    }
  });
});

describe('the law as data', () => {
  const law = readFileSync(new URL('../../law/全国年节及纪念日放假办法.md', import.meta.url), 'utf8');
  it('each verified version quotes its text verbatim from law/全国年节及纪念日放假办法.md, an item for every holiday', () => {
    for (const v of HOLIDAY_LAW) {
      const text = HOLIDAY_LAW_TEXT[v.id]!;
      expect(text.source.verified).toBe(v.verified);
      expect(Object.keys(text.quotes).sort()).toEqual(v.holidays.map((h) => h.key).sort());
      if (!v.verified) continue;
      for (const h of v.holidays) expect(law, `${v.id} ${h.key}`).toContain(text.quotes[h.key]);
      expect(law, v.id).toContain(text.weekendRule);
      expect(law).toContain(text.source.verified ? text.source.path : '');
    }
  });
  it('versions are contiguous from 2000 and the 2024 one has 13 days, the 2013 and 2007 ones 11', () => {
    expect(STATUTORY_FIRST_YEAR).toBe(2000);
    for (let y = 2000; y <= 2199; y++) expect(holidayLawFor(y), String(y)).not.toBeNull();
    expect(holidayLawFor(1999)).toBeNull();
    const days = (id: string) => HOLIDAY_LAW.find((v) => v.id === id)!.holidays.reduce((n, h) => n + h.days.length, 0);
    expect([days('HLD2024'), days('HLD2013'), days('HLD2007'), days('HLD1999')]).toEqual([13, 11, 11, 10]);
    expect(HOLIDAY_LAW.filter((v) => !v.verified).map((v) => v.id)).toEqual(['HLD2007', 'HLD1999']);
  });
});

describe("unknownYears: 'statutory'", () => {
  it('2027: the days of 第二条, and a working day off after a holiday for each of its days on a weekend (第六条)', () => {
    const days = [...statutoryEntries(2027)].sort((a, b) => a[0] - b[0]).map(([d, e]) => `${fromDayNumber(d)} ${e.name['zh-CN']}`);
    expect(days).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节', // 除夕, Friday
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-02-09 春节（补假）', // 初一 and 初二 fall on Saturday and Sunday
      '2027-02-10 春节（补假）',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-05-03 劳动节（补假）',
      '2027-05-04 劳动节（补假）',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
      '2027-10-04 国庆节（补假）',
      '2027-10-05 国庆节（补假）',
    ]);
    for (const [d] of statutoryEntries(2027)) expect(isoWeekday(d)).toBeLessThanOrEqual(7);
  });

  it('two holidays on one day: the second is made up too (2020: 中秋 on 国庆 10-01)', () => {
    const oct = [...statutoryEntries(2020)].filter(([d]) => iso(d).startsWith('2020-10')).map(([d]) => iso(d)).sort();
    expect(oct).toEqual(['2020-10-01', '2020-10-02', '2020-10-03', '2020-10-05', '2020-10-06']);
  });

  it('the objection received 2026-12-15 under Tonghua (15 working days) is due 2027-01-06, provisional, naming the mode', () => {
    const r = statutory.addWorkingDaysDetailed('2026-12-15', 15);
    expect(r).toEqual({ date: '2027-01-06', provisional: true, provisionalReason: { estimatedYears: [2027], mode: 'statutory', movableFrom: '2026-12-16' } });
    // weekends-only counts 元旦 (a Friday) as a working day: one day early.
    expect(createCalendar({ unknownYears: 'weekends-only' }).addWorkingDays('2026-12-15', 15)).toBe('2027-01-05');
    const d = objectionReplyDueOn('2026-12-15', { calendar: statutory });
    expect(d).toMatchObject({ dueOn: '2027-01-06', provisional: true, provisionalReason: { mode: 'statutory', estimatedYears: [2027] } });
  });

  it('dayInfo names the source and the holiday', () => {
    expect(statutory.dayInfo('2027-01-01')).toEqual({
      date: '2027-01-01',
      working: false,
      kind: 'holiday',
      provisional: true,
      source: 'statutory',
      holiday: { 'zh-CN': '元旦', en: "New Year's Day" },
    });
    expect(statutory.dayInfo('2027-01-04')).toMatchObject({ working: true, kind: 'workday', source: 'statutory' });
    expect(statutory.dayInfo('2026-10-10')).toMatchObject({ source: 'official', kind: 'make-up-workday' });
    expect(statutory.coverage().unknownYears).toBe('statutory');
  });

  it('answers far from the data equal stepping day by day through dayInfo (the index grows as needed)', () => {
    const cal = createCalendar({ unknownYears: 'statutory' });
    const step = (start: string, n: number): string => {
      let d = dn(start);
      const sign = Math.sign(n);
      for (let k = 0; k < Math.abs(n); ) if (cal.dayInfo(iso((d += sign))).working) k++;
      return iso(d);
    };
    for (const [start, n] of [['2150-09-20', 40], ['2080-01-10', -30], ['2027-12-20', 260], ['2003-01-20', 30], ['2002-02-20', -15]] as const) {
      expect(cal.addWorkingDays(start, n), `${start} ${n}`).toBe(step(start, n));
    }
    expect(cal.workingDaysBetween('2150-01-01', '2150-12-31')).toBe(
      [...Array(365).keys()].filter((i) => cal.dayInfo(iso(dn('2150-01-01') + i + 1)).working).length,
    );
  });

  it('a year before the oldest version of the 办法 encoded is a coverage error naming weekends-only', () => {
    const e = thrown(() => statutory.addWorkingDays('1999-06-01', 5));
    expect(e).toBeInstanceOf(CalendarCoverageError);
    expect((e as CalendarCoverageError).year).toBe(1999);
    expect((e as CalendarCoverageError).statutoryFrom).toBe(2000);
    expect(e.issues[0]!.message['zh-CN']).toContain("unknownYears: 'weekends-only'");
    expect(e.issues[0]!.message.en).toContain('apply from 2000');
  });

  it('a host schedule makes its year firm; a gap year before it stays statutory', () => {
    const sched = JSON.parse(readFileSync(new URL('../../examples/schedules/holidays-2027.example.json', import.meta.url), 'utf8'));
    const cal = statutory.withSchedule(sched);
    expect(cal.options.unknownYears).toBe('statutory');
    // December 2026 is firm too once the 2027 schedule is in.
    expect(cal.addWorkingDaysDetailed('2026-12-15', 15)).toEqual({ date: '2027-01-06', provisional: false });
    expect(cal.addWorkingDaysDetailed('2027-03-01', 15)).toEqual({ date: '2027-03-22', provisional: false });
    const gap = statutory.withSchedule({ year: 2029, holidays: ['2029-10-01'], workdays: [], source: 'test' });
    expect(gap.dayInfo('2028-01-01')).toMatchObject({ source: 'statutory', kind: 'holiday' });
    expect(gap.addWorkingDaysDetailed('2027-12-30', 2).provisionalReason).toEqual({ estimatedYears: [2027, 2028], mode: 'statutory', movableFrom: null });
  });

  it('the error message of the default calendar names options, not code', () => {
    const msg = thrown(() => defaultCalendar().addWorkingDays('2026-12-15', 15)).issues[0]!.message;
    for (const text of [msg['zh-CN'], msg.en]) {
      expect(text).toContain('unknownYears');
      expect(text).toContain("'statutory'");
      expect(text).toContain('schedules');
      expect(text).not.toMatch(/\(\{|\}\)|createCalendar\(/);
    }
  });

  it('decisions and record states: the same due day, provisional, naming the mode', async () => {
    const record = {
      id: 'a1',
      kind: 'administrative-penalty',
      occurredOn: '2026-11-10',
      decidedOn: '2026-12-01',
      events: [{ type: 'objection-filed', date: '2026-12-15', channel: 'credit-platform' }],
    } as const;
    const want = { kind: 'objection-reply', dueOn: '2027-01-06', provisional: true, provisionalReason: { estimatedYears: [2027], mode: 'statutory', movableFrom: '2026-12-16' } };
    const st = recordState(record, '2026-12-20', { pack: 'cn-jl-tonghua', policy: { unknownCalendarYears: 'statutory' } });
    expect(st.deadlines).toEqual([expect.objectContaining(want)]);
    expect(recordState(record, '2026-12-20', { pack: 'cn-jl-tonghua', calendar: statutory }).deadlines).toEqual([expect.objectContaining(want)]);
    const decision = await evaluate({
      pack: 'cn-jl-tonghua',
      subject: { id: 'p', kind: 'civil-servant', records: [record] },
      action: 'promotion',
      asOf: '2026-12-20',
      policy: { unknownCalendarYears: 'statutory' },
    });
    expect(decision.deadlines).toEqual([expect.objectContaining(want)]);
    expect(decision.provisional).toBe(true);
    expect(decision.notes.some((n) => n.code === 'policy' && n.policy === 'unknownCalendarYears' && n.value === 'statutory')).toBe(true);
    // A host calendar with schedules answers statutory when the policy asks for it.
    const host = createCalendar().withOverlay({ region: 'X', days: ['2026-04-20'], source: 's' });
    const viaHost = await evaluate(
      { pack: 'cn-jl-tonghua', subject: { id: 'p', kind: 'civil-servant', records: [record] }, action: 'promotion', asOf: '2026-12-20', policy: { unknownCalendarYears: 'statutory' } },
      { calendar: host },
    );
    expect(viaHost.deadlines).toEqual([expect.objectContaining(want)]);
    // Without the mode: no deadline, a coverage note naming the year.
    const strict = await evaluate({ pack: 'cn-jl-tonghua', subject: { id: 'p', kind: 'civil-servant', records: [record] }, action: 'promotion', asOf: '2026-12-20' });
    expect(strict.deadlines).toEqual([]);
    expect(strict.notes.find((n) => n.code === 'calendar-coverage')).toMatchObject({ value: { year: 2027 } });
  });

  it('dayInfo of the free functions is unchanged (official data only)', () => {
    expect(() => dayInfo('2027-01-01')).toThrow(CalendarCoverageError);
  });
});
