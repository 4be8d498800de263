/**
 * The compiled validator: from a zod schema, a function that walks an input once and returns the
 * validated copy zod would return — or BAIL, and then zod runs and builds the error.
 *
 * Why: validating untrusted input with zod was the largest single cost of a decision (the profile
 * of issue 15: 42–45 % of the compiled path), mostly zod's generality (issue objects, contexts,
 * path bookkeeping). Valid input needs none of it. So the fast path only answers "valid, and here
 * is the copy"; on the first doubt it bails, and the caller runs zod, whose issues and paths stay
 * the library's errors. zod stays the source of truth:
 *
 * - the validator is generated from the schema's own definition (`_zod.def`: types, bounds,
 *   enums, strictness), so a field added to a schema is validated here too;
 * - refinements are plain functions registered with their zod check (`refinedBy`), run by both;
 * - a construct this compiler does not know (a transform, a default, a custom check that is not a
 *   registered refinement) compiles to BAIL: correct, only slower. `compiledCompletely` reports it,
 *   and the tests require the model's input schemas to compile completely;
 * - the copy is what zod's parse returns after the library's pre-pass (`normalizeDates`: a `Date`
 *   anywhere becomes its civil date in Asia/Shanghai; keys such as `__proto__` and nesting deeper
 *   than MAX_INPUT_DEPTH are refused): fields in the schema's order, an optional field present as
 *   `undefined` kept, host data (`z.unknown()`) passed by reference. test/model/compiledValidator
 *   holds it to zod on generated, mutated and hostile inputs.
 *
 * Stricter than zod is allowed (it only costs the fallback): objects must be plain (prototype
 * `Object.prototype` or null); class instances and other exotic objects are left to zod.
 */
import { codePoints } from '../../_lib/check.js';
import { genuineDateTime, shanghaiDateOfTime } from '../../_lib/days.js';
import { isForbiddenKey, MAX_INPUT_ARRAY_LENGTH, MAX_INPUT_DEPTH, MAX_INPUT_ENTRIES } from '../../_lib/plain.js';
import { normalizeDatesAt } from './dates.js';
import { refinementOf, type Refinement } from './refine.js';

/** The answer "not sure": the caller falls back to zod, which decides and builds the error. */
export const BAIL: unique symbol = Symbol('bail');
export type Bail = typeof BAIL;

/**
 * Entries (array items, object properties) the input being validated may still have: the pre-pass's
 * MAX_INPUT_ENTRIES, counted the same way, so that input the pre-pass would refuse bails here before
 * it is walked further (an object graph sharing nodes to look small). One validation runs at a time
 * (they are synchronous); `validateWithin` saves and restores it around each.
 */
let entriesLeft = Infinity;

/**
 * Runs a compiled validator on one input within the input limits. A value that throws when read
 * (a getter, a Proxy trap) bails: zod's pass then reports it with its path.
 */
export function validateWithin(validate: Validate, input: unknown): unknown {
  const saved = entriesLeft;
  entriesLeft = MAX_INPUT_ENTRIES;
  try {
    return validate(input, 0, true);
  } catch {
    return BAIL;
  } finally {
    entriesLeft = saved;
  }
}

/**
 * A compiled node: the validated copy of `input`, or BAIL. `depth` is the input's nesting (the top
 * is 0); `dates` says whether the pre-pass reaches it (`normalizeDates` walks arrays and objects
 * with `Object.prototype` only: a `Date` inside a null-prototype object stays a `Date`).
 */
export type Validate = (input: unknown, depth: number, dates: boolean) => unknown;

interface ZodDef {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  [k: string]: unknown;
}
interface CheckDef {
  check: string;
  [k: string]: unknown;
}
type Schema = { _zod: { def: ZodDef } };

const defOf = (s: unknown): ZodDef => (s as Schema)._zod.def;

/** The validator of a schema, and whether every part of it compiled (no part always bails). */
export interface Compiled {
  validate: Validate;
  complete: boolean;
}

/** Compiles `schema`. Nodes are shared per schema object (IdSchema, IsoDateSchema: compiled once). */
export function compileSchema(schema: unknown): Compiled {
  const memo = new Map<unknown, Validate>();
  const state = { complete: true };
  const validate = node(schema, memo, state);
  return { validate, complete: state.complete };
}

const always: Validate = () => BAIL;

