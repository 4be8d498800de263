import type * as z from 'zod';
import { listPacks } from '../../packs/listPacks.js';
import type { Issue } from '../../model/errors.js';
import { QuerySchema } from '../../model/query.js';
import type { CliIssue } from './exit.js';

/** Edit distance with transpositions (Damerau–Levenshtein, optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

/**
 * The closest of `candidates` to a misspelled `input` (did-you-mean), or undefined when none is
 * close: within a third of the input's length in edits (at least 1, at most 3), or a unique
 * candidate that starts with the input. Case is ignored.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const x = input.toLowerCase();
  if (!x || candidates.includes(input)) return undefined;
  const limit = Math.min(3, Math.max(1, Math.floor(x.length / 3)));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = editDistance(x, c.toLowerCase());
    if (dist < bestD) [best, bestD] = [c, dist];
  }
  if (best !== undefined && bestD <= limit) return best;
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(x) || x.startsWith(c.toLowerCase()));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** Ids of the shipped and loaded packs. */
export function packIds(): string[] {
  return listPacks().map((p) => p.id);
}

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

/** The object schemas a value at `path` of a query may be checked against (several for unions). */
function schemasAt(root: AnySchema, path: readonly (string | number)[]): AnySchema[] {
  let current: AnySchema[] = [root];
  const unwrap = (s: AnySchema): AnySchema[] => {
    const def = s._zod.def;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
        return unwrap(def.innerType as AnySchema);
      case 'lazy':
        return unwrap((def.getter as () => AnySchema)());
      case 'pipe':
        return unwrap(def.in as AnySchema);
      case 'union':
        return (def.options as AnySchema[]).flatMap(unwrap);
      default:
        return [s];
    }
  };
  for (const key of path) {
    const next: AnySchema[] = [];
    for (const s of current.flatMap(unwrap)) {
      const def = s._zod.def;
      if (def.type === 'object' && typeof key === 'string') {
        const child = (def.shape as Record<string, AnySchema>)[key];
        if (child) next.push(child);
      } else if (def.type === 'array' && typeof key === 'number') next.push(def.element as AnySchema);
      else if (def.type === 'record' && typeof key === 'string') next.push(def.valueType as AnySchema);
    }
    current = next;
  }
  return current.flatMap(unwrap);
}

/** The values a field at `path` may take (an enum or literals), or the keys an object there may have. */
function allowedAt(path: readonly (string | number)[], what: 'values' | 'keys'): string[] {
  const out = new Set<string>();
  for (const s of schemasAt(QuerySchema as unknown as AnySchema, path)) {
    const def = s._zod.def;
    if (what === 'keys' && def.type === 'object') for (const k of Object.keys(def.shape as object)) out.add(k);
    if (what === 'values' && def.type === 'enum') for (const v of Object.values(def.entries as Record<string, string>)) out.add(v);
    if (what === 'values' && def.type === 'literal') for (const v of def.values as unknown[]) if (typeof v === 'string') out.add(v);
  }
  return [...out];
}

function valueAt(doc: unknown, path: readonly (string | number)[]): unknown {
  let v = doc;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/**
 * The issues of a library error about `query` with did-you-mean suggestions where a value is near a
 * valid one: a misspelled action, kind, sanction or event type, an unknown key (`pakc`), an unknown
 * pack id. Returns new issue objects; the error is not changed.
 */
export function withSuggestions(issues: readonly Issue[], query: unknown): CliIssue[] {
  return issues.map((issue) => {
    const out: CliIssue = { ...issue, path: [...issue.path] };
    let s: string | undefined;
    if (issue.code === 'unknown_pack') {
      const id = valueAt(query, ['pack']);
      if (typeof id === 'string') s = closest(id, packIds());
    } else if (issue.code === 'unrecognized_keys') {
      const obj = valueAt(query, issue.path);
      if (obj !== null && typeof obj === 'object') {
        const known = allowedAt(issue.path, 'keys');
        const hits = Object.keys(obj)
          .filter((k) => !known.includes(k))
          .map((k) => closest(k, known))
          .filter((x) => x !== undefined);
        if (hits.length === 1) s = hits[0];
      }
    } else if (issue.code === 'invalid_value' || issue.code === 'invalid_union') {
      const v = valueAt(query, issue.path);
      if (typeof v === 'string') s = closest(v, allowedAt(issue.path, 'values'));
    }
    if (s !== undefined) out.suggestion = s;
    return out;
  });
}
