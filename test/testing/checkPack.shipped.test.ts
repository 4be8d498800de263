// checkPack on the shipped packs, light: 100 runs each (timezone on the first 10, in child processes). The
// 1,000-run version is checkPack.shipped-{1,2}.heavy.test.ts (`npm run test:heavy`).
import { describe } from 'vitest';
import { SHIPPED } from './_support.js';
import { checkShipped } from './_checkShipped.js';

describe('checkPack: shipped packs', () => {
  for (const pack of SHIPPED) checkShipped(pack, 100, 10);
});
