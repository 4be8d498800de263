// checkPack on the shipped packs, light: 100 runs each, the timezone invariant on the first 10 in
// one zone ahead of China (the other half runs one behind it), split over two files so the halves
// run in parallel. The 1,000-run version, both zones on 250, is checkPack.shipped-{1,2}.heavy.test.ts.
import { describe } from 'vitest';
import { checkShipped } from './_checkShipped.js';

describe('checkPack: shipped packs (2/2)', () => {
  for (const pack of ['cn-tj-binhai', 'cn-yn', 'cn-nm']) checkShipped(pack, 100, 10, ['Pacific/Kiritimati']);
});
