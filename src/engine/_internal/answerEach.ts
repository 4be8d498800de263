import { InvalidInputError, issue } from '../../model/errors.js';
import { errorAt } from './compiledPack.js';

/** Progress of a stream: answers so far, and answers per second since the stream started. */
export interface StreamProgress {
  count: number;
  /** Answers per second since the first subject was read. */
  rate: number;
  elapsedMs: number;
}

/** How a stream reports: progress every `every` subjects answered and once at the end; a subject's error to `onError`. */
export interface StreamReporting {
  every: number;
  onProgress?: ((progress: StreamProgress) => void) | undefined;
  onError?: ((error: unknown, index: number) => void) | undefined;
}

/** The subjects' source, checked: an async iterable or an iterable (a Node `Readable` is one), else a typed error at `source`. */
export function checkSource(source: unknown): void {
  const it = source as { [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown } | null;
  if (it === null || typeof it !== 'object' || (typeof it[Symbol.asyncIterator] !== 'function' && typeof it[Symbol.iterator] !== 'function')) {
    throw new InvalidInputError([issue(['source'], 'invalid_type', '应为可迭代的主体序列（异步可迭代对象或 Node 流）', 'expected an (async) iterable of subjects or a Node Readable')]);
  }
}

/** The `progressEvery` option (default 10,000), checked: a positive integer, else a typed error at `path`. */
export function progressEveryOption(v: unknown, path: (string | number)[]): number {
  const every = v ?? 10_000;
  if (!Number.isInteger(every) || (every as number) < 1) {
    throw new InvalidInputError([issue(path, 'invalid_value', 'progressEvery 应为正整数', 'progressEvery must be a positive integer')]);
  }
  return every as number;
}

/**
 * The loop `evaluateStream` and `screen` share: each subject of the source is answered before the
 * next is read (constant memory, back-pressure from a slow consumer). A subject that cannot be
 * answered is given to `onError` and skipped, or its error is thrown with every issue's path under
 * the subject's index.
 */
export async function* answerEach<T>(source: AsyncIterable<unknown> | Iterable<unknown>, answer: (subject: unknown) => T, r: StreamReporting): AsyncGenerator<{ index: number; answer: T }> {
  let index = 0;
  let count = 0;
  const started = performance.now();
  const progress = (): void => {
    const elapsedMs = performance.now() - started;
    r.onProgress!({ count, rate: elapsedMs > 0 ? (count * 1000) / elapsedMs : 0, elapsedMs });
  };
  for await (const subject of source as AsyncIterable<unknown>) {
    const i = index++;
    let a: T;
    try {
      a = answer(subject);
    } catch (e) {
      if (r.onError) {
        r.onError(errorAt(e, [i]), i);
        continue;
      }
      throw errorAt(e, [i]);
    }
    count++;
    if (r.onProgress && count % r.every === 0) progress();
    yield { index: i, answer: a };
  }
  if (r.onProgress) progress();
}
