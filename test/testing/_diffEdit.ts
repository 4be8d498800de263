import { expect, it } from 'vitest';
import { getPack, type Pack } from '../../src/index.js';
import { diffPacks } from '../../src/testing/index.js';
import { SEED } from './_support.js';

/** Binhai with TJB-4 (no excellent rating with a record) weakened from barred to restricted. */
export function editedBinhai(id = 'cn-tj-binhai'): Pack {
  const p = structuredClone(getPack('cn-tj-binhai'));
  p.id = id;
  p.rules.find((r) => r.id === 'tjb-4-excellent-bar')!.verdict = 'restricted';
  return p;
}

/** diffPacks on `numRuns` queries finds the deliberate edit, and nothing else. */
export function reportsTheEdit(numRuns: number): void {
  it(`reports a deliberate edit (Binhai TJB-4 barred → restricted), and nothing else (${numRuns} runs)`, { timeout: 300_000 }, async () => {
    const diff = await diffPacks('cn-tj-binhai', editedBinhai(), { numRuns, seed: SEED });
    expect(diff.differing).toBeGreaterThan(numRuns / 100);
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
}
