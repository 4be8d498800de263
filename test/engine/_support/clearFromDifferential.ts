/**
 * clearFrom two ways on the same queries: each record swept over its own change days
 * (clearFromSteps, what decisions use) and every change day of the subject evaluated whole
 * (allDaysClearFrom, the way it was computed before). They must agree on every query.
 */
import { expect } from 'vitest';
import { reasonsOfDay } from '../../../src/decision/_internal/compose.js';
import { buildContext } from '../../../src/engine/_internal/context.js';
import { allDaysClearFrom, clearFromSteps } from '../../../src/engine/_internal/decide.js';
import { runSync } from '../../../src/engine/_internal/steps.js';
import { compilePack } from '../../../src/engine/_internal/compiledPack.js';
import { changeDays, dayEvaluation } from '../../../src/facts/_internal/dayFacts.js';
import { parseQuery } from '../../../src/model/parse.js';

const runners = new Map<string, ReturnType<typeof compilePack>['run']>();

/** Compares the two on every valid, non-clear query; returns how many were compared (and how many had a later clearFrom). */
export function compareClearFrom(queries: readonly Record<string, unknown>[]): { compared: number; later: number; never: number } {
  let compared = 0;
  let later = 0;
  let never = 0;
  for (const q of queries) {
    let ctx;
    try {
      ctx = buildContext(parseQuery(q));
    } catch {
      continue;
    }
    const id = ctx.pack.id;
    let run = runners.get(id);
    if (!run) runners.set(id, (run = compilePack(ctx.pack).run));
    const asOf = ctx.query.asOf;
    const day = dayEvaluation(ctx, asOf, asOf);
    const fired = run(day);
    const reasons = reasonsOfDay(day, fired);
    if (reasons.verdict === 'clear') continue;
    const swept = runSync(clearFromSteps(ctx, day, reasons), run);
    const whole = runSync(allDaysClearFrom(ctx, asOf, changeDays(ctx, asOf)), run);
    expect(swept, `clearFrom for ${JSON.stringify(q)}`).toBe(whole);
    compared++;
    if (swept === null) never++;
    else later++;
  }
  return { compared, later, never };
}

/**
 * Generated queries where records end in advance (a record lifetime for half of them; sanctions
 * have periods), so that most non-clear answers have a later clearFrom to find.
 */
export function withLifetimes(queries: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return queries.map((q, i) => {
    if (i % 2 === 1) return q;
    const policy = (q.policy as Record<string, unknown> | undefined) ?? {};
    return { ...q, policy: { ...policy, recordLifetimeMonths: [3, 12, 36, 'by-severity'][i % 4] } };
  });
}
