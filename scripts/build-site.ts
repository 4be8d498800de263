/**
 * Builds the playground (`npm run site`): site/ → build/site/, static files only — index.html,
 * app.js (one esbuild bundle of site/src with the library), app.css. app.js is both the page's
 * script and, started again by the page, its decide worker (a Web Worker: deciding never blocks the
 * page). Open build/site/index.html in a browser (file:// works, deciding then on the page itself)
 * or serve the folder with any static server; nothing is fetched at run time.
 *
 * The site imports the library by its package names only ('gov-credit-rules',
 * 'gov-credit-rules/calendar'), mapped here to the sources, so it uses the public API and nothing
 * else; the examples (examples/subjects/*.json, site/examples/*.json) are bundled in.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SITE_OUT = join(root, 'build', 'site');

function readExamples(dir: string, source: string): unknown[] {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ id: `${source}/${f.replace(/\.json$/, '')}`, source, ...(JSON.parse(readFileSync(join(root, dir, f), 'utf8')) as object) }));
}

/** The library by its public names; the examples as a module; nothing else from outside site/src. */
const playgroundImports: Plugin = {
  name: 'playground-imports',
  setup(b) {
    b.onResolve({ filter: /^gov-credit-rules$/ }, () => ({ path: join(root, 'src', 'index.ts') }));
    b.onResolve({ filter: /^gov-credit-rules\/calendar$/ }, () => ({ path: join(root, 'src', 'entries', 'calendar.ts') }));
    b.onResolve({ filter: /^playground:examples$/ }, () => ({ path: 'examples', namespace: 'playground' }));
    b.onLoad({ filter: /.*/, namespace: 'playground' }, () => ({
      contents: JSON.stringify([...readExamples('site/examples', 'site'), ...readExamples('examples/subjects', 'examples')]),
      loader: 'json',
    }));
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const from = relative(join(root, 'site', 'src'), args.importer);
      if (!from.startsWith('..') && relative(join(root, 'site', 'src'), resolve(args.resolveDir, args.path)).startsWith('..')) {
        return { errors: [{ text: `the playground uses the library's public API only: ${args.path} (in ${from})` }] };
      }
      return undefined;
    });
  },
};

export async function buildSite(out = SITE_OUT): Promise<{ files: Record<string, number> }> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, 'site', 'src', 'app.ts')],
    outfile: join(out, 'app.js'),
    bundle: true,
    minify: true,
    format: 'iife', // a classic script: runs from file:// too, where module scripts are refused
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [playgroundImports],
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'site', 'index.html'), join(out, 'index.html'));
  copyFileSync(join(root, 'site', 'style.css'), join(out, 'app.css'));
  const files: Record<string, number> = {};
  for (const f of readdirSync(out)) files[f] = readFileSync(join(out, f)).length;
  writeFileSync(join(out, 'README.txt'), 'gov-credit-rules playground: open index.html in a browser. Built by `npm run site`; nothing is fetched at run time.\n');
  return { files };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files } = await buildSite();
  for (const [f, n] of Object.entries(files)) process.stdout.write(`build/site/${f}  ${(n / 1000).toFixed(1)} kB\n`);
}
