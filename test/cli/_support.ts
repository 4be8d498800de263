import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_ENGINE, jsonPathStub } from '../../scripts/_shared/engineBundle.js';

export const repo = join(import.meta.dirname, '..', '..');

/** The newest modification time of any file under `dir`. */
export function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newest(p) : st.mtimeMs);
  }
  return t;
}

let built: Promise<string> | null = null;

/**
 * The built CLI: dist/cli.js when it is newer than every source (CI builds first), else a fresh
 * build of the same entry with the same options into a private folder (inside the repository, so
 * that node_modules and the package root are found as from dist/).
 */
export function cliPath(): Promise<string> {
  built ??= (async () => {
    const dist = join(repo, 'dist', 'cli.js');
    const sources = Math.max(newest(join(repo, 'src')), newest(join(repo, 'rules')), statSync(join(repo, 'package.json')).mtimeMs);
    if (existsSync(dist) && statSync(dist).mtimeMs >= sources) return dist;
    // One build per state of the sources, shared by the test files (built aside, then renamed into
    // place atomically); builds for older sources are removed.
    const cache = join(repo, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const key = `gov-credit-rules-cli-${Math.floor(sources)}`;
    const outDir = join(cache, key);
    if (existsSync(join(outDir, 'cli.js'))) return join(outDir, 'cli.js');
    const tmpDir = mkdtempSync(join(cache, 'tmp-gov-credit-rules-cli-'));
    const { build } = await import('tsup');
    await build({
      config: false,
      entry: { cli: join(repo, 'src', 'cli', 'main.ts') },
      format: ['esm'],
      outDir: tmpDir,
      dts: false,
      sourcemap: false,
      clean: false,
      target: 'node20',
      splitting: false,
      silent: true,
      // json-rules-engine bundled without jsonpath-plus, as the package's own CLI build does.
      noExternal: [/^chinese-days\/dist\/.*\.json$/, ...BUNDLED_ENGINE],
      esbuildPlugins: [jsonPathStub],
    });
    try {
      renameSync(tmpDir, outDir);
    } catch {
      rmSync(tmpDir, { recursive: true, force: true }); // another test file won the race
    }
    for (const d of readdirSync(cache)) {
      if (d.startsWith('gov-credit-rules-cli-') && d !== key) rmSync(join(cache, d), { recursive: true, force: true });
    }
    return join(outDir, 'cli.js');
  })();
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
      stdout: { write: (s: string) => ((stdout += s), true), isTTY: false },
      stderr: { write: (s: string) => ((stderr += s), true), isTTY: false },
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
