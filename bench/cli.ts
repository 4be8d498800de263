/**
 * CLI section: `gov-credit-rules batch` on a roster file, every pack × every applicable action, with
 * 1 and 2 worker threads, in its own process (built from src/cli/main.ts as the package builds it).
 * Decisions go to /dev/null: they are serialised and written as a host's `> out.jsonl` would be,
 * without filling the disk (10,000 lines give ~400,000 decisions).
 *
 * Figures (issue 25), every ratio from runs alternating in the same rounds: the CLI's throughput as
 * a fraction of its floor (bench/cli-floor.ts: read and parse the same input, serialise and write
 * the same output, on one thread) with `--decisions all` and `not-clear`; 1,000,000 lines projected
 * on one worker; 2 workers against 1, judged only where two independent single-thread processes side
 * by side reach 1.5x of one (the machine's own ceiling, measured in the same round); the main thread
 * deciding (no worker thread) against one worker thread. Also lines/s and decisions/s (wall time
 * from spawn to exit, start-up included), the CLI's own count of decisions, CPU time and peak RSS of
 * the whole process (worker threads included).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { int, judge, loadAverage, ratio, secs, type Figure } from './harness.js';

export interface CliOptions {
  /** The built CLI (bench/run.ts builds it beside the benchmark). */
  cliScript: string;
  /** The floor (bench/cli-floor.ts, built likewise). */
  floorScript: string;
  /** Rounds of alternating runs (the median of each ratio over them). */
  rounds: number;
  /** The preload that records the process's peak RSS (bench/rss-probe.ts, built likewise). */
  rssProbe: string;
  /** The roster file and how to describe it. */
  input: { path: string; name: string; lines: number };
  asOf: string;
  year: number;
}

/** One run: the worker count and what `--decisions` asks (`all`: every full Decision). */
interface RunSpec {
  workers: number;
  mode: 'all' | 'not-clear';
  /** Decide in the main thread (GOV_CREDIT_RULES_NO_WORKERS=1), no worker thread. */
  mainThread?: boolean;
  /** Write the output to this file instead of /dev/null. */
  to?: string;
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

async function runBatch(o: CliOptions, { workers, mode, mainThread, to }: RunSpec, tmp: string, tag = ''): Promise<CliRun> {
  const rssFile = join(tmp, `rss-${workers}-${mode}${tag}.txt`);
  const args = [
    '--import', o.rssProbe,
    o.cliScript, 'batch', o.input.path,
    '--pack', 'all', '--action', 'all', '--as-of', o.asOf, '--year', String(o.year),
    '--workers', String(workers), '--decisions', mode, '--no-progress', '--format', 'json',
  ];
  const devNull = openSync(to ?? '/dev/null', 'w');
  const started = performance.now();
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', devNull, 'pipe'], env: { ...process.env, GOV_CREDIT_RULES_BENCH_RSS: rssFile, ...(mainThread ? { GOV_CREDIT_RULES_NO_WORKERS: '1' } : {}) } });
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

/** The floor's time on the same input and the CLI's output (bench/cli-floor.ts). */
async function runFloor(o: CliOptions, output: string): Promise<number> {
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [o.floorScript, o.input.path, output], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`cli-floor exited with ${code}:\n${err.slice(0, 2000)}`))));
  });
  return (JSON.parse(stdout) as { ms: number }).ms;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function describeRun(r: CliRun, label: string): string {
  return (
    `  ${label}: ${secs(r.wallMs)} wall (${r.threads} thread${r.threads > 1 ? 's' : ''}), ` +
    `${int((r.lines * 1000) / r.wallMs)} lines/s, ${int((r.decisions * 1000) / r.wallMs)} answers/s (${int(r.decisions)}), ` +
    `CPU ${secs(r.cpuMs)} (${(r.cpuMs / r.wallMs).toFixed(2)} cores busy), peak RSS ${Math.round(r.peakRssMB)} MB`
  );
}

