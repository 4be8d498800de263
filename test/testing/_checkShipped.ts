import { expect, it } from 'vitest';
import { checkPack, formatCheck } from '../../src/testing/index.js';
import { SEED } from './_support.js';

export const RUNS = 1000;

/** `checkPack` at 1,000 seeded runs: every invariant holds, none skipped (the seed is printed on failure). */
export function checkShipped(pack: string): void {
  it(`${pack}: every invariant holds on ${RUNS} generated queries (seed ${SEED})`, { timeout: 300_000 }, async () => {
    const started = performance.now();
    const result = await checkPack(pack, { numRuns: RUNS, seed: SEED });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(`checkPack ${pack}: ${RUNS} runs, seed ${SEED}, ${seconds} s`);
    expect(result.ok, `seed ${SEED}\n${formatCheck(result, { locale: 'en' })}`).toBe(true);
    for (const inv of result.invariants) {
      expect(inv.status, `${inv.name}: ${inv.note ?? ''}`).toBe('passed');
      expect(inv.runs).toBe(inv.name === 'timezone' ? 250 : RUNS);
    }
  });
}
