/**
 * Plain data: what the library accepts from hosts (JSON, plus `Date`) and how it keeps what it
 * holds unchangeable. A pack is copied before it is validated — so that changing the caller's
 * object afterwards, or a getter that answers differently the second time, changes nothing — and
 * frozen after, so that no caller can change a pack the registry or an evaluator holds.
 */

/** How deep any input may nest (objects and arrays, the top level being depth 0). */
export const MAX_INPUT_DEPTH = 32;

export type PlainIssue = { path: (string | number)[]; code: 'too_deep' | 'not_plain_data'; what?: string };

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A deep copy of JSON-like data: plain objects (own enumerable string keys, each read once),
 * arrays, strings, numbers, booleans, null, undefined and `Date`s (copied). Anything else — a
 * function, a symbol, a bigint, a class instance, a Map — and nesting deeper than MAX_INPUT_DEPTH
 * (which also stops a cycle) is reported in `issues` at its path and left out of the copy.
 */
export function copyPlainData(value: unknown, issues: PlainIssue[], path: (string | number)[] = [], depth = 0): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      issues.push({ path: [...path], code: 'not_plain_data', what: typeof value });
      return undefined;
    }
    return value;
  }
  if (value instanceof Date) return new Date(value.getTime());
  if (depth >= MAX_INPUT_DEPTH) {
    issues.push({ path: [...path], code: 'too_deep' });
    return undefined;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      out[i] = copyPlainData(value[i], issues, path, depth + 1);
      path.pop();
    }
    return out;
  }
  if (!isPlainObject(value)) {
    issues.push({ path: [...path], code: 'not_plain_data', what: (value as { constructor?: { name?: string } }).constructor?.name ?? 'object' });
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    path.push(key);
    // defineProperty, not assignment: a "__proto__" key stays a plain key (and is refused later by name).
    Object.defineProperty(out, key, { value: copyPlainData((value as Record<string, unknown>)[key], issues, path, depth + 1), enumerable: true, writable: true, configurable: true });
    path.pop();
  }
  return out;
}

/** Freezes a value and everything reachable through its own properties; returns it. */
export function deepFreeze<T>(value: T, seen: WeakSet<object> = new WeakSet()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key], seen);
  return value;
}

const sealedSets = new WeakSet<object>();

/** A Set that refuses `add`, `delete` and `clear` once built (Object.freeze does not reach a Set's entries). */
class SealedSet<T> extends Set<T> {
  override add(value: T): this {
    if (sealedSets.has(this)) throw new TypeError('this set is read-only');
    return super.add(value);
  }
  override delete(): boolean {
    throw new TypeError('this set is read-only');
  }
  override clear(): void {
    throw new TypeError('this set is read-only');
  }
}

/** A read-only Set of `values`, for constants the library shares with its callers. */
export function sealedSet<T>(values: Iterable<T>): ReadonlySet<T> {
  const s = new SealedSet(values);
  sealedSets.add(s);
  return Object.freeze(s);
}