export async function cliSection(o: CliOptions): Promise<Figure[]> {
  const tmp = mkdtempSync(join(os.tmpdir(), 'gov-credit-rules-bench-'));
  console.log(
    `\n== CLI: gov-credit-rules batch ${o.input.name} (${int(o.input.lines)} lines) --pack all --action all --as-of ${o.asOf} --year ${o.year}, ` +
      `decisions to /dev/null; ${o.rounds} round(s), each running in turn: per mode (all, not-clear) the CLI with 1 worker and its floor; 2 workers; the main thread deciding; two 1-worker processes side by side. ` +
      `The machine has 2 cores shared with other work (another helper's tests may run); load average at start ${loadAverage()}`,
  );
  const modes = ['all', 'not-clear'] as const;
  const outputs = { all: join(tmp, 'out-all.jsonl'), 'not-clear': join(tmp, 'out-not-clear.jsonl') };
  const rounds: { cli: Record<string, CliRun>; floor: Record<string, number>; two: CliRun; main: CliRun; pairMs: number }[] = [];
  try {
    // The output the floor writes again: the CLI's own, captured once per mode (also a warm-up).
    for (const mode of modes) await runBatch(o, { workers: 1, mode, to: outputs[mode] }, tmp, `-capture`);
    for (let r = 0; r < o.rounds; r++) {
      const cli: Record<string, CliRun> = {};
      const floor: Record<string, number> = {};
      for (const mode of modes) {
        cli[mode] = await runBatch(o, { workers: 1, mode }, tmp);
        floor[mode] = await runFloor(o, outputs[mode]);
      }
      const two = await runBatch(o, { workers: 2, mode: 'all' }, tmp);
      const main = await runBatch(o, { workers: 1, mode: 'all', mainThread: true }, tmp);
      const pair = await Promise.all([runBatch(o, { workers: 1, mode: 'all' }, tmp, '-a'), runBatch(o, { workers: 1, mode: 'all' }, tmp, '-b')]);
      const pairMs = Math.max(...pair.map((x) => x.wallMs));
      rounds.push({ cli, floor, two, main, pairMs });
      console.log(`  round ${r + 1}: load average ${loadAverage()}`);
      for (const mode of modes) console.log(`${describeRun(cli[mode]!, `--workers 1 --decisions ${mode}`)}; floor ${secs(floor[mode]!)} (${(floor[mode]! / cli[mode]!.wallMs).toFixed(2)} of the CLI's time)`);
      console.log(describeRun(two, '--workers 2 --decisions all'));
      console.log(describeRun(main, 'main thread deciding (GOV_CREDIT_RULES_NO_WORKERS=1) --decisions all'));
      console.log(`  two --workers 1 processes side by side: ${secs(pairMs)} wall for both`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const figures: Figure[] = [];
  const tag = `[${o.input.name}, ${int(o.input.lines)} lines]`;
  const load = `2 cores shared with other work, load average at the end ${loadAverage()}`;
  const last = rounds[rounds.length - 1]!;
  for (const mode of modes) {
    const fraction = median(rounds.map((x) => x.floor[mode]! / x.cli[mode]!.wallMs));
    const c = last.cli[mode]!;
    figures.push({
      label: `CLI --decisions ${mode} vs its floor (read + parse input, stringify + write the same output) ${tag}`,
      value: `${fraction.toFixed(2)}`,
      target: '≥ 0.85',
      status: judge(fraction, '>=', 0.85),
      note: `1 worker, ${int((c.lines * 1000) / c.wallMs)} lines/s, ${int((c.decisions * 1000) / c.wallMs)} decisions/s, ${(c.cpuMs / c.wallMs).toFixed(2)} cores busy, peak RSS ${Math.round(c.peakRssMB)} MB; floor ${secs(median(rounds.map((x) => x.floor[mode]!)))}; median of ${rounds.length} round(s); ${load}`,
    });
  }
  const oneMs = median(rounds.map((x) => x.cli.all!.wallMs));
  const projectedMs = (1_000_000 * oneMs) / o.input.lines;
  figures.push({
    label: `CLI batch 1,000,000 lines × all packs × all actions, one worker (projected) ${tag}`,
    value: secs(projectedMs),
    target: '< 6 min (idle machine)',
    status: judge(projectedMs, '<', 360_000),
    note: `every full Decision written; projected from ${int(o.input.lines)} lines of ${o.input.name} (median of ${rounds.length} round(s)); ${load}`,
  });
  const speedup = median(rounds.map((x) => x.cli.all!.wallMs / x.two.wallMs));
  const ceiling = median(rounds.map((x) => (2 * x.cli.all!.wallMs) / x.pairMs));
  figures.push({
    label: `CLI batch 2 workers vs 1 ${tag}`,
    value: ratio(speedup),
    target: '≥ 1.3x where two single-thread processes reach ≥ 1.5x',
    status: ceiling >= 1.5 ? judge(speedup, '>=', 1.3) : 'not applicable',
    note:
      `ceiling in the same rounds: two single-thread processes side by side give ${ratio(ceiling)} of one${ceiling >= 1.5 ? '' : ' (< 1.5x: the target does not apply on this run)'}; ` +
      `cores busy ${(last.cli.all!.cpuMs / last.cli.all!.wallMs).toFixed(2)} → ${(last.two.cpuMs / last.two.wallMs).toFixed(2)}; peak RSS ${Math.round(last.cli.all!.peakRssMB)} MB vs ${Math.round(last.two.peakRssMB)} MB; ${load}`,
  });
  const mainVsWorker = median(rounds.map((x) => x.cli.all!.wallMs / x.main.wallMs));
  figures.push({
    label: `CLI batch, the main thread deciding vs one worker thread ${tag}`,
    value: ratio(mainVsWorker),
    target: null,
    status: 'info',
    note: `GOV_CREDIT_RULES_NO_WORKERS=1 against --workers 1, --decisions all; CPU ${secs(last.main.cpuMs)} vs ${secs(last.cli.all!.cpuMs)}, peak RSS ${Math.round(last.main.peakRssMB)} MB vs ${Math.round(last.cli.all!.peakRssMB)} MB`,
  });
  return figures;
}

/** Writes the first `count` bench-roster subjects as JSON Lines (for `--cli-input bench`). */
export function writeRosterFile(dir: string, subjects: readonly unknown[]): string {
  const path = join(dir, `bench-roster-${subjects.length}.jsonl`);
  writeFileSync(path, subjects.map((s) => JSON.stringify(s)).join('\n') + '\n');
  return path;
}
