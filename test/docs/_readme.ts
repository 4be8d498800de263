/**
 * The README as a test: its fenced blocks, and a runner that executes every shell command and every
 * TypeScript/JavaScript snippet in a project where the package is installed, as a user would after
 * `npm install gov-credit-rules`. In a snippet, a line `expression; // 'value' …` is a claim: the
 * runner checks that the expression equals the value (strings, numbers, booleans, null).
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { transformSync } from 'esbuild';
import { repo } from '../cli/_support.js';

export interface Block {
  lang: string;
  body: string;
  /** README line of the block's first line of code (1-based). */
  line: number;
  /** The `##` heading the block is under. */
  heading: string;
  /**
   * How to run a block that cannot run line by line as it is, from an HTML comment on the line
   * before its fence (`<!-- readme: server -->`, invisible on the page). `server`: the first command
   * starts something that stays up (a web service); it runs in the background while each later
   * command is tried until it succeeds (up to 30 s), then it is stopped.
   */
  mode?: 'server';
}

export const README = join(repo, 'README.md');
export const readme = (): string => readFileSync(README, 'utf8');

/** The fenced blocks of a markdown text, with their language, first line and heading. */
export function blocks(text: string): Block[] {
  const out: Block[] = [];
  const lines = text.split('\n');
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const h = /^## (.*)/.exec(lines[i]!);
    if (h) heading = h[1]!.trim();
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    const mark = /^<!--\s*readme:\s*(\w+)\s*-->\s*$/.exec(lines[i - 1] ?? '');
    if (mark && mark[1] !== 'server') throw new Error(`README line ${i}: unknown readme mode "${mark[1]}" (known: server)`);
    out.push({ lang: open[1]!, body: lines.slice(start, end).join('\n'), line: start + 1, heading, ...(mark ? { mode: 'server' as const } : {}) });
    i = end;
  }
  return out;
}

/** The commands of a shell block: one per line, a line ending in `\` joined with the next; blank lines and comments left out. */
export function commands(body: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const line of body.split('\n')) {
    if (pending === '' && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    if (line.endsWith('\\')) pending += line.slice(0, -1);
    else {
      out.push(pending + line);
      pending = '';
    }
  }
  return out;
}

const CLAIM = /^(\s*)(?!(?:(?:const|let|var|import|export|return|if|for|while|try|throw)\b|\}|\/\/))(.+?);(\s*\/\/\s*)('(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?|true|false|null)(.*)$/;

/**
 * A snippet with each claim (`expression; // 'value'`) turned into a check, transpiled to an ES
 * module. It prints `README-CHECKS <done>/<claims>` at the end and sets a failing exit code for a
 * claim that does not hold.
 */
export function checkedSnippet(block: Block): { code: string; claims: number } {
  let claims = 0;
  const lines = block.body.split('\n').map((line, k) => {
    const m = CLAIM.exec(line);
    if (!m) return line;
    claims++;
    return `${m[1]}__claim((${m[2]}), ${m[4]}, ${block.line + k});${m[3]}${m[4]}${m[5]}`;
  });
  const prelude = [
    'let __done = 0;',
    'function __claim(actual, expected, line) {',
    '  __done++;',
    '  if (!Object.is(actual, expected)) { console.error(`README line ${line}: got ${JSON.stringify(actual)}, the README says ${JSON.stringify(expected)}`); process.exitCode = 1; }',
    '}',
    `process.on('beforeExit', () => { if (!globalThis.__reported) { globalThis.__reported = true; console.log(\`README-CHECKS \${__done}/${claims}\`); } });`,
  ].join('\n');
  const { code } = transformSync(`${prelude}\n${lines.join('\n')}\n`, { loader: block.lang === 'js' ? 'js' : 'ts', format: 'esm', target: 'node20' });
  return { code, claims };
}

export interface Ran {
  what: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ what: command, code, stdout, stderr }));
  });
}

