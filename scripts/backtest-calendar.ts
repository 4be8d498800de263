/**
 * Backtest of the provisional calendars (issue 21.2): for every year Y of the bundled official data,
 * pretend Y's notice is not published (its days, and the late-December days of Y−1 it set, are taken
 * out), count every 5-, 10-, 15- and 20-working-day deadline from every day from 1 December of Y−1
 * to 31 December of Y under `unknownYears: 'statutory'` and `'weekends-only'`, and compare each with
 * the answer on the official data.
 *
 *   npx tsx scripts/backtest-calendar.ts           prints the tables
 *   npx tsx scripts/backtest-calendar.ts --write   writes them into docs/calendar.md (between the markers)
 *
 * test/calendar/backtest.test.ts runs it in `npm test` (about a second) and checks docs/calendar.md
 * holds exactly these tables.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dayNumberFromParts, partsFromDayNumber } from '../src/_lib/days.js';
import { CalendarImpl } from '../src/calendar/_internal/CalendarImpl.js';
import { officialData, type DayEntry } from '../src/calendar/_internal/officialData.js';
import { holidayLawFor } from '../src/calendar/_internal/statutory/holidayLaw.js';
import { STATUTORY } from '../src/calendar/_internal/statutory/provider.js';

export const MODES = ['statutory', 'weekends-only'] as const;
export type Mode = (typeof MODES)[number];
export const COUNTS = [5, 10, 15, 20] as const;

export interface Tally {
  total: number;
  identical: number;
  /** Answers before the official due day (safe: the act is early), and after it (the act would be late). */
  earlier: number;
  later: number;
  /** The largest miss each way, in calendar days. */
  worstEarlier: number;
  worstLater: number;
}

const empty = (): Tally => ({ total: 0, identical: 0, earlier: 0, later: 0, worstEarlier: 0, worstLater: 0 });

function add(t: Tally, got: number, want: number): void {
  t.total++;
  if (got === want) t.identical++;
  else if (got < want) {
    t.earlier++;
    t.worstEarlier = Math.max(t.worstEarlier, want - got);
  } else {
    t.later++;
    t.worstLater = Math.max(t.worstLater, got - want);
  }
}

/** The notice a day's entry belongs to: its year, except late-December days of the next year's notice (元旦). */
function noticeYear(dn: number, e: DayEntry): number {
  const p = partsFromDayNumber(dn);
  return p.month === 12 && e.name?.['zh-CN'] === '元旦' ? p.year + 1 : p.year;
}

export interface BacktestResult {
  years: number[];
  byMode: Record<Mode, Tally>;
  byModeAndCount: Record<Mode, Record<number, Tally>>;
  byYear: { year: number; law: string; byMode: Record<Mode, Tally> }[];
}

/** Runs the backtest on the bundled official data. */
export function runBacktest(): BacktestResult {
  const data = officialData();
  const official = new CalendarImpl({ entries: data.entries, officialYears: data.years, hostYears: new Map(), overlays: [] }, { unknownYears: 'error', receiptOnNonWorkingDay: 'day-after-receipt' });
  const byMode = { statutory: empty(), 'weekends-only': empty() } as Record<Mode, Tally>;
  const byModeAndCount = Object.fromEntries(MODES.map((m) => [m, Object.fromEntries(COUNTS.map((n) => [n, empty()]))])) as Record<Mode, Record<number, Tally>>;
  const byYear: BacktestResult['byYear'] = [];
  const first = data.years[0]!;
  for (const Y of data.years) {
    const entries = new Map([...data.entries].filter(([dn, e]) => noticeYear(dn, e) !== Y));
    const years = data.years.filter((y) => y !== Y);
    const row = { year: Y, law: holidayLawFor(Y)?.id ?? '—', byMode: { statutory: empty(), 'weekends-only': empty() } as Record<Mode, Tally> };
    for (const mode of MODES) {
      const state = { entries, officialYears: years, hostYears: new Map<number, string>(), overlays: [] };
      const options = { unknownYears: mode, receiptOnNonWorkingDay: 'day-after-receipt' } as const;
      const cal = mode === 'statutory' ? STATUTORY.create(state, options, undefined, STATUTORY) : new CalendarImpl(state, options);
      const from = Y === first ? dayNumberFromParts(Y, 1, 1) : dayNumberFromParts(Y - 1, 12, 1);
      for (let d = from; d <= dayNumberFromParts(Y, 12, 31); d++) {
        for (const n of COUNTS) {
          const want = official._addWorking(d, n);
          const got = cal._addWorking(d, n);
          add(byMode[mode], got, want);
          add(byModeAndCount[mode][n]!, got, want);
          add(row.byMode[mode], got, want);
        }
      }
    }
    byYear.push(row);
  }
  return { years: data.years.slice(), byMode, byModeAndCount, byYear };
}

