/**
 * CLI section: `gov-credit-rules batch` on a roster file, every pack × every applicable action, with
 * 1 and 2 worker threads, in its own process (built from src/cli/main.ts as the package builds it).
 * Decisions go to /dev/null: they are serialised and written as a host's `> out.jsonl` would be,
 * without filling the disk (10,000 lines give ~400,000 decisions).
 *
 * Figures: lines/s and decisions/s (wall time from spawn to exit, start-up included), the CLI's own
 * count of decisions, CPU time and peak RSS of the whole process (worker threads included), the
 * 2-worker speed-up with its bound (how many cores one thread already keeps busy), and the time
 * 1,000,000 lines would take at the measured rate (the issue's target, projected); then the same
 * with `--decisions not-clear` (screening: the Decision only where the answer is not clear).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { int, judge, loadAverage, ratio, secs, type Figure } from './harness.js';

export interface CliOptions {
  /** The built CLI (bench/run.ts builds it beside the benchmark). */
  cliScript: string;
  /** The preload that records the process's peak RSS (bench/rss-probe.ts, built likewise). */
  rssProbe: string;
  /** The roster file and how to describe it. */
  input: { path: string; name: string; lines: number };
  asOf: string;
  year: number;
  workers: readonly number[];
}

/** One run: the worker count and what `--decisions` asks (`all`: every full Decision). */
interface RunSpec {
  workers: number;
  mode: 'all' | 'not-clear';
}

interface CliRun extends RunSpec {
  wallMs: number;
  lines: number;
  decisions: number;
  threads: number;
  peakRssMB: number;
  /** CPU time of the whole process (all threads), user + system. */
  cpuMs: number;
}

async function runBatch(o: CliOptions, { workers, mode }: RunSpec, tmp: string, tag = ''): Promise<CliRun> {
  const rssFile = join(tmp, `rss-${workers}-${mode}${tag}.txt`);
  const args = [
    '--import', o.rssProbe,
    o.cliScript, 'batch', o.input.path,
    '--pack', 'all', '--action', 'all', '--as-of', o.asOf, '--year', String(o.year),
    '--workers', String(workers), '--decisions', mode, '--no-progress', '--format', 'json',
  ];
  const devNull = openSync('/dev/null', 'w');
  const started = performance.now();
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', devNull, 'pipe'], env: { ...process.env, GOV_CREDIT_RULES_BENCH_RSS: rssFile } });
    let err = '';
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(err) : reject(new Error(`batch --workers ${workers} exited with ${code}:\n${err.slice(0, 2000)}`))));
  });
  const wallMs = performance.now() - started;
  closeSync(devNull);
  // With --format json the summary is one JSON line on stderr: {"summary":{"lines":…,"decisions":…,"threads":…}}.
  const summary = stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { summary?: { lines: number; decisions: number; badLines: number; threads: number } })
    .find((x) => x.summary)?.summary;
  if (!summary) throw new Error(`cannot read the batch summary:\n${stderr.slice(0, 2000)}`);
  if (summary.badLines) throw new Error(`batch reported ${summary.badLines} bad lines:\n${stderr.slice(0, 2000)}`);
  const [maxRss, userUs, systemUs] = readFileSync(rssFile, 'utf8').split(' ').map(Number) as [number, number, number];
  return {
    workers,
    mode,
    wallMs,
    lines: summary.lines,
    decisions: summary.decisions,
    threads: summary.threads,
    // ru_maxrss is in kilobytes on Linux.
    peakRssMB: maxRss / 1024,
    cpuMs: (userUs + systemUs) / 1000,
  };
}

