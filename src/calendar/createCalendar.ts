import { parseOrThrow } from '../_lib/check.js';
import { InvalidInputError } from '../model/errors.js';
import { CalendarImpl } from './_internal/CalendarImpl.js';
import { officialData } from './_internal/officialData.js';
import { CalendarOptionsSchema } from './_internal/schemas.js';
import type { Calendar, CalendarOptions, HostSchedule } from './types.js';

/**
 * Creates a working-day calendar for mainland China from the official holiday data
 * (国务院办公厅部分节假日安排, as bundled by chinese-days), covering the years that data has.
 *
 * The calendar is immutable: `withSchedule` and `withOverlay` return new calendars. Its index is
 * built lazily on first use (a few milliseconds), after which `addWorkingDays` is O(1).
 *
 * @param options.unknownYears - 'error' (default): a date in a year without a schedule throws
 *   `CalendarCoverageError`; 'weekends-only': answer Mon–Fri and flag the result provisional.
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
 * createCalendar({ unknownYears: 'weekends-only' }).addWorkingDaysDetailed('2027-03-01', 5);
 * // { date: '2027-03-08', provisional: true }
 * const with2027 = createCalendar({ schedules: [JSON.parse(readFileSync('holidays-2027.json', 'utf8'))] });
 */
export function createCalendar(options?: CalendarOptions): Calendar {
  const parsed = parseOrThrow(CalendarOptionsSchema, options ?? {}, ['options']);
  const data = officialData();
  let calendar: Calendar = new CalendarImpl(
    { entries: data.entries, officialYears: data.years, hostYears: new Map(), overlays: [] },
    {
      unknownYears: parsed.unknownYears ?? 'error',
      receiptOnNonWorkingDay: parsed.receiptOnNonWorkingDay ?? 'day-after-receipt',
    },
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
