import { toOptions } from '../_lib/input.js';
import type { Calendar } from '../calendar/types.js';
import type { DateInput } from '../model/date.js';
import type { Decision } from '../model/decision.js';
import { InvalidInputError, issue } from '../model/errors.js';
import type { SubjectInput } from '../model/input.js';
import type { Pack } from '../model/pack.js';
import { ACTIONS_BY_SUBJECT } from '../model/pack.js';
import type { PolicyOverrides } from '../model/policy.js';
import type { Untyped } from '../model/untyped.js';
import { ANNUAL_REVIEW_ACTIONS, SUBJECT_KINDS, type Action, type SubjectKind } from '../model/vocabulary.js';
import { decisionSteps } from './_internal/decide.js';
import { hostCalendarArg } from './_internal/hostCalendar.js';
import { runSync } from './_internal/steps.js';
import type { ContextOptions } from './_internal/context.js';
import { jobContexts, type Job, type Shared } from './_internal/subjectAtOnce.js';

/** Options of `decideSubject`: the packs and actions to ask, the day, and what every question shares. */
export interface DecideSubjectOptions {
  /** Shipped or loaded pack ids (e.g. `'cn-tj-binhai'`), or pack objects (validated); each once. */
  packs: readonly (string | Pack)[];
  /**
   * The actions to ask under every pack, in this order; default `'all'`: every action that applies
   * to the subject's kind (for a person the annual-review actions only when `assessmentYear` is given).
   */
  actions?: readonly Action[] | 'all';
  /** The day of the questions (`YYYY-MM-DD` or a `Date`, read in Asia/Shanghai). */
  asOf: DateInput;
  /**
   * The year under review, given to the annual-review actions (`excellent-rating`, `annual-rating`),
   * which need it; the other actions are asked without it, as `evaluate` asks them.
   */
  assessmentYear?: number;
  /** Policy overrides for every question, as a query's `policy` (noted with source `query`). */
  policy?: PolicyOverrides;
  /** The holiday data deadlines are counted on (as `evaluate`'s option); default the official data. */
  calendar?: Calendar;
}

/** The decisions of one subject, keyed by pack id and action, in the order asked. */
export type SubjectDecisions = Record<string, Partial<Record<Action, Decision>>>;

const KEYS = ['packs', 'actions', 'asOf', 'assessmentYear', 'policy', 'calendar'] as const;

/**
 * Decides one subject under several packs and for several actions at once — a person's whole
 * standing in an assessment season: the subject is validated once, its records' event logs read
 * once, its records reduced once per pack (once for all packs whose policy and deadlines are the
 * same), and every question decided from those with the packs' compiled rules. The decisions are
 * those `evaluate` gives for each query `{ pack, subject, action, asOf, assessmentYear?, policy? }`
 * asked in turn (deep-equal), several times faster per decision.
 *
 * @param subject - the subject, with its records and honours (validated like any input).
 * @param options - `packs`, `actions?` (default `'all'`), `asOf`, `assessmentYear?`, `policy?`, `calendar?`.
 * @returns `{ [packId]: { [action]: Decision } }`, packs and actions in the order asked.
 * @throws what `evaluate` throws for the first question (pack by pack, action by action) that
 *   fails, with its paths (`subject.records.2.decidedOn`, `asOf`, `action`); InvalidPackError for a
 *   pack with a construct the compiler does not handle (as `createEvaluator`); InvalidInputError for
 *   options that are not an object with known keys, `packs` that is not a non-empty list without
 *   repeats, or `actions` that is neither `'all'` nor a list without repeats.
 * @example
 * const all = decideSubject(person, { packs: ['cn-national', 'cn-tj-binhai'], asOf: '2026-12-20', assessmentYear: 2026 });
 * all['cn-tj-binhai']['excellent-rating'].verdict; // 'barred' (TJB-4) — as evaluate({ pack: 'cn-tj-binhai', subject: person, action: 'excellent-rating', … })
 * all['cn-national'].promotion.clearFrom;          // the day the bar lifts
 */
