/**
 * The per-record clearFrom sweep against the whole-day sweep on many generated queries with many
 * records (2,000 per pack, 1–40 records each), and on the benchmark's change-day subjects.
 */
import { describe, expect, it } from 'vitest';
import { changeDaysQuery } from '../../bench/scaling.js';
import { compareClearFrom, withLifetimes } from './_support/clearFromDifferential.js';
import { generateQueries } from './_support/generate.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

const PACKS = [...SHIPPED_PACKS];

describe('clearFrom by per-record sweep, heavy', () => {
  for (const pack of PACKS) {
    it(`equals the whole-day sweep on 2,000 generated queries (${pack}, 1–40 records)`, () => {
      const t = compareClearFrom(withLifetimes(generateQueries(pack, 2_000, 5100 + PACKS.indexOf(pack), { records: [1, 40], invalidShare: 0 })));
      expect(t.compared).toBeGreaterThan(300);
      expect(t.later).toBeGreaterThan(50);
    });
  }

  it('equals it on the benchmark subjects with 1 to 100 change days', () => {
    const t = compareClearFrom([1, 10, 25, 50, 100].map((k) => changeDaysQuery(k)));
    expect(t.compared).toBe(5);
  });
});
