import type { LocalizedText } from '../model/errors.js';
import type { DateInput } from '../model/index.js';

/** What a day is: an ordinary weekday, a weekend, a holiday (法定节假日 or regional), or a make-up working day (调休上班). */
export type { DayKind } from '../model/vocabulary.js';
import type { DayKind } from '../model/vocabulary.js';

/**
 * Where a day's answer comes from: the bundled official data, a host schedule, a regional overlay,
 * or, for a year without a schedule, the calendar's `unknownYears` mode (`statutory`: the days the
 * 全国年节及纪念日放假办法 fixes and weekends; `weekends-only`: Monday–Friday).
 */
export type DaySource = 'official' | 'host-schedule' | 'overlay' | 'statutory' | 'weekends-only';

/**
 * How a calendar answers for a year without a schedule: `error` (throw CalendarCoverageError),
 * `statutory` (the days the 全国年节及纪念日放假办法 fixes, with its weekend rule, and weekends;
 * provisional) or `weekends-only` (Monday–Friday; provisional).
 */
export type UnknownYears = 'error' | 'statutory' | 'weekends-only';

/** Why a result is provisional. */
export interface ProvisionalReason {
  /** Years without a schedule the result counts days of (estimated as `mode` says), ascending. */
  estimatedYears: number[];
  /** The calendar's `unknownYears` mode that estimated them; null when no year was estimated. */
  mode: 'statutory' | 'weekends-only' | null;
  /**
   * The first day the result depends on that a coming notice can still move (from 1 December of
   * the last covered year: the next year's notice can change late December), or null.
   */
  movableFrom: string | null;
}

/** Everything the calendar knows about one day. */
export interface DayInfo {
  /** `YYYY-MM-DD`, civil date in China. */
  date: string;
  /** A working day (工作日): Mon–Fri not on holiday, or a make-up Saturday/Sunday. */
  working: boolean;
  kind: DayKind;
  /** Holiday name, for `kind: 'holiday'`. */
  holiday?: LocalizedText;
  /** The holiday a make-up working day belongs to, when the data names it. */
  makeUpFor?: LocalizedText;
  /** Region of an overlay day (e.g. 广西壮族自治区). */
  region?: string;
  /** The next year's notice can still change this day, or the year has no schedule at all. */
  provisional: boolean;
  source: DaySource;
}

/** A date computed on the calendar, and whether any day it depends on is provisional. */
export interface WorkingDayResult {
  date: string;
  provisional: boolean;
  /** Why it is provisional: present exactly when `provisional` is true. */
  provisionalReason?: ProvisionalReason;
}

/** What `coverage()` reports. */
export interface CalendarCoverage {
  /** Years with the State Council's published schedule in the bundled data. */
  officialYears: number[];
  /** Years added by the host with `withSchedule` (or `createCalendar({ schedules })`). */
  hostYears: number[];
  /** Each host year with its source (the notice's 文号 and date, or the text given). */
  hostSchedules: { year: number; source: string }[];
  /** First and last day of the covered years. */
  firstDate: string;
  lastDate: string;
  /** Dates from this day on are provisional: 1 December of the last covered year. */
  provisionalFrom: string;
  overlays: { region: string; source: string }[];
  unknownYears: UnknownYears;
}

/**
 * A day in host data: a date, a date with its name (Chinese, English, or both), or a run of days
 * `{ from, to, name? }` (both included, at most 31 days).
 */
export type HostDay = HostSchedule['holidays'][number];

/**
 * A year's schedule as published by the General Office of the State Council
 * (国务院办公厅关于某年部分节假日安排的通知): the days off (放假), the make-up working days (调休上班),
 * and where it comes from (`source`: the notice's 文号 and date, or free text). Dates may reach back
 * to December of the previous year, as notices do (the 2019 notice made 2018-12-29 a working day).
 *
 * The same shape is the JSON file the command line reads with `--schedule` (JSON Schema:
 * `gov-credit-rules/schemas/schedule.schema.json`), so a host can add next year's schedule the day
 * the notice is published, without a new release of this library. The type is generated from the
 * schema with its field comments (src/model/types.generated.ts).
 */
export type { HostSchedule } from '../model/types.generated.js';
import type { HostSchedule } from '../model/types.generated.js';

/** Regional days off (and optionally regional make-up working days) on top of the national calendar. */
export interface RegionalOverlay {
  /** E.g. '广西壮族自治区' or a GB/T 2260 code '450000'. */
  region: string;
  days: HostDay[];
  /** Regional make-up working days (normally Saturdays or Sundays), if the regional notice has any. */
  workdays?: HostDay[];
  source: string;
}

export interface CalendarOptions {
  /**
   * A date in a year without a schedule: 'error' (default) throws CalendarCoverageError;
   * 'statutory' counts the days the 全国年节及纪念日放假办法 fixes (元旦, 春节, 清明, 劳动节, 端午, 中秋,
   * 国庆, with a working day off for one that falls on a weekend) and weekends as days off;
   * 'weekends-only' answers Mon–Fri. Both flag every result that depends on such a year provisional,
   * naming the mode (`provisionalReason`). docs/calendar.md has the backtest of both.
   */
  unknownYears?: UnknownYears;
  /**
   * Counting from a receipt on a non-working day (used by deadline functions such as the
   * objection reply): 'day-after-receipt' (default) counts from the next day whatever it is;
   * 'next-working-day' first moves the receipt to the first working day on or after it.
   */
  receiptOnNonWorkingDay?: 'day-after-receipt' | 'next-working-day';
  /**
   * Years to add to the official data, each validated as `withSchedule` validates it (issue paths
   * `['options', 'schedules', i, …]`), e.g. next year's schedule read from a JSON file.
   */
  schedules?: readonly HostSchedule[];
}

export interface RollOptions {
  /** Move a last day that is not a working day to the next working day (民法典 第二百零三条). */
  rollToWorkingDay?: boolean;
}

/**
 * An immutable working-day calendar for mainland China. Every method is pure and independent of
 * the process time zone; a `Date` argument is read in Asia/Shanghai.
 */
export interface Calendar {
  /** How the calendar answers (the schedules it was made with are in `coverage()`). */
  readonly options: Readonly<Required<Omit<CalendarOptions, 'schedules'>>>;
  isWorkingDay(date: DateInput): boolean;
  dayInfo(date: DateInput): DayInfo;
  addWorkingDays(date: DateInput, n: number): string;
  addWorkingDaysDetailed(date: DateInput, n: number): WorkingDayResult;
  workingDaysBetween(from: DateInput, to: DateInput): number;
  nextWorkingDay(date: DateInput): string;
  firstWorkingDayOnOrAfter(date: DateInput): string;
  previousWorkingDay(date: DateInput): string;
  lastWorkingDayOnOrBefore(date: DateInput): string;
  addCalendarDays(date: DateInput, n: number, opts?: RollOptions): string;
  addMonths(date: DateInput, n: number, opts?: RollOptions): string;
  isProvisional(date: DateInput): boolean;
  /** Whether any day in [from, to] (both included) is provisional. */
  isProvisionalBetween(from: DateInput, to: DateInput): boolean;
  /** Why the days in [from, to] are provisional, or null when none is. */
  provisionalReason(from: DateInput, to: DateInput): ProvisionalReason | null;
  coverage(): CalendarCoverage;
  withSchedule(schedule: HostSchedule): Calendar;
  withOverlay(overlay: RegionalOverlay): Calendar;
}
