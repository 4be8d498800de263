import { GovCreditError, InvalidInputError, issue } from '../../model/errors.js';
import { CliError, EXIT } from './exit.js';
import { QuerySchema } from '../../model/query.js';
import { closest, withSuggestions } from './suggest.js';
import { ACTIONS_BY_SUBJECT } from '../../model/pack.js';
import type { PolicyOverrides } from '../../model/policy.js';
import { ANNUAL_REVIEW_ACTIONS, SUBJECT_KINDS, type Action, type SubjectKind } from '../../model/vocabulary.js';

/** What the command line supplies for fields a line or file leaves out. */
export interface QueryDefaults {
  /** Pack ids (`--pack a,b` or `all`, already expanded). */
  packs: string[] | null;
  /** `--action a,b`, or 'all' for every action that applies to the subject's kind. */
  actions: Action[] | 'all' | null;
  asOf: string | null;
  year: number | null;
  policy: PolicyOverrides | null;
  /** `--unknown-years statutory|weekends-only`: the policy `unknownCalendarYears` of every query that does not set it. */
  unknownYears: 'statutory' | 'weekends-only' | null;
}

/**
 * Issue paths of a document that was a bare subject are reported relative to it (`records.0.…`),
 * not to the query the CLI wrapped it in (`subject.records.0.…`).
 */
export function isBareSubject(doc: unknown): boolean {
  return isObject(doc) && !('subject' in doc);
}

export function relativeToSubject<I extends { path: (string | number)[] }>(issues: readonly I[]): I[] {
  return issues.map((i) => (i.path[0] === 'subject' ? { ...i, path: i.path.slice(1) } : i));
}

/** Why an action asked for on the command line was not decided for a line's subject. */
export type SkipReason = 'not-applicable' | 'no-assessment-year';

/**
 * A library error about a query the CLI built from an input document, as the CLI reports it
 * (exit 1): did-you-mean suggestions added, paths relative to a bare subject.
 */
export function refusedInput(e: GovCreditError, doc: unknown, query: unknown): CliError {
  const issues = withSuggestions(e.issues, query);
  return CliError.from(e, EXIT.data, { issues: isBareSubject(doc) ? relativeToSubject(issues) : issues });
}

export interface Expanded {
  /** One query per pack × action (built on first read). */
  readonly queries: Record<string, unknown>[];
  /** Combinations left out: the action does not apply to the subject's kind. */
  notApplicable: number;
  /** Annual-review actions left out of `--action all` because no assessment year was given. */
  noYear: number;
  /** The actions left out (for every pack: whether an action applies depends on the subject only). */
  skipped: { action: Action; reason: SkipReason }[];
  /**
   * The same queries as one subject's questions (for `decideSubject`), when the document adds
   * nothing a query could carry besides them; null otherwise (each query is then asked alone).
   */
  together: SubjectQuestions | null;
}

/** One subject's questions: every pack × action, on one day, with one policy. */
export interface SubjectQuestions {
  subject: unknown;
  packs: unknown[];
  actions: unknown[];
  asOf: unknown;
  /** Given to the annual-review actions only. */
  assessmentYear?: number;
  policy?: unknown;
}

/** Query fields a line may give and still be asked as one subject's questions. */
const TOGETHER_KEYS = new Set(['subject', 'pack', 'action', 'asOf', 'policy']);

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The policy of a query the host asks: its own where it gives one, else `--policy`; and
 * `--unknown-years` fills its one field (`unknownCalendarYears`) where the policy leaves it out.
 * Undefined when neither gives anything. (The web service applies its options with the same rule.)
 */
export function withHostPolicy(policy: unknown, d: Pick<QueryDefaults, 'policy' | 'unknownYears'>): unknown {
  let out: unknown = policy === undefined && d.policy ? d.policy : policy;
  if (d.unknownYears) {
    if (out === undefined) out = { unknownCalendarYears: d.unknownYears };
    else if (isObject(out) && out.unknownCalendarYears === undefined) out = { ...out, unknownCalendarYears: d.unknownYears };
  }
  return out;
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
  if (missing.length) {
    // A field given under a misspelled key (`pakc`) is why it is missing: say so, with the key meant.
    const known = Object.keys(QuerySchema.shape);
    for (const k of Object.keys(base).filter((x) => !known.includes(x))) {
      const near = closest(k, known);
      missing.push({
        ...issue([], 'unrecognized_keys', `未知字段"${k}"`, `unrecognized key "${k}"`),
        ...(near ? { suggestion: near } : {}),
      });
    }
    throw new InvalidInputError(missing);
  }

  const subject = base.subject;
  const kind = isObject(subject) && (SUBJECT_KINDS as readonly unknown[]).includes(subject.kind) ? (subject.kind as SubjectKind) : null;
  let actions: unknown[];
  let notApplicable = 0;
  let noYear = 0;
  const skipped: Expanded['skipped'] = [];
  const year = base.assessmentYear ?? d.year ?? undefined;
  if (actionsAsked === 'all') {
    // An invalid subject: one query, so that validation reports the subject's own problems.
    actions = kind ? [...ACTIONS_BY_SUBJECT[kind]] : ['promotion'];
    if (year === undefined && kind) {
      for (const a of actions as Action[]) if (ANNUAL_REVIEW_ACTIONS.includes(a)) skipped.push({ action: a, reason: 'no-assessment-year' });
      actions = actions.filter((a) => !ANNUAL_REVIEW_ACTIONS.includes(a as Action));
      noYear = skipped.length;
    }
  } else if (!explicit && kind) {
    const applicable = ACTIONS_BY_SUBJECT[kind];
    actions = actionsAsked!.filter((a) => applicable.includes(a as Action));
    for (const a of actionsAsked!) if (!applicable.includes(a as Action)) skipped.push({ action: a as Action, reason: 'not-applicable' });
    notApplicable = skipped.length;
  } else {
    actions = actionsAsked!;
  }
  notApplicable *= packs!.length;
  noYear *= packs!.length;
  const policy = withHostPolicy(base.policy, d);
  const build = (): Record<string, unknown>[] => {
    const queries: Record<string, unknown>[] = [];
    for (const pack of packs!) {
      for (const action of actions) {
        const q: Record<string, unknown> = { ...base, pack, action, asOf };
        if (base.assessmentYear === undefined) {
          if (d.year !== null && ANNUAL_REVIEW_ACTIONS.includes(action as Action)) q.assessmentYear = d.year;
          else delete q.assessmentYear;
        }
        if (policy !== undefined) q.policy = policy;
        queries.push(q);
      }
    }
    return queries;
  };
  // An assessment year the document gives rides on every query (annual or not), as does any key
  // a query does not know (which evaluate refuses): such lines are asked query by query.
  const together =
    Object.keys(base).every((k) => TOGETHER_KEYS.has(k)) && packs!.length * actions.length > 1
      ? { subject, packs: packs!, actions, asOf, ...(d.year !== null ? { assessmentYear: d.year } : {}), ...(policy !== undefined ? { policy } : {}) }
      : null;
  // The queries one by one are built only when asked for (a line asked together never needs them).
  let queries: Record<string, unknown>[] | null = null;
  return {
    get queries() {
      return (queries ??= build());
    },
    notApplicable,
    noYear,
    skipped,
    together,
  };
}