function node(schema: unknown, memo: Map<unknown, Validate>, state: { complete: boolean }): Validate {
  const hit = memo.get(schema);
  if (hit) return hit;
  // A forward reference for recursive schemas (z.lazy), replaced by the node once it is built.
  let built: Validate = always;
  memo.set(schema, (input, depth, dates) => built(input, depth, dates));
  const done = (v: Validate): Validate => {
    built = v;
    memo.set(schema, v);
    return v;
  };
  const incomplete = (): Validate => {
    state.complete = false;
    return always;
  };
  const d = defOf(schema);
  let base: Validate | null;
  switch (d.type) {
    case 'string':
      base = stringNode(d.checks ?? []);
      break;
    case 'number':
      base = numberNode(d.checks ?? []);
      break;
    case 'boolean':
      base = (v) => (typeof v === 'boolean' ? v : BAIL);
      break;
    case 'enum': {
      const values = new Set<unknown>(Object.values(d.entries as Record<string, unknown>));
      base = (v) => (values.has(v) ? v : BAIL);
      break;
    }
    case 'literal': {
      const values = d.values as unknown[];
      base = (v) => (values.includes(v) ? v : BAIL);
      break;
    }
    case 'null':
      base = (v) => (v === null ? v : BAIL);
      break;
    case 'unknown':
    case 'any':
      base = hostData;
      break;
    case 'optional': {
      const inner = node(d.innerType, memo, state);
      base = (v, depth, dates) => (v === undefined ? undefined : inner(v, depth, dates));
      break;
    }
    case 'nullable': {
      const inner = node(d.innerType, memo, state);
      base = (v, depth, dates) => (v === null ? null : inner(v, depth, dates));
      break;
    }
    case 'array':
      base = arrayNode(node(d.element, memo, state), d.checks ?? []);
      break;
    case 'object':
      base = objectNode(d, memo, state);
      break;
    case 'union':
      base = unionNode(d, memo, state);
      break;
    case 'record':
      base = recordNode(d, memo, state);
      break;
    case 'lazy': {
      // zod caches the getter's schema; compile it on first use (a recursive schema refers back here).
      let inner: Validate | null = null;
      base = (v, depth, dates) => (inner ??= node((schema as { _zod: { innerType: unknown } })._zod.innerType, memo, state))(v, depth, dates);
      break;
    }
    default:
      base = null;
  }
  if (base === null) return done(incomplete());
  // Refinements (and any check the type's own node did not take): run on the copy, as zod runs them on its output.
  const refinements: Refinement<unknown>[] = [];
  for (const c of d.checks ?? []) {
    const cd = c._zod.def;
    if (cd.check !== 'custom') continue;
    const r = refinementOf(c);
    if (!r) return done(incomplete());
    refinements.push(r);
  }
  const typed = base;
  return done(
    withDates(
    refinements.length === 0
      ? typed
      : (v, depth, dates) => {
          const out = typed(v, depth, dates);
          if (out === BAIL) return BAIL;
          for (const r of refinements) if (r(out).length > 0) return BAIL;
          return out;
        },
    ),
  );
}

/**
 * `normalizeDates` reaches every field of a plain input: a genuine `Date` anywhere stands for its
 * civil date (read once, by its intrinsic time value); an object posing as a Date bails (refused).
 */
function withDates(v: Validate): Validate {
  return (input, depth, dates) => {
    if (!(dates && input instanceof Date)) return v(input, depth, dates);
    const t = genuineDateTime(input);
    return t === undefined ? BAIL : v(shanghaiDateOfTime(t) ?? 'Invalid Date', depth, dates);
  };
}

/** Length bounds: in UTF-16 units where that settles it, else in code points. */
function lengthOk(s: string, min: number, max: number): boolean {
  const units = s.length;
  if (units < min) return false;
  if (units <= max && units >= min * 2) return true;
  const n = codePoints(s);
  return n >= min && n <= max;
}

function stringNode(checks: readonly { _zod: { def: CheckDef } }[]): Validate | null {
  let min = 0;
  let max = Infinity;
  const patterns: RegExp[] = [];
  for (const c of checks) {
    const cd = c._zod.def;
    if (cd.check === 'min_length') min = Math.max(min, cd.minimum as number);
    else if (cd.check === 'max_length') max = Math.min(max, cd.maximum as number);
    else if (cd.check === 'length_equals') {
      min = Math.max(min, cd.length as number);
      max = Math.min(max, cd.length as number);
    } else if (cd.check === 'string_format' && cd.format === 'regex') patterns.push(cd.pattern as RegExp);
    else if (cd.check !== 'custom') return null;
  }
  const bounded = min > 0 || max !== Infinity;
  return (v) => {
    if (typeof v !== 'string') return BAIL;
    if (bounded && !lengthOk(v, min, max)) return BAIL;
    for (const p of patterns) {
      p.lastIndex = 0;
      if (!p.test(v)) return BAIL;
    }
    return v;
  };
}

