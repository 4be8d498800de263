/**
 * The holiday-schedule file format as zod schemas: the single source of the JSON Schema
 * (schemas/schedule.schema.json), the `HostSchedule` type and its field documentation. The
 * calendar itself validates with the zod-free checks of `schemas.ts`, which
 * test/calendar/validators.test.ts holds to exactly these schemas' verdicts and issues. Not imported
 * at run time (the calendar entry carries no zod).
 */
import * as z from 'zod';
import { parseIsoDate, toDayNumber } from '../../_lib/days.js';

/** A strict `YYYY-MM-DD` real date, with a bilingual message naming the value. */
export const IsoDate = z.string().superRefine((s, ctx) => {
  if (parseIsoDate(s) === null) {
    ctx.addIssue({
      code: 'custom',
      input: s,
      params: {
        code: 'invalid_date',
        zh: `日期无效：${JSON.stringify(s.slice(0, 40))}，应为 YYYY-MM-DD 格式的真实日期`,
        en: `invalid date ${JSON.stringify(s.slice(0, 40))}; expected a real date as YYYY-MM-DD`,
      },
    });
  }
});

const Name = z.union([
  z.string().trim().min(1).max(200),
  z.strictObject({
    /** The name in Chinese, as the notice writes it (春节). */
    'zh-CN': z.string().trim().min(1).max(200),
    /** The name in English (Spring Festival). */
    en: z.string().trim().min(1).max(200),
  }),
]);

const HostDate = z.strictObject({
  /** The day. */
  date: IsoDate,
  /** The holiday it belongs to (春节, or { "zh-CN", "en" }); known names get the other language. */
  name: Name.optional(),
});

/** `{ from, to, name? }`: every day from `from` to `to`, both included, as notices write them (10月1日至7日). */
const HostDayRange = z
  .strictObject({
    /** The first day of the run. */
    from: IsoDate,
    /** The last day of the run (included; at most 30 days after `from`). */
    to: IsoDate,
    /** The holiday the days belong to (国庆节). */
    name: Name.optional(),
  })
  .superRefine((r, ctx) => {
    if (parseIsoDate(r.from) === null || parseIsoDate(r.to) === null) return;
    const days = toDayNumber(r.to) - toDayNumber(r.from);
    if (days < 0 || days > 30) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        input: r.to,
        params: {
          code: 'invalid_range',
          zh: `日期区间 ${r.from} 至 ${r.to} 无效：结束日须不早于开始日，且区间不超过 31 天`,
          en: `invalid range ${r.from} to ${r.to}: it must not end before it starts, nor span more than 31 days`,
        },
      });
    }
  });

const HostDay = z.union([IsoDate, HostDate, HostDayRange]);
const Days = z.array(HostDay).max(400);

/** Where a schedule comes from: free text (the notice's 文号 or URL), or the notice itself. */
const Source = z.union([
  z.string().trim().min(1).max(1000),
  z.strictObject({
    /** The notice's number (文号), e.g. 国办发明电〔2025〕7号. */
    notice: z.string().trim().min(1).max(200),
    /** The day the notice was issued (发布日期). */
    issuedOn: IsoDate,
    /** The notice's title, e.g. 国务院办公厅关于2026年部分节假日安排的通知. */
    title: z.string().trim().min(1).max(500).optional(),
    /** Where it was published (www.gov.cn). */
    url: z.string().trim().min(1).max(1000).optional(),
  }),
]);

/**
 * A year's holiday schedule: the shape `createCalendar({ schedules })` and `calendar.withSchedule`
 * take, and the JSON file the command line reads with `--schedule` (schemas/schedule.schema.json).
 */
export const HostScheduleSchema = z.strictObject({
  /** The JSON Schema the file follows (ignored; lets editors validate the file). */
  $schema: z.string().max(1000).optional(),
  /** The year the notice is for (1949–2199, the library's date range); its dates run from 1 December of the year before to 31 December. */
  year: z.int().min(1949).max(2199),
  /** Days off (放假), including the weekend days of a holiday block if you like: dates, named dates or runs. */
  holidays: Days,
  /** Make-up working days (调休上班), normally Saturdays or Sundays. */
  workdays: Days,
  /** Where the schedule comes from: { notice, issuedOn, title?, url? } (文号 and date), or free text. */
  source: Source,
});

export const RegionalOverlaySchema = z.strictObject({
  region: z.string().trim().min(1).max(200),
  days: Days.min(1),
  workdays: Days.optional(),
  source: z.string().trim().min(1).max(1000),
});

export const CalendarOptionsSchema = z.strictObject({
  unknownYears: z.enum(['error', 'statutory', 'weekends-only']).optional(),
  receiptOnNonWorkingDay: z.enum(['day-after-receipt', 'next-working-day']).optional(),
  /** Validated one by one by withSchedule, so that issues carry the schedule's index. */
  schedules: z.array(z.unknown()).max(200).optional(),
});
