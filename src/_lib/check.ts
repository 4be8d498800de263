/**
 * A handful of validators with zod 4's semantics, written by hand so that the calendar and deadline
 * functions (and the `gov-credit-rules/calendar` entry) carry no zod. They report exactly the issues
 * the zod schemas they replace reported through `issuesFromZod` — same paths, codes, order and
 * zh-CN/en messages, quirks included (a length check also measures a wrongly typed string or array,
 * as zod's does) — and test/calendar/validators.test.ts holds them to that against zod itself.
 *
 * Only what the calendar needs: strings (trim, min/max in code points, refinement), safe integers
 * with bounds, enums, arrays with bounds, strict objects with optional fields, and unions.
 */
import { InvalidInputError, type Issue } from './errors.js';
import { issueText, type IssueFacts } from './issueText.js';

type Key = string | number;

/**
 * An issue before rendering: what was found (`facts`, worded by issueText with the final path, as
 * `issuesFromZod` words zod's) or a refinement's own words (`zh`, `en`); `branches` and `input` for
 * a union none of whose options matched.
 */
type RawIssue = (IssueFacts | { code: string; zh: string; en: string } | { code: 'invalid_union'; branches: RawIssue[][]; input: unknown }) & {
  path: Key[];
  /** zod's `continue`: true for issues after which later checks still run. */
  go?: boolean;
};

interface Result {
  value: unknown;
  issues: RawIssue[];
}

/** A validator: parses a value into its output, collecting issues. `optional` marks an optional field. */
export interface Check<T = unknown> {
  (input: unknown): Result;
  optional?: true;
  /** Phantom: the output type. */
  readonly _out?: T;
}

export type Infer<C> = C extends Check<infer T> ? T : never;

const aborted = (issues: RawIssue[]): boolean => issues.some((i) => i.go !== true);
const explicitlyAborted = (issues: RawIssue[]): boolean => issues.some((i) => i.go === false);

function invalidType(expected: string, input: unknown, go?: boolean): RawIssue {
  const out: RawIssue = { code: 'invalid_type', path: [], expected, input };
  if (go !== undefined) out.go = go;
  return out;
}

function bound(code: 'too_small' | 'too_big', origin: string, limit: number, input: unknown): RawIssue {
  return { code, path: [], go: true, origin, limit, input };
}

/** Strings counted in code points, as zod counts them. */
export function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

/**
 * Length bounds, run like zod's: on anything with a length (even a value that failed its type),
 * unless an earlier issue stopped the checks outright.
 */
function lengthChecks(value: unknown, issues: RawIssue[], min: number | undefined, max: number | undefined): void {
  if (value === null || value === undefined || (value as { length?: unknown }).length === undefined || explicitlyAborted(issues)) return;
  const units = (value as { length: number }).length;
  const len = typeof value === 'string' ? codePoints(value) : units;
  const origin = Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'unknown';
  if (min !== undefined && len < min) issues.push(bound('too_small', origin, min, value));
  if (max !== undefined && len > max) issues.push(bound('too_big', origin, max, value));
}

/** A refinement's own issue: a code and both messages. */
export interface Refusal {
  code: string;
  zh: string;
  en: string;
}

/** `z.string()`, optionally `.trim()`, `.min()`, `.max()` and a refinement returning a refusal or null. */
export function str(opts: { trim?: boolean; min?: number; max?: number; refine?: (s: string) => Refusal | null } = {}): Check<string> {
  return (input) => {
    const issues: RawIssue[] = [];
    let value = input;
    if (typeof input !== 'string') issues.push(invalidType('string', input));
    else if (opts.trim) value = input.trim();
    lengthChecks(value, issues, opts.min, opts.max);
    if (opts.refine && !aborted(issues)) {
      const r = opts.refine(value as string);
      if (r) issues.push({ code: r.code, path: [], go: true, zh: r.zh, en: r.en });
    }
    return { value, issues };
  };
}

/** `z.int().min(min).max(max)`. */
export function int(min: number, max: number): Check<number> {
  return (input) => {
    if (typeof input !== 'number' || !Number.isFinite(input)) return { value: input, issues: [invalidType('number', input)] };
    if (!Number.isInteger(input)) return { value: input, issues: [invalidType('int', input, false)] };
    const issues: RawIssue[] = [];
    if (!Number.isSafeInteger(input)) {
      issues.push(input > 0 ? bound('too_big', 'int', Number.MAX_SAFE_INTEGER, input) : bound('too_small', 'int', Number.MIN_SAFE_INTEGER, input));
    }
    if (input < min) issues.push(bound('too_small', 'number', min, input));
    if (input > max) issues.push(bound('too_big', 'number', max, input));
    return { value: input, issues };
  };
}

/** `z.enum(values)`. */
export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  return (input) => {
    if ((values as readonly unknown[]).includes(input)) return { value: input, issues: [] };
    return { value: input, issues: [{ code: 'invalid_value', path: [], values, input }] };
  };
}

const prefixed = (key: Key, issues: RawIssue[]): RawIssue[] => issues.map((i) => ({ ...i, path: [key, ...i.path] }));

