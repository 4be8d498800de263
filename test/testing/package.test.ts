/**
 * The `./testing` subpath as built: fast-check stays out of the main entry, and the kit uses the
 * main entry at run time instead of a second copy of the engine. Needs `npm run build` (CI builds
 * before testing); skipped when dist/ is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireBuild } from '../_support/built.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
// Needs the build (`npm test` makes it first): without it the file fails, saying so, rather than skipping.
requireBuild('testing.js', 'index.js');
const read = (f: string) => readFileSync(join(dist, f), 'utf8');

describe('package: gov-credit-rules/testing', () => {
  it('package.json exports ./testing and declares fast-check an optional peer', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['./testing']).toEqual({
      import: { types: './dist/testing.d.ts', default: './dist/testing.js' },
      require: { types: './dist/testing.d.cts', default: './dist/testing.cjs' },
    });
    expect(pkg.peerDependencies['fast-check']).toMatch(/^\^4\./);
    expect(pkg.peerDependenciesMeta['fast-check'].optional).toBe(true);
    expect(pkg.dependencies?.['fast-check']).toBeUndefined();
  });

  it('the main entry does not import fast-check', () => {
    for (const f of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) expect(read(f), f).not.toMatch(/["']fast-check["']/);
  });

  it('the testing entry imports fast-check and the main entry, and bundles neither', () => {
    for (const f of ['testing.js', 'testing.cjs']) {
      const src = read(f);
      expect(src, f).toMatch(/(from |require\()["']fast-check["']/);
      expect(src, f).toMatch(/(from |require\()["']gov-credit-rules["']/);
      // No copy of json-rules-engine or of the registry in the kit.
      expect(src, f).not.toMatch(/["']json-rules-engine["']/);
      expect(src, f).not.toContain('SHIPPED_PACK_JSON');
    }
  });
});
