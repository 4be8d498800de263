import { InvalidInputError, issue } from '../../model/errors.js';
import { ACTIONS_BY_SUBJECT } from '../../model/pack.js';
import type { PolicyOverrides } from '../../model/policy.js';
import { ACTIONS, ANNUAL_REVIEW_ACTIONS, SUBJECT_KINDS, type Action, type SubjectKind } from '../../model/vocabulary.js';

/** What the command line supplies for fields a line or file leaves out. */
export interface QueryDefaults {
  /** Pack ids (`--pack a,b` or `all`, already expanded). */
  packs: string[] | null;
  /** `--action a,b`, or 'all' for every action that applies to the subject's kind. */
  actions: Action[] | 'all' | null;
  asOf: string | null;
  year: number | null;
  policy: PolicyOverrides | null;
}

/**
 * Issue paths of a document that was a bare subject are reported relative to it (`records.0.…`),
 * not to the query the CLI wrapped it in (`subject.records.0.…`).
 */
export function isBareSubject(doc: unknown): boolean {
  return isObject(doc) && !('subject' in doc);
}

export function relativeToSubject<E extends { issues: { path: (string | number)[] }[] }>(e: E): E {
  for (const i of e.issues) if (i.path[0] === 'subject') i.path.splice(0, 1);
  return e;
}

export interface Expanded {
  queries: Record<string, unknown>[];
  /** Combinations left out: the action does not apply to the subject's kind. */
  notApplicable: number;
  /** Annual-review actions left out of `--action all` because no assessment year was given. */
  noYear: number;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Turns one input document into the queries to decide. A document is a query (it has `subject`),
 * an example file from examples/subjects (it has `subject` and `expect`), or a subject. Fields the
 * document gives win; missing ones come from the command line, expanded over every pack and action
 * asked for. Missing and unusable fields raise the library's own InvalidInputError with the path.
 */
export function expandQueries(doc: unknown, d: QueryDefaults): Expanded {
  if (!isObject(doc)) {
    throw new InvalidInputError([issue([], 'invalid_type', '每行（每个文件）应为一个 JSON 对象：主体或查询', 'each line (file) must be a JSON object: a subject or a query')]);
  }
  let base: Record<string, unknown>;
  if ('subject' in doc && 'expect' in doc) {
    // An example file: its date and year are defaults that the command line may override.
    base = { subject: doc.subject };
    d = {
      ...d,
      asOf: d.asOf ?? (typeof doc.asOf === 'string' ? doc.asOf : null),
      year: d.year ?? (typeof doc.assessmentYear === 'number' ? doc.assessmentYear : null),
    };
  } else if ('subject' in doc) {
    base = { ...doc };
  } else {
    base = { subject: doc };
  }
  const missing = [];
  const packs = base.pack !== undefined ? [base.pack] : d.packs;
  if (!packs) missing.push(issue(['pack'], 'required', '缺少规则包：请用 --pack 或在查询中给出 pack', 'no pack: give --pack or a `pack` field'));
  const asOf = base.asOf ?? d.asOf;
  if (asOf === null || asOf === undefined) missing.push(issue(['asOf'], 'required', '缺少查询日期：请用 --as-of 或在查询中给出 asOf', 'no date: give --as-of or an `asOf` field'));
  const explicit = base.action !== undefined;
  const actionsAsked = explicit ? [base.action] : d.actions;
  if (!actionsAsked) missing.push(issue(['action'], 'required', '缺少事项：请用 --action 或在查询中给出 action', 'no action: give --action or an `action` field'));
  if (missing.length) throw new InvalidInputError(missing);

  const subject = base.subject;
  const kind = isObject(subject) && (SUBJECT_KINDS as readonly unknown[]).includes(subject.kind) ? (subject.kind as SubjectKind) : null;
  let actions: unknown[];
  let notApplicable = 0;
  let noYear = 0;
  const year = base.assessmentYear ?? d.year ?? undefined;
  if (actionsAsked === 'all') {
    // An invalid subject: one query, so that validation reports the subject's own problems.
    actions = kind ? [...ACTIONS_BY_SUBJECT[kind]] : [ACTIONS[0]];
    if (year === undefined) {
      const before = actions.length;
      actions = actions.filter((a) => !ANNUAL_REVIEW_ACTIONS.includes(a as Action));
      noYear = before - actions.length;
    }
  } else if (!explicit && kind) {
    const applicable = ACTIONS_BY_SUBJECT[kind];
    actions = actionsAsked!.filter((a) => applicable.includes(a as Action));
    notApplicable = actionsAsked!.length - actions.length;
  } else {
    actions = actionsAsked!;
  }
  notApplicable *= packs!.length;
  noYear *= packs!.length;
  const queries: Record<string, unknown>[] = [];
  for (const pack of packs!) {
    for (const action of actions) {
      const q: Record<string, unknown> = { ...base, pack, action, asOf };
      const annual = ANNUAL_REVIEW_ACTIONS.includes(action as Action);
      if (base.assessmentYear === undefined) {
        if (annual && d.year !== null) q.assessmentYear = d.year;
        else delete q.assessmentYear;
      }
      if (base.policy === undefined && d.policy) q.policy = d.policy;
      queries.push(q);
    }
  }
  return { queries, notApplicable, noYear };
}
