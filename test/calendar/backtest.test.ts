/**
 * The backtest of the provisional calendars (issue 21.2, scripts/backtest-calendar.ts) on the
 * bundled data, in `npm test` (well under a second): docs/calendar.md must hold exactly its tables,
 * and the figures the documented default rests on must hold.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backtestTables, DOC, runBacktest, withTables } from '../../scripts/backtest-calendar.js';
import { COMMANDS } from '../../src/cli/_internal/help.js';

describe('backtest of unknownYears statutory and weekends-only', () => {
  const r = runBacktest();

  it('covers every official year, every day from 1 December before, and 5/10/15/20 working days', () => {
    expect(r.years[0]).toBe(2004);
    expect(r.years.length).toBeGreaterThanOrEqual(23);
    // 2004 from 1 January; every later year from 1 December of the year before.
    const days = r.years.reduce((n, y, i) => n + (i === 0 ? 366 : (y % 4 === 0 ? 366 : 365) + 31), 0);
    expect(r.byMode.statutory.total).toBe(days * 4);
  });

  it('docs/calendar.md holds the tables (rerun `npx tsx scripts/backtest-calendar.ts --write` when the data changes)', () => {
    const doc = readFileSync(DOC, 'utf8');
    expect(doc).toBe(withTables(doc, backtestTables(r)));
  });

  it('the figures the default rests on: statutory is the better estimate, and neither is safe to give silently', () => {
    const s = r.byMode.statutory;
    const w = r.byMode['weekends-only'];
    expect(s.identical / s.total).toBeGreaterThan(0.85);
    expect(s.identical).toBeGreaterThan(w.identical);
    // Both give answers later than the official due day: a deadline acted on would be missed.
    expect(s.later).toBeGreaterThan(0);
    expect(w.later).toBeGreaterThan(0);
    expect(s.worstLater).toBeGreaterThanOrEqual(5);
  });

  it("the CLI help's rounded figures are the backtest's", () => {
    const help = COMMANDS.find((c) => c.name === 'deadline')!.options.find((o) => o.flags.startsWith('--unknown-years'))!.text;
    const pct = (t: { identical: number; total: number }) => `${Math.round((100 * t.identical) / t.total)}%`;
    for (const text of [help['zh-CN'], help.en]) {
      expect(text).toContain(pct(r.byMode.statutory));
      expect(text).toContain(pct(r.byMode['weekends-only']));
    }
  });
});
