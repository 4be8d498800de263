/**
 * The baseline the fast path is measured against: json-rules-engine used the way a host would use
 * it directly, without this library's engine.
 *
 * - One `Engine` per pack, built once, with every rule of the pack and the packs it extends that can
 *   give a verdict (obligation-only and subject-scope rules give none, so a verdict-only host leaves
 *   them out: that only makes the baseline faster).
 * - The subject kind and the action are folded into each rule's conditions, and so is everything this
 *   library's pipeline decides around the conditions: which view of the record a rule reads (counted,
 *   or merely known; local, or statutory; a live sanction), 在履职过程中, the rule's validity on the day
 *   and non-retroactivity by its trigger (day numbers, since the engine compares numbers only).
 * - One `engine.run` per record, with that record's facts as the run's facts; a record whose combined
 *   period is still to be fixed (政务处分法 15) gets a second run in its longest reading, whose verdicts
 *   count as `review` at most.
 * - Verdict only: the most severe event after the pack's mitigation. No reasons, citations, notes,
 *   obligations or `clearFrom`.
 *
 * The facts are what the rules are written against: the host validates the query and reduces its
 * records with this library (`parseQuery`, the lifecycle reducer, the day's record and subject facts),
 * exactly the shared work the compiled path does too. Its verdict is checked against `evaluate`'s on
 * every query the benchmark times.
 */
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { toDayNumber } from '../src/_lib/days.js';
import { measureOf, mitigatedVerdict, mitigationFinding, type MitigationFinding } from '../src/decision/_internal/mitigation.js';
import { buildContext } from '../src/engine/_internal/context.js';
import { dayEvaluation, ruleValidFrom, ruleValidUntil, type RecordOnDay } from '../src/facts/_internal/dayFacts.js';
import { resolveDottedPath } from '../src/packs/_internal/path.js';
import { resolvePack } from '../src/packs/_internal/resolve.js';
import { getPack } from '../src/packs/getPack.js';
import { parseQuery } from '../src/model/parse.js';
import { VERDICT_SEVERITY, type Verdict } from '../src/model/vocabulary.js';

/** A pack as a host would run it on json-rules-engine: one engine, one run per record, the verdict. */
export interface NaturalEngine {
  pack: string;
  /** Rules added to the engine. */
  rules: number;
  verdict(query: unknown): Promise<Verdict>;
}

interface VerdictParams {
  verdict: Verdict;
  mitigable: boolean;
  measure: 'yes-no' | 'graded';
}

type Leaf = { fact: string; path: string; operator: string; value: unknown };

/** The statutory (national) pack's rules read the record's statutory facts: renamed once, at build. */
function readStatutoryFacts(c: unknown): unknown {
  if (Array.isArray(c)) return c.map(readStatutoryFacts);
  if (c === null || typeof c !== 'object') return c;
  const o = c as Record<string, unknown>;
  if (typeof o.fact === 'string') return o.fact === 'record' ? { ...o, fact: 'statutoryRecord' } : { ...o };
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, readStatutoryFacts(v)]));
}

