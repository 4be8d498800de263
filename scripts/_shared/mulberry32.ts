/**
 * mulberry32: a small seeded generator, the same on every platform. Shared by the example roster
 * (scripts/gen-examples.ts), the benchmark roster and the test data generators, so that one seed
 * means one stream everywhere.
 *
 * @param seed - any 32-bit integer.
 * @returns a function giving floats in [0, 1).
 * @example
 * const r = mulberry32(20261120); r(); // 0.…, the same on every run
 */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
