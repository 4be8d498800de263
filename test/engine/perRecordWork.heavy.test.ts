/** Issue 25: as perRecordWork.test.ts, 100 against 10,000 records (the bench's largest subject). */
import { describe, it } from 'vitest';
import { evaluateWork, expectFlat, timelineWork, workRatio } from './_support/perRecordWork.js';

describe('per-record work at 10,000 records (counted, not timed)', () => {
  it('evaluate: 10,000 records cost at most 1.3x per record what 100 do', () => {
    expectFlat(workRatio(evaluateWork(100), evaluateWork(10_000)));
  }, 300_000);
  // Counted to the end of the async call (the count used to stop at timeline's first await and missed
  // the 条例 10 ② chain: 1.50x in scans until the chain was re-planned only from the first change).
  it('timeline: 10,000 records cost at most 1.3x per record what 100 do', async () => {
    expectFlat(workRatio(await timelineWork(100), await timelineWork(10_000)));
  }, 300_000);
});
