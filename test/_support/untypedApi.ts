/**
 * The public entry points with their inputs untyped, for suites that feed hosts' raw values —
 * malformed, hostile or out of range — on purpose: each argument goes through `untyped()`, as a
 * host passing parsed JSON would, and the library validates it at run time.
 */
import * as lib from '../../src/index.js';

const u = lib.untyped;

export const evaluate = (query: unknown): Promise<lib.Decision> => lib.evaluate(u(query));
export const timeline = (subject: unknown, options: unknown): Promise<lib.TimelineChange[]> => lib.timeline(u(subject), options as lib.TimelineOptions);
export const recordState = (record: unknown, asOf: unknown, options?: unknown): lib.RecordState =>
  lib.recordState(u(record), asOf as lib.DateInput, options as lib.RecordStateOptions);
export const derivedRecords = (subject: unknown, options: unknown): lib.DerivedRecords => lib.derivedRecords(u(subject), options as never);

/** An evaluator whose `evaluate` and `evaluateMany` take anything. */
export interface UntypedEvaluator {
  readonly pack: lib.Pack;
  evaluate(query: unknown): lib.Decision;
  evaluateMany(queries: unknown): lib.Decision[];
}

export function createEvaluator(packOrId: unknown, options?: unknown): UntypedEvaluator {
  const ev = lib.createEvaluator(packOrId as lib.Pack, options as lib.EvaluatorOptions);
  return {
    pack: ev.pack,
    evaluate: (query) => ev.evaluate(u(query)),
    evaluateMany: (queries) => ev.evaluateMany(queries as never),
  };
}
