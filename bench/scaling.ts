/**
 * Scaling section: the cost of one subject as its records grow (0 … 10,000), for a decision
 * (`createEvaluator().evaluate`, which sweeps the change days for `clearFrom`) and for `timeline`
 * (every day something happens, each with what was known that day); and the cost of a decision as
 * its change days grow (1 … 100) with the records held at 100.
 *
 * A size whose projected time per call exceeds the
 * budget is not run, and the projection is printed instead, so the section stays within minutes; the
 * issue-25 ratio (10,000 records against 100) is measured apart, in alternating rounds.
 */
import { addDaysIso, addMonthsIso, fromDayNumber, toDayNumber } from '../src/_lib/days.js';
import { buildContext } from '../src/engine/_internal/context.js';
import { changeDays } from '../src/facts/_internal/dayFacts.js';
import { createEvaluator, parseQuery, timeline, untyped, type Decision } from '../src/index.js';
import { int, judge, micros, ratio, secs, timeCalls, type Figure } from './harness.js';
import { AS_OF, subjectWithRecords } from './roster.js';

export interface ScalingOptions {
  recordCounts: readonly number[];
  /** The per-record ratio's sizes and rounds (issue 25: 100 against 10,000). */
  linearity: { small: number; large: number; rounds: number };
  changeDayCounts: readonly number[];
  /** A size whose projected time for one call exceeds this is not run (ms). */
  budgetMs: number;
  /** Time spent per size at least, for the median (ms). */
  minMs: number;
}

const PACK = 'cn-tj-binhai';
const ACTION = 'promotion';
const TIMELINE = { from: '2019-01-01', to: '2026-12-31' } as const;

interface Point {
  n: number;
  ms: number | null;
  runs: number;
  projectedMs: number | null;
}

/**
 * Times `call(n)` for each size in ascending order. Before a size, its time is projected from the
 * last two measured sizes (the observed growth exponent, at least 1, or 2 from a single point); a
 * size projected over the budget, and every larger one, is projected only.
 */
async function sweep(sizes: readonly number[], call: (n: number) => () => unknown, o: ScalingOptions): Promise<Point[]> {
  const points: Point[] = [];
  for (const n of sizes) {
    const measured = points.filter((p) => p.ms !== null && p.n > 0);
    let projectedMs: number | null = null;
    if (measured.length) {
      const last = measured[measured.length - 1]!;
      const prev = measured[measured.length - 2];
      const e = prev ? Math.max(1, Math.log(last.ms! / prev.ms!) / Math.log(last.n / prev.n)) : 2;
      projectedMs = last.ms! * (n / last.n) ** e;
    }
    if (projectedMs !== null && (projectedMs > o.budgetMs || points.some((p) => p.ms === null))) {
      points.push({ n, ms: null, runs: 0, projectedMs });
      continue;
    }
    const fn = call(n);
    // A slow size is run as often as the budget allows, at most 3 times (median), without warm-up:
    // one call of it is thousands of calls of the code paths the smaller sizes warmed up.
    const slow = projectedMs !== null && projectedMs > o.minMs / 3;
    const runs = slow ? (projectedMs! * 3 <= o.budgetMs ? 3 : 1) : 0;
    const t = await timeCalls(fn, slow ? { warmup: 0, minRuns: runs, maxRuns: runs, minMs: 0 } : { warmup: 3, minRuns: 5, maxRuns: 2_000, minMs: o.minMs });
    points.push({ n, ms: t.medianMs, runs: t.runs, projectedMs });
  }
  return points;
}

function perRecord(p: Point): string {
  if (p.ms === null) return `not run (projected ${secs(p.projectedMs!)} per call)`;
  return p.n === 0 ? `${micros(p.ms)} per call` : `${micros(p.ms / p.n)} per record (${p.ms >= 1000 ? secs(p.ms) : `${p.ms.toFixed(p.ms >= 10 ? 0 : 2)} ms`} per call, ${p.runs} run${p.runs === 1 ? '' : 's'})`;
}

/**
 * Per-record cost at `large` records over that at `small` (issue 25: 10,000 against 100, ≤ 1.3x),
 * measured in alternating rounds: each round runs the small subject `large / small` times, then the
 * large one once (the same records decided either way), so a busy moment costs both alike; the
 * ratio is the median of the rounds'.
 */