/** Builds the engine for a pack: done once per pack, like a host's start-up. */
export function naturalEngine(packId: string): NaturalEngine {
  const pack = getPack(packId);
  const resolved = resolvePack(pack);
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolveDottedPath });
  let count = 0;
  for (const { rule, pack: owner } of resolved.rules) {
    if (!rule.verdict || rule.scope !== 'record') continue;
    const view = owner.statutory ? 'statutory' : 'local';
    const from = toDayNumber(ruleValidFrom({ rule, pack: owner, order: 0 }));
    const untilIso = ruleValidUntil({ rule, pack: owner, order: 0 });
    const until = untilIso === undefined ? null : toDayNumber(untilIso);
    const all: (Leaf | NestedCondition)[] = [{ fact: 'subject', path: 'kind', operator: 'in', value: rule.subjects }];
    if (rule.actions.length) all.push({ fact: 'query', path: 'action', operator: 'in', value: rule.actions });
    // Which records the rule reads.
    if (rule.restsOn === 'sanction') all.push({ fact: 'reach', path: 'sanctionLive', operator: 'equal', value: true });
    else all.push({ fact: 'reach', path: `${view}${rule.records === 'known' ? 'Considered' : 'Counted'}`, operator: 'equal', value: true });
    if (rule.restsOn === 'integrity-record') all.push({ fact: 'reach', path: 'inDuty', operator: 'equal', value: true });
    // In force, and not reaching back before it (by the rule's trigger).
    if (rule.trigger === 'decision') {
      if (until !== null) all.push({ fact: 'dates', path: 'decision', operator: 'lessThanInclusive', value: until });
      all.push({ any: [{ fact: 'policy', path: 'nonRetroactive', operator: 'equal', value: false }, { fact: 'dates', path: 'decision', operator: 'greaterThanInclusive', value: from }] });
    } else {
      all.push({ fact: 'dates', path: 'on', operator: 'greaterThanInclusive', value: from });
      if (until !== null) all.push({ fact: 'dates', path: 'on', operator: 'lessThanInclusive', value: until });
      if (rule.trigger === 'failure') {
        all.push({ any: [{ fact: 'policy', path: 'nonRetroactive', operator: 'equal', value: false }, { fact: 'dates', path: 'failure', operator: 'greaterThanInclusive', value: from }] });
      }
    }
    all.push((owner.statutory ? readStatutoryFacts(rule.conditions) : rule.conditions) as NestedCondition);
    const params: VerdictParams = { verdict: rule.verdict, mitigable: rule.mitigable, measure: measureOf(rule) };
    engine.addRule({ name: rule.id, conditions: { all } as TopLevelCondition, event: { type: 'verdict', params: params as unknown as Record<string, unknown> } });
    count++;
  }

  return {
    pack: packId,
    rules: count,
    async verdict(input) {
      const query = parseQuery(input);
      if (query.pack !== packId) throw new Error(`this engine runs pack ${packId}, not ${String(query.pack)}`);
      // The record and subject facts of the day asked (no candidate list: the engine picks the rules).
      const ctx = buildContext(query);
      const day = dayEvaluation({ ...ctx, rules: [] }, query.asOf, query.asOf);
      const policy = { nonRetroactive: ctx.policy.nonRetroactive };
      const on = toDayNumber(query.asOf);
      let verdict: Verdict = 'clear';
      for (let i = 0; i < day.records.length; i++) {
        const r = day.records[i]!;
        const dates = { on, failure: toDayNumber(r.occurredOn), decision: toDayNumber(r.state.decisionEffectiveOn) };
        let mitigation: MitigationFinding | null = null;
        for (const reading of r.latest ? [r, r.latest] : [r]) {
          const { events } = await engine.run({
            subject: day.subject,
            query: day.query,
            policy,
            dates,
            record: reading.facts,
            statutoryRecord: reading.statutory.facts,
            reach: reachOf(r, reading),
          });
          for (const e of events) {
            const p = e.params as unknown as VerdictParams;
            let v = p.verdict;
            if (p.mitigable) {
              const host = ctx.entries.find((x) => x.record.id === r.state.id)?.record;
              mitigation ??= mitigationFinding(ctx.pack, ctx.subject.kind, r.state, host ? host.occurredOn : r.state.effectiveFrom, query.action, ctx.policy);
              v = mitigatedVerdict(v, mitigation.status.applied, ctx.policy, p.measure, mitigation.lighterTo);
            }
            // Only in the longest reading of an open period: a matter for review.
            if (reading !== r && VERDICT_SEVERITY[v] > VERDICT_SEVERITY.review) v = 'review';
            if (VERDICT_SEVERITY[v] > VERDICT_SEVERITY[verdict]) verdict = v;
          }
        }
      }
      return verdict;
    },
  };
}

/** Which views of the record a rule may read, in one reading (在履职过程中 from the record as it stands). */
function reachOf(r: RecordOnDay, reading: RecordOnDay): Record<string, boolean> {
  return {
    localCounted: reading.counted,
    localConsidered: reading.considered,
    statutoryCounted: reading.statutory.counted,
    statutoryConsidered: reading.statutory.considered,
    sanctionLive: reading.sanctionLive,
    inDuty: r.inDuty,
  };
}
