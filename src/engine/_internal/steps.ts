import type { DayEvaluation } from '../../facts/internal.js';

/**
 * A computation that needs rule conditions evaluated on some days: it yields each day's
 * candidates and receives which fired. One definition serves the json-rules-engine path (async)
 * and the compiled path (sync), so both compose decisions in exactly the same way.
 */
export type Steps<T> = Generator<DayEvaluation, T, boolean[]>;

export function runSync<T>(steps: Steps<T>, run: (day: DayEvaluation) => boolean[]): T {
  let next = steps.next();
  while (!next.done) next = steps.next(run(next.value));
  return next.value;
}

export async function runAsync<T>(steps: Steps<T>, run: (day: DayEvaluation) => Promise<boolean[]>): Promise<T> {
  let next = steps.next();
  while (!next.done) next = steps.next(await run(next.value));
  return next.value;
}
