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

  constructor(year: number, path: readonly (string | number)[], covered: { from: number; to: number }, statutory?: { statutoryFrom: number }) {
    const head = coverageStatement(year, covered);
    const advice = coverageAdvice(statutory?.statutoryFrom);
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
 * its own terms: the CLI replaces this text in decision notes by its flags).
 */
export function coverageAdvice(statutoryFrom?: number): { 'zh-CN': string; en: string } {
  const add = {
    'zh-CN': '可用 withSchedule 或 createCalendar 的 schedules 选项添加该年安排（格式见 schemas/schedule.schema.json）',
    en: "add the year's schedule with withSchedule or createCalendar's schedules option (format: schemas/schedule.schema.json)",
  };
  if (statutoryFrom !== undefined) {
    return {
      'zh-CN': `unknownYears 为 'statutory' 时也不推算该年：本库收录的《全国年节及纪念日放假办法》自 ${statutoryFrom} 年起适用。${add['zh-CN']}，或改用 unknownYears: 'weekends-only' 按周一至周五暂算（结果标为暂定）。`,
      en: `The 'statutory' mode does not estimate it either: the versions of the 全国年节及纪念日放假办法 encoded apply from ${statutoryFrom}. To answer, ${add.en}, or use unknownYears: 'weekends-only' to count Monday–Friday (answers flagged provisional).`,
    };
  }
  return {
    'zh-CN': `国务院办公厅公布该年安排后，${add['zh-CN']}；在此之前可设选项 unknownYears 为 'statutory'（按《全国年节及纪念日放假办法》所定的节假日和周末暂算）或 'weekends-only'（按周一至周五暂算），结果标为暂定（判定中为政策 unknownCalendarYears）。`,
    en: `Once the State Council publishes it, ${add.en}; until then set the option unknownYears to 'statutory' (the days the 全国年节及纪念日放假办法 fixes, and weekends) or 'weekends-only' (Monday–Friday) for answers flagged provisional (the policy unknownCalendarYears in decisions).`,
  };
}
