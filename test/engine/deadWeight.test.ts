/**
 * Dead weight (issue 22): json-rules-engine imports jsonpath-plus (with jsep, its plugins and node:vm)
 * for a default path resolver the library never uses (packs refuse any path but a plain dotted one,
 * and the adapter passes its own resolver). The build bundles json-rules-engine into the adapter
 * without it, and the adapter is loaded on the first `evaluate` or `timeline`, not at import. On the
 * built package (CI builds before `npm test`); figures in CHANGELOG.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireBuild } from '../_support/built.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Needs the build (`npm test` makes it first): without it the file fails, saying so, rather than skipping.
requireBuild('jre.js', 'index.cjs');

/** What a Node program loaded: node:vm, and any file of json-rules-engine or jsonpath-plus from node_modules. */
function loaded(program: string, type: 'module' | 'commonjs'): { vm: boolean; packages: string[]; verdict?: string } {
  const probe = `
    const out = (verdict) => process.stdout.write(JSON.stringify({
      vm: process.moduleLoadList.includes('NativeModule vm'),
      packages: Object.keys(require('node:module')._cache ?? {}).filter((f) => /node_modules\\/(json-rules-engine|jsonpath-plus|jsep)\\//.test(f)),
      verdict,
    }));`;
  const code = type === 'module' ? `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); ${probe} ${program}` : `${probe} ${program}`;
  const r = spawnSync(process.execPath, [`--input-type=${type}`, '-e', code], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

const QUERY = JSON.stringify({ pack: 'cn-national', subject: { id: 'p1', kind: 'civil-servant', records: [{ id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-03-15' }] }, action: 'promotion', asOf: '2026-06-01' });

describe('json-rules-engine without jsonpath-plus, loaded on first use', () => {
  it('the adapter carries json-rules-engine and no jsonpath-plus, jsep or node:vm', () => {
    for (const f of ['jre.js', 'jre.cjs']) {
      const code = readFileSync(join(root, 'dist', f), 'utf8');
      expect(code).toContain('node_modules/json-rules-engine/dist/engine.js');
      expect(code).not.toMatch(/node_modules\/(jsonpath-plus|jsep|@jsep-plugin)\//);
      expect(code).not.toMatch(/require\("(node:)?vm"\)|from "(node:)?vm"/);
      expect(code).not.toMatch(/require\("json-rules-engine"\)|from "json-rules-engine"/);
    }
  });

  it('ESM: importing the library loads none of it; evaluate decides with it (json-rules-engine), without node:vm', () => {
    const imported = loaded(`await import(${JSON.stringify(join(root, 'dist', 'index.js'))}); out();`, 'module');
    expect(imported).toMatchObject({ vm: false, packages: [] });
    const evaluated = loaded(`const lib = await import(${JSON.stringify(join(root, 'dist', 'index.js'))}); out((await lib.evaluate(${QUERY})).verdict);`, 'module');
    expect(evaluated).toEqual({ vm: false, packages: [], verdict: 'barred' });
  });

  it('CommonJS: the same', () => {
    const evaluated = loaded(`const lib = require(${JSON.stringify(join(root, 'dist', 'index.cjs'))}); lib.evaluate(${QUERY}).then((d) => out(d.verdict));`, 'commonjs');
    expect(evaluated).toEqual({ vm: false, packages: [], verdict: 'barred' });
  });

  it('json-rules-engine is no longer installed with the library (a build-time dependency)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; files: string[] };
    expect(Object.keys(pkg.dependencies)).not.toContain('json-rules-engine');
    expect(pkg.devDependencies['json-rules-engine']).toBeDefined();
    expect(pkg.files).toContain('THIRD_PARTY_LICENSES.md');
  });
});
