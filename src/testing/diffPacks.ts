import type { Action, Decision, QueryInput, Verdict } from '../model/index.js';
import { checkOptions, checkPackRef, DIFF_PACKS_KEYS } from './_internal/args.js';
import { firstDifference, stableJson, type Difference } from './_internal/compare.js';
import { aspectsDiffering, comparable, groupKey, ruleChanges, summarize, type Aspect, type DecisionSummary, type RuleChange } from './_internal/diff.js';
import { chainOf, packOf, type PackRef } from './_internal/hints.js';
import { evaluate } from './_internal/lib.js';
import { queryArbWith } from './_internal/queries.js';
import { shrinkAt, visitAll } from './_internal/search.js';
import { simplify } from './_internal/simplify.js';
import type { QueryArbOptions } from './arbitraries.js';

export type { Aspect, DecisionSummary, RuleChange };

/** Options of {@link diffPacks}. */
export interface DiffPacksOptions extends Omit<QueryArbOptions, 'pack'> {
  /** Generated queries. Default 500. */
  numRuns?: number;
  /** fast-check seed. Default: a fresh one, reported in the result. */
  seed?: number;
}

/** One side of a differing decision: its summary, or the error it raised. */
export type DiffSide = { ok: true; decision: DecisionSummary } | { ok: false; error: string };

/** Queries whose decisions changed the same way. */
export interface DiffGroup {
  action: Action;
  /** The verdict before and after (`error` where evaluation failed). */
  verdict: { before: Verdict | 'error'; after: Verdict | 'error' };
  /** The rules whose outcome changed (the group's key, with action and verdicts). */
  rules: RuleChange[];
  /** Which parts of the decision differ, over the whole group. */
  aspects: Aspect[];
  /** Generated queries in this group. */
  count: number;
  /**
   * The smallest query of the group (shrunk), with both decisions. `pack` is the before pack's id.
   * `seed` + `path` replay fast-check's counterexample; the kit then also removed what the
   * difference did not need (counted in `shrinks`).
   */
  example: { query: QueryInput; before: DiffSide; after: DiffSide; difference: Difference | null; path: string; shrinks: number };
}

/** What `diffPacks` returns: pure data, for `formatDiff` or a review tool. */
export interface DiffPacksResult {
  before: { id: string; version: string };
  after: { id: string; version: string };
  seed: number;
  numRuns: number;
  /** Queries whose decisions differ (before grouping). */
  differing: number;
  /** Largest group first. */
  groups: DiffGroup[];
}

type Outcome = { ok: true; d: Decision; cmp: Record<string, unknown> } | { ok: false; error: string };

function errorText(e: unknown): string {
  const err = e as { name?: string; message?: string };
  return `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`.slice(0, 300);
}

/**
 * The semantic diff of a rule change: generates queries (leaning toward the edges of both packs),
 * decides each under `before` and under `after`, and returns the queries on which the decisions
 * differ, grouped by (action, verdict before → after, rules whose outcome changed), with a count
 * and one shrunk example per group. The packs' own identity (id, version, 文号) is not compared.
 *
 * Packs are given by id (shipped or loaded) or as objects, which are evaluated inline: an edited
 * copy of a shipped pack may keep the shipped id (nothing is registered, so nothing collides) or
 * take another; reasons of a renamed copy are matched to the original by position in the chain.
 *
 * @param before - the pack as it was (id or object).
 * @param after - the pack as edited (id or object).
 * @param options - `numRuns` (500), `seed`, `actions`, and the other query options of `queryArb`.
 * @returns the differing groups, largest first; no groups when the packs decide alike on every query.
 * @throws InvalidPackError / UnknownPackError when a pack (or a parent) is invalid or unknown.
 * @example
 * const edited = structuredClone(getPack('cn-tj-binhai'));
 * edited.rules.find((r) => r.id === 'tjb-4-excellent-bar')!.verdict = 'restricted';
 * const diff = await diffPacks('cn-tj-binhai', edited, { numRuns: 500, seed: 7 });
 * console.log(formatDiff(diff, { locale: 'en' }));
 */
