/**
 * screen against evaluate on a roster: every (subject, pack, action) answered with the verdict and
 * clearFrom `evaluate` gives, and the decision deep-equal where screen gives one.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { ACTIONS_BY_SUBJECT, ANNUAL_REVIEW_ACTIONS, evaluate, screen, untyped, type Action, type ScreenOptions, type SubjectKind } from '../../../src/index.js';

export async function compareScreening(subjects: readonly Record<string, unknown>[], o: ScreenOptions): Promise<{ answers: number; decisions: number; notClear: number }> {
  let answers = 0;
  let decisions = 0;
  let notClear = 0;
  const seen: number[] = [];
  for await (const s of screen(subjects, o)) {
    seen.push(s.index);
    const subject = subjects[s.index]!;
    const kind = subject.kind as SubjectKind;
    const asked = o.actions === undefined || o.actions === 'all' ? ACTIONS_BY_SUBJECT[kind].filter((a) => o.assessmentYear !== undefined || !ANNUAL_REVIEW_ACTIONS.includes(a)) : o.actions.filter((a) => ACTIONS_BY_SUBJECT[kind].includes(a));
    const expected = o.packs.flatMap((pack) => asked.map((action) => ({ pack, action })));
    expect(s.results.map((r) => `${r.pack}|${r.action}`)).toEqual(expected.map((e) => `${typeof e.pack === 'string' ? e.pack : e.pack.id}|${e.action}`));
    for (let i = 0; i < expected.length; i++) {
      const { pack, action } = expected[i]!;
      const q: Record<string, unknown> = { pack, subject, action: action as Action, asOf: o.asOf };
      if (o.assessmentYear !== undefined && ANNUAL_REVIEW_ACTIONS.includes(action as Action)) q.assessmentYear = o.assessmentYear;
      if (o.policy !== undefined) q.policy = o.policy;
      const d = await evaluate(untyped(q));
      const r = s.results[i]!;
      expect([r.verdict, r.clearFrom], JSON.stringify(q)).toEqual([d.verdict, d.clearFrom]);
      const want = o.decisions === 'all' || ((o.decisions ?? 'not-clear') === 'not-clear' && d.verdict !== 'clear');
      expect(r.decision !== undefined).toBe(want);
      if (r.decision) {
        expect(isDeepStrictEqual(r.decision, d), JSON.stringify(q)).toBe(true);
        decisions++;
      }
      answers++;
      if (d.verdict !== 'clear') notClear++;
    }
  }
  expect(seen).toEqual(subjects.map((_, i) => i));
  return { answers, decisions, notClear };
}
