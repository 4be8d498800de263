/**
 * Validation of untrusted input, once, at the boundary: the pre-pass every input gets (forbidden
 * keys, nesting, dates), zod (the reference, which builds every error), and the compiled validators
 * that answer first for valid input (compileSchema.ts). The public parse functions (parse.ts) and
 * the decision pipeline call these; internal steps take the validated forms and never validate again.
 */
import type * as z from 'zod';
import { copyPlainData, MAX_INPUT_DEPTH, type PlainIssue } from '../../_lib/plain.js';
import { FORBIDDEN_KEYS } from '../common.js';
import { IsoDateSchema, normalizeDates } from '../date.js';
import { InvalidPackError, issue, issuesFromZod, type Issue } from '../errors.js';
import { QuerySchema, type Query } from '../query.js';
import { SubjectSchema, type Subject } from '../subject.js';
import { BAIL, compileSchema, prototypePolluted, type Validate } from './compileSchema.js';

/**
 * Keys that could reach an object's prototype (`__proto__`, `constructor`, `prototype`) are
 * refused wherever they occur in untrusted input, before any schema sees it; so is nesting deeper
 * than MAX_INPUT_DEPTH (no valid input comes near it), which also stops a cyclic object.
 */
function forbiddenKeys(value: unknown, path: (string | number)[], out: Issue[], depth = 0): void {
  if (out.length >= 20 || value === null || typeof value !== 'object') return;
  if (depth >= MAX_INPUT_DEPTH) {
    out.push(tooDeep(path));
    return;
  }
  // `path` is one stack for the whole walk, copied only into an issue: every query passes through
  // here, so the walk must not allocate per node (the fast path decides ~10^4 queries a second).
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === null || typeof v !== 'object') continue;
      path.push(i);
      forbiddenKeys(v, path, out, depth + 1);
      path.pop();
    }
    return;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      out.push(issue([...path, key], 'forbidden_key', `不允许的键名 "${key}"`, `forbidden key "${key}"`));
      continue;
    }
    const v = (value as Record<string, unknown>)[key];
    if (v === null || typeof v !== 'object') continue;
    path.push(key);
    forbiddenKeys(v, path, out, depth + 1);
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

/** The issues of `copyPlainData`, as library issues. */
export function plainIssues(found: PlainIssue[], prefix: (string | number)[]): Issue[] {
  return found.map((f) =>
    f.code === 'too_deep'
      ? tooDeep([...prefix, ...f.path])
      : issue([...prefix, ...f.path], 'invalid_type', `应为 JSON 数据，收到 ${f.what}`, `expected JSON data, received ${f.what}`),
  );
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
  const bad: Issue[] = [];
  forbiddenKeys(input, [...prefix], bad);
  if (bad.length) return { ok: false, issues: bad };
  const r = schema.safeParse(normalizeDates(input), { reportInput: true, error: markDates });
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
    const v = fast().query(input, 0, true);
    if (v !== BAIL) return { ok: true, value: v as Query };
  }
  // A pack given inline is copied first, like one given to loadPack: the query holds its own.
  return run(QuerySchema, copyInlinePack(input), []);
}

/** As `validateQuery`, for a subject. */
export function validateSubject(input: unknown): { ok: true; value: Subject } | { ok: false; issues: Issue[] } {
  const v = prototypePolluted() ? BAIL : fast().subject(input, 0, true);
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
