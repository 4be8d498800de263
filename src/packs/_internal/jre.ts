import { Engine } from 'json-rules-engine';
import type { DayEvaluation } from '../../facts/_internal/dayFacts.js';
import type { OwnedRule } from './resolve.js';
import { resolveDottedPath } from './path.js';

// One engine per set of rules; packs are immutable once loaded, so the cache is safe.
const engines = new Map<string, Engine>();
const engineKeys = new WeakMap<OwnedRule, string>();
let nextKey = 0;

function keyOf(owned: OwnedRule): string {
  let k = engineKeys.get(owned);
  if (!k) {
    k = `${owned.pack.id}/${owned.rule.id}#${nextKey++}`;
    engineKeys.set(owned, k);
  }
  return k;
}

function engineFor(rules: OwnedRule[]): Engine {
  const key = rules.map(keyOf).join('|');
  let engine = engines.get(key);
  if (!engine) {
    engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolveDottedPath });
    for (const owned of rules) {
      engine.addRule({
        name: keyOf(owned),
        // Conditions were validated at load: only known facts, dotted paths, literal values.
        conditions: structuredClone(owned.rule.conditions) as never,
        event: { type: keyOf(owned) },
      });
    }
    if (engines.size > 500) engines.clear();
    engines.set(key, engine);
  }
  return engine;
}

/**
 * Evaluates a day's candidates with json-rules-engine, the reference semantics: one run per set of
 * record facts (a record's rules, in one reading), one run for the subject-scope rules.
 */
export async function runWithJsonRulesEngine(day: DayEvaluation): Promise<boolean[]> {
  const fired = new Array<boolean>(day.candidates.length).fill(false);
  const groups = new Map<object | null, number[]>();
  day.candidates.forEach((c, i) => {
    const list = groups.get(c.facts);
    if (list) list.push(i);
    else groups.set(c.facts, [i]);
  });
  for (const [recordFacts, indices] of groups) {
    const rules = indices.map((i) => day.candidates[i]!.owned);
    const engine = engineFor(rules);
    // A subject-scope rule cannot read `record` (refused at load), so an empty object is never read.
    const facts: Record<string, unknown> = { subject: day.subject, query: day.query, record: recordFacts ?? {} };
    const { events } = await engine.run(facts);
    const firedKeys = new Set(events.map((e) => e.type));
    for (const i of indices) fired[i] = firedKeys.has(keyOf(day.candidates[i]!.owned));
  }
  return fired;
}
