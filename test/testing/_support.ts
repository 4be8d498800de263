/** Seeds and helpers shared by the testing-kit suites. */
import { listPacks } from '../../src/index.js';

/** The suites' seed: fixed, so CI is reproducible; set GOV_CREDIT_SEED to explore other runs. */
export const SEED = process.env.GOV_CREDIT_SEED ? Number(process.env.GOV_CREDIT_SEED) : 20261122;

export const SHIPPED = listPacks()
  .filter((p) => p.shipped)
  .map((p) => p.id);
