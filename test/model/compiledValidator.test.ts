/**
 * The compiled validator (src/model/_internal/compileSchema.ts) is generated from the zod schemas and
 * answers for valid input; zod answers otherwise and builds every error. Here, on 1,500 generated,
 * mutated and hostile queries (30,000 in compiledValidator.heavy.test.ts): the same acceptance as
 * zod, the same validated copy, the input untouched, the same decision from either copy.
 */
import { describe, expect, it } from 'vitest';
import { compileSchema } from '../../src/model/_internal/compileSchema.js';
import { LifecycleEventSchema, PolicyOverridesSchema, QuerySchema, RecordSchema, SubjectSchema } from '../../src/model/index.js';
import { InvalidInputError, parseQuery } from '../../src/index.js';
import { validatorCases } from './_validatorCases.js';
import { runDifferential } from './_validatorDifferential.js';

/** The InvalidInputError parseQuery throws for `q` (fails the test if it accepts it). */
function refusal(q: unknown): InvalidInputError {
  try {
    parseQuery(q);
  } catch (e) {
    expect(InvalidInputError.is(e)).toBe(true);
    return e as InvalidInputError;
  }
  throw new Error('accepted');
}

describe('compiled validator', () => {
  it('compiles the input schemas completely: no part is left to zod for valid input', () => {
    for (const [name, schema] of Object.entries({ SubjectSchema, RecordSchema, LifecycleEventSchema, PolicyOverridesSchema })) {
      expect(compileSchema(schema).complete, name).toBe(true);
    }
    // The query's inline pack (an object) is validated by zod, as loadPack validates packs.
    for (const [key, field] of Object.entries(QuerySchema.shape)) {
      if (key !== 'pack') expect(compileSchema(field).complete, `QuerySchema.${key}`).toBe(true);
    }
  });

  it('agrees with zod on 1,500 generated, mutated and hostile queries (acceptance, copy, input untouched, decision)', () => {
    const cases = validatorCases(1_500, 20261130);
    const t = runDifferential(cases, 3);
    expect(t.cases).toBe(cases.length);
    // Both outcomes are exercised in earnest.
    expect(t.accepted).toBeGreaterThan(300);
    expect(t.refused).toBeGreaterThan(500);
    expect(t.decisions).toBeGreaterThan(100);
  });

  it('a refused query gets zod’s issues and paths, as before', () => {
    const q = { pack: 'cn-national', subject: { id: 'p1', kind: 'civil-servant', records: [{ id: 'r\u202e1', kind: 'warning', decidedOn: '2026-02-30' }] }, action: 'promotion', asOf: '2026-06-01' };
    const e = refusal(q);
    expect(e.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['subject.records.0.id', 'invalid_id'],
      ['subject.records.0.kind', 'invalid_value'],
      ['subject.records.0.decidedOn', 'invalid_date'],
    ]);
  });

  it('a known key that is not enumerable beside an unknown one is refused, as zod refuses it (found by the heavy run, seed 20261201)', () => {
    const subject: Record<string, unknown> = { kind: 'civil-servant', toString: 'x' };
    Object.defineProperty(subject, 'id', { value: 'p1', enumerable: false });
    const q = { pack: 'cn-national', subject, action: 'promotion', asOf: '2026-06-01' };
    const e = refusal(q);
    expect(e.issues.map((i) => i.code)).toContain('unrecognized_keys');
  });
});
