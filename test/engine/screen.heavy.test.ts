/**
 * screen against evaluate on larger rosters: 1,500 generated subjects × 6 packs × every applicable
 * action (verdicts, clearFrom, decisions where not clear), and the first 1,000 subjects of
 * examples/roster.jsonl.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSubject, Rng } from './_support/generate.js';
import { compareScreening } from './_support/screening.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

const PACKS = [...SHIPPED_PACKS];

describe('screen, heavy', () => {
  for (const [seed, asOf, year] of [[9600, '2026-12-20', 2026], [9601, '2021-03-31', 2020]] as const) {
    it(`equals evaluate on 750 generated subjects, as of ${asOf}`, async () => {
      const rng = new Rng(seed);
      const subjects = Array.from({ length: 750 }, (_, i) => generateSubject(rng, `s${i}`, { records: [0, 8] }));
      const t = await compareScreening(subjects, { packs: PACKS, asOf, assessmentYear: year });
      expect(t.answers).toBeGreaterThan(20_000);
    });
  }

  it('equals evaluate on 1,000 subjects of examples/roster.jsonl', async () => {
    const subjects = readFileSync(new URL('../../examples/roster.jsonl', import.meta.url), 'utf8').split('\n').filter((l) => l.trim()).slice(0, 1000).map((l) => JSON.parse(l) as Record<string, unknown>);
    const t = await compareScreening(subjects, { packs: PACKS, asOf: '2026-11-20', assessmentYear: 2026 });
    expect(t.answers).toBeGreaterThan(20_000);
  });
});
