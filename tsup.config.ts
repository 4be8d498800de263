import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import { packHolidayTables, type HolidayTables } from './src/calendar/_internal/packedData.js';
import { BUNDLED_ENGINE, BUNDLED_NOTICE, jsonPathStub } from './scripts/_shared/engineBundle.mjs';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

// `gov-credit-rules/testing` reaches the library through one module, which the build maps to the
// package's main entry: the kit then shares the host's pack registry (loadPack) and error classes
// instead of bundling a second copy of the engine.
const testingLib = resolve('src/testing/_internal/lib.ts');
const testingUsesMainEntry: Plugin = {
  name: 'testing-uses-main-entry',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/\.\.\/index\.js$/ }, (args) =>
      resolve(args.importer) === testingLib ? { path: 'gov-credit-rules', external: true } : undefined,
    );
  },
};

// Only `evaluate` and `timeline` run json-rules-engine. Its adapter is a module of its own
// (dist/jre.js, dist/jre.cjs) so that a bundler drops it, and json-rules-engine with it, from an app
// that uses `createEvaluator` alone (the package is `sideEffects: false`).
const jreAdapter = resolve('src/packs/_internal/jre.ts');
const jreAsOwnModule: Plugin = {
  name: 'jre-as-own-module',
  setup(build) {
    const file = build.initialOptions.format === 'cjs' ? './jre.cjs' : './jre.js';
    build.onResolve({ filter: /\/_internal\/jre\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')) === jreAdapter ? { path: file, external: true } : undefined,
    );
  },
};

// The calendar entry carries no zod and no json-rules-engine: any import of either package fails the
// build (issue messages are worded by src/_lib/issueText.ts, which needs no zod).
const calendarWithoutEngine: Plugin = {
  name: 'calendar-without-engine',
  setup(build) {
    build.onResolve({ filter: /^(zod|json-rules-engine)(\/|$)/ }, (args) => ({
      errors: [{ text: `gov-credit-rules/calendar must not import ${args.path} (imported by ${args.importer})` }],
    }));
  },
};

// The official holiday data is read from chinese-days' JSON at build time and inlined,
// so the package needs no JSON import attributes at run time (ESM and CJS alike) — packed as runs
// of days (src/calendar/_internal/packedData.ts), a third of the JSON's gzip size.
const inlineHolidayData = [/^chinese-days\/dist\/.*\.json$/];
const packedData = resolve('src/calendar/_internal/packedData.ts').replace(/\\/g, '/');
const packHolidayData: Plugin = {
  name: 'pack-holiday-data',
  setup(build) {
    build.onResolve({ filter: /^chinese-days\/dist\/chinese-days\.json$/ }, (args) => ({
      path: createRequire(resolve(args.resolveDir, 'x.js')).resolve(args.path),
      namespace: 'packed-holiday-data',
    }));
    build.onLoad({ filter: /.*/, namespace: 'packed-holiday-data' }, (args) => {
      const packed = packHolidayTables(JSON.parse(readFileSync(args.path, 'utf8')) as HolidayTables);
      return {
        contents: `import { unpackHolidayTables } from ${JSON.stringify(packedData)};\nexport default unpackHolidayTables(${JSON.stringify(packed)});\n`,
        loader: 'js',
        resolveDir: resolve('.'),
      };
    });
  },
};

export default defineConfig([
  // The library and its testing kit: ESM and CommonJS, with types.
  {
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    splitting: false,
    noExternal: inlineHolidayData,
    esbuildPlugins: [testingUsesMainEntry, jreAsOwnModule, packHolidayData],
  },
  // The json-rules-engine adapter the main entry loads for `evaluate` and `timeline` (no types:
  // internal), with json-rules-engine bundled in and jsonpath-plus left out (jsonPathStub).
  {
    entry: { jre: 'src/packs/_internal/jre.ts' },
    format: ['esm', 'cjs'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    splitting: false,
    noExternal: BUNDLED_ENGINE,
    esbuildPlugins: [jsonPathStub],
    banner: { js: BUNDLED_NOTICE },
    // The bundled packages' sources stay out of the map (they are in node_modules, and on npm).
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
  },
  // gov-credit-rules/calendar: the calendar and deadlines alone, for browsers (ES2020 syntax).
  {
    entry: { calendar: 'src/entries/calendar.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2020',
    splitting: false,
    // Not external, so that the plugin sees (and stubs or refuses) every import of them.
    noExternal: [...inlineHolidayData, /^zod(\/|$)/, /^json-rules-engine(\/|$)/],
    esbuildPlugins: [calendarWithoutEngine, packHolidayData],
  },
  // The command line: one ESM file (the package's `bin`), no types; nothing requires it. It carries
  // its own copy of the engine, json-rules-engine bundled as in dist/jre.js (without jsonpath-plus).
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    splitting: false,
    noExternal: [...inlineHolidayData, ...BUNDLED_ENGINE],
    esbuildPlugins: [packHolidayData, jsonPathStub],
    banner: { js: BUNDLED_NOTICE },
  },
]);
