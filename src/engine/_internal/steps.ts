import { reasonsOfDay } from '../../decision/_internal/compose.js';
import type { Verdict } from '../../model/vocabulary.js';
import type { QueryContext } from './context.js';
import { dayEvaluation, type DayEvaluation } from '../../facts/_internal/dayFacts.js';

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

/** One day of a timeline: the verdict from that day and the reasons behind it. */
export interface TimelinePoint {
  on: string;
  verdict: Verdict;
  reasons: { rule: string; pack: string; clauses: string[]; records: string[]; verdict: Verdict }[];
}

/** Verdicts on each of `days`, each with what was known on that day (as-of semantics). */
export function* timelineSteps(ctx: QueryContext, days: readonly string[]): Steps<TimelinePoint[]> {
  const points: TimelinePoint[] = [];
  for (const on of days) {
    const day = dayEvaluation(ctx, on, on);
    const { verdict, reasons } = reasonsOfDay(day, yield day);
    points.push({
      on,
      verdict,
      reasons: reasons.map((r) => ({
        rule: r.candidate.owned.rule.id,
        pack: r.candidate.owned.pack.id,
        clauses: [...r.candidate.owned.rule.clauses],
        records: r.candidate.record >= 0 ? [day.records[r.candidate.record]!.state.id] : [],
        verdict: r.verdict,
      })),
    });
  }
  return points;
}
