/**
 * `npm run bench` (`tsx bench/run.ts`): builds the benchmark with tsup, the package's own bundler,
 * and runs it as plain JavaScript with Node.
 *
 * Why not run it under tsx directly: tsx compiles with esbuild's `keepNames`, which wraps every
 * function created at run time in a `__name(…)` call. The library creates closures per query (and
 * the hand-written limit more so), so figures taken under tsx measure the loader, not the code a
 * host runs (the published build has no such wrappers). The build takes well under a second.
 *
 * Output goes to node_modules/.cache/gov-credit-rules-bench/: next to node_modules, so the
 * bundles resolve json-rules-engine, zod and tinybench as the package does.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'node_modules', '.cache', 'gov-credit-rules-bench');

const entry: Record<string, string> = {
  decisions: join(here, 'decisions.ts'),
  'stream-child': join(here, 'stream-child.ts'),
};
// bench/calendar.ts belongs to the calendar benchmark (issue #3); it is run when present.
if (existsSync(join(here, 'calendar.ts'))) entry.calendar = join(here, 'calendar.ts');

const t = performance.now();
await build({
  entry,
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
  // As tsup.config.ts: the official holiday data is inlined.
  noExternal: [/^chinese-days\/dist\/.*\.json$/],
});
console.log(`built the benchmark with tsup in ${Math.round(performance.now() - t)} ms (${outDir})`);

const child = spawn(process.execPath, [join(outDir, 'decisions.js')], { stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 1));
