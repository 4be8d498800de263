/**
 * The compiled validator against zod on 30,000 generated, mutated and hostile queries (two seeds of
 * 15,000): the same acceptance, the same validated copy, the input untouched, and the same decision
 * from either copy. The light run (1,500) is in compiledValidator.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { validatorCases } from './_validatorCases.js';
import { runDifferential } from './_validatorDifferential.js';

describe('compiled validator, heavy', () => {
  for (const seed of [20261201, 20261202]) {
    it(`agrees with zod on 15,000 queries (seed ${seed})`, () => {
      const cases = validatorCases(15_000, seed);
      const t = runDifferential(cases, 2);
      expect(t.cases).toBe(15_000);
      expect(t.accepted).toBeGreaterThan(4_000);
      expect(t.refused).toBeGreaterThan(6_000);
      console.log(`seed ${seed}: ${JSON.stringify(t)}`);
    });
  }
});
