/**
 * `npm run bench` (`tsx bench/run.ts [options]`): builds the benchmark with tsup, the package's own
 * bundler, and runs it as plain JavaScript with Node; options go to bench/main.ts (`--quick`, …).
 *
 * Why not run it under tsx directly: tsx compiles with esbuild's `keepNames`, which wraps every
 * function created at run time in a `__name(…)` call. The library creates closures per query (and
 * the hand-written limit more so), so figures taken under tsx measure the loader, not the code a
 * host runs (the published build has no such wrappers).
 *
 * Output goes to node_modules/.cache/gov-credit-rules-bench[-quick]/: next to node_modules, so the
 * bundles resolve json-rules-engine, zod, piscina and tinybench as the package does, and the CLI
 * finds the package's folder. The CLI is built as the package builds it (one ESM file), since its
 * worker threads load that same file.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Options } from 'tsup';
import packageBuild from '../tsup.config.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const outDir = join(root, 'node_modules', '.cache', `gov-credit-rules-bench${args.includes('--quick') ? '-quick' : ''}`);
// The package's own build of the CLI (tsup.config.ts), whose paths are relative to the package folder.
process.chdir(root);
const cliBuild = (packageBuild as Options[]).find((o) => o.entry && !Array.isArray(o.entry) && 'cli' in o.entry);
if (!cliBuild) throw new Error('tsup.config.ts has no cli entry');

const t = performance.now();
await build({
  entry: {
    main: join(here, 'main.ts'),
    'stream-child': join(here, 'stream-child.ts'),
    calendar: join(here, 'calendar.ts'),
    'rss-probe': join(here, 'rss-probe.ts'),
    'cli-floor': join(here, 'cli-floor.ts'),
  },
  outDir,
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  // Separate entries share chunks, so the calendar module is its own file (its "run me when I am
  // the main script" check then stays false) and the library is loaded once.
  splitting: true,
  sourcemap: false,
  dts: false,
  clean: true,
  silent: true,
  config: false,
  // As the package's CLI build: the official holiday data inlined (packed as the package packs it).
  noExternal: cliBuild.noExternal,
  // autocannon (the service section's load generator) starts worker threads from its own files.
  external: ['autocannon'],
  esbuildPlugins: cliBuild.esbuildPlugins,
});
await build({ ...cliBuild, outDir, clean: false, silent: true, config: false });
console.log(`built the benchmark and the CLI with tsup in ${Math.round(performance.now() - t)} ms (${outDir})`);

const child = spawn(process.execPath, [join(outDir, 'main.js'), ...args], { stdio: 'inherit', env: { ...process.env, GOV_CREDIT_RULES_BENCH_ROOT: root } });
child.on('close', (code) => process.exit(code ?? 1));
