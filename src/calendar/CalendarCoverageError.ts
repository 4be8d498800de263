import { GovCreditError } from '../model/errors.js';

/**
 * A date falls in a year for which the calendar has no holiday schedule (日历未覆盖该年度).
 *
 * Thrown instead of guessing: without the year's notice (国务院办公厅关于部分节假日安排的通知) a
 * weekday may be a holiday and a Saturday a working day. `year` names the missing year; the
 * message names the options that add it (`withSchedule`, `createCalendar`'s `schedules`) or answer
 * provisionally for now (`unknownYears`: 'statutory' or 'weekends-only'; the policy
 * `unknownCalendarYears` in decisions). In 'statutory' mode it is thrown only for a year before the
 * oldest version of the 全国年节及纪念日放假办法 encoded (`statutoryFrom`).
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
  /** Set in 'statutory' mode: the first year the statutory calendar answers (the year asked is before it). */
  readonly statutoryFrom: number | undefined;

  constructor(year: number, path: readonly (string | number)[], covered: { from: number; to: number }, statutory?: { statutoryFrom: number; advice: { 'zh-CN': string; en: string } }) {
    const head = coverageStatement(year, covered);
    const advice = statutory ? statutory.advice : coverageAdvice();
    const message = { 'zh-CN': head['zh-CN'] + advice['zh-CN'], en: head.en + advice.en };
    super([{ path: [...path], code: 'calendar_coverage', message }]);
    this.year = year;
    this.coveredFrom = covered.from;
    this.coveredTo = covered.to;
    this.statutoryFrom = statutory?.statutoryFrom;
  }
}

/** What is missing: `日历未覆盖 2027 年：没有该年的节假日安排（已覆盖 2004–2026 年）。` */
export function coverageStatement(year: number, covered: { from: number; to: number }): { 'zh-CN': string; en: string } {
  return {
    'zh-CN': `日历未覆盖 ${year} 年：没有该年的节假日安排（已覆盖 ${covered.from}–${covered.to} 年）。`,
    en: `the calendar does not cover ${year}: no holiday schedule for that year (covered: ${covered.from}–${covered.to}). `,
  };
}

/**
 * What a host can do about it, naming the library's options (a command line or a page says it in
 * its own terms: the CLI replaces this text in decision notes by its flags). In 'statutory' mode,
 * for a year before the 办法 versions encoded, the statutory module gives its own advice.
 */
export function coverageAdvice(): { 'zh-CN': string; en: string } {
  return {
    'zh-CN': "可用 withSchedule 或 schedules 选项添加该年安排；或设选项 unknownYears 为 'statutory'（法定节假日）或 'weekends-only'（周一至周五）暂算，结果标为暂定（判定中为政策 unknownCalendarYears）。",
    en: "Add its schedule with withSchedule or the schedules option, or set the option unknownYears to 'statutory' (statutory holidays) or 'weekends-only' (Monday–Friday) for answers flagged provisional (the policy unknownCalendarYears in decisions).",
  };
}
