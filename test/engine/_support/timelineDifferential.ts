/**
 * The timeline two ways on the same subjects: incrementally (each record reduced and evaluated again
 * only where its knowledge or facts change: what `timeline` does) and every day whole (every record
 * reduced as known that day: how it was computed before). They must give the same changes.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { buildContext } from '../../../src/engine/_internal/context.js';
import { compilePack } from '../../../src/engine/_internal/compiledPack.js';
import { runSync } from '../../../src/engine/_internal/steps.js';
import { happeningsBetween, incrementalTimelineSteps, wholeDayTimelineSteps } from '../../../src/engine/_internal/timeline.js';
import { parseQuery } from '../../../src/model/parse.js';

const runners = new Map<string, ReturnType<typeof compilePack>['run']>();

/** Compares the two over `from`..`to` for each query's subject and action; returns how many were compared and how many changes they had. */
export function compareTimelines(queries: readonly Record<string, unknown>[], from: string, to: string): { compared: number; changes: number; errors: number } {
  let compared = 0;
  let changes = 0;
  let errors = 0;
  for (const q of queries) {
    let ctx;
    try {
      ctx = buildContext(parseQuery({ ...q, asOf: from, ...(q.assessmentYear !== undefined ? { assessmentYear: Math.min(Number(q.assessmentYear), Number(from.slice(0, 4))) } : {}) }));
    } catch {
      continue;
    }
    let run = runners.get(ctx.pack.id);
    if (!run) runners.set(ctx.pack.id, (run = compilePack(ctx.pack).run));
    const outcome = (steps: () => unknown) => {
      try {
        return { ok: true, value: steps() };
      } catch (e) {
        return { ok: false, error: (e as Error).name, issues: (e as { issues?: unknown }).issues };
      }
    };
    const happenings = happeningsBetween(ctx, from, to);
    const days = [from, ...[...happenings.keys()].filter((d) => d > from && d <= to).sort()];
    const a = outcome(() => runSync(incrementalTimelineSteps(ctx, days, happenings), run));
    const b = outcome(() => runSync(wholeDayTimelineSteps(ctx, days, happenings), run));
    expect(isDeepStrictEqual(a, b), `timeline of ${JSON.stringify(q)}:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`).toBe(true);
    compared++;
    if (a.ok) changes += (a.value as unknown[]).length;
    else errors++;
  }
  return { compared, changes, errors };
}
