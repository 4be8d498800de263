/**
 * A schedule for year Y changes December of Y−1 only as notices do (issue 21.3): days off joined to
 * the 元旦 holiday and make-up working days in December's last days; anything else is refused with
 * a typed error naming the days.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar, defaultCalendar } from '../../src/calendar/index.js';
import { InvalidInputError } from '../../src/model/errors.js';
import { sourcePath } from '../_support/sources.js';
import { loadHolidayCnYears, thrown } from './_helpers.js';

const base = { year: 2027, source: 'test', workdays: [] as string[] };

describe('a schedule for Y and December of Y−1', () => {
  it('a 2027 file that rewrites 2026-12-01..31 is refused, naming the days', () => {
    const e = thrown(() => defaultCalendar().withSchedule({ ...base, holidays: [{ from: '2026-12-01', to: '2026-12-31' }, '2027-01-01'] }));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ path: ['schedule', 'holidays', 0], code: 'outside_new_year_span' });
    expect(e.issues[0]!.message['zh-CN']).toContain('2026-12-01…2026-12-24');
    expect(e.issues[0]!.message.en).toContain('2026-12-01…2026-12-24');
    // And as working days: every one of them named, on its own entry.
    const days = Array.from({ length: 31 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`);
    const w = thrown(() => defaultCalendar().withSchedule({ ...base, holidays: ['2027-01-01'], workdays: days }));
    expect(w.issues.map((i) => i.path.join('.'))).toEqual(days.slice(0, 24).map((_, i) => `schedule.workdays.${i}`));
    expect(w.issues.map((i) => i.message.en.slice(0, 10))).toEqual(days.slice(0, 24));
  });

  it('accepts what notices do: 2018-12-29 working, 12-30 and 12-31 off with 2019-01-01', () => {
    const cal = createCalendar({ unknownYears: 'weekends-only' }).withSchedule({
      year: 2027,
      source: 'test',
      holidays: [{ from: '2026-12-30', to: '2027-01-01', name: '元旦' }],
      workdays: ['2026-12-26'],
    });
    expect(cal.dayInfo('2026-12-30')).toMatchObject({ kind: 'holiday', holiday: { 'zh-CN': '元旦' } });
    expect(cal.dayInfo('2026-12-26')).toMatchObject({ kind: 'make-up-workday', working: true });
    // Weekend days inside the span may be left out (2022-12-31 Saturday style).
    expect(() => defaultCalendar().withSchedule({ ...base, holidays: ['2026-12-25', '2027-01-01'] })).toThrow(InvalidInputError); // 12-28..31 are weekdays not listed
    expect(defaultCalendar().withSchedule({ ...base, year: 2028, holidays: [] }).coverage().hostYears).toEqual([2028]);
  });

  it('refuses a day off not joined to 元旦, or one when 1 January is not listed off', () => {
    const e = thrown(() => defaultCalendar().withSchedule({ ...base, holidays: ['2026-12-28', '2027-01-01'] }));
    expect(e.issues).toEqual([expect.objectContaining({ path: ['schedule', 'holidays', 0], code: 'outside_new_year_span' })]);
    const f = thrown(() => defaultCalendar().withSchedule({ ...base, holidays: ['2026-12-31'] }));
    expect(f.issues[0]).toMatchObject({ code: 'outside_new_year_span' });
  });

  it('every holiday-cn notice 2007–2026 keeps to the rule (its December days are accepted)', () => {
    // holiday-cn (MIT), vendored in sources/holiday-cn.
    for (const [year, days] of loadHolidayCnYears(sourcePath('holiday-cn'))) {
      const dec = days.filter((d) => d.date < `${year}-01-01`);
      const schedule = {
        year,
        source: 'holiday-cn',
        holidays: days.filter((d) => d.isOffDay).map((d) => d.date),
        workdays: days.filter((d) => !d.isOffDay).map((d) => d.date),
      };
      // On a calendar without that year (weekends-only before the data is irrelevant: only the check runs).
      expect(() => createCalendar().withSchedule(schedule), `${year} (${dec.map((d) => d.date).join(', ')})`).not.toThrow();
    }
  });
});
