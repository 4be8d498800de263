import type { Decision } from '../model/decision.js';
import { InvalidInputError, issue } from '../model/errors.js';
import type { Pack } from '../model/pack.js';
import type { PolicyOverrides } from '../model/policy.js';
import type { DateInput } from '../model/date.js';
import type { Action } from '../model/vocabulary.js';
import type { Calendar } from '../calendar/types.js';
import { answerEach, checkSource, progressEveryOption, type StreamProgress } from './_internal/answerEach.js';
import { compilePack } from './_internal/compiledPack.js';
import { hostCalendarArg } from './_internal/hostCalendar.js';

export type { StreamProgress } from './_internal/answerEach.js';

/** Options of `evaluateStream`: the question asked of every subject, and progress reporting. */
export interface StreamOptions {
  /** A shipped or loaded pack id, or a pack object; compiled once for the whole stream. */
  pack: string | Pack;
  action: Action;
  asOf: DateInput;
  /** Required for `excellent-rating` and `annual-rating`. */
  assessmentYear?: number;
  /** Host policy overrides for every subject. */
  policy?: PolicyOverrides;
  /** The holiday data deadlines are counted on (as `createEvaluator`'s option); default the official data. */
  calendar?: Calendar;
  /** Called every `progressEvery` decisions and once at the end. */
  onProgress?: (progress: StreamProgress) => void;
  /** Default 10,000. */
  progressEvery?: number;
  /**
   * Called instead of throwing when a subject is invalid; the subject is then skipped (no
   * decision is yielded for it). Without it, the stream throws the subject's error, with each
   * issue's path prefixed by the subject's position in the stream.
   */
  onError?: (error: unknown, index: number) => void;
}

/**
 * Subjects as the stream accepts them: any async iterable or iterable. A Node `Readable` in object
 * mode is an async iterable, so `Readable.from(rows)` or a database cursor stream works as is.
 */
export type SubjectSource = AsyncIterable<unknown> | Iterable<unknown>;

/**
 * Decides one question (one pack, action and day) for every subject of a stream — a province's
 * roster in an assessment season — in constant memory: subjects are read one at a time, each is
 * validated and decided synchronously by the compiled pack, and its decision is yielded before
 * the next subject is read, so a slow consumer slows the reading (back-pressure) and nothing
 * accumulates. Decisions are those of `evaluate` for the query
 * `{ pack, subject, action, asOf, assessmentYear, policy }`. The pack is pinned when
 * `evaluateStream` is called: looked up, resolved with the packs it extends and compiled then, so a
 * pack replaced while the stream is read (`loadPack(json, { replace: true })`) does not reach it
 * (as with `screen`).
 *
 * @param source - subjects (plain objects as the Subject schema describes): an async iterable,
 *   an iterable, or a Node `Readable` in object mode.
 * @param options - `pack`, `action`, `asOf`, `assessmentYear?`, `policy?`, `calendar?`, `onProgress?`,
 *   `progressEvery?`, `onError?`.
 * @returns an async iterable of decisions, in the order of the subjects.
 * @throws at creation: UnknownPackError, InvalidPackError, InvalidInputError (options); while
 *   iterating: the first invalid subject's error (paths prefixed by its index) unless `onError`.
 * @example
 * const rows = Readable.from(subjects); // or any async iterable
 * for await (const d of evaluateStream(rows, {
 *   pack: 'cn-tj-binhai', action: 'excellent-rating', asOf: '2026-12-20', assessmentYear: 2026,
 *   onProgress: ({ count, rate }) => console.log(count, Math.round(rate), '/s'),
 * })) {
 *   if (d.verdict !== 'clear') report(d);
 * }
 */
export function evaluateStream(source: SubjectSource, options: StreamOptions): AsyncIterable<Decision> {
  if (options === null || typeof options !== 'object') {
    throw new InvalidInputError([issue([], 'invalid_type', '应提供选项对象', 'expected an options object')]);
  }
  checkSource(source);
  const compiled = compilePack(options.pack, options.policy, hostCalendarArg(options.calendar, ['calendar']));
  const every = progressEveryOption(options.progressEvery, ['progressEvery']);
  const { onProgress, onError } = options;
  // The shared part of every query, validated with each subject by the same schema as `evaluate`;
  // checked once now too (with a probe subject to which every action applies), so that a bad
  // option fails at creation and not on the first subject.
  const base: Record<string, unknown> = { action: options.action, asOf: options.asOf };
  if (options.assessmentYear !== undefined) base.assessmentYear = options.assessmentYear;
  compiled.validate({ ...base, subject: { id: 'probe', kind: 'civil-servant' } });

  return {
    async *[Symbol.asyncIterator]() {
      for await (const { answer } of answerEach(source, (subject) => compiled.decideSubject(base, subject), { every, onProgress, onError })) yield answer;
    },
  };
}
