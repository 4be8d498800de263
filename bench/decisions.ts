/**
 * The benchmark proper (`npm run bench` builds it with bench/run.ts and runs it as JavaScript):
 * the fast path measured against json-rules-engine and a hand-written limit, in one run on the
 * same inputs, then the calendar figures (bench/calendar.ts, when present) and the
 * 1,000,000-subject stream's peak RSS (in its own process).
 *
 * Inputs: a seeded roster of 100,000 subjects (bench/roster.ts) asked one question each as of
 * 2026-12-20, under each of the six shipped packs. json-rules-engine cannot decide 6 × 100,000
 * queries inside the time budget, so every method is measured on the same sample: every 20th
 * subject of the roster (5,000 per pack). Harness: tinybench, warm-up included.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { Bench } from 'tinybench';
import { compilePack } from '../src/engine/_internal/compiledPack.js';
import { buildContext } from '../src/engine/_internal/context.js';
import { dayEvaluation, type DayEvaluation } from '../src/engine/_internal/facts.js';
import { runWithJsonRulesEngine } from '../src/engine/_internal/jre.js';
import { createEvaluator, evaluate, parseQuery, type Decision } from '../src/index.js';
import { decideBinhai } from './handwritten-binhai.js';
import { AS_OF, ROSTER_SEED, roster, rosterQuery, type RosterSubject } from './roster.js';
import type { StreamChildResult } from './stream-child.js';
import { untyped } from '../src/model/untyped.js';

const here = dirname(fileURLToPath(import.meta.url));
const ROSTER_SIZE = 100_000;
const STRIDE = 20; // every 20th subject: 5,000 per pack
const BATCH = 250; // subjects per tinybench iteration
const WARMUP_BATCHES = 4; // 1,000 subjects of warm-up per task
const ROUNDS = 4; // 5 batches per task per round
const CHECK_PER_PACK = 1_000; // also the warm-up: V8 needs thousands of queries to settle
const STREAM_SUBJECTS = 1_000_000;
const PACKS = ['cn-national', 'cn-jl-tonghua', 'cn-gd', 'cn-tj-binhai', 'cn-yn', 'cn-nm'] as const;

const int = (x: number) => Math.round(x).toLocaleString('en-US');
/** `412x`, `2.7x`, `0.45x`: two significant digits below 10. */
const ratio = (x: number) => `${x >= 10 ? Math.round(x) : x >= 1 ? x.toFixed(1) : x.toFixed(2)}x`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function machine(): string {
  const cpus = os.cpus();
  const cores = os.availableParallelism();
  return `${cores} cores (${cpus[0]?.model ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** One tinybench task per method and pack: each iteration decides the next BATCH sample subjects. */
function batches<T>(items: T[]): { next(): T[]; reset(): void } {
  let at = 0;
  return {
    next() {
      const out = items.slice(at, at + BATCH);
      at = (at + BATCH) % items.length;
      return out;
    },
    reset() {
      at = 0;
    },
  };
}

/**
 * Items per second from the median batch time: on a shared 2-core machine another process can
 * take the CPU for a while, and the median is not moved by a few slow batches; the mean is.
 */
function perSecond(bench: Bench, name: string, per: number): { rate: number; ms: number } {
  const r = bench.getTask(name)?.result;
  if (!r || !('latency' in r)) throw new Error(`benchmark task failed: ${name} (${r?.state})`);
  return { rate: (per * 1000) / r.latency.p50, ms: r.latency.p50 };
}

/** Runs the stream child (built beside this file by bench/run.ts) and reads its JSON line. */
async function streamChild(): Promise<StreamChildResult> {
  const script = join(here, 'stream-child.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run the benchmark with \`npm run bench\``);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, String(STREAM_SUBJECTS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`stream child exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as StreamChildResult);
    });
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log('gov-credit-rules benchmark: compiled evaluator vs json-rules-engine vs hand-written, one run, same inputs');
  console.log(`machine: ${machine()}; load average at start ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  // 1. Roster and sample.
  let t = performance.now();
  const subjects: RosterSubject[] = roster(ROSTER_SIZE);
  const records = subjects.reduce((n, s) => n + s.records.length, 0);
  console.log(
    `roster: ${int(ROSTER_SIZE)} subjects (seed ${ROSTER_SEED}), 0–5 records each (${(records / ROSTER_SIZE).toFixed(2)} on average), asked as of ${AS_OF}; generated in memory in ${secs(performance.now() - t)}`,
  );
  const sampleIdx = subjects.map((_, i) => i).filter((i) => i % STRIDE === 0);
  const queries = new Map<string, Record<string, unknown>[]>(PACKS.map((p) => [p, sampleIdx.map((i) => rosterQuery(p, subjects[i]!, i))]));
  console.log(
    `sample: every ${STRIDE}th subject = ${int(sampleIdx.length)} queries per pack, the same for every method ` +
      `(json-rules-engine is sampled because deciding all ${int(ROSTER_SIZE * PACKS.length)} queries with it would take minutes)`,
  );

  // 2. Same decisions: compiled == evaluate (a sample), hand-written == compiled (the whole Binhai sample).
  t = performance.now();
  const evaluators = new Map(PACKS.map((p) => [p, createEvaluator(p)]));
  for (const p of PACKS) {
    for (const q of queries.get(p)!.slice(0, CHECK_PER_PACK)) {
      if (!isDeepStrictEqual(evaluators.get(p)!.evaluate(untyped(q)), await evaluate(untyped(q)))) throw new Error(`compiled != evaluate for ${JSON.stringify(q)}`);
    }
  }
  const binhai = evaluators.get('cn-tj-binhai')!;
  for (const q of queries.get('cn-tj-binhai')!) {
    if (!isDeepStrictEqual(decideBinhai(q), binhai.evaluate(untyped(q)))) throw new Error(`hand-written != compiled for ${JSON.stringify(q)}`);
  }
  console.log(
    `check: compiled deep-equals evaluate on ${CHECK_PER_PACK} queries per pack; hand-written deep-equals compiled on all ${int(sampleIdx.length)} Binhai queries (${secs(performance.now() - t)})`,
  );

  // 3. Decisions per second. The machine may be shared, so the tasks are interleaved: ROUNDS runs
  // of the whole suite, each task deciding the next quarter of its sample per round; a task's rate
  // comes from the median of all its batch times, so a busy moment costs every method alike.
  const tasks: { name: string; fn: () => unknown; cursor: ReturnType<typeof batches> }[] = [];
  let sink = 0;
  const keep = (d: Decision) => (sink += d.reasons.length);
  for (const p of PACKS) {
    const jre = batches(queries.get(p)!);
    tasks.push({
      name: `${p} json-rules-engine`,
      cursor: jre,
      fn: async () => {
        for (const q of jre.next()) keep(await evaluate(untyped(q)));
      },
    });
    const cmp = batches(queries.get(p)!);
    const ev = evaluators.get(p)!;
    tasks.push({
      name: `${p} compiled`,
      cursor: cmp,
      fn: () => {
        for (const q of cmp.next()) keep(ev.evaluate(untyped(q)));
      },
    });
  }
  const hand = batches(queries.get('cn-tj-binhai')!);
  tasks.push({
    name: 'cn-tj-binhai hand-written',
    cursor: hand,
    fn: () => {
      for (const q of hand.next()) keep(decideBinhai(q));
    },
  });
  const perRound = sampleIdx.length / BATCH / ROUNDS;
  const samples = new Map<string, number[]>(tasks.map((x) => [x.name, []]));
  t = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ name: `decisions ${round + 1}`, time: 1, iterations: perRound, warmup: round === 0, warmupIterations: WARMUP_BATCHES, warmupTime: 1, retainSamples: true, throws: true });
    for (const x of tasks) {
      // Warm-up decides the first batches; the measured rounds then walk the whole sample once.
      bench.add(x.name, x.fn, round === 0 ? { beforeAll: (mode) => void (mode === 'run' && x.cursor.reset()) } : {});
    }
    await bench.run();
    for (const x of tasks) {
      const r = bench.getTask(x.name)?.result;
      if (!r || !('latency' in r) || !r.latency.samples) throw new Error(`benchmark task failed: ${x.name} (${r?.state})`);
      samples.get(x.name)!.push(...r.latency.samples);
    }
  }
  if (sink < 0) console.log(sink);
  const rateOf = (name: string): { rate: number; ms: number } => {
    const xs = [...samples.get(name)!].sort((a, b) => a - b);
    const mid = xs.length / 2;
    const ms = xs.length % 2 ? xs[Math.floor(mid)]! : (xs[mid - 1]! + xs[mid]!) / 2;
    return { rate: (BATCH * 1000) / ms, ms };
  };

  console.log(
    `\ndecisions/s (tinybench, ${int(WARMUP_BATCHES * BATCH)} queries of warm-up per task after the check above; then ${ROUNDS} interleaved rounds, ` +
      `each task deciding the ${int(sampleIdx.length)}-query sample once in batches of ${BATCH}; rate from the median batch; ${secs(performance.now() - t)}):`,
  );
  console.log(`  ${'pack'.padEnd(16)}${'json-rules-engine'.padStart(20)}${'compiled'.padStart(12)}${'ratio'.padStart(8)}`);
  let jreMs = 0;
  let cmpMs = 0;
  for (const p of PACKS) {
    const a = rateOf(`${p} json-rules-engine`);
    const b = rateOf(`${p} compiled`);
    jreMs += a.ms;
    cmpMs += b.ms;
    console.log(`  ${p.padEnd(16)}${int(a.rate).padStart(20)}${int(b.rate).padStart(12)}${ratio(b.rate / a.rate).padStart(8)}`);
  }
  const jreAll = (BATCH * PACKS.length * 1000) / jreMs;
  const cmpAll = (BATCH * PACKS.length * 1000) / cmpMs;
  console.log(`  ${'all six packs'.padEnd(16)}${int(jreAll).padStart(20)}${int(cmpAll).padStart(12)}${ratio(cmpAll / jreAll).padStart(8)}`);
  const hw = rateOf('cn-tj-binhai hand-written');
  const cb = rateOf('cn-tj-binhai compiled');
  console.log(`  cn-tj-binhai hand-written: ${int(hw.rate)} decisions/s (same validation and lifecycle reducer; rules, facts and composition by hand)`);

  // 4. The conditions alone: the same day evaluations (the facts and candidates of each query's
  // day, built once), only the runner differs. In the pipeline the runner reads facts that were
  // just built, so the compiled runner is timed on facts in cache: each day is run REPEAT times in
  // a row (a pass over thousands of days would time cache misses, not the closures).
  const days: DayEvaluation[] = [];
  for (const p of PACKS) {
    for (const q of queries.get(p)!.slice(0, 500)) {
      const ctx = buildContext(parseQuery(q));
      const day = dayEvaluation(ctx, ctx.query.asOf, ctx.query.asOf);
      if (day.candidates.length) days.push(day);
    }
  }
  const candidates = days.reduce((n, d) => n + d.candidates.length, 0);
  const runners = new Map(PACKS.map((p) => [p, compilePack(p).run]));
  const runnerOf = days.map((d) => runners.get(d.ctx.pack.id as (typeof PACKS)[number])!);
  const REPEAT = 20;
  const condJre = new Bench({ name: 'conditions', time: 1, iterations: 5, warmup: true, warmupIterations: 2, warmupTime: 1, throws: true });
  condJre.add('json-rules-engine runner', async () => {
    for (const d of days) sink += (await runWithJsonRulesEngine(d)).length;
  });
  const condCmp = new Bench({ name: 'conditions', time: 1, iterations: 50, warmup: true, warmupIterations: 20, warmupTime: 1, throws: true });
  condCmp.add('compiled runner', () => {
    for (let i = 0; i < days.length; i++) {
      const run = runnerOf[i]!;
      const d = days[i]!;
      for (let k = 0; k < REPEAT; k++) sink += run(d).length;
    }
  });
  await condJre.run();
  await condCmp.run();
  const cj = perSecond(condJre, 'json-rules-engine runner', candidates);
  const cc = perSecond(condCmp, 'compiled runner', candidates * REPEAT);

  console.log('');
  console.log(`compiled vs json-rules-engine: ${ratio(cmpAll / jreAll)}`);
  console.log(`compiled vs hand-written: ${ratio(cb.rate / hw.rate)}`);
  console.log('');
  const r1 = cmpAll / jreAll;
  console.log(
    `target compiled ≥ 100x json-rules-engine: ${r1 >= 100 ? 'met' : `missed by ${ratio(100 / r1)} (${ratio(r1)} measured)`}; ` +
      `json-rules-engine is ${Math.round(100 * (1 - 1 / r1))} % of evaluate's time here, the rest (validation, lifecycle, decision composition) is shared by both paths`,
  );
  console.log(`target compiled ≥ 0.3x hand-written: ${cb.rate / hw.rate >= 0.3 ? 'met' : 'missed'}`);
  console.log(
    `conditions alone (the same ${int(days.length)} day evaluations, ${int(candidates)} rule × record candidates; compiled timed on facts in cache): ` +
      `json-rules-engine ${int(cj.rate)} candidates/s, compiled closures ${int(cc.rate)} candidates/s, ${ratio(cc.rate / cj.rate)}`,
  );

  // 5. Calendar figures (issue #3), when its benchmark is present.
  const calendarBench = join(here, 'calendar.js');
  if (existsSync(calendarBench)) {
    console.log('');
    const { runCalendarBench } = (await import(pathToFileURL(calendarBench).href)) as { runCalendarBench: (o?: { time?: number }) => Promise<unknown> };
    await runCalendarBench({ time: 1000 });
  } else {
    console.log('\ncalendar: bench/calendar.ts not present (or not built beside this file); no calendar figures');
  }

  // 6. The 1,000,000-subject stream, in its own process so that its RSS is its own.
  console.log('');
  t = performance.now();
  const s = await streamChild();
  console.log(
    `stream: ${int(s.subjects)} roster subjects generated lazily through evaluateStream (cn-tj-binhai, excellent-rating, assessment year 2026), own process: ` +
      `${secs(s.ms)}, ${int(s.rate)} decisions/s, ${s.progressCalls} onProgress calls; RSS before the first subject ${Math.round(s.baselineRssMB)} MB`,
  );
  console.log(`peak RSS (${int(s.subjects)}-subject stream): ${Math.round(s.peakRssMB)} MB`);
  console.log(`target peak RSS < 200 MB: ${s.peakRssMB < 200 ? 'met' : `missed by ${Math.round(s.peakRssMB - 200)} MB`}`);
  console.log(`\ntotal: ${secs(performance.now() - started)}; load average at end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

await main();
