import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

// `gov-credit-rules/testing` reaches the library through one module, which the build maps to the
// package's main entry: the kit then shares the host's pack registry (loadPack) and error classes
// instead of bundling a second copy of the engine.
const testingLib = resolve('src/testing/_internal/lib.ts');
const testingUsesMainEntry: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'testing-uses-main-entry',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/\.\.\/index\.js$/ }, (args) =>
      resolve(args.importer) === testingLib ? { path: 'gov-credit-rules', external: true } : undefined,
    );
  },
};

// The official holiday data is read from chinese-days' JSON at build time and inlined,
// so the package needs no JSON import attributes at run time (ESM and CJS alike).
const inlineHolidayData = [/^chinese-days\/dist\/.*\.json$/];

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
    esbuildPlugins: [testingUsesMainEntry],
  },
  // The command line: one ESM file (the package's `bin`), no types; nothing requires it.
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    splitting: false,
    noExternal: inlineHolidayData,
  },
]);
