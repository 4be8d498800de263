/** Issue 25: as perRecordWork.test.ts, 100 against 10,000 records (the bench's largest subject). */
import { describe, it } from 'vitest';
import { evaluateWork, expectFlat, timelineWork, workRatio } from './_support/perRecordWork.js';

describe('per-record work at 10,000 records (counted, not timed)', () => {
  it('evaluate: 10,000 records cost at most 1.3x per record what 100 do', () => {
    expectFlat(workRatio(evaluateWork(100), evaluateWork(10_000)));
  }, 300_000);
  it('timeline: 10,000 records cost at most 1.3x per record what 100 do', () => {
    expectFlat(workRatio(timelineWork(100), timelineWork(10_000)));
  }, 300_000);
});
