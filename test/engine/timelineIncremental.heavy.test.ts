/**
 * The incremental timeline against every day evaluated whole: 400 generated subjects per pack with
 * 1–30 records over 2015–2026, and the benchmark's many-record subject.
 */
import { describe, expect, it } from 'vitest';
import { subjectWithRecords } from '../../bench/roster.js';
import { compareTimelines } from './_support/timelineDifferential.js';
import { generateQueries } from './_support/generate.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

const PACKS = [...SHIPPED_PACKS];

describe('incremental timeline, heavy', () => {
  for (const pack of PACKS) {
    it(`equals the whole-day timeline on 400 generated subjects (${pack}, 1–30 records)`, () => {
      const t = compareTimelines(generateQueries(pack, 400, 7100 + PACKS.indexOf(pack), { records: [1, 30], invalidShare: 0 }), '2015-01-01', '2026-12-31');
      expect(t.compared).toBeGreaterThan(330);
    });
  }

  it('equals it for the benchmark subject with 120 records, every action', () => {
    const subject = subjectWithRecords(120);
    const queries = ['promotion', 'awards', 'excellent-rating'].flatMap((action) =>
      PACKS.map((pack) => ({ pack, subject, action, ...(action === 'excellent-rating' ? { assessmentYear: 2019 } : {}) })),
    );
    expect(compareTimelines(queries, '2019-01-01', '2026-12-31').compared).toBe(queries.length);
  });
});
