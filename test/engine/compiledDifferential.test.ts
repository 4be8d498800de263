/**
 * Differential test of the fast path: for every shipped pack, the compiled evaluator's decision
 * deep-equals (strictly: reasons and their order, clearFrom, notes, mitigation, deadlines…) the
 * decision of `evaluate`, json-rules-engine's reference semantics, on
 *  - 10,000 queries per pack from the testing kit's `queryArb` (fast-check, fixed seed, shrinking
 *    to a small counterexample on failure), and
 *  - 2,000 more per pack from our own seeded generator (test/engine/_support/generate.ts), which
 *    adds same-day sanctions (combined periods), broad policy overrides and ~1 % invalid queries,
 *    on which both paths must throw the same error (class and issues).
 *
 * About 20,000 json-rules-engine evaluations per pack: this file takes ~1–2 minutes on a 2-core
 * machine, hence the generous timeouts.
 */
import * as fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { untyped, createEvaluator, evaluate, listPacks } from '../../src/index.js';
import { queryArb } from '../../src/testing/arbitraries.js';
import { generateQueries } from './_support/generate.js';

const PER_PACK = 10_000;
const OWN_PER_PACK = 2_000;
const packs = listPacks()
  .filter((p) => p.shipped)
  .map((p) => p.id);

type Outcome = { decision: unknown } | { error: string; issues: unknown };

async function reference(q: unknown): Promise<Outcome> {
  try {
    return { decision: await evaluate(untyped(q)) };
  } catch (e) {
    return { error: (e as Error).name, issues: (e as { issues?: unknown }).issues };
  }
}

function compiled(ev: ReturnType<typeof createEvaluator>, q: unknown): Outcome {
  try {
    return { decision: ev.evaluate(untyped(q)) };
  } catch (e) {
    return { error: (e as Error).name, issues: (e as { issues?: unknown }).issues };
  }
}

describe('compiled evaluator vs evaluate (json-rules-engine), generated queries', () => {
  it('covers the six shipped packs', () => {
    expect(packs).toEqual(['cn-national', 'cn-jl-tonghua', 'cn-gd', 'cn-tj-binhai', 'cn-yn', 'cn-nm']);
  });

  packs.forEach((pack, n) => {
    it(`compiled == evaluate: ${pack}, ${PER_PACK.toLocaleString('en-US')} queries from queryArb`, { timeout: 600_000 }, async () => {
      const ev = createEvaluator(pack);
      let nonClear = 0;
      let reasons = 0;
      await fc.assert(
        fc.asyncProperty(queryArb({ pack }), async (q) => {
          const a = await reference(q);
          const b = compiled(ev, q);
          if ('decision' in a) {
            const d = a.decision as { verdict: string; reasons: unknown[] };
            if (d.verdict !== 'clear') nonClear++;
            reasons += d.reasons.length;
          }
          if (!isDeepStrictEqual(a, b)) {
            // Shows the difference for the (shrunk) counterexample.
            expect(b).toStrictEqual(a);
            return false;
          }
          return true;
        }),
        { numRuns: PER_PACK, seed: 20260601 + n },
      );
      // The queries must exercise the rules, not only clear decisions (counts include shrinking runs, if any).
      expect(nonClear).toBeGreaterThan(PER_PACK / 20);
      expect(reasons).toBeGreaterThan(PER_PACK / 10);
    });

    it(`compiled == evaluate: ${pack}, ${OWN_PER_PACK.toLocaleString('en-US')} seeded queries incl. invalid ones`, { timeout: 300_000 }, async () => {
      const ev = createEvaluator(pack);
      const queries = generateQueries(pack, OWN_PER_PACK, 7919 * (n + 1));
      let errors = 0;
      const mismatches: number[] = [];
      for (let i = 0; i < queries.length; i++) {
        const a = await reference(queries[i]);
        const b = compiled(ev, queries[i]);
        if ('error' in a) errors++;
        if (!isDeepStrictEqual(a, b)) mismatches.push(i);
      }
      if (mismatches.length) expect(compiled(ev, queries[mismatches[0]!])).toStrictEqual(await reference(queries[mismatches[0]!]));
      expect(mismatches).toEqual([]);
      // Invalid queries are there on purpose, and both paths refused them alike.
      expect(errors).toBeGreaterThan(5);
    });
  });
});
