import { delimiter } from 'node:path';
import { CalendarCoverageError } from '../../calendar/CalendarCoverageError.js';
import { createCalendar } from '../../calendar/createCalendar.js';
import type { Calendar, HostSchedule } from '../../calendar/types.js';
import { GovCreditError, InvalidInputError } from '../../model/errors.js';
import { CliError, EXIT } from './exit.js';
import { L, type LocalizedText } from './i18n.js';
import { BIN } from './help.js';
import { inputPath, readConfigJson } from './input.js';

export type UnknownYears = 'error' | 'statutory' | 'weekends-only';

/** The values of --unknown-years, the default first. */
export const UNKNOWN_YEARS_VALUES = ['error', 'statutory', 'weekends-only'] as const satisfies readonly UnknownYears[];

/** The holiday data a run uses: schedule files (their JSON, so worker threads can rebuild it) and the unknown-years mode. */
export interface CalendarSetup {
  schedules: { file: string; json: unknown }[];
  unknownYears: UnknownYears;
}

/** The environment variable naming schedule files, a path list like PATH (`:` on POSIX, `;` on Windows). */
export const SCHEDULES_ENV = 'GOV_CREDIT_SCHEDULES';

/**
 * Schedule files from GOV_CREDIT_SCHEDULES, then from each `--schedule` (both are used: the
 * environment for the years a host keeps, the option for one more). Unreadable or malformed JSON is
 * exit 2 naming the file.
 */
export function scheduleFiles(flags: readonly string[], env: NodeJS.ProcessEnv = process.env): { file: string; json: unknown }[] {
  const fromEnv = (env[SCHEDULES_ENV] ?? '').split(delimiter).filter((x) => x.trim() !== '');
  // An examples/… path not found here is read from the package (as the help's examples name them).
  return [...fromEnv, ...flags].map((file) => ({ file, json: readConfigJson(inputPath(file)) }));
}

let current: { setup: CalendarSetup; calendar: Calendar } | null = null;

/**
 * Builds the calendar of this run (official data plus the schedule files, validated one by one so
 * that an error names its file) and makes it the one `hostCalendar()` returns. Errors are exit 2.
 */
export function configureCalendar(setup: CalendarSetup): Calendar {
  let calendar = createCalendar({ unknownYears: setup.unknownYears });
  for (const { file, json } of setup.schedules) {
    try {
      calendar = calendar.withSchedule(json as HostSchedule);
    } catch (e) {
      if (e instanceof InvalidInputError) {
        const issues = e.issues.map((i) => ({ ...i, path: i.path[0] === 'schedule' ? i.path.slice(1) : i.path }));
        throw CliError.from(e, EXIT.usage, { file, code: 'invalid_schedule', issues, hint: SCHEDULE_FORMAT_HINT });
      }
      throw e;
    }
  }
  current = { setup, calendar };
  return calendar;
}

/** The calendar configured for this run, or null when no option asked for one (the library's default then). */
export function hostCalendar(): Calendar | null {
  return current && (current.setup.schedules.length > 0 || current.setup.unknownYears !== 'error') ? current.calendar : null;
}

/** The calendar to count on: the configured one, or a default one. */
export function runCalendar(): Calendar {
  return current?.calendar ?? configureCalendar({ schedules: [], unknownYears: 'error' });
}

export const SCHEDULE_FORMAT_HINT: LocalizedText = L(
  '格式见 gov-credit-rules/schemas/schedule.schema.json 与 docs/calendar.md：{ "year", "holidays", "workdays", "source": { "notice", "issuedOn" } }',
  'format: gov-credit-rules/schemas/schedule.schema.json and docs/calendar.md: { "year", "holidays", "workdays", "source": { "notice", "issuedOn" } }',
);

/**
 * A calendar error for people at a command line: which year is missing, and the options that add
 * it (not the JavaScript API the library's own message names).
 */
export function coverageError(e: CalendarCoverageError, exitCode: (typeof EXIT)[keyof typeof EXIT] = EXIT.usage): CliError {
  const text = L(
    `日历未覆盖 ${e.year} 年：没有该年的节假日安排（已覆盖 ${e.coveredFrom}–${e.coveredTo} 年）`,
    `the calendar does not cover ${e.year}: no holiday schedule for that year (covered: ${e.coveredFrom}–${e.coveredTo})`,
  );
  return CliError.from(e, exitCode, {
    issues: e.issues.map((i) => ({ ...i, message: text })),
    hint: coverageHint(e.year, e.statutoryFrom),
  });
}

/** What to do about a missing year, on the command line: the flags and files that settle it. */
export function coverageHint(year?: number, statutoryFrom?: number): LocalizedText {
  const y = year ?? 0;
  const file = year ? `holidays-${year}.json` : 'holidays-YYYY.json';
  if (statutoryFrom !== undefined) {
    return L(
      `--unknown-years statutory 只推算 ${statutoryFrom} 年起的年份；可用 --schedule <文件> 添加该年安排，或用 --unknown-years weekends-only 暂按周一至周五计算（结果标为暂定）`,
      `--unknown-years statutory estimates years from ${statutoryFrom} on only; add the year's schedule with --schedule <file>, or count Monday–Friday with --unknown-years weekends-only (answers flagged provisional)`,
    );
  }
  return L(
    `国务院办公厅公布${year ? ` ${y} 年` : '该年'}安排后：用 ${BIN} schedule template ${year ?? '<年份>'} --output ${file} 生成模板，按通知补全调休和文号，再用 --schedule ${file}（或环境变量 ${SCHEDULES_ENV}）添加。在此之前可加 --unknown-years statutory，按《全国年节及纪念日放假办法》所定的节假日和周末暂算（结果标为暂定；或 --unknown-years weekends-only 只按周末暂算）`,
    `once the State Council publishes ${year ? `the ${y}` : "that year's"} schedule: write a template with ${BIN} schedule template ${year ?? '<year>'} --output ${file}, complete its make-up days and notice number from the notice, and add it with --schedule ${file} (or ${SCHEDULES_ENV}). Until then, add --unknown-years statutory to count the days the 全国年节及纪念日放假办法 fixes and weekends (answers flagged provisional; or --unknown-years weekends-only for weekends alone)`,
  );
}

/**
 * A library error met while counting, as the CLI's (exit 2), its issue paths named by the option
 * the value came from (`receivedOn` → `--objection-received`); other errors unchanged.
 */
export function cliCalendarError(e: unknown, options: Record<string, string> = {}): unknown {
  if (!(e instanceof GovCreditError)) return e;
  const err = e instanceof CalendarCoverageError ? coverageError(e) : CliError.from(e, EXIT.usage);
  const issues = err.issues.map((i) => {
    const opt = typeof i.path[0] === 'string' ? options[i.path[0]] : undefined;
    return opt ? { ...i, path: [opt] } : i;
  });
  return new CliError({ code: err.code, name: err.kind, text: err.text, exitCode: err.exitCode, issues, ...(err.hint ? { hint: err.hint } : {}) });
}
