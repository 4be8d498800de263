/**
 * `timeline` is built incrementally: a record is reduced again only where its knowledge changes and
 * evaluated again only where its facts do. Same changes as evaluating every day whole, checked here
 * on generated subjects (timelineIncremental.heavy.test.ts runs more, with more records).
 */
import { describe, expect, it } from 'vitest';
import { compareTimelines } from './_support/timelineDifferential.js';
import { generateQueries } from './_support/generate.js';
import { SHIPPED_PACKS } from '../_support/packs.js';
import { subjectWithRecords } from '../../bench/roster.js';

const PACKS = [...SHIPPED_PACKS];

describe('incremental timeline', () => {
  for (const pack of PACKS) {
    it(`equals the whole-day timeline on 120 generated subjects (${pack}, 1–10 records, 2016–2027)`, () => {
      const t = compareTimelines(generateQueries(pack, 120, 6100 + PACKS.indexOf(pack), { records: [1, 10], invalidShare: 0 }), '2016-01-01', '2026-12-31');
      expect(t.compared).toBeGreaterThan(100);
      expect(t.changes).toBeGreaterThan(t.compared);
    });
  }
  // Issue 25: the 条例 10 ② chain is extended as sanctions become known (appended) and planned again
  // where a change reaches back; many sanctions before 2020-07-01, some changed or revoked later.
  it('equals the whole-day timeline on a subject with 80 records (chains of sanctions before 2020-07-01)', () => {
    const subject = subjectWithRecords(80, 25);
    const t = compareTimelines([{ pack: 'cn-tj-binhai', subject, action: 'promotion' }], '2016-01-01', '2026-12-31');
    expect(t.compared).toBe(1);
    expect(t.changes).toBeGreaterThan(0);
  });
});
