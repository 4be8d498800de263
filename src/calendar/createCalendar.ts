import { parseOrThrow } from '../_lib/check.js';
import { InvalidInputError } from '../model/errors.js';
import { officialCalendar } from './_internal/baseCalendar.js';
import { CalendarOptionsSchema } from './_internal/schemas.js';
import { STATUTORY } from './_internal/statutory/provider.js';
import type { Calendar, CalendarOptions, HostSchedule } from './types.js';

/**
 * Creates a working-day calendar for mainland China from the official holiday data
 * (国务院办公厅部分节假日安排, as bundled by chinese-days), covering the years that data has.
 *
 * The calendar is immutable: `withSchedule` and `withOverlay` return new calendars. Its index is
 * built lazily on first use (a few milliseconds), after which `addWorkingDays` is O(1).
 *
 * @param options.unknownYears - a date in a year without a schedule: 'error' (default) throws
 *   `CalendarCoverageError`; 'statutory' counts the days the 全国年节及纪念日放假办法 fixes (and a working
 *   day off for one on a weekend) and weekends as days off; 'weekends-only' counts Mon–Fri. Both flag
 *   the result provisional and say why (`provisionalReason`, naming the mode).
 * @param options.receiptOnNonWorkingDay - how deadline functions count from a receipt on a
 *   non-working day: 'day-after-receipt' (default) or 'next-working-day'.
 * @param options.schedules - years to add, as `withSchedule` takes them: e.g. next year's schedule
 *   read from a JSON file (schemas/schedule.schema.json) the day the State Council publishes it.
 * @returns a `Calendar`.
 * @throws InvalidInputError for unknown or malformed options (path `['options', …]`).
 *
 * @example
 * const cal = createCalendar();
 * cal.addWorkingDays('2026-09-28', 15); // '2026-10-23'
 * createCalendar({ unknownYears: 'statutory' }).addWorkingDays('2026-12-15', 15);
 * // '2027-01-06' (元旦 2027-01-01 is a day off by law; flagged provisional in addWorkingDaysDetailed)
 * const with2027 = createCalendar({ schedules: [JSON.parse(readFileSync('holidays-2027.json', 'utf8'))] });
 */
export function createCalendar(options?: CalendarOptions): Calendar {
  const parsed = parseOrThrow(CalendarOptionsSchema, options ?? {}, ['options']);
  let calendar: Calendar = officialCalendar(
    {
      unknownYears: parsed.unknownYears ?? 'error',
      receiptOnNonWorkingDay: parsed.receiptOnNonWorkingDay ?? 'day-after-receipt',
    },
    STATUTORY,
  );
  (parsed.schedules ?? []).forEach((schedule: unknown, i: number) => {
    try {
      calendar = calendar.withSchedule(schedule as HostSchedule);
    } catch (e) {
      // Issues of the i-th schedule, under the option that carried it.
      if (e instanceof InvalidInputError) {
        throw new InvalidInputError(e.issues.map((x) => ({ ...x, path: ['options', 'schedules', i, ...(x.path[0] === 'schedule' ? x.path.slice(1) : x.path)] })));
      }
      throw e;
    }
  });
  return calendar;
}
