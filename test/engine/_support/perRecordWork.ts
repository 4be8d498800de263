/**
 * Helpers of perRecordWork.test.ts and its heavy twin. Issue 25: the cost of `evaluate` and `timeline` grows linearly with a subject's records (sorting
 * them: n log n), bounded by counting work — array elements scanned, Map/Set lookups, sorting's
 * n log n — never by timing. Records from the bench's seeded generator (bench/roster.ts
 * `subjectWithRecords`: 2019–2026, sanctions before and after 2020-07-01, objections, corrections);
 * 100 against 1,000 records here, 100 against 10,000 in perRecordWork.heavy.test.ts.
 *
 * What a subject holds grows faster than its records in one place, as the law writes it: a sanction
 * taking effect before 2020-07-01 during running periods runs on from them (条例 10 ②), and its
 * period lists every sanction it runs on from (`combinedWith`, in the record state a host reads). The
 * work is bounded per unit of input and that output: records plus those lists' entries.
 */
import { expect } from 'vitest';
import { createEvaluator, parseQuery, timeline, untyped } from '../../../src/index.js';
import { buildContext } from '../../../src/engine/_internal/context.js';
import { periodsKnownOn } from '../../../src/lifecycle/_internal/subjectStates.js';
import { AS_OF, subjectWithRecords } from '../../../bench/roster.js';
import { countWork, countWorkAsync, type Work } from '../../_support/arrayWork.js';

const PACK = 'cn-tj-binhai';
const evaluator = createEvaluator(PACK);

/** The entries of the sanction periods' `combinedWith` lists as known on `on` (output the law asks for). */
function listEntriesOf(subject: unknown, on: string): number {
  const ctx = buildContext(parseQuery({ pack: PACK, subject, action: 'promotion', asOf: on }));
  let entries = 0;
  for (const p of periodsKnownOn(ctx.lifecycle, on).values()) entries += p.combinedWith.length;
  return entries;
}

export interface Measured {
  n: number;
  /** Entries of the periods' combinedWith lists. */
  listEntries: number;
  work: Work;
}

export function evaluateWork(n: number): Measured {
  const subject = subjectWithRecords(n);
  const q = { subject, action: 'promotion', asOf: AS_OF };
  evaluator.evaluate(untyped(q)); // warm: what is memoised per pack is not the subject's cost
  return { n, listEntries: listEntriesOf(subject, AS_OF), work: countWork(() => evaluator.evaluate(untyped(q))).work };
}

/** `timeline` is async (it loads json-rules-engine on first use): its work is counted until it answers. */
export async function timelineWork(n: number): Promise<Measured> {
  const subject = subjectWithRecords(n);
  const run = () => timeline(untyped(subject), { from: '2019-01-01', to: '2026-12-31', action: 'promotion', pack: PACK });
  await run(); // warm: loading the engine and what is memoised per pack are not the subject's cost
  const { work } = await countWorkAsync(run);
  return { n, listEntries: listEntriesOf(subject, '2026-12-31'), work };
}

/**
 * Work per record at the larger size over that at the smaller (1: linear): scans (less the entries
 * of the `combinedWith` lists, which a remainder's list scan writes once each) and lookups per
 * record, sorting per `n log2 n`.
 */
export function workRatio(small: Measured, large: Measured): { elements: number; lookups: number; sorted: number } {
  const nlogn = (n: number) => n * Math.log2(n);
  const scans = (m: Measured) => Math.max(0, m.work.elements - m.listEntries) / m.n;
  return {
    elements: scans(large) / scans(small),
    lookups: large.work.lookups / large.n / (small.work.lookups / small.n),
    sorted: large.work.sorted / nlogn(large.n) / (small.work.sorted / nlogn(small.n)),
  };
}

/** Issue 25's bound on the per-record cost ratio. */
export const BOUND = 1.3;

export function expectFlat(r: ReturnType<typeof workRatio>): void {
  expect(r.elements).toBeLessThanOrEqual(BOUND);
  expect(r.lookups).toBeLessThanOrEqual(BOUND);
  expect(r.sorted).toBeLessThanOrEqual(BOUND);
}

