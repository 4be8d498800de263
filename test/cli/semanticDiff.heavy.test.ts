import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliPath, repo } from './_support.js';

// `diff`'s semantic part draws hundreds of generated queries through both packs: about 5 s, so it runs
// with the heavy suites (CI runs them); the rule-level and roster parts of `diff` stay in cli.test.ts.
const tmp = mkdtempSync(join(tmpdir(), 'gcr-semantic-diff-'));

describe('diff', () => {
  // The testing kit is loaded from dist/testing.js (or by the package name): only from a built package.
  it('the testing kit\'s semantic diff: generated queries, grouped, with a minimal example', async (t) => {
    // A CLI rebuilt for the tests (dist/ older than the sources) has no dist/testing.js beside it.
    if (!(await cliPath()).startsWith(join(repo, 'dist'))) t.skip('the CLI under test was rebuilt aside from dist/ (dist/ older than the sources): no dist/testing.js beside it');
    const pack = JSON.parse(readFileSync(join(repo, 'rules', 'cn-tj-binhai.json'), 'utf8'));
    pack.rules.find((r: { id: string }) => r.id === 'tjb-4-excellent-bar').verdict = 'restricted';
    const f = join(tmp, 'binhai-changed.json');
    writeFileSync(f, JSON.stringify(pack));
    const r = await cli(['diff', 'cn-tj-binhai', f, '--runs', '200', '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Semantic diff: cn-tj-binhai');
    expect(r.stdout).toContain('excellent-rating: barred → restricted');
    const j = JSON.parse((await cli(['diff', 'cn-tj-binhai', f, '--runs', '200', '--format', 'json'])).stdout);
    expect(j.semantic.differing).toBeGreaterThan(0);
    expect(j.semantic.seed).toBe(20261120);
    const same = await cli(['diff', 'cn-tj-binhai', 'rules/cn-tj-binhai.json', '--runs', '100', '--locale', 'en']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('every decision is the same');
  });
});
