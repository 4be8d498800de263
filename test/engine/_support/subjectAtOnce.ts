/**
 * decideSubject against asking one by one: for each subject, every pack and action asked with
 * `evaluate` (the reference) or a compiled evaluator per pack, in the same order; the decisions
 * deep-equal, and where a question fails, the same error (class and issues) from decideSubject.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { ACTIONS_BY_SUBJECT, ANNUAL_REVIEW_ACTIONS, createEvaluator, decideSubject, evaluate, untyped, type Action, type Decision, type DecideSubjectOptions, type SubjectKind } from '../../../src/index.js';

type Outcome = { ok: true; value: Record<string, Record<string, Decision>> } | { ok: false; error: string; issues: unknown };

function errorOf(e: unknown): Outcome {
  return { ok: false, error: (e as Error).name, issues: (e as { issues?: unknown }).issues };
}

const evaluators = new Map<string, ReturnType<typeof createEvaluator>>();

/** Asks one by one what decideSubject asks at once. */
async function oneByOne(subject: unknown, o: DecideSubjectOptions, reference: boolean): Promise<Outcome> {
  const kind = (subject as { kind?: unknown }).kind as SubjectKind;
  const actions = o.actions === undefined || o.actions === 'all' ? (ACTIONS_BY_SUBJECT[kind] ?? ['promotion']).filter((a) => o.assessmentYear !== undefined || !ANNUAL_REVIEW_ACTIONS.includes(a)) : o.actions;
  const out: Record<string, Record<string, Decision>> = {};
  for (const pack of o.packs) {
    for (const action of actions as Action[]) {
      const q: Record<string, unknown> = { pack, subject, action, asOf: o.asOf };
      if (o.assessmentYear !== undefined && ANNUAL_REVIEW_ACTIONS.includes(action)) q.assessmentYear = o.assessmentYear;
      if (o.policy !== undefined) q.policy = o.policy;
      try {
        let d: Decision;
        if (reference) d = await evaluate(untyped(q), o.calendar ? { calendar: o.calendar } : undefined);
        else {
          const id = typeof pack === 'string' ? pack : pack.id;
          let ev = evaluators.get(id);
          if (!ev) evaluators.set(id, (ev = createEvaluator(pack, o.calendar ? { calendar: o.calendar } : undefined)));
          d = ev.evaluate(untyped(q));
        }
        (out[d.pack.id] ??= {})[action] = d;
      } catch (e) {
        return errorOf(e);
      }
    }
  }
  return { ok: true, value: out };
}

/** Compares on each subject; returns how many decisions and errors were compared. */
export async function compareSubjectAtOnce(subjects: readonly unknown[], o: Omit<DecideSubjectOptions, 'asOf'> & { asOf: (i: number) => string }, reference: (i: number) => boolean): Promise<{ decisions: number; errors: number }> {
  let decisions = 0;
  let errors = 0;
  for (let i = 0; i < subjects.length; i++) {
    const options = { ...o, asOf: o.asOf(i) } as DecideSubjectOptions;
    const want = await oneByOne(subjects[i], options, reference(i));
    let got: Outcome;
    try {
      got = { ok: true, value: decideSubject(untyped(subjects[i]), options) as Record<string, Record<string, Decision>> };
    } catch (e) {
      got = errorOf(e);
    }
    expect(isDeepStrictEqual(got, want), `subject ${i}: ${JSON.stringify(subjects[i])}`).toBe(true);
    if (got.ok) decisions += Object.values(got.value).reduce((n, m) => n + Object.keys(m).length, 0);
    else errors++;
  }
  return { decisions, errors };
}
