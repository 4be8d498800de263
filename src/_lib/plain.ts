/**
 * Plain data: what the library accepts from hosts (JSON, plus `Date`) and how it keeps what it
 * holds unchangeable. A pack is copied before it is validated — so that changing the caller's
 * object afterwards, or a getter that answers differently the second time, changes nothing — and
 * frozen after, so that no caller can change a pack the registry or an evaluator holds.
 */
import { genuineDateTime } from './days.js';

/** How deep any input may nest (objects and arrays, the top level being depth 0). */
export const MAX_INPUT_DEPTH = 32;

/**
 * The most items any array of an input may have, checked before the array is walked: the largest
 * bound of any input schema (a subject's `records`, 10,000), so no valid input meets it, while an
 * array claiming a length of 10^9 (sparse, or a Proxy) is refused at once instead of walked.
 */
export const MAX_INPUT_ARRAY_LENGTH = 10_000;

/**
 * The most entries (array items and object properties, counted over the whole input, the same
 * object counted each time it is reached) one input may have: about ten times a subject with 10,000
 * records, so no real input meets it, while input that shares objects to look small (an object
 * graph whose paths double at every level) is refused instead of walked 2^32 times.
 */
export const MAX_INPUT_ENTRIES = 2_000_000;

/**
 * Keys that could reach an object's prototype, refused wherever they occur in untrusted input.
 * A comparison, not a shared Set: nothing a caller holds can switch the guard off.
 */
export function isForbiddenKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

export type PlainIssue = {
  path: (string | number)[];
  code: 'too_deep' | 'not_plain_data' | 'too_big' | 'input_too_large' | 'unreadable' | 'invalid_date';
  what?: string;
  /** For too_big: the array's length. */
  length?: number;
};

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A deep copy of JSON-like data: plain objects (own enumerable string keys, each read once),
 * arrays, strings, numbers, booleans, null, undefined and genuine `Date`s (copied by their time
 * value). Anything else — a function, a symbol, a bigint, a class instance, a Map, an object posing
 * as a Date — nesting deeper than MAX_INPUT_DEPTH (which also stops a cycle), an array longer than
 * MAX_INPUT_ARRAY_LENGTH, more than MAX_INPUT_ENTRIES entries in all, and a value that throws when
 * read (a getter, a Proxy trap) is reported in `issues` at its path and left out of the copy.
 */
export function copyPlainData(value: unknown, issues: PlainIssue[], path: (string | number)[] = []): unknown {
  const walk = { left: MAX_INPUT_ENTRIES };
  const depth0 = path.length;
  try {
    return copyNode(value, issues, path, 0, walk);
  } catch (e) {
    issues.push({ path: [...path], code: 'unreadable', what: e instanceof Error ? e.message : String(e) });
    path.length = depth0;
    return undefined;
  }
}

function copyNode(value: unknown, issues: PlainIssue[], path: (string | number)[], depth: number, walk: { left: number }): unknown {
  if (issues.length >= 20) {
    walk.left = -1; // enough to show: stop the walk
    return undefined;
  }
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      issues.push({ path: [...path], code: 'not_plain_data', what: typeof value });
      return undefined;
    }
    return value;
  }
  if (value instanceof Date) {
    const t = genuineDateTime(value);
    if (t === undefined) {
      issues.push({ path: [...path], code: 'invalid_date' });
      return undefined;
    }
    return new Date(t);
  }
  if (depth >= MAX_INPUT_DEPTH) {
    issues.push({ path: [...path], code: 'too_deep' });
    return undefined;
  }
  if (Array.isArray(value)) {
    // The length is checked before a single item is read.
    const n = value.length;
    if (n > MAX_INPUT_ARRAY_LENGTH) {
      issues.push({ path: [...path], code: 'too_big', length: n });
      return undefined;
    }
    if ((walk.left -= n) < 0) {
      issues.push({ path: [...path], code: 'input_too_large' });
      return undefined;
    }
    const out: unknown[] = new Array(n);
    for (let i = 0; i < n; i++) {
      path.push(i);
      out[i] = copyNode(value[i], issues, path, depth + 1, walk);
      path.pop();
      if (walk.left < 0) break;
    }
    return out;
  }
  if (!isPlainObject(value)) {
    issues.push({ path: [...path], code: 'not_plain_data', what: (value as { constructor?: { name?: string } }).constructor?.name ?? 'object' });
    return undefined;
  }
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value);
  if ((walk.left -= keys.length) < 0) {
    issues.push({ path: [...path], code: 'input_too_large' });
    return undefined;
  }
  for (const key of keys) {
    path.push(key);
    // defineProperty, not assignment: a "__proto__" key stays a plain key (and is refused later by name).
    Object.defineProperty(out, key, { value: copyNode((value as Record<string, unknown>)[key], issues, path, depth + 1, walk), enumerable: true, writable: true, configurable: true });
    path.pop();
    if (walk.left < 0) break;
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
