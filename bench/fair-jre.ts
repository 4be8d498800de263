/**
 * The baseline the fast path is measured against: json-rules-engine used the way a competent host
 * would use it directly, without this library's engine (issue 25: the fair baseline).
 *
 * - One `Engine` per pack × subject kind × action, built on first use and kept, holding only the
 *   rules of the pack (and the packs it extends) that apply to that kind and action and can give a
 *   verdict (obligation-only and subject-scope rules give none). The kind and the action are chosen
 *   by picking the engine, not tested inside every rule.
 * - Everything this library's pipeline decides around the conditions is folded into each rule's
 *   conditions: which view of the record a rule reads (counted, or merely known; local, or
 *   statutory; a live sanction), 在履职过程中, the rule's validity on the day and non-retroactivity by
 *   its trigger (day numbers, since the engine compares numbers only).
 * - One `engine.run` per record that some rule can read at all (a record no view counts or considers
 *   and whose sanction is not live is skipped: every rule requires one of these); a record whose
 *   combined period is still to be fixed (政务处分法 15) gets a second run in its longest reading,
 *   whose verdicts count as `review` at most.
 * - Verdict only: the most severe event after the pack's mitigation. No reasons, citations, notes,
 *   obligations or `clearFrom`.
 * - For a roster (`verdictsOfSubject`), the subject is validated once and its records reduced once
 *   per pack (as `decideSubject` and `screen` do), not once per question.
 *
 * The facts are what the rules are written against: the host validates the query and reduces its
 * records with this library (`parseQuery`, the lifecycle reducer, the day's record and subject facts),
 * exactly the shared work the compiled path does too. Its verdict is checked against `evaluate`'s on
 * every query the benchmark times.
 *
 * Before issue 25 the baseline was one Engine per pack holding all ~17 verdict rules with the kind
 * and action written into each rule's conditions, the subject validated and reduced once per
 * question: 6–8x slower than this one, so every ratio against it was 6–8x too flattering. It is not
 * kept (git history has it as bench/natural-jre.ts).
 */
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { toDayNumber } from '../src/_lib/days.js';
import { measureOf, mitigatedVerdict, mitigationFinding, type MitigationFinding } from '../src/decision/_internal/mitigation.js';
import { buildContext, type QueryContext } from '../src/engine/_internal/context.js';
import { jobContexts, type Job } from '../src/engine/_internal/subjectAtOnce.js';
import { dayEvaluation, ruleValidFrom, ruleValidUntil } from '../src/facts/_internal/dayFacts.js';
import type { RecordOnDay } from '../src/facts/_internal/recordView.js';
import { resolveDottedPath } from '../src/packs/_internal/path.js';
import { resolvePack } from '../src/packs/_internal/registry.js';
import type { OwnedRule } from '../src/packs/_internal/resolve.js';
import { getPack } from '../src/packs/getPack.js';
import { parseQuery } from '../src/model/parse.js';
import { VERDICT_SEVERITY, type Action, type SubjectKind, type Verdict } from '../src/model/vocabulary.js';