async function alternatingRatio(label: string, call: (n: number) => () => unknown, small: number, large: number, rounds: number): Promise<Figure> {
  const a = call(small);
  const b = call(large);
  a();
  b();
  const reps = Math.max(1, Math.round(large / small));
  const ratios: number[] = [];
  const per = { small: [] as number[], large: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    for (let i = 0; i < reps; i++) a();
    const smallPer = (performance.now() - t) / (reps * small);
    t = performance.now();
    b();
    const largePer = (performance.now() - t) / large;
    per.small.push(smallPer);
    per.large.push(largePer);
    ratios.push(largePer / smallPer);
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
  const x = med(ratios);
  console.log(`  ${label}: ${ratios.map((v) => v.toFixed(2)).join(', ')} in ${rounds} alternating round(s): ${micros(med(per.small))} → ${micros(med(per.large))} per record`);
  return {
    label,
    value: ratio(x),
    target: '≤ 1.3x',
    status: judge(x, '<=', 1.3),
    note: `${micros(med(per.small))} → ${micros(med(per.large))} per record; median of ${rounds} alternating rounds (${reps} calls of ${int(small)} records, then one of ${int(large)}); 2 cores shared with other work`,
  };
}

/** One civil servant asked about promotion under Binhai, as of the roster's day. */
function recordsQuery(n: number): Record<string, unknown> {
  return { subject: subjectWithRecords(n), action: ACTION, asOf: AS_OF };
}

/**
 * 100 records of which `k` are warnings whose periods end on `k` distinct days after asOf (the change
 * days), the rest administrative penalties in force since before and without an end (TJB-3: review on
 * every day, so every change day is evaluated). Checked: `changeDays` finds exactly `k`.
 */
export function changeDaysQuery(k: number, records = 100): Record<string, unknown> {
  const asOf = '2026-06-30';
  const recs: Record<string, unknown>[] = [];
  const ends = new Set<string>();
  for (let d = toDayNumber(asOf); recs.length < k; d--) {
    const decidedOn = fromDayNumber(d);
    const last = addMonthsIso(decidedOn, 6);
    if (ends.has(last)) continue; // two periods ending on one day would be one change day
    ends.add(last);
    recs.push({ id: `w${String(recs.length).padStart(3, '0')}`, kind: 'disciplinary-sanction', sanction: 'warning', decidedOn, occurredOn: addDaysIso(decidedOn, -30), inOfficialDuty: true });
  }
  for (let j = 0; recs.length < records; j++) {
    const decidedOn = addDaysIso('2024-01-01', j * 3);
    recs.push({ id: `a${String(j).padStart(3, '0')}`, kind: 'administrative-penalty', decidedOn, occurredOn: addDaysIso(decidedOn, -20), inOfficialDuty: true });
  }
  return { pack: PACK, subject: { id: `cd-${k}`, kind: 'civil-servant', creditFile: { ref: 'cf' }, records: recs }, action: ACTION, asOf };
}

export async function scalingSection(o: ScalingOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  const evaluator = createEvaluator(PACK);
  console.log(
    `\n== one subject, many records: a civil servant with n roster records, asked about ${ACTION} under ${PACK} as of ${AS_OF} (evaluate) and over ${TIMELINE.from}..${TIMELINE.to} (timeline); ` +
      `budget ${secs(o.budgetMs)} per call (a larger size is projected, not run)`,
  );
  let t = performance.now();
  const evalPoints = await sweep(o.recordCounts, (n) => {
    const q = recordsQuery(n);
    return () => (evaluator.evaluate(untyped(q)) as Decision).verdict;
  }, o);
  for (const p of evalPoints) console.log(`  evaluate, ${int(p.n).padStart(6)} record${p.n === 1 ? ': ' : 's:'} ${perRecord(p)}`);
  console.log(`  (${secs(performance.now() - t)})`);
  t = performance.now();
  const timelinePoints = await sweep(o.recordCounts, (n) => {
    const s = subjectWithRecords(n);
    return () => timeline(untyped(s), { ...TIMELINE, action: ACTION, pack: PACK });
  }, o);
  for (const p of timelinePoints) console.log(`  timeline, ${int(p.n).padStart(6)} record${p.n === 1 ? ': ' : 's:'} ${perRecord(p)}`);
  console.log(`  (${secs(performance.now() - t)})`);
  for (const [name, points] of [['evaluate', evalPoints], ['timeline', timelinePoints]] as const) {
    for (const p of points) figures.push({ label: `${name} µs per record, ${int(p.n)} record${p.n === 1 ? '' : 's'}`, value: p.ms === null ? '—' : micros(p.n ? p.ms / p.n : p.ms), target: null, status: p.ms === null ? 'not run' : 'info', note: p.ms === null ? `projected ${secs(p.projectedMs!)} per call` : p.n === 0 ? 'per call' : undefined });
  }
  const { small, large, rounds } = o.linearity;
  figures.push(
    await alternatingRatio(`evaluate: per-record cost at ${int(large)} records vs ${int(small)}`, (n) => {
      const q = recordsQuery(n);
      return () => (evaluator.evaluate(untyped(q)) as Decision).verdict;
    }, small, large, rounds),
  );
  figures.push(
    await alternatingRatio(`timeline: per-record cost at ${int(large)} records vs ${int(small)}`, (n) => {
      const s = subjectWithRecords(n);
      return () => timeline(untyped(s), { ...TIMELINE, action: ACTION, pack: PACK });
    }, small, large, rounds),
  );

  // Change days: records fixed at 100.
  console.log(`\n== change days: 100 records, k of them warnings ending on k distinct days after asOf (${PACK}, ${ACTION}); the decision evaluates every change day for clearFrom`);
  const times: { k: number; ms: number }[] = [];
  for (const k of o.changeDayCounts) {
    const q = changeDaysQuery(k);
    const found = changeDays(buildContext(parseQuery(q)), q.asOf as string).length;
    if (found !== k) throw new Error(`change-days subject for k=${k} has ${found} change days`);
    const r = await timeCalls(() => (evaluator.evaluate(untyped(q)) as Decision).clearFrom, { warmup: 3, minRuns: 5, maxRuns: 2_000, minMs: o.minMs });
    times.push({ k, ms: r.medianMs });
    console.log(`  ${String(k).padStart(3)} change day${k === 1 ? ': ' : 's:'} ${r.medianMs.toFixed(2)} ms per decision (${r.runs} runs)`);
  }
  const first = times[0]!;
  const last = times[times.length - 1]!;
  const slope = last.k > first.k ? (last.ms - first.ms) / (last.k - first.k) : NaN;
  console.log(`  marginal cost: ${micros(slope)} per change day (from ${first.k} to ${last.k} change days, 100 records)`);
  figures.push({ label: 'clearFrom µs per change day (100 records)', value: micros(slope), target: null, status: 'info', note: `${first.k}→${last.k} change days: ${first.ms.toFixed(2)} → ${last.ms.toFixed(2)} ms per decision` });
  return figures;
}
