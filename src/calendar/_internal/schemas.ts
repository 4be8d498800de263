import { arr, int, obj, oneOf, opt, str, union, type Refusal } from '../../_lib/check.js';
import { parseIsoDate } from '../../_lib/days.js';

// The shapes of host calendar data and options. Hand-written validators (src/_lib/check.ts), not
// zod, so the calendar entry stays small; they report what the zod schemas reported.

/** A strict `YYYY-MM-DD` real date, with a bilingual message naming the value. */
function notADate(s: string): Refusal | null {
  if (parseIsoDate(s) !== null) return null;
  return {
    code: 'invalid_date',
    zh: `日期无效：${JSON.stringify(s.slice(0, 40))}，应为 YYYY-MM-DD 格式的真实日期`,
    en: `invalid date ${JSON.stringify(s.slice(0, 40))}; expected a real date as YYYY-MM-DD`,
  };
}
const IsoDate = str({ refine: notADate });

const NameText = str({ trim: true, min: 1, max: 200 });
const Name = union(NameText, obj({ 'zh-CN': NameText, en: NameText }));

const HostDay = union(IsoDate, obj({ date: IsoDate, name: opt(Name) }));
const Source = str({ trim: true, min: 1, max: 1000 });

export const HostScheduleSchema = obj({
  year: int(1000, 9999),
  holidays: arr(HostDay, { max: 400 }),
  workdays: arr(HostDay, { max: 400 }),
  source: Source,
});

export const RegionalOverlaySchema = obj({
  region: str({ trim: true, min: 1, max: 200 }),
  days: arr(HostDay, { min: 1, max: 400 }),
  workdays: opt(arr(HostDay, { max: 400 })),
  source: Source,
});

export const CalendarOptionsSchema = obj({
  unknownYears: opt(oneOf(['error', 'weekends-only'])),
  receiptOnNonWorkingDay: opt(oneOf(['day-after-receipt', 'next-working-day'])),
});