/** A pack as a competent host runs it on json-rules-engine: one engine per kind × action, one run per record, the verdict. */
export interface FairEngine {
  pack: string;
  /** One query: validated, reduced and answered alone. */
  verdict(query: unknown): Promise<Verdict>;
  /** A question whose subject is already validated and reduced (a roster: `verdictsOfSubject`). */
  verdictOf(ctx: QueryContext): Promise<Verdict>;
  /** Engines built so far (one per subject kind × action asked) and the rules they hold. */
  built(): { engines: number; rules: number };
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

/** One rule as json-rules-engine conditions: the pipeline's checks around the pack's own conditions. */
function ruleConditions({ rule, pack: owner }: OwnedRule): TopLevelCondition {
  const view = owner.statutory ? 'statutory' : 'local';
  const from = toDayNumber(ruleValidFrom({ rule, pack: owner, order: 0 }));
  const untilIso = ruleValidUntil({ rule, pack: owner, order: 0 });
  const until = untilIso === undefined ? null : toDayNumber(untilIso);
  const all: (Leaf | NestedCondition)[] = [];
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
  return { all } as TopLevelCondition;
}

/** Builds the engines of a pack (lazily, one per subject kind × action): a host's start-up. */
export function fairEngine(packId: string): FairEngine {
  const resolved = resolvePack(getPack(packId));
  const engines = new Map<string, Engine | null>();
  let rules = 0;
  const engineFor = (kind: SubjectKind, action: Action): Engine | null => {
    const key = `${kind}|${action}`;
    let e = engines.get(key);
    if (e !== undefined) return e;
    const applying = resolved.rules.filter(
      ({ rule }) => rule.verdict && rule.scope === 'record' && rule.subjects.includes(kind) && (rule.actions.length === 0 || rule.actions.includes(action)),
    );
    // No rule that can give a verdict: every question of this kind and action is clear.
    e = applying.length ? new Engine([], { allowUndefinedFacts: false, pathResolver: resolveDottedPath }) : null;
    for (const owned of applying) {
      const { rule } = owned;
      const params: VerdictParams = { verdict: rule.verdict!, mitigable: rule.mitigable, measure: measureOf(rule) };
      e!.addRule({ name: rule.id, conditions: ruleConditions(owned), event: { type: 'verdict', params: params as unknown as Record<string, unknown> } });
      rules++;
    }
    engines.set(key, e);
    return e;
  };

  const verdictOf = async (ctx: QueryContext): Promise<Verdict> => {
    const engine = engineFor(ctx.subject.kind, ctx.query.action);
    if (!engine) return 'clear';
    // The record and subject facts of the day asked (no candidate list: the engine picks the rules).
    const day = dayEvaluation({ ...ctx, rules: [] }, ctx.query.asOf, ctx.query.asOf);
    const policy = { nonRetroactive: ctx.policy.nonRetroactive };
    const on = toDayNumber(ctx.query.asOf);
    let verdict: Verdict = 'clear';
    for (let i = 0; i < day.records.length; i++) {
      const r = day.records[i]!;
      const dates = { on, failure: toDayNumber(r.occurredOn), decision: toDayNumber(r.state.decisionEffectiveOn) };
      let mitigation: MitigationFinding | null = null;
      for (const reading of r.latest ? [r, r.latest] : [r]) {
        const reach = reachOf(r, reading);
        // No view of the record that any rule reads: nothing can fire, no run.
        if (!reach.localCounted && !reach.localConsidered && !reach.statutoryCounted && !reach.statutoryConsidered && !reach.sanctionLive) continue;
        const { events } = await engine.run({
          subject: day.subject,
          query: day.query,
          policy,
          dates,
          record: reading.facts,
          statutoryRecord: reading.statutory.facts,
          reach,
        });
        for (const e of events) {
          const p = e.params as unknown as VerdictParams;
          let v = p.verdict;
          if (p.mitigable) {
            const host = ctx.prepared.records.get(r.state.id);
            mitigation ??= mitigationFinding(ctx.pack, ctx.subject.kind, r.state, host ? host.occurredOn : r.state.effectiveFrom, ctx.query.action, ctx.policy);
            v = mitigatedVerdict(v, mitigation.status.applied, ctx.policy, p.measure, mitigation.lighterTo);
          }
          // Only in the longest reading of an open period: a matter for review.
          if (reading !== r && VERDICT_SEVERITY[v] > VERDICT_SEVERITY.review) v = 'review';
          if (VERDICT_SEVERITY[v] > VERDICT_SEVERITY[verdict]) verdict = v;
        }
      }
    }
    return verdict;
  };

  return {
    pack: packId,
    verdictOf,
    async verdict(input) {
      const query = parseQuery(input);
      if (query.pack !== packId) throw new Error(`this engine runs pack ${packId}, not ${String(query.pack)}`);
      return verdictOf(buildContext(query));
    },
    built: () => ({ engines: [...engines.values()].filter(Boolean).length, rules }),
  };
}

/**
 * A roster's subject asked every job (pack × action) at once, as a host would: the subject validated
 * once and its records reduced once per pack (this library's `jobContexts`, the sharing `screen` and
 * `decideSubject` use), then each question run on its pack's engine. Verdicts in job order.
 */
export function verdictsOfSubject(packs: readonly string[]): (subject: unknown, jobs: readonly Job[], shared: { asOf: string }) => Promise<Verdict[]> {
  const engines = new Map(packs.map((p) => [p, fairEngine(p)] as const));
  return async (subject, jobs, shared) => {
    const out: Verdict[] = [];
    for (const { ctx } of jobContexts(subject, jobs, shared)) out.push(await engines.get(ctx.pack.id)!.verdictOf(ctx));
    return out;
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
