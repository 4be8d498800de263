import * as fc from 'fast-check';
import { INVARIANT_NAMES, auxArb, checkCase, type CaseInput, type InvariantName } from './_internal/invariants.js';
import { checkArbOptions } from './_internal/args.js';
import { packHints } from './_internal/hints.js';
import { queryArbWith } from './_internal/queries.js';
import { libraryCreateEvaluator, referenceOf, type CreateEvaluator } from './_internal/reference.js';
import type { QueryArbOptions } from './arbitraries.js';

/** Options of {@link invariantProperty}. */
export interface InvariantPropertyOptions extends QueryArbOptions {
  /** The invariants to check (default: all but `timezone`, which needs child processes: use `checkPack`). */
  invariants?: readonly Exclude<InvariantName, 'timezone'>[];
  /** The fast evaluator for `reference` (default `'auto'`: the library's `createEvaluator`, if exported). */
  reference?: CreateEvaluator | 'auto' | null;
}

/**
 * The invariants of `checkPack` as one fast-check property, for a host's own test suite: the
 * property fails (throwing the violation's message) on a query that breaks one. Inputs are
 * `{ query, aux }`: the query from `queryArb`, and the extra choices some checks make (a record
 * to add, a new order of records, which record to revoke).
 *
 * @param options - `pack` and the other `queryArb` options; `invariants`; `reference`.
 * @returns an async property for `fc.assert` / `fc.check`.
 * @example
 * await fc.assert(invariantProperty({ pack: 'cn-gd', invariants: ['monotonicity', 'clear-from'] }), { numRuns: 300, seed: 5 });
 */
export function invariantProperty(options: InvariantPropertyOptions = {}): fc.IAsyncPropertyWithHooks<[CaseInput]> {
  checkArbOptions(options, 'invariantProperty');
  const pack = options.pack ?? 'cn-national';
  const names = new Set<InvariantName>(options.invariants ?? INVARIANT_NAMES.filter((n) => n !== 'timezone'));
  names.delete('timezone');
  const create = options.reference === undefined || options.reference === 'auto' ? libraryCreateEvaluator() : options.reference;
  const reference = create ? referenceOf(create) : null;
  const arb = fc.record({ query: queryArbWith({ ...options, pack }, []), aux: auxArb(packHints([pack])) });
  return fc.asyncProperty(arb, async (input) => {
    const findings = await checkCase(input, { reference, zones: [], only: names });
    if (findings.length) {
      const f = findings[0]!;
      throw new Error(`[${f.invariant} / ${f.variant}] ${f.message.en}${f.difference ? ` (${f.difference.path}: ${JSON.stringify(f.difference.a)} vs ${JSON.stringify(f.difference.b)})` : ''}`);
    }
  });
}
