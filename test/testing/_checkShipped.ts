import { expect, it } from 'vitest';
import { checkPack, formatCheck } from '../../src/testing/index.js';
import { SEED } from './_support.js';

/**
 * `checkPack` at `runs` seeded runs (the timezone invariant on the first `timeZoneRuns`, in child
 * processes under `timeZones`, default the kit's two): every invariant holds, none skipped (the
 * seed is printed on failure).
 */
export function checkShipped(pack: string, runs: number, timeZoneRuns: number, timeZones?: string[]): void {
  it(`${pack}: every invariant holds on ${runs} generated queries (seed ${SEED})`, { timeout: 300_000 }, async () => {
    const result = await checkPack(pack, { numRuns: runs, seed: SEED, timeZoneRuns, ...(timeZones ? { timeZones } : {}) });
    expect(result.ok, `seed ${SEED}\n${formatCheck(result, { locale: 'en' })}`).toBe(true);
    for (const inv of result.invariants) {
      expect(inv.status, `${inv.name}: ${inv.note ?? ''}`).toBe('passed');
      expect(inv.runs).toBe(inv.name === 'timezone' ? Math.min(timeZoneRuns, runs) : runs);
    }
  });
}
