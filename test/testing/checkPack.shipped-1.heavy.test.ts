// checkPack on the shipped packs at 1,000 runs (timezone on 250), split over two files so the
// halves run in parallel.
import { describe } from 'vitest';
import { checkShipped } from './_checkShipped.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

describe('checkPack: shipped packs (1/2)', () => {
  for (const pack of SHIPPED_PACKS.slice(0, Math.ceil(SHIPPED_PACKS.length / 2))) checkShipped(pack, 1000, 250);
});