export async function diffPacks(before: PackRef, after: PackRef, options: DiffPacksOptions = {}): Promise<DiffPacksResult> {
  checkPackRef(before, ['before']);
  checkPackRef(after, ['after']);
  checkOptions(options, DIFF_PACKS_KEYS);
  const numRuns = options.numRuns ?? 500;
  const seed = options.seed ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const pb = packOf(before);
  const pa = packOf(after);
  // Fail early and clearly on an invalid pack (every query would fail the same way).
  chainOf(before);
  chainOf(after);
  if (typeof after !== 'string') await evaluateSafely({ pack: after as QueryInput['pack'], subject: { id: 'p0', kind: 'civil-servant' }, action: 'promotion', asOf: pa.validFrom }, true);
  if (typeof before !== 'string') await evaluateSafely({ pack: before as QueryInput['pack'], subject: { id: 'p0', kind: 'civil-servant' }, action: 'promotion', asOf: pb.validFrom }, true);
  // An edited copy under another id: its reasons name the new id; map it back.
  const renamed = new Map<string, string>();
  if (pa.id !== pb.id) renamed.set(pa.id, pb.id);

  const arb = queryArbWith({ ...options, pack: before }, [after]);
  const decide = async (q: QueryInput, ref: PackRef): Promise<Outcome> => {
    try {
      const d = await evaluate({ ...q, pack: ref as QueryInput['pack'] });
      return { ok: true, d, cmp: comparable(d, ref === after ? renamed : new Map()) };
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
  };
  const compare = async (q: QueryInput) => {
    const [x, y] = [await decide(q, before), await decide(q, after)];
    if (x.ok && y.ok) {
      const aspects = aspectsDiffering(x.cmp, y.cmp);
      if (!aspects.length) return null;
      const rules = ruleChanges(x.cmp, y.cmp);
      return { key: groupKey(q.action, x.d.verdict, y.d.verdict, rules), x, y, aspects, rules, vb: x.d.verdict, va: y.d.verdict };
    }
    if (!x.ok && !y.ok && x.error === y.error) return null;
    const vb = x.ok ? x.d.verdict : ('error' as const);
    const va = y.ok ? y.d.verdict : ('error' as const);
    return { key: groupKey(q.action, vb, va, []), x, y, aspects: [] as Aspect[], rules: [] as RuleChange[], vb, va };
  };

  const groups = new Map<string, { first: number; count: number; aspects: Set<Aspect>; action: Action; vb: Verdict | 'error'; va: Verdict | 'error'; rules: RuleChange[] }>();
  let differing = 0;
  if (before !== after) {
    await visitAll(arb, numRuns, seed, async (q, index) => {
      const c = await compare(q);
      if (!c) return;
      differing++;
      let g = groups.get(c.key);
      if (!g) groups.set(c.key, (g = { first: index, count: 0, aspects: new Set(), action: q.action, vb: c.vb, va: c.va, rules: c.rules }));
      g.count++;
      for (const a of c.aspects) g.aspects.add(a);
    });
  }

  const out: DiffGroup[] = [];
  for (const [key, g] of groups) {
    const shrunk = await shrinkAt(arb, seed, g.first, async (q) => (await compare(q))?.key === key);
    let q: QueryInput | null = shrunk?.value ?? null;
    if (!q) {
      // Flaky (should not happen: evaluation is deterministic): replay the first value unshrunk.
      await visitAll(arb, g.first + 1, seed, async (v, i) => {
        if (i === g.first) q = v;
      });
    }
    // fast-check shrinks fields left to right; remove what is still not needed.
    const clean = await simplify(q!, async (v) => (await compare(v))?.key === key);
    q = clean.query;
    const c = await compare(q);
    const side = (o: Outcome | undefined): DiffSide => (o && o.ok ? { ok: true, decision: summarize(o.d) } : { ok: false, error: o && !o.ok ? o.error : 'no difference on replay' });
    out.push({
      action: g.action,
      verdict: { before: g.vb, after: g.va },
      rules: g.rules,
      aspects: ASPECT_ORDER.filter((a) => g.aspects.has(a)),
      count: g.count,
      example: {
        query: { ...q, pack: pb.id },
        before: side(c?.x),
        after: side(c?.y),
        difference: c && c.x.ok && c.y.ok ? firstAspectDifference(c.x.cmp, c.y.cmp) : null,
        path: shrunk?.path ?? String(g.first),
        shrinks: (shrunk?.shrinks ?? 0) + clean.steps,
      },
    });
  }
  out.sort((a, b) => b.count - a.count || (a.action < b.action ? -1 : a.action > b.action ? 1 : 0));
  return { before: { id: pb.id, version: pb.version }, after: { id: pa.id, version: pa.version }, seed, numRuns, differing, groups: out };
}

const ASPECT_ORDER: readonly Aspect[] = ['verdict', 'reasons', 'clearFrom', 'obligations', 'priority', 'incentives', 'mitigation', 'deadlines', 'records', 'notes', 'provisional'];

/**
 * The first difference, taking the parts of a decision in the order a reviewer reads them. In a
 * list, an item added (`notes[+1]`) or removed (`notes[-0]`) is named as such rather than as the
 * items it shifted.
 */
function firstAspectDifference(a: Record<string, unknown>, b: Record<string, unknown>): Difference | null {
  for (const k of ASPECT_ORDER) {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) {
      const count = (list: unknown[]) => {
        const m = new Map<string, number>();
        for (const v of list) m.set(stableJson(v), (m.get(stableJson(v)) ?? 0) + 1);
        return m;
      };
      const cx = count(x);
      const cy = count(y);
      const removed = x.findIndex((v) => (cx.get(stableJson(v)) ?? 0) > (cy.get(stableJson(v)) ?? 0));
      if (removed >= 0) return { path: `${k}[-${removed}]`, a: x[removed], b: undefined };
      const added = y.findIndex((v) => (cy.get(stableJson(v)) ?? 0) > (cx.get(stableJson(v)) ?? 0));
      if (added >= 0) return { path: `${k}[+${added}]`, a: undefined, b: y[added] };
    }
    const d = firstDifference(x, y, k);
    if (d) return d;
  }
  return null;
}

/** Evaluates one probe query; with `rethrowPackErrors`, pack errors propagate (the caller's pack is invalid). */
async function evaluateSafely(q: QueryInput, rethrowPackErrors: boolean): Promise<void> {
  try {
    await evaluate(q);
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (rethrowPackErrors && (name === 'InvalidPackError' || name === 'UnknownPackError')) throw e;
  }
}

