/**
 * Calendar benchmark (issue #3): calls/s of addWorkingDays(d, 15) and isWorkingDay(d) beside
 * chinese-days' findWorkday(15, d) and isWorkday(d), on the same dates in one run, and the time to
 * build the prefix index. Not a timed test: figures depend on the machine; the ratio is the point.
 *
 * Run alone: `npx tsx bench/calendar.ts`, or import `runCalendarBench()`.
 */
import chineseDays from 'chinese-days';
import { pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import { fromDayNumber, toDayNumber } from '../src/_lib/days.js';
import type { CalendarImpl } from '../src/calendar/_internal/CalendarImpl.js';
import { addWorkingDays, createCalendar, isWorkingDay } from '../src/calendar/index.js';

export interface CalendarBenchResult {
  /** The process time zone chinese-days ran under (its answers depend on it; ours do not). */
  tz: string;
  dates: number;
  addWorkingDaysPerSec: number;
  findWorkdayPerSec: number;
  /** addWorkingDays ÷ findWorkday calls/s. Target ≥ 100. */
  addWorkingDaysRatio: number;
  isWorkingDayPerSec: number;
  isWorkdayPerSec: number;
  isWorkingDayRatio: number;
  /** Median time to build the prefix index of a fresh calendar, in ms. */
  indexBuildMs: number;
  /** Median time from createCalendar() to the first answer (index build included), in ms. */
  firstCallMs: number;
  /** Dates on which chinese-days disagreed with this library in this process's time zone. */
  findWorkdayMismatches: number;
  isWorkdayMismatches: number;
}

/** Every 10th day from 2020-01-01 to 2026-11-30: 253 dates, all with official data. */
function benchDates(): string[] {
  const out: string[] = [];
  for (let d = toDayNumber('2020-01-01'); d <= toDayNumber('2026-11-30'); d += 10) out.push(fromDayNumber(d));
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function runCalendarBench(options: { time?: number; print?: boolean } = {}): Promise<CalendarBenchResult> {
  const time = options.time ?? 1000;
  const print = options.print ?? true;
  const dates = benchDates();
  const tz = process.env.TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  // Index build: fresh calendars, so nothing is cached but the parsed official data.
  const builds: number[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const cal = createCalendar() as unknown as CalendarImpl;
    cal.isWorkingDay('2026-01-05');
    firsts.push(performance.now() - t0);
    builds.push(cal._indexBuildMs());
  }

  let findWorkdayMismatches = 0;
  let isWorkdayMismatches = 0;
  for (const d of dates) {
    if (chineseDays.findWorkday(15, d) !== addWorkingDays(d, 15)) findWorkdayMismatches++;
    if (chineseDays.isWorkday(d) !== isWorkingDay(d)) isWorkdayMismatches++;
  }

  let sink = 0;
  const bench = new Bench({ name: 'calendar', time, warmup: true, warmupTime: Math.min(250, time) });
  bench
    .add('addWorkingDays(d, 15)', () => {
      for (const d of dates) sink += addWorkingDays(d, 15).length;
    })
    .add('chinese-days findWorkday(15, d)', () => {
      for (const d of dates) sink += chineseDays.findWorkday(15, d).length;
    })
    .add('isWorkingDay(d)', () => {
      for (const d of dates) sink += isWorkingDay(d) ? 1 : 0;
    })
    .add('chinese-days isWorkday(d)', () => {
      for (const d of dates) sink += chineseDays.isWorkday(d) ? 1 : 0;
    });
  await bench.run();
  if (sink < 0) console.log(sink); // keeps the work observable

  const perSec = (name: string): number => {
    const r = bench.getTask(name)?.result;
    if (!r || !('throughput' in r)) throw new Error(`benchmark task failed: ${name} (${r?.state})`);
    return r.throughput.mean * dates.length;
  };
  const result: CalendarBenchResult = {
    tz,
    dates: dates.length,
    addWorkingDaysPerSec: perSec('addWorkingDays(d, 15)'),
    findWorkdayPerSec: perSec('chinese-days findWorkday(15, d)'),
    addWorkingDaysRatio: 0,
    isWorkingDayPerSec: perSec('isWorkingDay(d)'),
    isWorkdayPerSec: perSec('chinese-days isWorkday(d)'),
    isWorkingDayRatio: 0,
    indexBuildMs: median(builds),
    firstCallMs: median(firsts),
    findWorkdayMismatches,
    isWorkdayMismatches,
  };
  result.addWorkingDaysRatio = result.addWorkingDaysPerSec / result.findWorkdayPerSec;
  result.isWorkingDayRatio = result.isWorkingDayPerSec / result.isWorkdayPerSec;

  if (print) {
    const n = (x: number) => Math.round(x).toLocaleString('en-US');
    console.log(`calendar benchmark: ${dates.length} dates 2020-01-01..2026-11-30, one run, tinybench with warm-up (TZ=${tz})`);
    console.log(`  addWorkingDays(d, 15):           ${n(result.addWorkingDaysPerSec)} calls/s`);
    console.log(`  chinese-days findWorkday(15, d): ${n(result.findWorkdayPerSec)} calls/s`);
    console.log(`  isWorkingDay(d):                 ${n(result.isWorkingDayPerSec)} calls/s`);
    console.log(`  chinese-days isWorkday(d):       ${n(result.isWorkdayPerSec)} calls/s`);
    console.log(`addWorkingDays vs chinese-days findWorkday: ${Math.round(result.addWorkingDaysRatio)}x (target ≥ 100x)`);
    console.log(`isWorkingDay vs chinese-days isWorkday: ${Math.round(result.isWorkingDayRatio)}x`);
    console.log(`index build: ${result.indexBuildMs.toFixed(2)} ms (createCalendar to first answer: ${result.firstCallMs.toFixed(2)} ms)`);
    console.log(
      `note: chinese-days' date functions read the process time zone; they are right only under Asia/Shanghai. ` +
        `Disagreements with this library under TZ=${tz}: findWorkday ${findWorkdayMismatches}/${dates.length}, isWorkday ${isWorkdayMismatches}/${dates.length}.`,
    );
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCalendarBench();
}
