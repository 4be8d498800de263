import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
/**
 * Differential test of the fast path, shared by the light suite (`npm test`) and the heavy one
 * (`npm run test:heavy`): for every shipped pack, the compiled evaluator's decision deep-equals
 * (strictly: reasons and their order, clearFrom, notes, mitigation, deadlines…) the decision of
 * `evaluate`, json-rules-engine's reference semantics, on
 *  - `perPack` queries per pack from the testing kit's `queryArb` (fast-check, fixed seed,
 *    shrinking to a small counterexample on failure), and
 *  - `ownPerPack` more from our own seeded generator (./generate.ts), which adds same-day
 *    sanctions (combined periods), broad policy overrides and a share of invalid queries, on which
 *    both paths must throw the same error (class and issues).
 */
import * as fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluate, listPacks, untyped } from '../../../src/index.js';
import { queryArb } from '../../../src/testing/arbitraries.js';
import { generateQueries } from './generate.js';

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

export interface DifferentialOptions {
  /** Queries per pack from `queryArb`. */
  perPack: number;
  /** Queries per pack from the seeded generator. */
  ownPerPack: number;
  /** Share of the generator's queries spoiled on purpose. */
  invalidShare: number;
}

export function defineDifferential(o: DifferentialOptions): void {
  const packs = listPacks()
    .filter((p) => p.shipped)
    .map((p) => p.id);
  const n = (x: number) => x.toLocaleString('en-US');

  describe('compiled evaluator vs evaluate (json-rules-engine), generated queries', () => {
    it('covers every pack file shipped in rules/', () => {
      const files = readdirSync(resolve(__dirname, '../../../rules')).filter((f) => f.endsWith('.json'));
      const ids = files.map((f) => (JSON.parse(readFileSync(resolve(__dirname, '../../../rules', f), 'utf8')) as { id: string }).id);
      expect([...packs].sort()).toEqual(ids.sort());
    });

    packs.forEach((pack, i) => {
      it(`compiled == evaluate: ${pack}, ${n(o.perPack)} queries from queryArb`, { timeout: 600_000 }, async () => {
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
          { numRuns: o.perPack, seed: 20260601 + i },
        );
        // The queries must exercise the rules, not only clear decisions (counts include shrinking runs, if any).
        expect(nonClear).toBeGreaterThan(o.perPack / 20);
        expect(reasons).toBeGreaterThan(o.perPack / 10);
      });

      it(`compiled == evaluate: ${pack}, ${n(o.ownPerPack)} seeded queries incl. invalid ones`, { timeout: 300_000 }, async () => {
        const ev = createEvaluator(pack);
        const queries = generateQueries(pack, o.ownPerPack, 7919 * (i + 1), { invalidShare: o.invalidShare });
        let errors = 0;
        const mismatches: number[] = [];
        for (let k = 0; k < queries.length; k++) {
          const a = await reference(queries[k]);
          const b = compiled(ev, queries[k]);
          if ('error' in a) errors++;
          if (!isDeepStrictEqual(a, b)) mismatches.push(k);
        }
        if (mismatches.length) expect(compiled(ev, queries[mismatches[0]!])).toStrictEqual(await reference(queries[mismatches[0]!]));
        expect(mismatches).toEqual([]);
        // Invalid queries are there on purpose, and both paths refused them alike.
        expect(errors).toBeGreaterThan(5);
      });
    });
  });
}
