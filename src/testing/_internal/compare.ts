/** Structural comparison of JSON-like values (a key holding `undefined` equals a missing key). */

export interface Difference {
  /** Where the values first differ, e.g. `reasons[1].verdict`. */
  path: string;
  a: unknown;
  b: unknown;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The first difference between two values, or null when they are deep-equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): Difference | null {
  if (Object.is(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length || i >= b.length) return { path: `${path}[${i}]`, a: a[i], b: b[i] };
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDifference(a[k], b[k], path ? `${path}.${k}` : k);
      if (d) return d;
    }
    return null;
  }
  return { path: path || '(value)', a, b };
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return firstDifference(a, b) === null;
}

/** Stable JSON: object keys sorted, `undefined` keys dropped. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (isObj(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * The value with every array sorted (recursively): equal canonical forms mean "the same, up to the
 * order of lists" — what the decision must be when only the order of the input records changes.
 */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) {
    return v
      .map(canonical)
      .map((x) => [stableJson(x), x] as const)
      .sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0))
      .map((p) => p[1]);
  }
  if (isObj(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) if (v[k] !== undefined) out[k] = canonical(v[k]);
    return out;
  }
  return v;
}
