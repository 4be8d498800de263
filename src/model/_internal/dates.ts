import { genuineDateTime, shanghaiDateOfTime } from '../../_lib/days.js';
import { MAX_INPUT_ARRAY_LENGTH, MAX_INPUT_DEPTH, MAX_INPUT_ENTRIES } from '../../_lib/plain.js';

/** `normalizeDates` of a value found at `depth` in an input (the compiled validator's host data). */
export function normalizeDatesAt<T>(value: T, depth: number): T {
  return normalizeWithin(value, depth, { left: MAX_INPUT_ENTRIES });
}

function normalizeWithin<T>(value: T, depth: number, walk: { left: number }): T {
  if (depth >= MAX_INPUT_DEPTH) return value; // deeper input is refused before (validate.ts)
  if (value instanceof Date) {
    const t = genuineDateTime(value);
    return (t === undefined ? value : (shanghaiDateOfTime(t) ?? 'Invalid Date')) as T;
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_INPUT_ARRAY_LENGTH || (walk.left -= value.length) < 0) return value; // refused before
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      const n = normalizeWithin(v, depth + 1, walk);
      if (n !== v) {
        out ??= value.slice();
        out[i] = n;
      }
    }
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const keys = Object.keys(value);
    if ((walk.left -= keys.length) < 0) return value;
    let out: Record<string, unknown> | null = null;
    for (const key of keys) {
      const v = (value as Record<string, unknown>)[key];
      const n = normalizeWithin(v, depth + 1, walk);
      if (n !== v) {
        out ??= { ...(value as Record<string, unknown>) };
        out[key] = n;
      }
    }
    return (out ?? value) as T;
  }
  return value;
}