const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)}%`;

/** The tables as Markdown. */
export function backtestTables(r: BacktestResult = runBacktest()): string {
  const out: string[] = [];
  const label: Record<Mode, string> = { statutory: '`statutory`', 'weekends-only': '`weekends-only`' };
  out.push(
    `Official years ${r.years[0]}–${r.years.at(-1)}, each pretended unknown in turn; every 5-, 10-, 15- and 20-working-day deadline from every day from 1 December of the year before to 31 December of the year (${r.byMode.statutory.total.toLocaleString('en')} deadlines per mode). *Earlier*: the estimate falls before the official due day (acting on it is early); *later*: after it (acting on it would be late). Misses in calendar days.`,
    '',
    '| mode | identical | earlier | later | worst miss, earlier | worst miss, later |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const m of MODES) {
    const t = r.byMode[m];
    out.push(`| ${label[m]} | ${pct(t.identical, t.total)} | ${pct(t.earlier, t.total)} | ${pct(t.later, t.total)} | ${t.worstEarlier} days | ${t.worstLater} days |`);
  }
  out.push('', '| mode | 5 working days | 10 | 15 | 20 |', '|---|---:|---:|---:|---:|');
  for (const m of MODES) out.push(`| ${label[m]} identical | ${COUNTS.map((n) => pct(r.byModeAndCount[m][n]!.identical, r.byModeAndCount[m][n]!.total)).join(' | ')} |`);
  out.push('', '| year | 办法 | `statutory` identical | later (worst) | `weekends-only` identical | later (worst) |', '|---|---|---:|---:|---:|---:|');
  for (const y of r.byYear) {
    const s = y.byMode.statutory;
    const w = y.byMode['weekends-only'];
    out.push(`| ${y.year} | ${y.law.replace('HLD', '')} | ${pct(s.identical, s.total)} | ${pct(s.later, s.total)} (${s.worstLater}) | ${pct(w.identical, w.total)} | ${pct(w.later, w.total)} (${w.worstLater}) |`);
  }
  return out.join('\n');
}

export const BEGIN = '<!-- backtest:begin (scripts/backtest-calendar.ts --write; test/calendar/backtest.test.ts checks it) -->';
export const END = '<!-- backtest:end -->';
export const DOC = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'calendar.md');

/** docs/calendar.md with the tables between the markers. */
export function withTables(doc: string, tables: string): string {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/calendar.md has no ${BEGIN} … ${END} markers`);
  return `${doc.slice(0, a + BEGIN.length)}\n${tables}\n${doc.slice(b)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  const tables = backtestTables();
  if (process.argv.includes('--write')) {
    writeFileSync(DOC, withTables(readFileSync(DOC, 'utf8'), tables));
    console.log(`wrote docs/calendar.md (${(performance.now() - t0).toFixed(0)} ms)`);
  } else console.log(`${tables}\n\n(${(performance.now() - t0).toFixed(0)} ms)`);
}
