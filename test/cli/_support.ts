import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { cliBuild } from '../../scripts/_shared/builds.mjs';

export const repo = join(import.meta.dirname, '..', '..');

export { newest } from '../../scripts/_shared/builds.mjs';

let built: Promise<string> | null = null;

/**
 * The built CLI: dist/cli.js when it is newer than every source (CI builds first), else a build of
 * the same entry in node_modules/.cache, shared with `npm run demo` (scripts/_shared/builds.mjs).
 */
export function cliPath(): Promise<string> {
  built ??= cliBuild(repo);
  return built;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

type Main = (argv: string[], io: { stdout: unknown; stderr: unknown; stdin: Readable }) => Promise<number>;
let mainFn: Promise<Main> | null = null;

/**
 * Runs the CLI's `main` in this process, with captured streams: the same code as the spawned CLI
 * without a Node start-up per call (most tests). Spawned runs (`cli`) test what only a real process
 * shows: exit codes, real pipes, signals, the built file. Commands that register packs (`--load`)
 * or start worker threads are run spawned, so that no state is shared between tests.
 */
export async function run(args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<Run> {
  mainFn ??= (async () => {
    process.env.GOV_CREDIT_RULES_NO_MAIN = '1';
    return (await import('../../src/cli/main.js')).main as unknown as Main;
  })();
  const main = await mainFn;
  let stdout = '';
  let stderr = '';
  const saved: Record<string, string | undefined> = {};
  const env = { GOV_CREDIT_RULES_LOCALE: '', GOV_CREDIT_SCHEDULES: '', ...opts.env };
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  try {
    const code = await main(args, {
      // The batch writes its lines as UTF-8 bytes (whole lines per write), other commands as strings.
      stdout: { write: (s: string | Uint8Array) => ((stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), true), isTTY: false },
      stderr: { write: (s: string | Uint8Array) => ((stderr += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), true), isTTY: false },
      stdin: Readable.from(opts.input === undefined ? [] : [typeof opts.input === 'string' ? Buffer.from(opts.input) : opts.input]),
    });
    return { code, stdout, stderr };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Spawns the built CLI with `args`, feeding `input` on stdin; never a TTY. */
export async function cli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): Promise<Run> {
  const path = await cliPath();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path, ...args], {
      cwd: opts.cwd ?? repo,
      env: childEnv({ GOV_CREDIT_RULES_LOCALE: '', GOV_CREDIT_SCHEDULES: '', ...opts.env }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {
      /* the CLI may exit before reading stdin (usage errors) */
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** The environment of a spawned CLI: this process's, without the switch that keeps `main` from running in-process. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.GOV_CREDIT_RULES_NO_MAIN;
  return env;
}

/** No stack trace: no `    at ` frames and no internal file names. */
export function noStack(s: string): boolean {
  return !/^\s+at\s/m.test(s) && !/\.ts:\d+|cli\.js:\d+/.test(s);
}

/** The built CLI in a child process, killed after `bound` ms (a bound on a hang, not a speed test). */
export async function spawned(args: string[], opts: { env?: Record<string, string>; input?: string; bound?: number } = {}): Promise<Run & { killed: boolean }> {
  const path = await cliPath();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path, ...args], { cwd: repo, env: childEnv({ GOV_CREDIT_RULES_LOCALE: '', GOV_CREDIT_SCHEDULES: '', ...opts.env }), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, opts.bound ?? 30_000);
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, killed });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}