function numberNode(checks: readonly { _zod: { def: CheckDef } }[]): Validate | null {
  let safeInt = false;
  let lo = -Infinity;
  let loIncl = true;
  let hi = Infinity;
  let hiIncl = true;
  for (const c of checks) {
    const cd = c._zod.def;
    if (cd.check === 'number_format' && cd.format === 'safeint') safeInt = true;
    else if (cd.check === 'greater_than') {
      lo = cd.value as number;
      loIncl = cd.inclusive === true;
    } else if (cd.check === 'less_than') {
      hi = cd.value as number;
      hiIncl = cd.inclusive === true;
    } else if (cd.check !== 'custom') return null;
  }
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return BAIL;
    if (safeInt && !Number.isSafeInteger(v)) return BAIL;
    if (loIncl ? v < lo : v <= lo) return BAIL;
    if (hiIncl ? v > hi : v >= hi) return BAIL;
    return v;
  };
}

function arrayNode(element: Validate, checks: readonly { _zod: { def: CheckDef } }[]): Validate | null {
  let min = 0;
  let max = Infinity;
  for (const c of checks) {
    const cd = c._zod.def;
    if (cd.check === 'min_length') min = Math.max(min, cd.minimum as number);
    else if (cd.check === 'max_length') max = Math.min(max, cd.maximum as number);
    else if (cd.check !== 'custom') return null;
  }
  return (v, depth, dates) => {
    if (!Array.isArray(v)) return BAIL;
    const n = v.length;
    if (n < min || n > max || n > MAX_INPUT_ARRAY_LENGTH || depth >= MAX_INPUT_DEPTH || (entriesLeft -= n) < 0) return BAIL;
    const out: unknown[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const x = element(v[i], depth + 1, dates);
      if (x === BAIL) return BAIL;
      out[i] = x;
    }
    return out;
  };
}

/** A plain object (JSON's, or one with a null prototype): 'plain', else null. 'plain' objects are reached by the date pre-pass. */
function objectKind(v: unknown): 'plain' | 'null-prototype' | null {
  if (v === null || typeof v !== 'object') return null;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype ? 'plain' : proto === null ? 'null-prototype' : null;
}

function objectNode(d: ZodDef, memo: Map<unknown, Validate>, state: { complete: boolean }): Validate | null {
  const catchall = d.catchall === undefined ? 'strip' : defOf(d.catchall).type === 'never' ? 'strict' : null;
  if (catchall === null) return null;
  const shape = d.shape as Record<string, unknown>;
  const keys = Object.keys(shape);
  const known = new Set(keys);
  const fields = keys.map((k) => node(shape[k], memo, state));
  const optional = keys.map((k) => isOptional(shape[k]));
  return (input, depth, dates) => {
    const kind = objectKind(input);
    if (kind === null || depth >= MAX_INPUT_DEPTH) return BAIL;
    const v = input as Record<string, unknown>;
    const inner = dates && kind === 'plain';
    let present = 0;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (!hasOwn.call(v, k)) {
        // zod reads `key in input`: an inherited field is left to it.
        if (k in v) return BAIL;
        if (optional[i]) continue;
        return BAIL;
      }
      present++;
      const x = fields[i]!(v[k], depth + 1, inner);
      if (x === BAIL) return BAIL;
      out[k] = x;
    }
    if (catchall === 'strict') {
      // Every own enumerable key known, and every known key present enumerable: else left to zod (which
      // refuses an unknown key). Counting alone is fooled by a non-enumerable known key beside an unknown one.
      const own = Object.keys(v);
      if (own.length !== present || (entriesLeft -= own.length) < 0) return BAIL;
      for (let i = 0; i < own.length; i++) if (!known.has(own[i]!)) return BAIL;
    } else {
      const own = Object.keys(v);
      if ((entriesLeft -= own.length) < 0) return BAIL;
      for (const k of own) if (isForbiddenKey(k)) return BAIL;
    }
    return out;
  };
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Whether `Object.prototype` carries an enumerable property (a polluted prototype): every object then
 * has an inherited key zod's key checks see, so the compiled validators leave all input to zod.
 */
