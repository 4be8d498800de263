import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ChunkResult, ChunkTask } from './batchCore.js';
import type { CalendarSetup } from './schedules.js';

export interface Pool {
  threads: number;
  run(task: ChunkTask): Promise<ChunkResult>;
  close(): Promise<void>;
}

/** What the workers need before their first task: the host packs (`--load`) and the calendar (`--schedule`, `--unknown-years`). */
export interface WorkerSetup {
  loads: unknown[];
  calendar: CalendarSetup;
}

export type PoolOutcome = { pool: Pool } | { pool: null; reason: string };

/**
 * A pool of worker threads through piscina (an optional dependency), each running this same CLI
 * module, whose default export decides a chunk. Returns the reason instead when piscina cannot be
 * loaded or the CLI's own file cannot be found, so the caller can warn and run on one thread.
 */
export async function openPool(threads: number, setup: WorkerSetup): Promise<PoolOutcome> {
  if (process.env.GOV_CREDIT_RULES_NO_WORKERS) return { pool: null, reason: 'GOV_CREDIT_RULES_NO_WORKERS is set' };
  // A computed specifier keeps bundlers from inlining the optional dependency.
  const name = 'piscina';
  let Piscina: new (opts: Record<string, unknown>) => {
    run(task: unknown): Promise<unknown>;
    destroy(): Promise<void>;
    on(event: 'error', listener: (e: unknown) => void): unknown;
  };
  try {
    const mod = (await import(name)) as { Piscina?: typeof Piscina; default?: typeof Piscina };
    Piscina = (mod.Piscina ?? mod.default)!;
    if (typeof Piscina !== 'function') throw new Error('no Piscina export');
  } catch (e) {
    return { pool: null, reason: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
  }
  const script = process.argv[1];
  if (!script) return { pool: null, reason: 'cannot locate the CLI script for the workers' };
  let filename: string;
  try {
    filename = pathToFileURL(realpathSync(script)).href;
  } catch (e) {
    return { pool: null, reason: e instanceof Error ? e.message : String(e) };
  }
  const pool = new Piscina({ filename, minThreads: threads, maxThreads: threads, workerData: setup, idleTimeout: 1000 });
  // A chunk's answer that arrives after the pool was closed (stdout's reader went away, a signal)
  // belongs to no task any more: piscina reports it as an 'error' event, which must not crash the
  // run that is stopping. Before the close, such an event is a bug and is thrown as before.
  let closing = false;
  pool.on('error', (e) => {
    if (!closing) throw e;
  });
  return {
    pool: {
      threads,
      run: (task) => pool.run(task) as Promise<ChunkResult>,
      close: () => {
        closing = true;
        return pool.destroy();
      },
    },
  };
}

let piscinaMove: ((value: object) => unknown) | null = null;

/**
 * A worker's chunk result with its output bytes moved to the main thread (their ArrayBuffer in the
 * transfer list, through piscina's `move`), not copied (issue 25). Called in a worker thread, which
 * piscina started, so piscina loads.
 */
export async function transferable(r: ChunkResult): Promise<ChunkResult> {
  if (!r.bytes) return r;
  if (!piscinaMove) {
    // A computed specifier keeps bundlers from inlining the optional dependency.
    const name = 'piscina';
    const mod = (await import(name)) as { move?: (v: object) => unknown; Piscina?: { move?: (v: object) => unknown } };
    piscinaMove = mod.move ?? mod.Piscina!.move!;
  }
  // A plain object holding the transfer list and the value is what piscina's move marks as movable.
  const wrapped = { [Symbol.for('Piscina.transferable')]: [r.bytes.buffer], [Symbol.for('Piscina.valueOf')]: r };
  return piscinaMove(wrapped) as ChunkResult;
}