/** The environment of a README command: the project's bins first, npm offline (npx must not download anything). */
export function projectEnv(project: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${join(project, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    GOV_CREDIT_RULES_LOCALE: '',
    GOV_CREDIT_SCHEDULES: '',
  };
  delete env.GOV_CREDIT_RULES_NO_MAIN;
  // npm run sets these for the test process: a command must see what a user's shell sees.
  for (const k of Object.keys(env)) if (k.startsWith('npm_package_') || k === 'npm_lifecycle_event' || k === 'npm_lifecycle_script') delete env[k];
  return env;
}

/**
 * A project in which `gov-credit-rules` is this repository, as `npm install` would link it: the
 * package under node_modules and its command in node_modules/.bin. The package must be built
 * (`npm test` builds it first when the sources changed).
 */
export function linkedProject(dir: string): string {
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'readme-user', version: '1.0.0', private: true, type: 'module' }));
  symlinkSync(repo, join(dir, 'node_modules', 'gov-credit-rules'), 'dir');
  const bin = join(dir, 'node_modules', '.bin', 'gov-credit-rules');
  writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${join(dir, 'node_modules', 'gov-credit-rules', 'dist', 'cli.js')}" "$@"\n`);
  chmodSync(bin, 0o755);
  return dir;
}

/**
 * Blocks the runner executes in a user's project: every shell, TypeScript and JavaScript block but
 * the quick start (run in the repository) and the install command (the project has the package
 * installed already: linked, or from the packed tarball).
 */
export const runnable = (b: Block): boolean => ['sh', 'bash', 'ts', 'js'].includes(b.lang) && b.heading !== 'Quick start' && b.heading !== 'Install';

/** A port nothing listens on now (the kernel picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The block on `port` instead of the service's default 8080: `serve` gets `--port`, the URLs the
 * port. Two runs of this suite on one machine (CI beside another checkout) would otherwise answer
 * each other's requests, or fail to start. The commands are otherwise the README's, word for word.
 */
export function onFreePort(cmds: string[], port: number): string[] {
  return cmds.map((c, i) =>
    i === 0 && /\bserve\b/.test(c) && !/--port\b/.test(c) ? `${c} --port ${port}` : c.replaceAll('127.0.0.1:8080', `127.0.0.1:${port}`),
  );
}

/**
 * A `server` block: its first command in the background (its own process group, stopped at the
 * end), each later command tried until it succeeds or 30 s pass.
 */
async function serverBlock(block: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Ran[]> {
  // Run on a free port, reported as the README prints it.
  const [first, ...rest] = onFreePort(block, await freePort());
  const server = spawn('bash', ['-c', first!], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let err = '';
  server.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  server.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<number | null>((resolve) => server.on('close', resolve));
  const results: Ran[] = [];
  try {
    for (const c of rest) {
      let r = await sh(c, cwd, env);
      for (const t0 = Date.now(); r.code !== 0 && Date.now() - t0 < 30_000 && server.exitCode === null; r = await sh(c, cwd, env)) await new Promise((w) => setTimeout(w, 250));
      results.push({ ...r, what: block[results.length + 1]! });
    }
  } finally {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const code = await exited;
  // Up while it was used: stopped by the signal, or (if it ended early) its own exit code.
  return [{ what: block[0]!, code: results.every((r) => r.code === 0) && (code === null || code === 0 || code === 143) ? 0 : code, stdout: out, stderr: err }, ...results];
}

/** Runs every shell command (in order, one after another) and every snippet (side by side) of the README in `project`. */
export async function runReadme(project: string, text = readme()): Promise<{ commands: Ran[]; snippets: (Ran & { claims: number })[] }> {
  const env = projectEnv(project);
  const all = blocks(text).filter(runnable);
  const cmds: Ran[] = [];
  for (const b of all.filter((x) => x.lang === 'sh' || x.lang === 'bash')) {
    if (b.mode === 'server') cmds.push(...(await serverBlock(commands(b.body), project, env)));
    else for (const c of commands(b.body)) cmds.push(await sh(c, project, env));
  }
  const snippets = await Promise.all(
    all
      .filter((x) => x.lang === 'ts' || x.lang === 'js')
      .map(async (b) => {
        const { code, claims } = checkedSnippet(b);
        const file = join(project, `readme-line-${b.line}.mjs`);
        writeFileSync(file, code);
        const r = await sh(`"${process.execPath}" "${file}"`, project, env);
        return { ...r, what: `README line ${b.line} (${b.lang})`, claims };
      }),
  );
  return { commands: cmds, snippets };
}
