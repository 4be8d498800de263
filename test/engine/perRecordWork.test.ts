/**
 * Issue 25: the cost of `evaluate` and `timeline` grows linearly with a subject's records (sorting:
 * n log n), bounded by counting work, never by timing (helpers and what is counted:
 * _support/perRecordWork.ts). 100 against 1,000 records here; 100 against 10,000 in
 * perRecordWork.heavy.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { countWork } from '../_support/arrayWork.js';
import { evaluateWork, expectFlat, timelineWork, workRatio, type Measured } from './_support/perRecordWork.js';

describe('per-record work (counted, not timed)', () => {
  it('evaluate: 1,000 records cost at most 1.3x per record what 100 do', () => {
    expectFlat(workRatio(evaluateWork(100), evaluateWork(1000)));
  });
  it('timeline: 1,000 records cost at most 1.3x per record what 100 do', async () => {
    expectFlat(workRatio(await timelineWork(100), await timelineWork(1000)));
  });
  it('counts a hidden quadratic scan (the counter works)', () => {
    const quadratic = (n: number) => {
      const list: number[] = [];
      for (let i = 0; i < n; i++) if (!list.includes(i)) list.push(i);
    };
    const at = (n: number): Measured => ({ n, listEntries: 0, work: countWork(() => quadratic(n)).work });
    expect(workRatio(at(100), at(1000)).elements).toBeGreaterThan(5);
  });
});
