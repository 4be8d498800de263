import { toOptions } from '../calendar/_internal/input.js';
import type { Calendar } from '../calendar/types.js';
import { composeDecision } from '../decision/_internal/compose.js';
import type { DateInput } from '../model/date.js';
import type { Decision } from '../model/decision.js';
import { InvalidInputError, issue } from '../model/errors.js';
import type { Pack } from '../model/pack.js';
import type { PolicyOverrides } from '../model/policy.js';
import type { Action, SubjectKind, Verdict } from '../model/vocabulary.js';
import { parseQuery } from '../model/parse.js';
import { verdictSteps } from './_internal/decide.js';
import { errorAt } from './_internal/compiledPack.js';
import { hostCalendarArg } from './_internal/hostCalendar.js';
import { runSync } from './_internal/steps.js';
import { jobContexts, type Job } from './_internal/subjectAtOnce.js';
import { checkedQuestions, jobsFor } from './decideSubject.js';
import type { SubjectSource, StreamProgress } from './evaluateStream.js';

/** Options of `screen`: the questions asked of every subject, which decisions to build, progress and errors. */
export interface ScreenOptions {
  /** Shipped or loaded pack ids, or pack objects (validated); each once. */
  packs: readonly (string | Pack)[];
  /**
   * The actions to ask under every pack; default `'all'`: every action that applies to each
   * subject's kind (for a person the annual-review actions only when `assessmentYear` is given).
   */
  actions?: readonly Action[] | 'all';
  /** The day of the questions (`YYYY-MM-DD` or a `Date`, read in Asia/Shanghai). */
  asOf: DateInput;
  /** The year under review, given to `excellent-rating` and `annual-rating` (which need it). */
  assessmentYear?: number;
  /** Policy overrides for every question, as a query's `policy`. */
  policy?: PolicyOverrides;
  /** The holiday data deadlines are counted on; default the official data. */
  calendar?: Calendar;
  /**
   * Which answers carry their full Decision: `'not-clear'` (default: the ones an officer must read),
   * `'all'`, or `'none'` (verdicts and clearFrom only: the fastest).
   */
  decisions?: 'not-clear' | 'all' | 'none';
  /** Called every `progressEvery` subjects and once at the end (`count`: subjects screened). */
  onProgress?: (progress: StreamProgress) => void;
  /** Default 10,000. */
  progressEvery?: number;
  /**
   * Called instead of throwing when a subject cannot be screened; the subject is then skipped.
   * Without it, the stream throws the subject's error with each issue's path under the subject's index.
   */
  onError?: (error: unknown, index: number) => void;
}

/** One answer of a screening: the verdict and the day it clears, and the Decision where asked for. */
export interface ScreenResult {
  pack: string;
  action: Action;
  verdict: Verdict;
  /** The first day from which the answer is clear with the records known (`asOf` when clear), or null. */
  clearFrom: string | null;
  /** The full decision, as `evaluate` gives it: for answers that are not clear (or every answer, or none: option `decisions`). */
  decision?: Decision;
}

/** The answers for one subject of the roster, in the order asked (pack by pack, action by action). */
export interface ScreenedSubject {
  /** The subject's position in the stream (0-based). */
  index: number;
  subject: { id: string; kind: SubjectKind };
  results: ScreenResult[];
}

const KEYS = ['packs', 'actions', 'asOf', 'assessmentYear', 'policy', 'calendar', 'decisions', 'onProgress', 'progressEvery', 'onError'] as const;

/**
 * Screens a roster — "who in this province may be rated 优秀 this year?" — verdict first: for each
 * subject of a stream and each pack and action, the verdict and `clearFrom`, with the full Decision
 * built only where it is wanted (by default where the answer is not clear). Each subject is validated
 * once and its records reduced once per pack (as `decideSubject`), and a clear answer costs no
 * composition. Verdicts and clearFrom equal `evaluate`'s; the decisions given deep-equal them.
 * Subjects are read one at a time and each is answered before the next is read: constant memory,
 * back-pressure from a slow consumer.
 *
 * @param source - subjects: an async iterable, an iterable, or a Node `Readable` in object mode.
 * Actions asked that do not apply to a subject's kind (a government is not rated) are left out of
 * its results.
 *
 * @param options - `packs`, `actions?`, `asOf`, `assessmentYear?`, `policy?`, `calendar?`, `decisions?`,
 *   `onProgress?`, `progressEvery?`, `onError?`.
 * @returns an async iterable of `{ index, subject: { id, kind }, results: [{ pack, action, verdict, clearFrom, decision? }] }`.
 * @throws at creation: InvalidInputError (options), UnknownPackError, InvalidPackError; while
 *   iterating: the first subject's error (paths under its index) unless `onError`.
 * @example
 * for await (const s of screen(roster, { packs: ['cn-tj-binhai'], actions: ['excellent-rating'], asOf: '2026-12-20', assessmentYear: 2026 })) {
 *   const r = s.results[0]!;
 *   if (r.verdict !== 'clear') report(s.subject.id, r.verdict, r.clearFrom, r.decision); // 不得评为优秀, with reasons
 * }
 */
