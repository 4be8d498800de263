/**
 * decideSubject deep-equal to asking one by one on 2,000 generated subjects × 6 packs × every
 * applicable action (compiled evaluators; every tenth with evaluate), and on the first 300 subjects
 * of examples/roster.jsonl.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSubject, Rng } from './_support/generate.js';
import { compareSubjectAtOnce } from './_support/subjectAtOnce.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

const PACKS = [...SHIPPED_PACKS];
const AS_OF = ['2026-12-20', '2024-06-30', '2021-01-01', '2019-12-31', '2026-10-08', '2023-03-01'];

describe('decideSubject, heavy', () => {
  for (const seed of [9300, 9301]) {
    it(`equals one by one on 1,000 generated subjects (seed ${seed})`, async () => {
      const rng = new Rng(seed);
      const subjects = Array.from({ length: 1_000 }, (_, i) => generateSubject(rng, `s${i}`, { records: [0, 8] }));
      const t = await compareSubjectAtOnce(subjects, { packs: PACKS, asOf: (i) => AS_OF[i % AS_OF.length]!, assessmentYear: 2019 }, (i) => i % 10 === 0);
      expect(t.decisions).toBeGreaterThan(20_000);
    });
  }

  it('equals one by one on 300 subjects of examples/roster.jsonl', async () => {
    const lines = readFileSync(new URL('../../examples/roster.jsonl', import.meta.url), 'utf8').split('\n').filter((l) => l.trim()).slice(0, 300);
    const t = await compareSubjectAtOnce(lines.map((l) => JSON.parse(l)), { packs: PACKS, asOf: () => '2026-11-20', assessmentYear: 2026 }, (i) => i % 10 === 0);
    expect(t.decisions).toBeGreaterThan(8_000);
  });
});