export function prototypePolluted(): boolean {
  for (const _ in Object.prototype) return true;
  return false;
}

/** Can the field be absent? (zod's `optout`: an optional schema, or one that wraps it.) */
function isOptional(s: unknown): boolean {
  return (s as { _zod: { optout?: string } })._zod.optout === 'optional';
}

function unionNode(d: ZodDef, memo: Map<unknown, Validate>, state: { complete: boolean }): Validate | null {
  const options = (d.options as unknown[]).map((o) => node(o, memo, state));
  const disc = d.discriminator as string | undefined;
  if (disc !== undefined) {
    // Each option named by the literal value(s) of its discriminator field.
    const byValue = new Map<unknown, Validate>();
    (d.options as unknown[]).forEach((o, i) => {
      const field = (defOf(o).shape as Record<string, unknown> | undefined)?.[disc];
      const fd = field ? defOf(field) : null;
      const values = fd?.type === 'literal' ? (fd.values as unknown[]) : fd?.type === 'enum' ? Object.values(fd.entries as Record<string, unknown>) : [];
      for (const value of values) if (!byValue.has(value)) byValue.set(value, options[i]!);
    });
    return (v, depth, dates) => {
      if (objectKind(v) === null) return BAIL;
      const option = byValue.get((v as Record<string, unknown>)[disc]);
      return option ? option(v, depth, dates) : BAIL;
    };
  }
  return (v, depth, dates) => {
    for (const option of options) {
      const x = option(v, depth, dates);
      if (x !== BAIL) return x;
    }
    return BAIL;
  };
}

function recordNode(d: ZodDef, memo: Map<unknown, Validate>, state: { complete: boolean }): Validate | null {
  const key = node(d.keyType, memo, state);
  const value = node(d.valueType, memo, state);
  return (input, depth, dates) => {
    const kind = objectKind(input);
    if (kind === null || depth >= MAX_INPUT_DEPTH) return BAIL;
    const v = input as Record<string, unknown>;
    const inner = dates && kind === 'plain';
    const keys = Object.keys(v);
    // Symbol or non-enumerable keys: zod reads them too; leave such input to zod.
    if (Reflect.ownKeys(v).length !== keys.length || (entriesLeft -= keys.length) < 0) return BAIL;
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      if (isForbiddenKey(k) || key(k, depth + 1, false) === BAIL) return BAIL;
      const x = value(v[k], depth + 1, inner);
      if (x === BAIL) return BAIL;
      out[k] = x;
    }
    return out;
  };
}

/**
 * Host data (`z.unknown()`): passed on as zod passes it, after the pre-pass every input gets —
 * forbidden keys and nesting refused anywhere inside it, `Date`s inside plain objects and arrays
 * replaced by their civil dates (copies only where one is found).
 */
function hostData(v: unknown, depth: number, dates: boolean): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (!cleanKeys(v, depth)) return BAIL;
  return dates ? normalizeDatesAt(v, depth) : v;
}

/**
 * No forbidden key, no object nested at MAX_INPUT_DEPTH or deeper, no array over
 * MAX_INPUT_ARRAY_LENGTH (checked before it is walked), no object posing as a Date, and the entries
 * within the input's budget, anywhere in `v` (as the pre-pass checks: validate.ts).
 */
function cleanKeys(v: object, depth: number): boolean {
  if (v instanceof Date) return genuineDateTime(v) !== undefined;
  if (depth >= MAX_INPUT_DEPTH) return false;
  if (Array.isArray(v)) {
    const n = v.length;
    if (n > MAX_INPUT_ARRAY_LENGTH || (entriesLeft -= n) < 0) return false;
    for (let i = 0; i < n; i++) {
      const x: unknown = v[i];
      if (x !== null && typeof x === 'object' && !cleanKeys(x, depth + 1)) return false;
    }
    return true;
  }
  const keys = Object.keys(v);
  if ((entriesLeft -= keys.length) < 0) return false;
  for (const k of keys) {
    if (isForbiddenKey(k)) return false;
    const x = (v as Record<string, unknown>)[k];
    if (x !== null && typeof x === 'object' && !cleanKeys(x, depth + 1)) return false;
  }
  return true;
}
