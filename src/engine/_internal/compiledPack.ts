import { GovCreditError, InvalidInputError, issue, issuesFromZod, type Issue } from '../../model/errors.js';
import type { Pack } from '../../model/pack.js';
import { parsePack, parseQuery } from '../../model/parse.js';
import { PolicyOverridesSchema, type PolicyOverrides } from '../../model/policy.js';
import type { Decision } from '../../model/decision.js';
import type { Query } from '../../model/query.js';
import type { CalendarImpl } from '../../calendar/internal.js';
import { buildContext } from './context.js';
import { compileRules, type CompiledCondition } from '../../packs/internal.js';
import type { DayEvaluation } from '../../facts/internal.js';
import { lookupPack } from '../../packs/internal.js';
import { resolvePack, type OwnedRule, type ResolvedPack } from '../../packs/internal.js';
import { runSync } from './steps.js';
import { decisionSteps } from './decide.js';

/** What `createEvaluator` and `evaluateStream` share: the pack, resolved and compiled once. */
export interface CompiledPack {
  pack: Pack;
  policy: PolicyOverrides | undefined;
  /** The runner `runSync` drives: which of a day's candidates fire. */
  run(day: DayEvaluation): boolean[];
  /** One query, validated and decided synchronously. */
  decide(query: unknown): Decision;
  /** Validates a query as `decide` would, without deciding it. */
  validate(query: unknown): void;
  /**
   * Decides `{ ...shared, subject }` where `shared` holds the query's other fields (no `pack`; the
   * host policy is the evaluator's own): the stream's path, without the checks and
   * copies `decide` makes for a query of unknown shape. Validated by `parseQuery` all the same.
   */
  decideSubject(shared: Readonly<Record<string, unknown>>, subject: unknown): Decision;
}

const EMPTY_RECORD: Record<string, never> = Object.freeze({}) as Record<string, never>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
}

/** A pack id (shipped or loaded), or a pack object: the registered object itself, or one to validate now. */
export function packFrom(packOrId: unknown): Pack {
  if (typeof packOrId === 'string') return lookupPack(packOrId);
  if (packOrId !== null && typeof packOrId === 'object') {
    const id = (packOrId as { id?: unknown }).id;
    if (typeof id === 'string') {
      try {
        if (lookupPack(id) === packOrId) return packOrId as Pack;
      } catch {
        // not registered: validated below
      }
    }
    return parsePack(packOrId);
  }
  throw new InvalidInputError([issue(['pack'], 'invalid_type', '应为规则包标识或规则包对象', 'expected a pack id or a pack object')]);
}

export function parsePolicyOption(policy: unknown, path: (string | number)[]): PolicyOverrides | undefined {
  if (policy === undefined) return undefined;
  const r = PolicyOverridesSchema.safeParse(policy, { reportInput: true });
  if (!r.success) throw new InvalidInputError(issuesFromZod(r.error.issues, path));
  return r.data;
}

const runners = new WeakMap<ResolvedPack, (day: DayEvaluation) => boolean[]>();

/**
 * The compiled runner of a resolved chain, made once per chain: which of a day's candidates fire.
 * Every rule of the pack and of the packs it extends is compiled at once, so a construct the
 * compiler does not handle is refused (InvalidPackError) before any query.
 */
export function compiledRunner(resolved: ResolvedPack): (day: DayEvaluation) => boolean[] {
  const hit = runners.get(resolved);
  if (hit) return hit;
  const predicates: Map<OwnedRule, CompiledCondition> = compileRules(resolved.rules);
  // Predicates by the rule's position in the resolved pack (candidates carry the OwnedRule objects
  // of `resolved.rules`); the identity check guards against a candidate from another pack.
  const owners: OwnedRule[] = [];
  const byOrder: CompiledCondition[] = [];
  for (const [owned, p] of predicates) {
    owners[owned.order] = owned;
    byOrder[owned.order] = p;
  }
  const run = (day: DayEvaluation): boolean[] => {
    const cs = day.candidates;
    const fired = new Array<boolean>(cs.length);
    const subject = day.subject;
    const query = day.query;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      const o = c.owned;
      if (owners[o.order] !== o) throw new Error(`internal: rule ${o.rule.id} was not compiled for pack ${resolved.pack.id}`);
      fired[i] = byOrder[o.order]!(c.facts ?? EMPTY_RECORD, subject, query);
    }
    return fired;
  };
  runners.set(resolved, run);
  return run;
}

/**
 * Resolves and compiles a pack. Every rule of the pack and of the packs it extends is compiled
 * now, so a construct the compiler does not handle is refused here, before any query.
 */
export function compilePack(packOrId: unknown, policy?: unknown, calendar?: CalendarImpl): CompiledPack {
  const pack = packFrom(packOrId);
  const resolved = resolvePack(pack);
  const run = compiledRunner(resolved);
  const hostPolicy = parsePolicyOption(policy, ['policy']);

  const mismatch = () =>
    new InvalidInputError([
      issue(['pack'], 'pack_mismatch', `此评估器只评估规则包 ${pack.id}；请省略 pack 或填写 ${pack.id}`, `this evaluator evaluates pack ${pack.id} only; omit pack or give ${pack.id}`),
    ]);

  const parse = (input: unknown): Query => {
    if (!isPlainObject(input)) {
      // Not a plain object (a class instance, an array, a primitive): validated as given, so the
      // error is exactly `evaluate`'s; a valid one must still name this pack.
      const parsed = parseQuery(input);
      if (parsed.pack !== pack.id) throw mismatch();
      return parsed;
    }
    const q = input;
    // The object the evaluator was made from names it too (it was validated into a copy).
    if (q.pack !== undefined && q.pack !== pack.id && q.pack !== pack && q.pack !== packOrId) throw mismatch();
    // Validated with the library's own schema and checks; the pack is named by id so that it is
    // not validated again on every query (it was validated when the evaluator was made).
    return parseQuery({ ...q, pack: pack.id });
  };
  // The host's options come between the pack and the query, and decisions say so (source 'host').
  // The chain compiled here goes with every query, so a pack replaced later does not reach this evaluator.
  const contextOptions = { resolved, ...(hostPolicy ? { hostPolicy } : {}), ...(calendar ? { hostCalendar: calendar } : {}) };

  const decide = (input: unknown): Decision => {
    const parsed = parse(input);
    // The compiled object and chain, not the id: a pack registered later under the same id (or
    // replacing one it extends) must not change what this evaluator decides.
    parsed.pack = pack;
    return runSync(decisionSteps(buildContext(parsed, contextOptions)), run);
  };

  const decideSubject = (shared: Readonly<Record<string, unknown>>, subject: unknown): Decision => {
    const parsed = parseQuery({ ...shared, pack: pack.id, subject });
    parsed.pack = pack;
    return runSync(decisionSteps(buildContext(parsed, contextOptions)), run);
  };

  return { pack, policy: hostPolicy, run, decide, validate: (input) => void parse(input), decideSubject };
}

/** The same error, with each issue's path under `prefix` (an index into a batch or stream). */
export function errorAt(e: unknown, prefix: (string | number)[]): unknown {
  if (!(e instanceof GovCreditError)) return e;
  const issues: Issue[] = e.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
  const Ctor = e.constructor as new (issues: Issue[]) => GovCreditError;
  try {
    const out = new Ctor(issues);
    if (out instanceof GovCreditError && out.constructor === e.constructor && out.issues === issues) return out;
  } catch {
    // a subclass with another constructor: keep the original
  }
  return e;
}
