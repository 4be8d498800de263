/**
 * Calls that run at the same time — a server answering many requests, `Promise.all` over a roster,
 * the playground drawing every action's timeline at once — get the answers they get one at a time.
 * json-rules-engine keeps a run's status on its Engine, so two runs sharing an engine made the one
 * that finished second skip its rules (about 8 % of generated queries answered wrongly, often
 * `clear`); each run now takes an engine of its own.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { evaluate, timeline, untyped } from '../../src/index.js';
import { generateQueries } from './_support/generate.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

const PACKS = [...SHIPPED_PACKS];

async function answer(q: Record<string, unknown>): Promise<unknown> {
  try {
    return await evaluate(untyped(q));
  } catch (e) {
    return { error: (e as Error).name, issues: (e as { issues?: unknown }).issues };
  }
}

describe('concurrent calls', () => {
  const queries = PACKS.flatMap((p, i) => generateQueries(p, 100, 9700 + i, { records: [1, 12], invalidShare: 0 }));

  it('evaluate: 600 queries 60 at a time, and with timelines running beside them, equal one at a time', async () => {
    const one: unknown[] = [];
    for (const q of queries) one.push(await answer(q));
    const together: unknown[] = [];
    const timelines: Promise<unknown>[] = [];
    for (let k = 0; k < queries.length; k += 60) {
      const batch = queries.slice(k, k + 60);
      for (const q of batch.slice(0, 10)) {
        const year = q.assessmentYear !== undefined ? { assessmentYear: q.assessmentYear as number } : {};
        timelines.push(timeline(untyped(q.subject), { pack: q.pack as string, action: q.action as never, from: '2019-01-01', to: '2026-12-31', ...year }).catch(() => null));
      }
      together.push(...(await Promise.all(batch.map(answer))));
    }
    await Promise.all(timelines);
    const differing = queries.filter((_, i) => !isDeepStrictEqual(together[i], one[i])).length;
    expect(differing).toBe(0);
    // The queries fire rules: a run that skipped its rules would have shown.
    expect(one.filter((d) => (d as { verdict?: string }).verdict && (d as { verdict: string }).verdict !== 'clear').length).toBeGreaterThan(100);
  });

  it('timeline: every action of a subject at once, as the playground asks, equals one at a time', async () => {
    const subjects = queries.filter((q) => q.pack === 'cn-tj-binhai').slice(0, 12).map((q) => q.subject);
    const actions = ['promotion', 'salary-step', 'appointment', 'awards', 'honour-selection', 'recruitment'] as const;
    for (const subject of subjects) {
      const ask = (action: (typeof actions)[number]) => timeline(untyped(subject), { pack: 'cn-tj-binhai', action, from: '2019-01-01', to: '2026-12-31' }).catch((e: Error) => e.name);
      const one: unknown[] = [];
      for (const a of actions) one.push(await ask(a));
      expect(await Promise.all(actions.map(ask))).toEqual(one);
    }
  });
});
