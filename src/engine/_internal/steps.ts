import { composeDecision, reasonsOfDay } from '../../decision/_internal/compose.js';
import type { Decision } from '../../model/decision.js';
import type { Verdict } from '../../model/vocabulary.js';
import type { QueryContext } from './context.js';
import { changeDays, dayEvaluation, type DayEvaluation } from '../../facts/_internal/dayFacts.js';

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

/**
 * The decision for the query's day, with `clearFrom`: the first day after which every answer is
 * clear, with knowledge fixed at `asOf` (facts only change on the days `changeDays` lists).
 */
export function* decisionSteps(ctx: QueryContext): Steps<Decision> {
  const asOf = ctx.query.asOf;
  const day = dayEvaluation(ctx, asOf, asOf);
  const fired: boolean[] = yield day;
  const { verdict } = reasonsOfDay(day, fired);
  let clearFrom: string | null = null;
  if (verdict !== 'clear') {
    let lastNonClear: string = asOf;
    const verdicts: { on: string; verdict: Verdict }[] = [];
    for (const on of changeDays(ctx, asOf)) {
      const d = dayEvaluation(ctx, asOf, on);
      const v = reasonsOfDay(d, yield d).verdict;
      verdicts.push({ on, verdict: v });
      if (v !== 'clear') lastNonClear = on;
    }
    const after = verdicts.find((x) => x.on > lastNonClear);
    clearFrom = after ? after.on : null;
  }
  return composeDecision(day, fired, clearFrom);
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
