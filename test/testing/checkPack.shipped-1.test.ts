// checkPack on the shipped packs, light: 100 runs each, the timezone invariant on the first 10 in
// one zone behind China (the other half runs one ahead of it), split over two files so the halves
// run in parallel. The 1,000-run version, both zones on 250, is checkPack.shipped-{1,2}.heavy.test.ts.
import { describe } from 'vitest';
import { checkShipped } from './_checkShipped.js';

describe('checkPack: shipped packs (1/2)', () => {
  for (const pack of ['cn-national', 'cn-jl-tonghua', 'cn-gd']) checkShipped(pack, 100, 10, ['America/Los_Angeles']);
});
