import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Pack } from '../../model/index.js';

/** How to start the library in a child process. */
export interface ChildEntry {
  /** URL of the module to import (the library's main entry). */
  url: string;
  /** Extra node flags (e.g. a TypeScript loader when running from source). */
  execArgv: string[];
}

/** This module's own file: `__filename` in CommonJS, else the first frame of a stack trace (no import.meta, so the CJS build stays clean). */
function thisFile(): string | null {
  if (typeof __filename === 'string' && __filename) return __filename;
  const stack = new Error().stack ?? '';
  const m = /(file:\/\/\/[^\s)]+?|\/[^\s():]+?)(?::\d+){1,2}\)?$/m.exec(stack.split('\n').slice(1, 3).join('\n'));
  if (!m) return null;
  return m[1]!.startsWith('file:') ? fileURLToPath(m[1]!) : m[1]!;
}

/**
 * The library's main entry as seen from the kit: beside `dist/testing.*` in the build
 * (`index.js` / `index.cjs`), or `src/index.ts` with the tsx loader from source.
 */
export function defaultChildEntry(): ChildEntry | null {
  const file = thisFile();
  if (!file) return null;
  const dir = dirname(file);
  if (/\.ts$/.test(file)) {
    const src = join(dir, '..', '..', 'index.ts');
    if (!existsSync(src)) return null;
    try {
      const req = createRequire(file);
      const loader = join(dirname(req.resolve('tsx/package.json')), 'dist', 'loader.mjs');
      return { url: pathToFileURL(src).href, execArgv: ['--import', pathToFileURL(loader).href] };
    } catch {
      return null;
    }
  }
  for (const name of file.endsWith('.cjs') ? ['index.cjs', 'index.js'] : ['index.js', 'index.cjs']) {
    const p = join(dir, name);
    if (existsSync(p)) return { url: pathToFileURL(p).href, execArgv: [] };
  }
  return null;
}

// The child: loads the library, then answers `evaluate` requests over IPC.
const CHILD = `
const lib = await import(process.env.GOV_CREDIT_TESTING_ENTRY);
process.on('message', async (m) => {
  if (m.type === 'load') {
    for (const p of m.packs) { try { lib.loadPack(p); } catch (e) { process.send({ id: m.id, ok: false, error: { name: e && e.name, message: String(e && e.message) } }); return; } }
    process.send({ id: m.id, ok: true, value: null });
    return;
  }
  try { process.send({ id: m.id, ok: true, value: await lib.evaluate(m.query) }); }
  catch (e) { process.send({ id: m.id, ok: false, error: { name: e && e.name, code: e && e.code, issues: e && e.issues, message: String(e && e.message) } }); }
});
process.send({ ready: true, zone: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset() });
`;

export interface ZoneAnswer {
  ok: boolean;
  value?: unknown;
  error?: { name?: string; code?: string; issues?: unknown; message?: string };
}

/** A library instance running under another process time zone (TZ), answering `evaluate`. */
export class ZoneEvaluator {
  readonly zone: string;
  private child: ChildProcess | null = null;
  private pending = new Map<number, (a: ZoneAnswer) => void>();
  private nextId = 0;
  private started: Promise<void> | null = null;
  /** The zone and UTC offset the child reports (proof that TZ took effect). */
  reported: { zone: string; offset: number } | null = null;
  failure: string | null = null;

  constructor(zone: string, private readonly entry: ChildEntry) {
    this.zone = zone;
  }

  start(packs: readonly Pack[]): Promise<void> {
    this.started ??= new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [...this.entry.execArgv, '--input-type=module', '-e', CHILD], {
        env: { ...process.env, TZ: this.zone, GOV_CREDIT_TESTING_ENTRY: this.entry.url },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      this.child = child;
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => {
        if (stderr.length < 4000) stderr += d.toString();
      });
      const fail = (why: string) => {
        this.failure ??= why;
        for (const [, done] of this.pending) done({ ok: false, error: { name: 'ChildProcessError', message: why } });
        this.pending.clear();
        reject(new Error(why));
      };
      child.on('error', (e) => fail(`cannot start node under TZ=${this.zone}: ${e.message}`));
      child.on('exit', (code) => fail(`the child under TZ=${this.zone} exited (${code}): ${stderr.trim().slice(0, 500)}`));
      child.on('message', (m: { ready?: boolean; zone?: string; offset?: number; id?: number } & ZoneAnswer) => {
        if (m.ready) {
          this.reported = { zone: String(m.zone), offset: Number(m.offset) };
          const id = this.nextId++;
          this.pending.set(id, (a) => (a.ok ? resolve() : fail(`loading packs under TZ=${this.zone}: ${a.error?.message}`)));
          child.send({ type: 'load', id, packs });
          return;
        }
        const done = this.pending.get(m.id!);
        if (done) {
          this.pending.delete(m.id!);
          done(m);
        }
      });
    });
    return this.started;
  }

  evaluate(query: unknown): Promise<ZoneAnswer> {
    if (!this.child || this.failure) return Promise.resolve({ ok: false, error: { name: 'ChildProcessError', message: this.failure ?? 'not started' } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child!.send({ type: 'evaluate', id, query });
    });
  }

  stop(): void {
    const c = this.child;
    this.child = null;
    if (c) {
      c.removeAllListeners('exit');
      c.on('exit', () => undefined);
      if (c.exitCode === null) c.kill();
    }
  }
}
