/**
 * batch asks a line's questions together (decideSubject) where the line allows it: the output lines
 * equal asking every query alone, for bare subjects, example files, queries with their own year or
 * an unknown key, bad subjects, repeated packs and pack objects, with and without a policy.
 */
import { describe, expect, it } from 'vitest';
import { processChunk } from '../../src/cli/_internal/batchCore.js';
import { decider } from '../../src/cli/_internal/evaluator.js';
import type { QueryDefaults } from '../../src/cli/_internal/queries.js';
import { chunkTask as task, files, odd, roster } from './_batchLines.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

describe('batch: a line’s questions together', () => {
  const runs: [string, Partial<QueryDefaults>][] = [
    ['every pack and action, with a year', { packs: [...SHIPPED_PACKS], actions: 'all', asOf: '2026-11-20', year: 2026 }],
    ['two actions, no year, a policy, provisional years', { packs: ['cn-tj-binhai', 'cn-yn'], actions: ['promotion', 'honour-selection'], asOf: '2026-12-20', policy: { recordLifetimeMonths: 12 }, unknownYears: 'weekends-only' }],
    ['a repeated pack and an annual action without a year', { packs: ['cn-gd', 'cn-gd'], actions: ['promotion', 'excellent-rating'], asOf: '2024-06-30' }],
  ];
  for (const [name, d] of runs) {
    it(name, async () => {
      const lines = [...roster, ...files, ...odd];
      const d1 = decider();
      const ask = d1.decideTogether!;
      let asked = 0;
      d1.decideTogether = (q) => {
        const r = ask(q);
        asked++;
        return r;
      };
      const together = await processChunk(task(lines, d), d1);
      // Most roster lines are asked together (all of them, less the repeated pack's run, which decideSubject refuses).
      if (d.packs![0] !== d.packs![1]) expect(asked).toBeGreaterThan(roster.length);
      const alone = decider();
      delete alone.decideTogether;
      const one = await processChunk(task(lines, d), alone);
      expect(together.out.length).toBe(lines.length);
      expect(together.out).toEqual(one.out);
      expect(together.counts).toEqual(one.counts);
      expect(together.bad.map((b) => b.line)).toEqual(one.bad.map((b) => b.line));
    });
  }
});
