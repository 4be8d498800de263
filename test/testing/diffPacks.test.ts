import { describe, expect, it } from 'vitest';
import { getPack, InvalidPackError, type Pack } from '../../src/index.js';
import { diffPacks, formatDiff } from '../../src/testing/index.js';
import { SEED, SHIPPED } from './_support.js';

/** Binhai with TJB-4 (no excellent rating with a record) weakened from barred to restricted. */
function editedBinhai(id = 'cn-tj-binhai'): Pack {
  const p = structuredClone(getPack('cn-tj-binhai'));
  p.id = id;
  p.rules.find((r) => r.id === 'tjb-4-excellent-bar')!.verdict = 'restricted';
  return p;
}

describe('diffPacks', () => {
  it('reports a deliberate edit (Binhai TJB-4 barred → restricted), and nothing else', { timeout: 120_000 }, async () => {
    const diff = await diffPacks('cn-tj-binhai', editedBinhai(), { numRuns: 1000, seed: SEED });
    expect(diff.differing).toBeGreaterThan(10);
    expect(diff.groups.reduce((n, g) => n + g.count, 0)).toBe(diff.differing);
    for (const g of diff.groups) {
      expect(g.action).toBe('excellent-rating');
      expect(g.rules.map((r) => r.rule)).toEqual(['tjb-4-excellent-bar']);
      expect(g.rules[0]!.before).toMatch(/^barred/);
      expect(g.rules[0]!.after).toMatch(/^restricted/);
      for (const a of g.aspects) expect(['verdict', 'reasons']).toContain(a);
      // The example is shrunk: one civil servant, one or two records.
      expect(g.example.query.subject.kind).toBe('civil-servant');
      expect((g.example.query.subject.records ?? []).length).toBeLessThanOrEqual(2);
    }
    const main = diff.groups.find((g) => g.verdict.before === 'barred' && g.verdict.after === 'restricted');
    expect(main).toBeDefined();
    expect(main!.rules[0]).toEqual({ rule: 'tjb-4-excellent-bar', before: 'barred', after: 'restricted' });
    expect(main!.example.before).toMatchObject({ ok: true, decision: { verdict: 'barred' } });
    expect(main!.example.after).toMatchObject({ ok: true, decision: { verdict: 'restricted' } });
  });

  it('an edited copy under another id gives the same diff (ids are not a difference)', { timeout: 120_000 }, async () => {
    const same = await diffPacks('cn-tj-binhai', editedBinhai(), { numRuns: 400, seed: SEED });
    const renamed = await diffPacks('cn-tj-binhai', { ...editedBinhai('cn-tj-binhai-draft'), version: '1.1.0' }, { numRuns: 400, seed: SEED });
    expect(renamed.after).toEqual({ id: 'cn-tj-binhai-draft', version: '1.1.0' });
    expect(renamed.groups).toEqual(same.groups);
  });

  it.each(SHIPPED)('diffPacks(p, p) reports nothing: %s', { timeout: 120_000 }, async (pack) => {
    const byId = await diffPacks(pack, pack, { numRuns: 100, seed: SEED });
    expect(byId.groups).toEqual([]);
    // An identical copy passed inline is really evaluated, and decides alike.
    const copy = await diffPacks(pack, structuredClone(getPack(pack)), { numRuns: 300, seed: SEED });
    expect(copy.differing).toBe(0);
    expect(copy.groups).toEqual([]);
  });

  it('is deterministic for a seed', { timeout: 120_000 }, async () => {
    const a = await diffPacks('cn-tj-binhai', editedBinhai(), { numRuns: 200, seed: 42 });
    const b = await diffPacks('cn-tj-binhai', editedBinhai(), { numRuns: 200, seed: 42 });
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
    expect(en).toContain('Semantic diff: cn-tj-binhai 1.1.0 → cn-tj-binhai 1.1.0');
    expect(en).toMatch(/excellent-rating: barred → restricted — \d+ quer(y|ies)/);
    expect(en).toContain('rule tjb-4-excellent-bar: barred → restricted');
    expect(en).toContain('"pack":"cn-tj-binhai"');
    const zh = formatDiff(diff);
    expect(zh).toContain('规则变更的语义差异');
    expect(zh).toContain('年度考核优秀等次（excellent-rating）：不得（barred） → 限制（restricted）');
    expect(formatDiff(await diffPacks('cn-gd', 'cn-gd', { numRuns: 10, seed: 1 }), { locale: 'en' })).toContain('every decision is the same');
  });
});
