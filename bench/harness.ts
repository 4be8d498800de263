/**
 * The benchmark's timing harness: warm-up, then interleaved rounds and medians.
 *
 * Why not one long run per method: the machine is shared (2 cores, other work starts and stops). Each
 * round runs one batch of every task in turn, so a busy moment costs every method alike, and a task's
 * figure is the median of its batch times, which a few slow batches do not move.
 */
import os from 'node:os';

/** One thing to time: `run(b)` does batch `b` (the same inputs for every method at the same `b`). */
export interface Task {
  id: string;
  batches: number;
  run(batch: number): unknown;
  /** Items in batch `b`: times are then per item (batches may differ in size). */
  size?(batch: number): number;
}

export interface TaskTiming {
  /** Median time per batch, or per item where the task gives sizes, ms. */
  medianMs: number;
  samples: number;
}

/**
 * Warm-up (`warmupRounds` rounds, not recorded), then `passes` passes over every batch of every task,
 * interleaved: round `r` runs batch `r mod batches` of each task. Async tasks are awaited one by one.
 */
export async function timeInterleaved(tasks: readonly Task[], options: { passes: number; warmupRounds: number }): Promise<Map<string, TaskTiming>> {
  const rounds = Math.max(...tasks.map((t) => t.batches)) * options.passes;
  const samples = new Map<string, number[]>(tasks.map((t) => [t.id, []]));
  for (let r = -options.warmupRounds; r < rounds; r++) {
    for (const t of tasks) {
      const b = ((r % t.batches) + t.batches) % t.batches;
      const start = performance.now();
      const out = t.run(b);
      if (out instanceof Promise) await out;
      const ms = performance.now() - start;
      if (r >= 0) samples.get(t.id)!.push(t.size ? ms / t.size(b) : ms);
    }
  }
  return new Map([...samples].map(([id, xs]) => [id, { medianMs: median(xs), samples: xs.length }]));
}

/**
 * Median time of one call of `fn`, after `warmup` calls: repeated until `minMs` have passed and at
 * least `minRuns` runs were made (at most `maxRuns`).
 */
export async function timeCalls(fn: () => unknown, options: { warmup: number; minRuns: number; maxRuns: number; minMs: number }): Promise<{ medianMs: number; runs: number }> {
  for (let i = 0; i < options.warmup; i++) {
    const out = fn();
    if (out instanceof Promise) await out;
  }
  const xs: number[] = [];
  const started = performance.now();
  while (xs.length < options.maxRuns && (xs.length < options.minRuns || performance.now() - started < options.minMs)) {
    const t = performance.now();
    const out = fn();
    if (out instanceof Promise) await out;
    xs.push(performance.now() - t);
  }
  return { medianMs: median(xs), runs: xs.length };
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Splits `items` into consecutive batches of `size` (the last one may be shorter). */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const int = (x: number): string => Math.round(x).toLocaleString('en-US');
/** `412x`, `2.7x`, `0.45x`: two significant digits below 10. */
export const ratio = (x: number): string => `${x >= 10 ? Math.round(x) : x >= 1 ? x.toFixed(1) : x.toFixed(2)}x`;
export const secs = (ms: number): string => (ms >= 120_000 ? `${int(ms / 60_000)} min` : `${(ms / 1000).toFixed(1)} s`);
export const micros = (ms: number): string => {
  const us = ms * 1000;
  return `${us >= 100 ? int(us) : us >= 10 ? us.toFixed(1) : us.toFixed(2)} µs`;
};

export function machine(): string {
  const cpus = os.cpus();
  return `${os.availableParallelism()} cores (${cpus[0]?.model ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function loadAverage(): string {
  return os.loadavg().map((x) => x.toFixed(2)).join(' ');
}

/** A figure with its target, as the summary prints it. */
export interface Figure {
  /** Stable label: the smoke test looks for it. */
  label: string;
  value: string;
  /** e.g. `≥ 30x`; null for a figure without a target. */
  target: string | null;
  /** met, missed, or why there is no verdict (not built yet, not run). */
  status: 'met' | 'missed' | 'info' | 'not built' | 'not run' | 'not applicable';
  note?: string;
}

export function judge(value: number, op: '>=' | '<=' | '<', bound: number): 'met' | 'missed' {
  if (!Number.isFinite(value)) return 'missed';
  return (op === '>=' ? value >= bound : op === '<=' ? value <= bound : value < bound) ? 'met' : 'missed';
}
