import { Engine } from 'json-rules-engine';
import type { QueryFacts, RecordFacts, SubjectFacts } from '../../model/facts.js';
import type { OwnedRule } from './resolve.js';

/** What the reference evaluator reads of a day's evaluation (src/facts' DayEvaluation). */
export interface JreDay {
  subject: SubjectFacts;
  query: QueryFacts;
  candidates: readonly { owned: OwnedRule; facts: RecordFacts | null }[];
}
import { resolveDottedPath } from './path.js';

// Engines per set of rules, reused. An Engine must not serve two runs at once: json-rules-engine
// keeps the run's status on the engine, and a run that finishes marks it FINISHED, so a concurrent
// run on the same engine skips its rules (and answers as if none fired). So each run takes an idle
// engine for its set of rules (or builds one) and gives it back when it is done.
const idle = new Map<string, Engine[]>();
const engineKeys = new WeakMap<OwnedRule, string>();
let nextKey = 0;
/** Idle engines kept per set of rules: more only serve bursts of concurrent calls. */
const IDLE_PER_KEY = 8;

function keyOf(owned: OwnedRule): string {
  let k = engineKeys.get(owned);
  if (!k) {
    k = `${owned.pack.id}/${owned.rule.id}#${nextKey++}`;
    engineKeys.set(owned, k);
  }
  return k;
}

function buildEngine(rules: OwnedRule[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolveDottedPath });
  for (const owned of rules) {
    engine.addRule({
      name: keyOf(owned),
      // Conditions were validated at load: only known facts, dotted paths, literal values.
      conditions: structuredClone(owned.rule.conditions) as never,
      event: { type: keyOf(owned) },
    });
  }
  return engine;
}

/** Runs an engine for these rules on the facts: an idle one taken for the run, given back after it. */
async function runRules(rules: OwnedRule[], facts: Record<string, unknown>): Promise<Set<string>> {
  const key = rules.map(keyOf).join('|');
  const engine = idle.get(key)?.pop() ?? buildEngine(rules);
  try {
    const { events } = await engine.run(facts);
    return new Set(events.map((e) => e.type));
  } finally {
    let list = idle.get(key);
    if (!list) {
      if (idle.size > 500) idle.clear();
      idle.set(key, (list = []));
    }
    if (list.length < IDLE_PER_KEY) list.push(engine);
  }
}

/**
 * Evaluates a day's candidates with json-rules-engine, the reference semantics: one run per set of
 * record facts (a record's rules, in one reading), one run for the subject-scope rules.
 */
export async function runWithJsonRulesEngine(day: JreDay): Promise<boolean[]> {
  const fired = new Array<boolean>(day.candidates.length).fill(false);
  const groups = new Map<object | null, number[]>();
  day.candidates.forEach((c, i) => {
    const list = groups.get(c.facts);
    if (list) list.push(i);
    else groups.set(c.facts, [i]);
  });
  for (const [recordFacts, indices] of groups) {
    const rules = indices.map((i) => day.candidates[i]!.owned);
    // A subject-scope rule cannot read `record` (refused at load), so an empty object is never read.
    const facts: Record<string, unknown> = { subject: day.subject, query: day.query, record: recordFacts ?? {} };
    const firedKeys = await runRules(rules, facts);
    for (const i of indices) fired[i] = firedKeys.has(keyOf(day.candidates[i]!.owned));
  }
  return fired;
}
