import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: false,
  // The official holiday data is read from chinese-days' JSON at build time and inlined,
  // so the package needs no JSON import attributes at run time (ESM and CJS alike).
  noExternal: [/^chinese-days\/dist\/.*\.json$/],
});
