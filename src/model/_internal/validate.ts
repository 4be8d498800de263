/**
 * Validation of untrusted input, once, at the boundary: the pre-pass every input gets (forbidden
 * keys, nesting, dates), zod (the reference, which builds every error), and the compiled validators
 * that answer first for valid input (compileSchema.ts). The public parse functions (parse.ts) and
 * the decision pipeline call these; internal steps take the validated forms and never validate again.
 */
import type * as z from 'zod';
import { genuineDateTime } from '../../_lib/days.js';
import { copyPlainData, isForbiddenKey, MAX_INPUT_ARRAY_LENGTH, MAX_INPUT_DEPTH, MAX_INPUT_ENTRIES, type PlainIssue } from '../../_lib/plain.js';
import { IsoDateSchema, normalizeDates } from '../date.js';
import { GovCreditError, InvalidPackError, issue, issuesFromZod, type Issue } from '../errors.js';
import { QuerySchema, type Query } from '../query.js';
import { SubjectSchema, type Subject } from '../subject.js';
import { BAIL, compileSchema, prototypePolluted, validateWithin, type Validate } from './compileSchema.js';

/**
 * The pre-pass every untrusted input gets before any schema sees it, one walk that checks the
 * limits before it walks (INPUT_LIMITS): keys that could reach an object's prototype (`__proto__`,
 * `constructor`, `prototype`) anywhere; nesting deeper than MAX_INPUT_DEPTH (which also stops a
 * cyclic object); an array longer than MAX_INPUT_ARRAY_LENGTH, refused by its length before any
 * item is read (a sparse array or a Proxy claiming 10^9 items costs nothing); more than
 * MAX_INPUT_ENTRIES entries in all (an object graph that shares nodes to look small); an object
 * posing as a `Date` that is not one; and a value that throws when read (a getter, a Proxy trap).
 * No valid input comes near a limit.
 */
export function prePass(value: unknown, prefix: readonly (string | number)[]): Issue[] {
  // Only objects and arrays are walked; anything else (null, a number) is zod's to refuse by its type.
  if (value === null || typeof value !== 'object') return [];
  const w: Walk = { path: [...prefix], out: [], left: MAX_INPUT_ENTRIES };
  try {
    inspect(value, w, 0);
  } catch (e) {
    // `path` still holds the path of the value whose reading threw.
    w.out.push(unreadable(w.path, e));
  }
  return w.out;
}

interface Walk {
  /** One stack for the whole walk, copied only into an issue: the walk allocates nothing per node. */
  path: (string | number)[];
  out: Issue[];
  /** Entries the input may still have (MAX_INPUT_ENTRIES at the start). */
  left: number;
}

function inspect(value: unknown, w: Walk, depth: number): void {
  if (w.out.length >= 20 || w.left < 0) return;
  if (value instanceof Date) {
    if (genuineDateTime(value) === undefined) w.out.push(forgedDate(w.path));
    return;
  }
  if (depth >= MAX_INPUT_DEPTH) {
    w.out.push(tooDeep(w.path));
    return;
  }
  const path = w.path;
  if (Array.isArray(value)) {
    const n = value.length;
    if (n > MAX_INPUT_ARRAY_LENGTH) {
      w.out.push(arrayTooLong(path, n));
      return;
    }
    if ((w.left -= n) < 0) {
      w.out.push(inputTooLarge(path));
      return;
    }
    for (let i = 0; i < n; i++) {
      // On the path before it is read: a read that throws is reported at the item.
      path.push(i);
      const v: unknown = value[i];
      if (v !== null && typeof v === 'object') inspect(v, w, depth + 1);
      path.pop();
    }
    return;
  }
  const keys = Object.keys(value as object);
  if ((w.left -= keys.length) < 0) {
    w.out.push(inputTooLarge(path));
    return;
  }
  for (const key of keys) {
    if (isForbiddenKey(key)) {
      w.out.push(issue([...path, key], 'forbidden_key', `不允许的键名 "${key}"`, `forbidden key "${key}"`));
      continue;
    }
    path.push(key);
    const v = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object') inspect(v, w, depth + 1);
    path.pop();
  }
}

function tooDeep(path: (string | number)[]): Issue {
  return issue(
    [...path],
    'too_deep',
    `输入嵌套超过 ${MAX_INPUT_DEPTH} 层（或含有循环引用）`,
    `input nested deeper than ${MAX_INPUT_DEPTH} levels (or cyclic)`,
  );
}

const count = (n: number): string => n.toLocaleString('en-US');

function arrayTooLong(path: (string | number)[], n: number): Issue {
  return issue(
    [...path],
    'too_big',
    `数组最多 ${count(MAX_INPUT_ARRAY_LENGTH)} 项，此数组有 ${count(n)} 项`,
    `an array may have at most ${count(MAX_INPUT_ARRAY_LENGTH)} items; this one has ${count(n)}`,
  );
}

function inputTooLarge(path: (string | number)[]): Issue {
  return issue(
    [...path],
    'input_too_large',
    `输入过大：数组项与对象属性合计超过 ${count(MAX_INPUT_ENTRIES)} 个（同一对象每被引用一次计一次）`,
    `input too large: more than ${count(MAX_INPUT_ENTRIES)} array items and object properties in all (an object counted each time it is reached)`,
  );
}

