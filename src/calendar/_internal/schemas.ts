import { anything, arr, int, obj, oneOf, opt, refined, str, union, type Infer, type Refusal } from '../../_lib/check.js';
import { parseIsoDate, toDayNumber } from '../../_lib/days.js';

// The shapes of host calendar data and options. Hand-written validators (src/_lib/check.ts), not
// zod, so the calendar entry stays small; the format itself is defined by the zod schemas of
// scheduleSchema.ts (the JSON Schema's source), and test/calendar/validators.test.ts holds these
// checks to those schemas' verdicts and issues.

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

const HostDate = obj({ date: IsoDate, name: opt(Name) });

/** `{ from, to, name? }`: every day from `from` to `to`, both included, as notices write them (10月1日至7日). */
const HostDayRange = refined(obj({ from: IsoDate, to: IsoDate, name: opt(Name) }), (r) => {
  if (parseIsoDate(r.from) === null || parseIsoDate(r.to) === null) return null;
  const days = toDayNumber(r.to) - toDayNumber(r.from);
  if (days >= 0 && days <= 30) return null;
  return {
    path: ['to'],
    code: 'invalid_range',
    zh: `日期区间 ${r.from} 至 ${r.to} 无效：结束日须不早于开始日，且区间不超过 31 天`,
    en: `invalid range ${r.from} to ${r.to}: it must not end before it starts, nor span more than 31 days`,
  };
});

const HostDay = union(IsoDate, HostDate, HostDayRange);
const Days = (o: { min?: number } = {}) => arr(HostDay, { ...o, max: 400 });

/** Where a schedule comes from: free text (the notice's 文号 or URL), or the notice itself. */
const Source = union(
  str({ trim: true, min: 1, max: 1000 }),
  obj({
    notice: str({ trim: true, min: 1, max: 200 }),
    issuedOn: IsoDate,
    title: opt(str({ trim: true, min: 1, max: 500 })),
    url: opt(str({ trim: true, min: 1, max: 1000 })),
  }),
);

/**
 * A year's holiday schedule: the shape `createCalendar({ schedules })` and `calendar.withSchedule`
 * take, and the JSON file the command line reads with `--schedule` (schemas/schedule.schema.json).
 */
export const HostScheduleSchema = obj({
  $schema: opt(str({ max: 1000 })),
  // The years of the library's date range (1949-10-01..2199-12-31).
  year: int(1949, 2199),
  holidays: Days(),
  workdays: Days(),
  source: Source,
});
export type HostScheduleData = Infer<typeof HostScheduleSchema>;

export const RegionalOverlaySchema = obj({
  region: str({ trim: true, min: 1, max: 200 }),
  days: Days({ min: 1 }),
  workdays: opt(Days()),
  source: str({ trim: true, min: 1, max: 1000 }),
});

export const CalendarOptionsSchema = obj({
  unknownYears: opt(oneOf(['error', 'statutory', 'weekends-only'])),
  receiptOnNonWorkingDay: opt(oneOf(['day-after-receipt', 'next-working-day'])),
  /** Validated one by one by withSchedule, so that issues carry the schedule's index. */
  schedules: opt(arr(anything, { max: 200 })),
});

/** The schedule's source as one line: the free text, or `文号（issuedOn）`. */
export function sourceText(source: HostScheduleData['source']): string {
  return typeof source === 'string' ? source : `${source.notice}（${source.issuedOn}）`;
}
