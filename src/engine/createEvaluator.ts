import { toOptions } from '../_lib/input.js';
import type { Decision } from '../model/decision.js';
import { InvalidInputError, issue } from '../model/errors.js';
import type { Pack } from '../model/pack.js';
import type { PolicyOverrides } from '../model/policy.js';
import type { QueryInput } from '../model/query.js';
import type { Untyped } from '../model/untyped.js';
import type { Calendar } from '../calendar/types.js';
import { compilePack, errorAt } from './_internal/compiledPack.js';
import { hostCalendarArg } from './_internal/hostCalendar.js';

/** A query for an evaluator: `pack` may be omitted (the evaluator's own) or must name the same pack. */
export type EvaluatorQuery = Omit<QueryInput, 'pack'> & { pack?: QueryInput['pack'] };

/** Options of `createEvaluator`. */
export interface EvaluatorOptions {
  /** Host policy overrides applied to every query; a query's own `policy` keys win over these. */
  policy?: PolicyOverrides;
  /**
   * The holiday data deadlines are counted on: a calendar from `createCalendar` with the years the
   * host added (`schedules`, `withSchedule`) and overlays. Default: the official data. How years
   * without data and receipts on non-working days are handled stays policy
   * (`unknownCalendarYears`, `receiptOnNonWorkingDay`), noted in each decision.
   */
  calendar?: Calendar;
}

/** A pack compiled for fast, synchronous evaluation. */
export interface Evaluator {
  /** The pack this evaluator decides with. */
  readonly pack: Pack;
  /**
   * Decides one query: the same decision `evaluate` gives, synchronously. Typed, so a misspelt
   * field fails to compile; pass a value of unknown shape as `untyped(value)`.
   */
  evaluate(query: EvaluatorQuery | Untyped): Decision;
  /**
   * Decides each query in order. The first invalid query throws its error, with each issue's path
   * prefixed by the query's index; nothing half-evaluated is returned.
   */
  evaluateMany(queries: readonly (EvaluatorQuery | Untyped)[]): Decision[];
}

/**
 * Compiles a pack into a synchronous evaluator: the fast path for batches (an assessment season,
 * a province's roster). Decisions deep-equal those of `evaluate` — same validation, same
 * lifecycle, same composition — but the rule conditions run as closures compiled once, with no
 * json-rules-engine, no promises and no per-query copies of the rules.
 *
 * Every rule of the pack and of the packs it extends is compiled at once: a construct the compiler
 * does not handle is refused here (InvalidPackError naming the construct, pack and rule), never
 * evaluated differently.
 *
 * @param packOrId - a shipped or loaded pack id (e.g. `'cn-tj-binhai'`), or a pack object (validated).
 * @param options - `policy`: host policy overrides for every query; `calendar`: the holiday data
 *   to count deadlines on (a `createCalendar` calendar with the host's schedules).
 * @returns `{ pack, evaluate(query), evaluateMany(queries) }`.
 * @throws UnknownPackError, InvalidPackError (also for an unsupported construct), InvalidInputError
 *   (options not an object with known keys, a bad policy). `evaluate` throws what `evaluate` of the
 *   library throws, and InvalidInputError when the query names another pack; `evaluateMany`
 *   InvalidInputError when not given an array.
 * @example
 * const binhai = createEvaluator('cn-tj-binhai');
 * const d = binhai.evaluate({
 *   subject: { id: 'p1', kind: 'civil-servant', records: [
 *     { id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-03-15' } ] },
 *   action: 'excellent-rating', asOf: '2026-12-20', assessmentYear: 2026,
 * });
 * d.verdict; // 'barred' — as `await evaluate({ pack: 'cn-tj-binhai', … })`
 */
export function createEvaluator(packOrId: string | Pack, options?: EvaluatorOptions): Evaluator {
  const o = toOptions(options, ['options'], ['policy', 'calendar']);
  const compiled = compilePack(packOrId, o.policy, hostCalendarArg(o.calendar, ['options', 'calendar']));
  return {
    pack: compiled.pack,
    evaluate: (query) => compiled.decide(query),
    evaluateMany(queries) {
      if (!Array.isArray(queries)) {
        throw new InvalidInputError([issue(['queries'], 'invalid_type', '应为查询数组', 'expected an array of queries')]);
      }
      const out: Decision[] = new Array(queries.length);
      for (let i = 0; i < queries.length; i++) {
        try {
          out[i] = compiled.decide(queries[i]);
        } catch (e) {
          throw errorAt(e, [i]);
        }
      }
      return out;
    },
  };
}
