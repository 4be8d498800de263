/**
 * One order of first errors (issue 22): a batch line with two faults is answered with the same error
 * by the compiled decider and by the json-rules-engine reference (GOV_CREDIT_RULES_EVALUATOR=reference):
 * the query's own errors first, as `evaluate` validates it, then the pack lookup. Before, the compiled
 * decider looked the pack up first (`unknown_pack` where the reference said `not_applicable`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { processChunk } from '../../src/cli/_internal/batchCore.js';
import { decider } from '../../src/cli/_internal/evaluator.js';
import { chunkTask } from './_batchLines.js';

const q = (extra: Record<string, unknown>) => JSON.stringify({ subject: { id: 'p1', kind: 'civil-servant' }, action: 'promotion', asOf: '2026-06-01', ...extra });
const LINES = [
  // unknown pack + an action that does not apply to a government
  q({ pack: 'no-such-pack', subject: { id: 'g1', kind: 'government' } }),
  // unknown pack + an annual review without its year
  q({ pack: 'no-such-pack', action: 'excellent-rating' }),
  // unknown pack + a record that is not one
  q({ pack: 'no-such-pack', subject: { id: 'p1', kind: 'civil-servant', records: [{ id: 'r1', kind: 'nothing' }] } }),
  // unknown pack + an impossible date
  q({ pack: 'no-such-pack', asOf: '2026-02-30' }),
  // unknown pack + a confidential record (TH-6)
  q({ pack: 'no-such-pack', subject: { id: 'p1', kind: 'civil-servant', records: [{ id: 'r1', kind: 'accountability', decidedOn: '2026-01-01', confidential: true }] } }),
  // an invalid inline pack + an impossible date
  q({ pack: { id: 'inline-bad' }, asOf: '2026-13-01' }),
  // an invalid inline pack alone
  q({ pack: { id: 'inline-bad' } }),
  // a pack that is not a pack + an action that does not apply
  q({ pack: 5, subject: { id: 'g1', kind: 'government' } }),
];

describe('the compiled and the reference decider report the same first error', () => {
  const saved = process.env.GOV_CREDIT_RULES_EVALUATOR;
  afterEach(() => {
    if (saved === undefined) delete process.env.GOV_CREDIT_RULES_EVALUATOR;
    else process.env.GOV_CREDIT_RULES_EVALUATOR = saved;
  });

  it('on lines with two faults', async () => {
    delete process.env.GOV_CREDIT_RULES_EVALUATOR;
    const compiled = decider();
    expect(compiled.kind).toBe('compiled');
    process.env.GOV_CREDIT_RULES_EVALUATOR = 'reference';
    const reference = decider();
    expect(reference.kind).toBe('json-rules-engine');
    const a = await processChunk(chunkTask(LINES, {}), compiled);
    const b = await processChunk(chunkTask(LINES, {}), reference);
    expect(a.bad).toHaveLength(LINES.length);
    expect(a.out).toEqual(b.out);
    const codes = a.bad.map((x) => x.error.issues[0]!.code);
    expect(codes.slice(0, 5)).toEqual(['not_applicable', 'required', 'invalid_value', 'invalid_date', 'confidential_record']);
  });
});
