import type { Decision } from '../model/decision.js';
import { InvalidInputError, issue } from '../model/errors.js';
import type { Pack } from '../model/pack.js';
import type { PolicyOverrides } from '../model/policy.js';
import type { DateInput } from '../model/date.js';
import type { Action } from '../model/vocabulary.js';
import type { Calendar } from '../calendar/types.js';
import { compilePack, errorAt } from './_internal/compiledPack.js';
import { hostCalendarArg } from './_internal/hostCalendar.js';

/** Progress of a stream: decisions so far, and decisions per second since the stream started. */
export interface StreamProgress {
  count: number;
  /** Decisions per second since the first subject was read. */
  rate: number;
  elapsedMs: number;
}

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
 * `{ pack, subject, action, asOf, assessmentYear, policy }`.
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
  const iterable = source as { [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown } | null;
  if (iterable === null || typeof iterable !== 'object' || (typeof iterable[Symbol.asyncIterator] !== 'function' && typeof iterable[Symbol.iterator] !== 'function')) {
    throw new InvalidInputError([issue(['source'], 'invalid_type', '应为可迭代的主体序列（异步可迭代对象或 Node 流）', 'expected an (async) iterable of subjects or a Node Readable')]);
  }
  const compiled = compilePack(options.pack, options.policy, hostCalendarArg(options.calendar, ['calendar']));
  const every = options.progressEvery ?? 10_000;
  if (!Number.isInteger(every) || every < 1) {
    throw new InvalidInputError([issue(['progressEvery'], 'invalid_value', 'progressEvery 应为正整数', 'progressEvery must be a positive integer')]);
  }
  const { onProgress, onError } = options;
  // The shared part of every query, validated with each subject by the same schema as `evaluate`;
  // checked once now too (with a probe subject to which every action applies), so that a bad
  // option fails at creation and not on the first subject.
  const base: Record<string, unknown> = { action: options.action, asOf: options.asOf };
  if (options.assessmentYear !== undefined) base.assessmentYear = options.assessmentYear;
  compiled.validate({ ...base, subject: { id: 'probe', kind: 'civil-servant' } });

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
        let decision: Decision;
        try {
          decision = compiled.decideSubject(base, subject);
        } catch (e) {
          if (onError) {
            onError(errorAt(e, [i]), i);
            continue;
          }
          throw errorAt(e, [i]);
        }
        count++;
        if (onProgress && count % every === 0) progress();
        yield decision;
      }
      if (onProgress) progress();
    },
  };
}
