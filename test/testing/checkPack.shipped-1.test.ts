// checkPack on the shipped packs, split over two files so the two halves run in parallel.
import { describe } from 'vitest';
import { checkShipped } from './_checkShipped.js';

describe('checkPack: shipped packs (1/2)', () => {
  for (const pack of ['cn-national', 'cn-jl-tonghua', 'cn-gd']) checkShipped(pack);
});
