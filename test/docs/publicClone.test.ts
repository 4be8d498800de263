/**
 * A public clone runs every test (issue 23): what the tests read is in the repository, in
 * `sources/` (documented file by file) or `law/`, and nothing reads `../shared`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPack, listPacks } from '../../src/index.js';
import { repoRoot, sourcePath } from '../_support/sources.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('the tests need nothing outside the repository', () => {
  it('no test, test helper, script or config reads ../shared', () => {
    const code = [...files(join(repoRoot, 'test')), ...files(join(repoRoot, 'scripts')), ...readdirSync(repoRoot).filter((f) => /^vitest.*\.ts$/.test(f)).map((f) => join(repoRoot, f))]
      // (The two tests that check for it name it in their patterns.)
      .filter((f) => /\.(ts|mts|mjs|js|sh)$/.test(f) && !/(publicClone|readme)(\.heavy)?\.test\.ts$/.test(f));
    const readers = code.filter((f) => /\.\.\/shared|['"]\.\.['"],\s*['"]shared['"]|GOV_CREDIT_SHARED_DIR/.test(readFileSync(f, 'utf8')));
    expect(readers.map((f) => relative(repoRoot, f))).toEqual([]);
  });

  it('every source a shipped pack quotes is vendored: in sources/ or law/', () => {
    for (const p of listPacks().filter((x) => x.shipped)) {
      const pack = getPack(p.id);
      for (const source of [pack.document.source, ...pack.clauses.map((c) => c.source).filter((s): s is string => s !== undefined)]) {
        const path = source.startsWith('law/') ? join(repoRoot, source) : sourcePath(source);
        expect(statSync(path).isFile(), `${p.id}: ${source}`).toBe(true);
      }
    }
  });

  it('sources/README.md says where each vendored file came from', () => {
    const readme = readFileSync(sourcePath('README.md'), 'utf8');
    for (const f of files(sourcePath()).map((x) => relative(sourcePath(), x))) {
      if (f === 'README.md') continue;
      // A seed by its file name; the holiday-cn files and the catalogues by their folder's section.
      const named = f.startsWith('holiday-cn/') ? readme.includes('## `holiday-cn/`') && (f === 'holiday-cn/LICENSE' || /^holiday-cn\/(200[7-9]|201\d|202[0-6])\.json$/.test(f)) : readme.includes(f.split('/').pop()!);
      expect(named, f).toBe(true);
    }
    expect(readme).toMatch(/MIT/);
    expect(readFileSync(sourcePath('holiday-cn/LICENSE'), 'utf8')).toMatch(/MIT License/);
  });
});