export function decideSubject(subject: SubjectInput | Untyped, options: DecideSubjectOptions): SubjectDecisions {
  const o = toOptions(options, ['options'], KEYS);
  const calendar = hostCalendarArg(o.calendar, ['options', 'calendar']);
  const { packs, actions } = checkedQuestions(o.packs, o.actions);
  const jobs = jobsFor(subject, packs, actions, o.assessmentYear);
  const shared = { asOf: o.asOf, ...(o.policy !== undefined ? { policy: o.policy } : {}) };
  const out: SubjectDecisions = {};
  for (const d of decideJobs(subject, jobs, shared, calendar ? { hostCalendar: calendar } : {})) (out[d.pack.id] ??= {})[d.action] = d;
  return out;
}

/**
 * The decisions of one subject's questions, in the order of `jobs` (decideSubject's core; the CLI
 * batch asks a line's questions through it).
 * @throws what `evaluate` throws for the first question that fails.
 */
export function decideJobs(subject: unknown, jobs: readonly Job[], shared: Shared, contextOptions: ContextOptions): Decision[] {
  const out: Decision[] = [];
  for (const { ctx, run } of jobContexts(subject, jobs, shared, contextOptions)) out.push(runSync(decisionSteps(ctx), run));
  return out;
}

/**
 * The `packs` and `actions` options (of decideSubject and screen), checked: a non-empty list of packs
 * without repeats; `'all'` or a list of actions without repeats.
 */
export function checkedQuestions(packsOption: unknown, actionsOption: unknown): { packs: unknown[]; actions: unknown[] | 'all' } {
  const packs = listOption(packsOption, 'packs');
  const actions = actionsOption === undefined || actionsOption === 'all' ? 'all' : listOption(actionsOption, 'actions');
  const ids = packs.map((p) => (typeof p === 'string' ? p : p !== null && typeof p === 'object' ? (p as { id?: unknown }).id : undefined));
  ids.forEach((id, i) => {
    if (typeof id === 'string' && ids.indexOf(id) !== i) {
      throw new InvalidInputError([issue(['options', 'packs', i], 'duplicate', `规则包 ${id} 重复`, `pack ${id} is listed twice`)]);
    }
  });
  return { packs, actions };
}

function listOption(v: unknown, name: 'packs' | 'actions'): unknown[] {
  if (!Array.isArray(v) || v.length === 0) {
    throw new InvalidInputError([
      issue(
        ['options', name],
        v === undefined ? 'required' : 'invalid_type',
        name === 'packs' ? '应为非空的规则包列表（标识或规则包对象）' : "应为非空的事项列表或 'all'",
        name === 'packs' ? 'expected a non-empty list of packs (ids or pack objects)' : "expected a non-empty list of actions or 'all'",
      ),
    ]);
  }
  if (name === 'actions') {
    v.forEach((a, i) => {
      if (v.indexOf(a) !== i) throw new InvalidInputError([issue(['options', 'actions', i], 'duplicate', `事项 ${String(a)} 重复`, `action ${String(a)} is listed twice`)]);
    });
  }
  return v;
}

/**
 * The questions, pack by pack: the actions asked (or every one that applies), the year on the
 * annual-review ones. With `applicableOnly` (screening a roster), asked actions that do not apply to
 * the subject's kind are left out for it.
 */
export function jobsFor(subject: unknown, packs: readonly unknown[], actions: readonly unknown[] | 'all', year: unknown, applicableOnly = false): Job[] {
  const kind = subject !== null && typeof subject === 'object' ? (subject as { kind?: unknown }).kind : undefined;
  const known = SUBJECT_KINDS.includes(kind as SubjectKind);
  let asked: readonly unknown[];
  if (actions === 'all') {
    // A subject of no known kind: one question, so that its validation reports the subject's problems.
    asked = known ? ACTIONS_BY_SUBJECT[kind as SubjectKind].filter((a) => year !== undefined || !ANNUAL_REVIEW_ACTIONS.includes(a)) : ['promotion'];
  } else if (applicableOnly && known) {
    asked = actions.filter((a) => ACTIONS_BY_SUBJECT[kind as SubjectKind].includes(a as Action));
  } else asked = actions;
  const jobs: Job[] = [];
  for (const pack of packs) {
    for (const action of asked) {
      const annual = ANNUAL_REVIEW_ACTIONS.includes(action as Action);
      jobs.push(annual && year !== undefined ? { pack, action, assessmentYear: year } : { pack, action });
    }
  }
  return jobs;
}
