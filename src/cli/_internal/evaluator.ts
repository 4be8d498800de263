import * as engine from '../../engine/index.js';
import type { Calendar } from '../../calendar/types.js';
import type { Decision } from '../../model/decision.js';
import { hostCalendar } from './schedules.js';
import { untyped } from '../../model/untyped.js';
import { GovCreditError } from '../../model/errors.js';
import { parseQuery } from '../../model/parse.js';
import type { SubjectQuestions } from './queries.js';
import { checkedQuestions, decideJobs, jobsFor } from '../../engine/decideSubject.js';
import type { Job, Shared } from '../../engine/internal.js';
import { screenSubject, type ScreenResult } from '../../engine/screen.js';
import { hostCalendarArg } from '../../engine/internal.js';

/**
 * How the CLI decides queries. `evaluate` and `demo` print single decisions with the reference
 * evaluator; `batch`, `diff --roster` and the demo's roster summary go through `decider()`.
 *
 * THE SWITCH: `PREFER_COMPILED` (one line). When the engine exports the synchronous compiled
 * evaluator `createEvaluator(packOrId).evaluate(query)` (same decisions as `evaluate`, checked by
 * the engine's tests), batch work uses it; otherwise, or with GOV_CREDIT_RULES_EVALUATOR=reference
 * in the environment, it uses `evaluate` (json-rules-engine).
 */
const PREFER_COMPILED = true;

type Sync = (query: unknown) => Decision;
interface CompiledEvaluator {
  pack: unknown;
  evaluate: Sync;
}
type CreateEvaluator = (packOrId: unknown, options: { calendar?: Calendar }) => CompiledEvaluator;

export type DeciderKind = 'compiled' | 'json-rules-engine';

export interface Decider {
  kind: DeciderKind;
  /** Decides a query; a rejected/thrown error is the library's typed error. */
  decide(query: { pack: unknown } & Record<string, unknown>): Decision | Promise<Decision>;
  /**
   * One subject's questions at once (`decideSubject`: one validation, one reduction per pack), the
   * decisions in pack × action order; absent on the reference path. Throws as `decideSubject` does.
   */
  decideTogether?(questions: SubjectQuestions): Decision[];
  /**
   * One subject's questions screened verdict first (`screenSubject`: one validation, one reduction
   * per pack, a Decision composed only where `decisions` asks), in pack × action order; absent on
   * the reference path. Throws as `decideSubject` does.
   */
  screenTogether?(questions: SubjectQuestions, decisions: 'not-clear' | 'none'): ScreenResult[];
}

function compiledFactory(): CreateEvaluator | null {
  if (!PREFER_COMPILED || process.env.GOV_CREDIT_RULES_EVALUATOR === 'reference') return null;
  // A computed key: the bundler must not resolve (and warn about) an export that may not exist yet.
  const key = 'createEvaluator';
  const f = (engine as Record<string, unknown>)[key];
  return typeof f === 'function' ? (f as CreateEvaluator) : null;
}

/** A decider for batch work: compiled evaluators cached per pack id (or pack object), else `evaluate`. */
export function decider(): Decider {
  const create = compiledFactory();
  // The run's calendar (--schedule, --unknown-years), when the command line asked for one.
  const calendar = hostCalendar();
  const options = calendar ? { calendar } : {};
  if (!create) return { kind: 'json-rules-engine', decide: (q) => engine.evaluate(untyped(q), options) };
  // A line's questions together take the calendar as validated once, as screen and decideSubject do.
  const contextOptions = calendar ? { hostCalendar: hostCalendarArg(calendar, ['calendar'])! } : {};
  const byId = new Map<string, CompiledEvaluator>();
  const byObject = new WeakMap<object, CompiledEvaluator>();
  return {
    kind: 'compiled',
    decide(q) {
      const pack = q.pack;
      let ev: CompiledEvaluator | undefined;
      try {
        if (typeof pack === 'string') {
          ev = byId.get(pack);
          if (!ev) byId.set(pack, (ev = create(pack, options)));
        } else if (pack !== null && typeof pack === 'object') {
          ev = byObject.get(pack);
          if (!ev) byObject.set(pack, (ev = create(pack, options)));
          // The evaluator validated its own copy of the pack: queries name that one.
          return ev.evaluate({ ...q, pack: ev.pack });
        } else {
          // Not a pack at all: let the reference path produce the typed error with its path.
          return engine.evaluate(untyped(q), options);
        }
      } catch (e) {
        // The pack cannot be used (unknown, invalid). The reference evaluator validates the query
        // first and looks the pack up after: its first error is the one to report, so both
        // evaluators answer a line with two faults alike (not unknown_pack here, not_applicable there).
        if (ev === undefined && GovCreditError.is(e)) parseQuery(q);
        throw e;
      }
      return ev.evaluate(q);
    },
    decideTogether: (qs) => decideJobs(qs.subject, ...questionsOf(qs), contextOptions),
    screenTogether: (qs, decisions) => screenSubject(qs.subject, ...questionsOf(qs), contextOptions, decisions).results,
  };
}

/**
 * A line's questions as decideSubject and screen ask them: checked as theirs (repeated packs or
 * actions), the year on the annual-review actions, what every question shares.
 */
function questionsOf(qs: SubjectQuestions): [Job[], Shared] {
  const { packs, actions } = checkedQuestions(qs.packs, qs.actions);
  return [jobsFor(qs.subject, packs, actions, qs.assessmentYear), { asOf: qs.asOf, ...(qs.policy !== undefined ? { policy: qs.policy } : {}) }];
}

/** Which evaluator batch work would use, for summaries and `--debug`. */
export function deciderKind(): DeciderKind {
  return compiledFactory() ? 'compiled' : 'json-rules-engine';
}
