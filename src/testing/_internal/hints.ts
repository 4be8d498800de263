import type { Action, Pack, RecordKind, SubjectKind } from '../../model/index.js';
import { addDaysIso } from './dates.js';
import { ACTIONS, RECORD_KINDS, SUBJECT_KINDS, getPack, parsePack } from './lib.js';

/** A pack as the kit accepts it: a shipped or loaded pack's id, or a pack object (used inline). */
export type PackRef = string | Pack;

/** What a pack cares about, so that generation can lean toward it. */
export interface PackHints {
  /** The pack and its parents, parents first. */
  chain: Pack[];
  /** Record kinds the pack counts or its conditions name, most relevant first. */
  kinds: RecordKind[];
  /** Dates where a rule or pack starts or stops (and the day before / after). */
  dates: string[];
  actions: Action[];
  subjectKinds: SubjectKind[];
}

const validated = new WeakMap<object, Pack>();

/**
 * The pack object of a reference: an id looked up in the library's registry, or an object
 * validated as `loadPack` validates it (a pack without `extends`, say, is an InvalidPackError, not
 * a TypeError from deep inside the kit); each object once.
 */
export function packOf(ref: PackRef): Pack {
  if (typeof ref === 'string') return getPack(ref);
  let p = validated.get(ref);
  if (!p) validated.set(ref, (p = parsePack(ref)));
  return p;
}

/** The pack and every pack it extends, parents first, each once. */
export function chainOf(ref: PackRef): Pack[] {
  const out: Pack[] = [];
  const seen = new Set<string>();
  const visit = (p: Pack, depth: number): void => {
    if (depth > 20 || seen.has(p.id)) return;
    for (const parent of p.extends) visit(packOf(parent), depth + 1);
    if (!seen.has(p.id)) {
      seen.add(p.id);
      out.push(p);
    }
  };
  visit(packOf(ref), 0);
  return out;
}

function collectValues(cond: unknown, path: string, into: Set<string>, depth = 0): void {
  if (depth > 16 || cond === null || typeof cond !== 'object') return;
  const c = cond as Record<string, unknown>;
  for (const key of ['all', 'any'] as const) {
    const list = c[key];
    if (Array.isArray(list)) for (const x of list) collectValues(x, path, into, depth + 1);
  }
  if (c.not !== undefined) collectValues(c.not, path, into, depth + 1);
  if (c.fact === 'record' && c.path === path) {
    const v = c.value;
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string') into.add(x);
  }
}

/** Hints from one or more packs (diffPacks passes both sides, so edges of either are reached). */
export function packHints(refs: readonly PackRef[]): PackHints {
  const chain: Pack[] = [];
  const seenPacks = new Set<Pack>();
  for (const ref of refs) for (const p of chainOf(ref)) if (!seenPacks.has(p)) (seenPacks.add(p), chain.push(p));
  const kinds = new Set<string>();
  const dates = new Set<string>();
  const actions = new Set<Action>();
  const subjectKinds = new Set<SubjectKind>();
  const edge = (d: string | undefined, after = false) => {
    if (!d) return;
    dates.add(d);
    dates.add(addDaysIso(d, after ? 1 : -1));
  };
  for (const p of chain) {
    for (const k of p.recordKinds.kinds) kinds.add(k);
    edge(p.validFrom);
    edge(p.validUntil, true);
    // Clauses cited by date (政务处分法 from 2020-07-01, the 2007 regulation before it).
    for (const c of p.clauses) {
      edge(c.validFrom);
      edge(c.validUntil, true);
    }
    for (const r of p.rules) {
      collectValues(r.conditions, 'kind', kinds);
      edge(r.validFrom);
      edge(r.validUntil, true);
      for (const a of r.actions) actions.add(a);
      for (const s of r.subjects) subjectKinds.add(s);
    }
  }
  const known = new Set<string>(RECORD_KINDS);
  return {
    chain,
    kinds: [...kinds].filter((k): k is RecordKind => known.has(k)),
    dates: [...dates].sort(),
    actions: ACTIONS.filter((a) => actions.has(a)),
    subjectKinds: SUBJECT_KINDS.filter((s) => subjectKinds.has(s)),
  };
}
