import { GovCreditError } from '../model/errors.js';

/**
 * A date falls in a year for which the calendar has no holiday schedule (日历未覆盖该年度).
 *
 * Thrown instead of guessing: without the year's notice (国务院办公厅关于部分节假日安排的通知) a
 * weekday may be a holiday and a Saturday a working day. `year` names the missing year; the
 * message says how to add it (`calendar.withSchedule(...)`) or to opt into weekend-only answers.
 *
 * @example
 * try { addWorkingDays('2026-12-20', 15) } catch (e) {
 *   if (CalendarCoverageError.is(e)) console.log(e.year) // 2027
 * }
 */
export class CalendarCoverageError extends GovCreditError {
  static override readonly code = 'calendar_coverage';
  override readonly name = 'CalendarCoverageError';
  override readonly code = 'calendar_coverage';
  /** The year without a schedule. */
  readonly year: number;
  /** The years the calendar does cover, first and last. */
  readonly coveredFrom: number;
  readonly coveredTo: number;

  constructor(year: number, path: readonly (string | number)[], covered: { from: number; to: number }) {
    super([
      {
        path: [...path],
        code: 'calendar_coverage',
        message: {
          'zh-CN':
            `日历未覆盖 ${year} 年：没有该年的节假日安排（已覆盖 ${covered.from}–${covered.to} 年）。` +
            `请在国务院办公厅公布该年安排后用 calendar.withSchedule({ year: ${year}, holidays, workdays, source }) 添加，` +
            `或用 createCalendar({ unknownYears: 'weekends-only' }) 按周一至周五临时计算（结果标记为暂定）。`,
          en:
            `the calendar does not cover ${year}: no holiday schedule for that year (covered: ${covered.from}–${covered.to}). ` +
            `Add it with calendar.withSchedule({ year: ${year}, holidays, workdays, source }) once the State Council publishes it, ` +
            `or opt into Monday–Friday answers flagged provisional with createCalendar({ unknownYears: 'weekends-only' }).`,
        },
      },
    ]);
    this.year = year;
    this.coveredFrom = covered.from;
    this.coveredTo = covered.to;
  }
}