export function screen(source: SubjectSource, options: ScreenOptions): AsyncIterable<ScreenedSubject> {
  const o = toOptions(options, ['options'], KEYS);
  const iterable = source as { [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown } | null;
  if (iterable === null || typeof iterable !== 'object' || (typeof iterable[Symbol.asyncIterator] !== 'function' && typeof iterable[Symbol.iterator] !== 'function')) {
    throw new InvalidInputError([issue(['source'], 'invalid_type', '应为可迭代的主体序列（异步可迭代对象或 Node 流）', 'expected an (async) iterable of subjects or a Node Readable')]);
  }
  const calendar = hostCalendarArg(o.calendar, ['options', 'calendar']);
  const { packs, actions } = checkedQuestions(o.packs, o.actions);
  const decisions = o.decisions ?? 'not-clear';
  if (decisions !== 'not-clear' && decisions !== 'all' && decisions !== 'none') {
    throw new InvalidInputError([issue(['options', 'decisions'], 'invalid_value', "decisions 应为 'not-clear'、'all' 或 'none'", "decisions must be 'not-clear', 'all' or 'none'")]);
  }
  const every = o.progressEvery ?? 10_000;
  if (!Number.isInteger(every) || (every as number) < 1) {
    throw new InvalidInputError([issue(['options', 'progressEvery'], 'invalid_value', 'progressEvery 应为正整数', 'progressEvery must be a positive integer')]);
  }
  const onProgress = o.onProgress as ScreenOptions['onProgress'];
  const onError = o.onError as ScreenOptions['onError'];
  const shared = { asOf: o.asOf, ...(o.policy !== undefined ? { policy: o.policy } : {}) };
  const contextOptions = calendar ? { hostCalendar: calendar } : {};
  // The questions checked once now, with a probe subject to which every action applies: a bad
  // option (date, year, policy, pack) fails at creation, not on the first subject.
  screenSubject({ id: 'probe', kind: 'civil-servant' }, jobsFor({ kind: 'civil-servant' }, packs, actions, o.assessmentYear), shared, contextOptions, 'none');

  return {
    async *[Symbol.asyncIterator]() {
      let index = 0;
      let count = 0;
      const started = performance.now();
      const progress = (): void => {
        const elapsedMs = performance.now() - started;
        onProgress!({ count, rate: elapsedMs > 0 ? (count * 1000) / elapsedMs : 0, elapsedMs });
      };
      for await (const subject of source as AsyncIterable<unknown>) {
        const i = index++;
        let screened: Omit<ScreenedSubject, 'index'>;
        try {
          screened = screenSubject(subject, jobsFor(subject, packs, actions, o.assessmentYear, true), shared, contextOptions, decisions, packs[0]);
        } catch (e) {
          if (onError) {
            onError(errorAt(e, [i]), i);
            continue;
          }
          throw errorAt(e, [i]);
        }
        count++;
        if (onProgress && count % (every as number) === 0) progress();
        yield { index: i, subject: screened.subject, results: screened.results };
      }
      if (onProgress) progress();
    },
  };
}

/**
 * The answers for one subject, verdict first: the Decision composed only where `decisions` asks.
 * @throws what `decideSubject` throws for the subject.
 */
export function screenSubject(
  subject: unknown,
  jobs: readonly Job[],
  shared: { asOf: unknown; policy?: unknown },
  contextOptions: Parameters<typeof jobContexts>[3],
  decisions: 'not-clear' | 'all' | 'none',
  firstPack?: unknown,
): Omit<ScreenedSubject, 'index'> {
  const out: ScreenResult[] = [];
  let who: ScreenedSubject['subject'] | null = null;
  if (jobs.length === 0) {
    // No action asked applies to this subject: it is validated all the same (as for a question every kind may be asked).
    const q = parseQuery({ pack: firstPack, subject, action: 'honour-selection', asOf: shared.asOf, ...(shared.policy !== undefined ? { policy: shared.policy } : {}) });
    return { subject: { id: q.subject.id, kind: q.subject.kind }, results: out };
  }
  for (const { ctx, run } of jobContexts(subject, jobs, shared, contextOptions)) {
    who ??= { id: ctx.subject.id, kind: ctx.subject.kind };
    const v = runSync(verdictSteps(ctx), run);
    const result: ScreenResult = { pack: ctx.pack.id, action: ctx.query.action, verdict: v.verdict, clearFrom: v.clearFrom };
    if (decisions === 'all' || (decisions === 'not-clear' && v.verdict !== 'clear')) {
      result.decision = composeDecision(v.day, v.fired, v.verdict === 'clear' ? null : v.clearFrom, v.reasons);
    }
    out.push(result);
  }
  return { subject: who!, results: out };
}
