import { toOptions } from '../_lib/input.js';
import type { Pack } from '../model/pack.js';
import { resolvePack, type ResolvedPack } from '../packs/internal.js';
import { compiledRunner, packFrom } from './_internal/compiledPack.js';
import { composeDecision } from '../decision/internal.js';
import type { Decision } from '../model/decision.js';
import { InvalidInputError, issue } from '../model/errors.js';
import type { Action, SubjectKind, Verdict } from '../model/vocabulary.js';
import { parseQuery } from '../model/parse.js';
import { verdictSteps } from './_internal/decide.js';
import { answerEach, checkSource, progressEveryOption } from './_internal/answerEach.js';
import { hostCalendarArg } from './_internal/hostCalendar.js';
import { runSync } from './_internal/steps.js';
import { jobContexts, type Job } from './_internal/subjectAtOnce.js';
import { checkedQuestions, jobsFor, type DecideSubjectOptions } from './decideSubject.js';
import type { SubjectSource } from './evaluateStream.js';
import type { StreamProgress } from './_internal/answerEach.js';

/** Options of `screen`: the questions asked of every subject, which decisions to build, progress and errors. */
export interface ScreenOptions extends DecideSubjectOptions {
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
 * back-pressure from a slow consumer. The packs are pinned when `screen` is called: looked up,
 * resolved with the packs they extend and compiled then, so a pack replaced while the roster is
 * read (`loadPack(json, { replace: true })`) does not reach this run (as with `evaluateStream`).
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
  checkSource(source);
  const calendar = hostCalendarArg(o.calendar, ['options', 'calendar']);
  const { packs, actions } = checkedQuestions(o.packs, o.actions);
  const decisions = o.decisions ?? 'not-clear';
  if (decisions !== 'not-clear' && decisions !== 'all' && decisions !== 'none') {
    throw new InvalidInputError([issue(['options', 'decisions'], 'invalid_value', "decisions 应为 'not-clear'、'all' 或 'none'", "decisions must be 'not-clear', 'all' or 'none'")]);
  }
  const every = progressEveryOption(o.progressEvery, ['options', 'progressEvery']);
  const onProgress = o.onProgress as ScreenOptions['onProgress'];
  const onError = o.onError as ScreenOptions['onError'];
  const shared = { asOf: o.asOf, ...(o.policy !== undefined ? { policy: o.policy } : {}) };
  // The questions checked once now, with a probe subject to which every action applies: a bad
  // option (date, year, policy, pack) fails at creation, not on the first subject.
  screenSubject({ id: 'probe', kind: 'civil-servant' }, jobsFor({ kind: 'civil-servant' }, packs, actions, o.assessmentYear), shared, calendar ? { hostCalendar: calendar } : {}, 'none');
  // The packs pinned now, resolved and compiled: a pack replaced while the roster is read
  // (loadPack with replace: true) does not reach this run, as it does not reach an evaluateStream.
  const pinned = new Map<string, { pack: Pack; resolved: ResolvedPack }>();
  const ids = packs.map((p) => {
    const pack = packFrom(p);
    const resolved = resolvePack(pack);
    compiledRunner(resolved);
    pinned.set(pack.id, { pack, resolved });
    return pack.id;
  });
  const contextOptions = { pinned, ...(calendar ? { hostCalendar: calendar } : {}) };

  return {
    async *[Symbol.asyncIterator]() {
      const answer = (subject: unknown) => screenSubject(subject, jobsFor(subject, ids, actions, o.assessmentYear, true), shared, contextOptions, decisions, ids[0]);
      for await (const { index, answer: s } of answerEach(source, answer, { every, onProgress, onError })) yield { index, subject: s.subject, results: s.results };
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
