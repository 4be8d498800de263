// Builds the first hour needs, and only when the sources changed since the last one, with progress
// on stderr (never a silent minute): the CLI alone for `npm run demo` (one entry, no type
// declarations: seconds), the whole package for `npm test` (its tests read dist/, types included).
// Plain JavaScript: `npm run demo` runs it with node, the tests import it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_ENGINE, jsonPathStub } from './engineBundle.mjs';

/** The newest modification time of a file or of any file under a folder (0 when absent). */
export function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n))));
}

/** When the sources of a build last changed: src, rules, package.json, tsup.config.ts. */
export function sourcesTime(root) {
  return Math.max(...['src', 'rules', 'package.json', 'tsup.config.ts'].map((p) => newest(join(root, p))));
}

/** Every file `npm run build` writes that the package's exports, bin and tests read. */
function packageFiles(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const files = new Set([pkg.bin?.['gov-credit-rules'], pkg.main, pkg.module, pkg.types].filter(Boolean));
  const walk = (v) => {
    if (typeof v === 'string') {
      if (v.startsWith('./dist/')) files.add(v);
    } else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(pkg.exports);
  // The json-rules-engine adapter the main entry loads (tsup.config.ts), not exported itself.
  files.add('./dist/jre.js').add('./dist/jre.cjs');
  return [...files].map((f) => join(root, f));
}

/** dist/ holds every file of the package and is newer than every source. */
export function packageBuilt(root) {
  const since = sourcesTime(root);
  return packageFiles(root).every((f) => existsSync(f) && statSync(f).mtimeMs >= since);
}

const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(0)} s`;

/** Prints a line every `every` ms while `work` runs, so that a slow machine never looks stuck. */
async function withHeartbeat(log, t0, work, every = 10_000) {
  const timer = setInterval(() => log(`  … still building (${seconds(t0)})`), every);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/**
 * `npm run build` when dist/ is missing a file or older than the sources; progress on stderr
 * (each stage of tsup as it ends, and a line every 10 s). Resolves when dist/ is current.
 */
export async function ensurePackageBuild(root, log = (s) => process.stderr.write(`${s}\n`)) {
  if (packageBuilt(root)) return;
  const t0 = Date.now();
  log('building the package (npm run build): the JavaScript takes seconds, the type declarations up to a minute …');
  const code = await withHeartbeat(log, t0, () =>
    new Promise((resolve, reject) => {
      const child = spawn('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
      let pending = '';
      let js = false;
      let dts = 0;
      let dtsDone = 0;
      const onData = (chunk) => {
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop();
        for (const line of lines) {
          // tsup's stage lines ("ESM ⚡️ Build success in 1166ms", "DTS Build start"), one per entry
          // group: said once per stage here. Errors are shown as they come.
          const m = /^(ESM|CJS|DTS)\s.*Build (start|success)/.exec(line);
          if (m?.[1] !== 'DTS' && m?.[2] === 'start' && !js) {
            js = true;
            log(`  [${seconds(t0)}] JavaScript (ESM, CommonJS, the CLI) …`);
          } else if (m?.[1] === 'DTS' && m[2] === 'start' && dts++ === 0) {
            log(`  [${seconds(t0)}] JavaScript done; type declarations (.d.ts) …`);
          } else if (m?.[1] === 'DTS' && m[2] === 'success') {
            log(`  [${seconds(t0)}] type declarations: ${++dtsDone} of ${dts} entry groups done`);
          } else if (!m && /error|fail/i.test(line)) log(line);
        }
      };
      child.stdout.setEncoding('utf8').on('data', onData);
      child.stderr.setEncoding('utf8').on('data', onData);
      child.on('error', reject);
      child.on('close', resolve);
    }),
  );
  if (code !== 0) throw new Error(`npm run build failed (exit ${code})`);
  log(`built in ${seconds(t0)}`);
}

/**
 * The CLI as one file: dist/cli.js when it is current, else a build of the CLI entry alone (no type
 * declarations: a few seconds) in node_modules/.cache, one per state of the sources, shared by
 * `npm run demo` and the tests (built aside, then renamed into place). Inside the repository, so
 * that the CLI finds node_modules and the package's examples as from dist/.
 */
export async function cliBuild(root, log = () => {}) {
  const dist = join(root, 'dist', 'cli.js');
  const since = sourcesTime(root);
  if (existsSync(dist) && statSync(dist).mtimeMs >= since) return dist;
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const key = `gov-credit-rules-cli-${Math.floor(since)}`;
  const outDir = join(cache, key);
  if (existsSync(join(outDir, 'cli.js'))) return join(outDir, 'cli.js');
  const t0 = Date.now();
  log('building the command line (one entry, no type declarations) …');
  const tmpDir = mkdtempSync(join(cache, 'tmp-gov-credit-rules-cli-'));
  const { build } = await import('tsup');
  await withHeartbeat(log, t0, () =>
    build({
      config: false,
      entry: { cli: join(root, 'src', 'cli', 'main.ts') },
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
    }),
  );
  try {
    renameSync(tmpDir, outDir);
  } catch {
    rmSync(tmpDir, { recursive: true, force: true }); // another process won the race
  }
  for (const d of readdirSync(cache)) {
    if (d.startsWith('gov-credit-rules-cli-') && d !== key) rmSync(join(cache, d), { recursive: true, force: true });
  }
  log(`built in ${seconds(t0)}`);
  return join(outDir, 'cli.js');
}