function forgedDate(path: (string | number)[]): Issue {
  return issue(
    [...path],
    'invalid_date',
    '不是真正的 Date 对象（如 Object.create(Date.prototype) 或包装 Date 的 Proxy）：应为 YYYY-MM-DD 字符串或 Date',
    'not a genuine Date object (such as Object.create(Date.prototype) or a Proxy around a Date); expected a YYYY-MM-DD string or a Date',
  );
}

function unreadable(path: readonly (string | number)[], e: unknown): Issue {
  const msg = e instanceof Error ? e.message : String(e);
  const shown = msg.length > 200 ? `${msg.slice(0, 200)}…` : msg;
  return issue([...path], 'unreadable', `无法读取该值（读取时抛出：${shown}）`, `the value cannot be read (reading it threw: ${shown})`);
}

/** The issues of `copyPlainData`, as library issues. */
export function plainIssues(found: PlainIssue[], prefix: (string | number)[]): Issue[] {
  return found.map((f) => {
    const path = [...prefix, ...f.path];
    switch (f.code) {
      case 'too_deep':
        return tooDeep(path);
      case 'too_big':
        return arrayTooLong(path, f.length ?? 0);
      case 'input_too_large':
        return inputTooLarge(path);
      case 'invalid_date':
        return forgedDate(path);
      case 'unreadable':
        return unreadable(path, f.what);
      default:
        return issue(path, 'invalid_type', `应为 JSON 数据，收到 ${f.what}`, `expected JSON data, received ${f.what}`);
    }
  });
}

/**
 * zod reports a date field of the wrong type as "expected string": say "date" instead, so that the
 * message asks for a date (YYYY-MM-DD). Adds a fact to the issue and leaves the message to the
 * renderer (issuesFromZod), hence returns nothing.
 */
const markDates: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'invalid_type' && iss.inst === IsoDateSchema) (iss as { expected: string }).expected = 'date';
  return undefined;
};

/**
 * Validates with zod after the pre-pass (forbidden keys, nesting, dates): the reference, and what
 * builds every error. The compiled validators below answer first; this runs when they bail.
 */
export function run<S extends z.ZodType>(schema: S, input: unknown, prefix: (string | number)[]): { ok: true; value: z.infer<S> } | { ok: false; issues: Issue[] } {
  const bad = prePass(input, prefix);
  if (bad.length) return { ok: false, issues: bad };
  let r: z.ZodSafeParseResult<z.infer<S>>;
  try {
    r = schema.safeParse(normalizeDates(input), { reportInput: true, error: markDates }) as z.ZodSafeParseResult<z.infer<S>>;
  } catch (e) {
    // A getter or Proxy trap that answered the pre-pass and throws when zod reads it again.
    if (e instanceof GovCreditError) throw e;
    return { ok: false, issues: [unreadable(prefix, e)] };
  }
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, issues: issuesFromZod(r.error.issues, prefix) };
}

// The compiled validators (compileSchema.ts), made on first use: importing the library costs nothing.
let compiled: { query: Validate; subject: Validate } | null = null;
function fast(): { query: Validate; subject: Validate } {
  return (compiled ??= { query: compileSchema(QuerySchema).validate, subject: compileSchema(SubjectSchema).validate });
}

/**
 * The validated copy of a query or subject: from the compiled validator, or from zod where the
 * compiled one bails (then zod's issues are the error). Both give the same value (the tests hold
 * them to it); zod only runs for invalid input and the few shapes the compiled one leaves to it.
 */
export function validateQuery(input: unknown): { ok: true; value: Query } | { ok: false; issues: Issue[] } {
  if (input !== null && typeof input === 'object' && typeof (input as { pack?: unknown }).pack === 'string' && !prototypePolluted()) {
    const v = validateWithin(fast().query, input);
    if (v !== BAIL) return { ok: true, value: v as Query };
  }
  // A pack given inline is copied first, like one given to loadPack: the query holds its own.
  return run(QuerySchema, copyInlinePack(input), []);
}

/** As `validateQuery`, for a subject. */
export function validateSubject(input: unknown): { ok: true; value: Subject } | { ok: false; issues: Issue[] } {
  const v = prototypePolluted() ? BAIL : validateWithin(fast().subject, input);
  if (v !== BAIL) return { ok: true, value: v as Subject };
  return run(SubjectSchema, input, []);
}

/** The zod path alone (the reference the compiled validators are tested against). */
export function validateWithZod(schema: 'query' | 'subject', input: unknown): { ok: true; value: Query | Subject } | { ok: false; issues: Issue[] } {
  return schema === 'query' ? run(QuerySchema, copyInlinePack(input), []) : run(SubjectSchema, input, []);
}

/**
 * The query with its inline pack (an object not validated here before) replaced by a copy of its
 * plain data; the query itself when it has none. Refuses what is not plain data (InvalidPackError).
 */
export function copyInlinePack(input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const inline = (input as { pack?: unknown }).pack;
  if (inline === null || typeof inline !== 'object' || packsValidated.has(inline)) return input;
  const found: PlainIssue[] = [];
  const copy = copyPlainData(inline, found);
  if (found.length) throw new InvalidPackError(plainIssues(found, ['pack']));
  return { ...input, pack: copy };
}

/** Packs this module validated and froze: nothing can have changed them since. */
export const packsValidated = new WeakSet<object>();


/** The compiled validators themselves, for the tests that hold them to zod. */
export function compiledValidators(): { query: Validate; subject: Validate } {
  return fast();
}
