import * as z from 'zod';
import { parseIsoDate } from '../../_lib/days.js';

/** A strict `YYYY-MM-DD` real date, with a bilingual message naming the value. */
const IsoDate = z.string().superRefine((s, ctx) => {
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
  z.strictObject({ 'zh-CN': z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }),
]);

const HostDay = z.union([IsoDate, z.strictObject({ date: IsoDate, name: Name.optional() })]);
const Days = z.array(HostDay).max(400);
const Source = z.string().trim().min(1).max(1000);

export const HostScheduleSchema = z.strictObject({
  year: z.int().min(1949).max(2199),
  holidays: Days,
  workdays: Days,
  source: Source,
});

export const RegionalOverlaySchema = z.strictObject({
  region: z.string().trim().min(1).max(200),
  days: Days.min(1),
  workdays: Days.optional(),
  source: Source,
});

export const CalendarOptionsSchema = z.strictObject({
  unknownYears: z.enum(['error', 'weekends-only']).optional(),
  receiptOnNonWorkingDay: z.enum(['day-after-receipt', 'next-working-day']).optional(),
});
