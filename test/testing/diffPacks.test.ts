import { describe, expect, it } from 'vitest';
import { getPack, InvalidPackError } from '../../src/index.js';
import { diffPacks, formatDiff } from '../../src/testing/index.js';
import { SEED, SHIPPED } from './_support.js';
import { editedBinhai, reportsTheEdit } from './_diffEdit.js';

describe('diffPacks', () => {
  // Light runs here (npm test stays within 90 s); the same check on 1,000 runs is in diffPacks.heavy.test.ts.
  reportsTheEdit(300);

  it('an edited copy under another id gives the same diff (ids are not a difference)', { timeout: 120_000 }, async () => {
    const same = await diffPacks('cn-tj-binhai', editedBinhai(), { numRuns: 100, seed: SEED });
    const renamed = await diffPacks('cn-tj-binhai', { ...editedBinhai('cn-tj-binhai-draft'), version: '1.1.0' }, { numRuns: 100, seed: SEED });
    expect(renamed.after).toEqual({ id: 'cn-tj-binhai-draft', version: '1.1.0' });
    expect(renamed.groups).toEqual(same.groups);
  });

  it.each(SHIPPED)('diffPacks(p, p) reports nothing: %s', { timeout: 120_000 }, async (pack) => {
    const byId = await diffPacks(pack, pack, { numRuns: 40, seed: SEED });
    expect(byId.groups).toEqual([]);
    // An identical copy passed inline is really evaluated, and decides alike.
    const copy = await diffPacks(pack, structuredClone(getPack(pack)), { numRuns: 60, seed: SEED });
    expect(copy.differing).toBe(0);
    expect(copy.groups).toEqual([]);
  });

  it('is deterministic for a seed', { timeout: 120_000 }, async () => {
    const a = await diffPacks('cn-tj-binhai', editedBinhai(), { numRuns: 100, seed: 42 });
    const b = await diffPacks('cn-tj-binhai', editedBinhai(), { numRuns: 100, seed: 42 });
    expect(b).toEqual(a);
  });

  it('refuses an invalid edited pack up front', async () => {
    const broken = editedBinhai();
    broken.rules[0]!.clauses = ['TJB-404'];
    await expect(diffPacks('cn-tj-binhai', broken, { numRuns: 10, seed: 1 })).rejects.toBeInstanceOf(InvalidPackError);
  });

  it('formatDiff renders the groups for people, in zh-CN and en', { timeout: 120_000 }, async () => {
    const diff = await diffPacks('cn-tj-binhai', editedBinhai(), { numRuns: 300, seed: SEED });
    const en = formatDiff(diff, { locale: 'en' });
    expect(en).toContain(`Semantic diff: cn-tj-binhai ${getPack('cn-tj-binhai').version} → cn-tj-binhai ${getPack('cn-tj-binhai').version}`);
    expect(en).toMatch(/excellent-rating: barred → restricted — \d+ quer(y|ies)/);
    expect(en).toContain('rule tjb-4-excellent-bar: barred → restricted');
    expect(en).toContain('"pack":"cn-tj-binhai"');
    const zh = formatDiff(diff);
    expect(zh).toContain('规则变更的语义差异');
    expect(zh).toContain('年度考核优秀等次（excellent-rating）：不得（barred） → 限制（restricted）');
    expect(formatDiff(await diffPacks('cn-gd', 'cn-gd', { numRuns: 10, seed: 1 }), { locale: 'en' })).toContain('every decision is the same');
  });
});