/** `z.array(element).min(min).max(max)`. */
export function arr<T>(element: Check<T>, opts: { min?: number; max?: number } = {}): Check<T[]> {
  return (input) => {
    if (!Array.isArray(input)) {
      const issues = [invalidType('array', input)];
      lengthChecks(input, issues, opts.min, opts.max);
      return { value: input, issues };
    }
    // An oversized array fails its size bound before any element is looked at.
    if (opts.max !== undefined && input.length > opts.max) return { value: input, issues: [{ ...bound('too_big', 'array', opts.max, input), go: false }] };
    const issues: RawIssue[] = [];
    const value: unknown[] = new Array(input.length);
    for (let i = 0; i < input.length; i++) {
      const r = element(input[i]);
      issues.push(...prefixed(i, r.issues));
      value[i] = r.value;
    }
    lengthChecks(value, issues, opts.min, opts.max);
    return { value, issues };
  };
}

/** `schema.optional()` as an object field: an absent key (or undefined) is fine. */
export function opt<T>(schema: Check<T>): Check<T | undefined> {
  const c: Check<T | undefined> = (input) => (input === undefined ? { value: undefined, issues: [] } : schema(input));
  c.optional = true;
  return c;
}

type Shape = Record<string, Check>;
type ObjectOut<S extends Shape> = { [K in keyof S as undefined extends Infer<S[K]> ? never : K]: Infer<S[K]> } & {
  [K in keyof S as undefined extends Infer<S[K]> ? K : never]?: Infer<S[K]>;
};

/** `z.strictObject(shape)`: fields in shape order, then one issue naming every unknown key. */
export function obj<S extends Shape>(shape: S): Check<ObjectOut<S>> {
  const keys = Object.keys(shape);
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return { value: input, issues: [invalidType('object', input)] };
    const source = input as Record<string, unknown>;
    const issues: RawIssue[] = [];
    const value: Record<string, unknown> = {};
    for (const key of keys) {
      const present = key in source;
      const r = shape[key]!(source[key]);
      if (shape[key]!.optional && !present) continue;
      issues.push(...prefixed(key, r.issues));
      if (present) value[key] = r.value;
    }
    const unknown: string[] = [];
    for (const key in source) if (!Object.prototype.hasOwnProperty.call(shape, key)) unknown.push(key);
    if (unknown.length) {
      issues.push({ code: 'unrecognized_keys', path: [], go: true, keys: unknown });
    }
    return { value, issues };
  };
}

/**
 * `z.union(options)`: the first option that matches; else the one option that failed only on
 * checks (not on type); else an `invalid_union` issue carrying every option's issues.
 */
export function union<T extends Check[]>(...options: T): Check<Infer<T[number]>> {
  return (input) => {
    const results = options.map((o) => o(input));
    const ok = results.find((r) => r.issues.length === 0);
    if (ok) return ok;
    const live = results.filter((r) => !aborted(r.issues));
    if (live.length === 1) return live[0]!;
    return { value: input, issues: [{ code: 'invalid_union', path: [], branches: results.map((r) => r.issues), input }] };
  };
}

/**
 * `schema.superRefine(…)`: a refinement of the parsed value, run (as zod runs it) only when nothing
 * before it stopped the checks; it may name a path inside the value.
 */
export function refined<T>(check: Check<T>, refine: (value: T) => (Refusal & { path?: Key[] }) | null): Check<T> {
  const c: Check<T> = (input) => {
    const r = check(input);
    if (aborted(r.issues)) return r;
    const refusal = refine(r.value as T);
    if (!refusal) return r;
    return { value: r.value, issues: [...r.issues, { code: refusal.code, path: refusal.path ?? [], go: true, zh: refusal.zh, en: refusal.en }] };
  };
  if (check.optional) c.optional = true;
  return c;
}

/** `z.unknown()`: anything. */
export const anything: Check<unknown> = (input) => ({ value: input, issues: [] });

const deepest = (issues: RawIssue[]): number => Math.max(0, ...issues.map((i) => i.path.length));

/** Issues as the library reports them, worded as `issuesFromZod` words zod's: a failed union reports the option that got furthest, or the types it takes. */
function finalize(raw: RawIssue[], prefix: Key[], out: Issue[]): Issue[] {
  for (const r of raw) {
    const path = [...prefix, ...r.path];
    if ('branches' in r) {
      const best = [...r.branches].sort((x, y) => deepest(y) - deepest(x))[0]!;
      const types = r.branches.map((b) => b.find((x) => x.code === 'invalid_type' && x.path.length === 0) as { expected: string } | undefined);
      if (deepest(best) > 0 || types.some((t) => t === undefined)) {
        finalize(best, path, out);
        continue;
      }
      const facts: IssueFacts = { code: 'invalid_union', expected: types.map((t) => t!.expected), input: r.input };
      out.push({ path, code: r.input === undefined ? 'invalid_type' : 'invalid_union', message: issueText(facts, path) });
      continue;
    }
    out.push({ path, code: r.code, message: 'zh' in r ? { 'zh-CN': r.zh, en: r.en } : issueText(r as IssueFacts, path) });
  }
  return out;
}

/**
 * Parses `input` with `check`; on failure throws InvalidInputError with every issue, each path
 * starting with `prefix`.
 */
export function parseOrThrow<T>(check: Check<T>, input: unknown, prefix: readonly Key[]): T {
  let r: Result;
  try {
    r = check(input);
  } catch (e) {
    // A getter or Proxy trap of the caller's that throws: a typed error, not the raw one.
    if (InvalidInputError.is(e)) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    throw new InvalidInputError([{ path: [...prefix], code: 'unreadable', message: { 'zh-CN': `无法读取该值（读取时抛出：${msg}）`, en: `the value cannot be read (reading it threw: ${msg})` } }]);
  }
  if (r.issues.length) throw new InvalidInputError(finalize(r.issues, [...prefix], []));
  return r.value as T;
}