export async function cliSection(o: CliOptions): Promise<Figure[]> {
  const tmp = mkdtempSync(join(os.tmpdir(), 'gov-credit-rules-bench-'));
  console.log(
    `\n== CLI: gov-credit-rules batch ${o.input.name} (${int(o.input.lines)} lines) --pack all --action all --as-of ${o.asOf} --year ${o.year}, ` +
      `decisions to /dev/null; load average at start ${loadAverage()}`,
  );
  const runs: CliRun[] = [];
  let pairWallMs: number | null = null;
  try {
    // Every worker count with full decisions; the screening mode (`--decisions not-clear`) at the largest.
    const specs: RunSpec[] = [...o.workers.map((w) => ({ workers: w, mode: 'all' as const })), { workers: Math.max(...o.workers), mode: 'not-clear' }];
    for (const spec of specs) {
      const r = await runBatch(o, spec, tmp);
      runs.push(r);
      console.log(
        `  --workers ${r.workers}${r.mode === 'all' ? '' : ` --decisions ${r.mode}`}: ${secs(r.wallMs)} wall (${r.threads} thread${r.threads > 1 ? 's' : ''}), ` +
          `${int((r.lines * 1000) / r.wallMs)} lines/s, ${int((r.decisions * 1000) / r.wallMs)} answers/s (${int(r.decisions)}), ` +
          `CPU ${secs(r.cpuMs)} (${(r.cpuMs / r.wallMs).toFixed(2)} cores busy), peak RSS ${Math.round(r.peakRssMB)} MB`,
      );
    }
    // The machine's own ceiling for two threads of this work: two single-thread runs side by side.
    if (o.workers.includes(1) && o.workers.includes(2)) {
      const pair = await Promise.all([runBatch(o, { workers: 1, mode: 'all' }, tmp, '-a'), runBatch(o, { workers: 1, mode: 'all' }, tmp, '-b')]);
      pairWallMs = Math.max(...pair.map((r) => r.wallMs));
      console.log(`  two --workers 1 processes side by side: ${secs(pairWallMs)} wall for both`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const figures: Figure[] = [];
  const tag = `[${o.input.name}, ${int(o.input.lines)} lines]`;
  const full = runs.filter((r) => r.mode === 'all');
  for (const r of full) {
    figures.push({
      label: `CLI batch --workers ${r.workers} lines/s ${tag}`,
      value: int((r.lines * 1000) / r.wallMs),
      target: null,
      status: 'info',
      note: `${int((r.decisions * 1000) / r.wallMs)} decisions/s, ${(r.cpuMs / r.wallMs).toFixed(2)} cores busy, peak RSS ${Math.round(r.peakRssMB)} MB`,
    });
  }
  const one = full.find((r) => r.workers === 1);
  const two = full.find((r) => r.workers === 2);
  if (one && two) {
    const speedup = one.wallMs / two.wallMs;
    figures.push({
      label: `CLI batch 2 workers vs 1 ${tag}`,
      value: ratio(speedup),
      target: '≥ 1.6x (idle 2-core machine)',
      status: judge(speedup, '>=', 1.6),
      // One thread already keeps more than one core busy (GC helpers, output): the bound on 2 cores is 2 / that.
      note:
        `ceiling: two single-thread processes side by side give ${pairWallMs ? ratio((2 * one.wallMs) / pairWallMs) : '—'} of one; ` +
        `cores busy ${(one.cpuMs / one.wallMs).toFixed(2)} → ${(two.cpuMs / two.wallMs).toFixed(2)}; load average at the end ${loadAverage()}; peak RSS ${Math.round(one.peakRssMB)} MB vs ${Math.round(two.peakRssMB)} MB`,
    });
  }
  const best = full.reduce((a, b) => (b.wallMs / b.lines < a.wallMs / a.lines ? b : a));
  const projectedMs = (1_000_000 * best.wallMs) / best.lines;
  figures.push({
    label: 'CLI batch 1,000,000 lines × all packs × all actions (projected)',
    value: secs(projectedMs),
    target: '< 10 min on 2 cores',
    status: judge(projectedMs, '<', 600_000),
    note: `projected from ${int(best.lines)} lines of ${o.input.name} at --workers ${best.workers}, every full Decision written`,
  });
  const screened = runs.find((r) => r.mode === 'not-clear');
  if (screened) {
    figures.push({
      label: 'CLI batch --decisions not-clear, 1,000,000 lines × all packs × all actions (projected)',
      value: secs((1_000_000 * screened.wallMs) / screened.lines),
      target: null,
      status: 'info',
      note: `verdict and clearFrom per answer, the Decision only where not clear; --workers ${screened.workers}, ${int((screened.lines * 1000) / screened.wallMs)} lines/s, peak RSS ${Math.round(screened.peakRssMB)} MB`,
    });
  }
  return figures;
}

/** Writes the first `count` bench-roster subjects as JSON Lines (for `--cli-input bench`). */
export function writeRosterFile(dir: string, subjects: readonly unknown[]): string {
  const path = join(dir, `bench-roster-${subjects.length}.jsonl`);
  writeFileSync(path, subjects.map((s) => JSON.stringify(s)).join('\n') + '\n');
  return path;
}
