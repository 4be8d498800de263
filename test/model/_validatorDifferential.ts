/**
 * The compiled validator against zod (the reference) on one list of cases: the same acceptance,
 * the same validated copy, the input left as it was, and the same decision from either copy.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { BAIL } from '../../src/model/_internal/compileSchema.js';
import { compiledValidators, validateWithZod } from '../../src/model/_internal/validate.js';
import type { Query } from '../../src/model/query.js';
import { decideValidated } from '../engine/_support/decideValidated.js';
import type { ValidatorCase } from './_validatorCases.js';

export interface DifferentialTally {
  cases: number;
  accepted: number;
  refused: number;
  /** zod accepted, the compiled validator left it to zod (allowed for exotic input only). */
  leftToZod: number;
  decisions: number;
  subjects: number;
}

/** A text of the input that sees Dates, functions and symbols (null where it cannot be made: a cycle, a getter that throws). */
function snapshot(v: unknown): string | null {
  try {
    return JSON.stringify(v, function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = key === '' ? value : this[key];
      if (raw instanceof Date) return `Date(${raw.getTime()})`;
      if (typeof raw === 'function' || typeof raw === 'symbol' || typeof raw === 'bigint') return String(raw);
      if (raw === undefined) return 'undefined';
      if (typeof raw === 'number' && !Number.isFinite(raw)) return String(raw);
      if (Object.is(raw, -0)) return '-0';
      return value;
    });
  } catch {
    return null;
  }
}

function zodOutcome(schema: 'query' | 'subject', input: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    const r = validateWithZod(schema, input);
    return r.ok ? { ok: true, value: r.value } : { ok: false };
  } catch {
    // An inline pack that is not plain data: refused before zod.
    return { ok: false };
  }
}

/**
 * Runs every case through both validators (queries, and their subjects alone); decides the accepted
 * ones from both copies, every `decideEvery`-th. Fails the test on the first disagreement.
 */
export function runDifferential(cases: readonly ValidatorCase[], decideEvery = 1): DifferentialTally {
  const { query, subject } = compiledValidators();
  const tally: DifferentialTally = { cases: 0, accepted: 0, refused: 0, leftToZod: 0, decisions: 0, subjects: 0 };
  cases.forEach((c, i) => {
    tally.cases++;
    const before = snapshot(c.input);
    const fast = query(c.input, 0, true);
    const after = snapshot(c.input);
    expect(after, `${c.label}: the compiled validator changed its input`).toBe(before);
    const ref = zodOutcome('query', c.input);
    if (fast !== BAIL) {
      expect(ref.ok, `${c.label}: accepted by the compiled validator, refused by zod`).toBe(true);
      expect(isDeepStrictEqual(fast, (ref as { value: unknown }).value), `${c.label}: the copies differ`).toBe(true);
      tally.accepted++;
      if (i % decideEvery === 0) {
        const a = decideValidated(fast as Query);
        const b = decideValidated((ref as { value: Query }).value);
        expect(isDeepStrictEqual(a, b), `${c.label}: decisions differ`).toBe(true);
        tally.decisions++;
      }
    } else if (ref.ok) {
      expect(c.exotic, `${c.label}: zod accepts it, the compiled validator left it to zod`).toBe(true);
      tally.leftToZod++;
    } else tally.refused++;
    // The subject alone, as parseSubject and the subject-at-once paths validate it.
    const s = c.input !== null && typeof c.input === 'object' ? (c.input as { subject?: unknown }).subject : undefined;
    if (s !== undefined) {
      const fs = subject(s, 0, true);
      const rs = zodOutcome('subject', s);
      if (fs !== BAIL) {
        expect(rs.ok && isDeepStrictEqual(fs, rs.value), `${c.label}: subject accepted differently`).toBe(true);
      } else if (rs.ok) expect(c.exotic, `${c.label}: subject left to zod`).toBe(true);
      tally.subjects++;
    }
  });
  return tally;
}
