import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Decision } from '../../model/decision.js';
import type { LocalizedText } from '../../model/errors.js';
import { ANNUAL_REVIEW_ACTIONS, type Action, type Verdict } from '../../model/vocabulary.js';

/** A verdict an example file expects, with optional details that must hold too. */
export interface Expectation {
  pack: string;
  action: Action;
  /** Defaults to the file's `asOf` / `assessmentYear`. */
  asOf?: string;
  assessmentYear?: number;
  verdict: Verdict;
  /** Rules that must be among the reasons. */
  reasons?: string[];
  clearFrom?: string | null;
  /** Rules that must give priority; `[]`: none may. */
  priority?: string[];
  incentives?: string[];
  /** Obligation kinds that must be present. */
  obligations?: string[];
  mitigation?: { record: string; status: string }[];
  deadlines?: { kind: string; dueOn?: string; state?: string }[];
}

/** A hand-written example: examples/subjects/NN-name.json. */
export interface ExampleFile {
  file: string;
  title: LocalizedText;
  situation: LocalizedText;
  asOf: string;
  assessmentYear?: number;
  subject: { id: string; kind: string } & Record<string, unknown>;
  expect: Expectation[];
}

export function loadExamples(dir: string): ExampleFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<ExampleFile, 'file'>) }));
}

/** The query an expectation describes. */
export function expectationQuery(ex: ExampleFile, e: Expectation): Record<string, unknown> {
  const asOf = e.asOf ?? ex.asOf;
  const year = e.assessmentYear ?? ex.assessmentYear;
  const annual = ANNUAL_REVIEW_ACTIONS.includes(e.action as Action);
  return { pack: e.pack, subject: ex.subject, action: e.action, asOf, ...(annual && year !== undefined ? { assessmentYear: year } : {}) };
}

/** What does not hold of the expectation in the decision (empty: it holds). */
export function mismatches(d: Decision, e: Expectation): string[] {
  const out: string[] = [];
  if (d.verdict !== e.verdict) out.push(`verdict ${d.verdict}, expected ${e.verdict}`);
  const fired = d.reasons.map((r) => r.rule);
  for (const r of e.reasons ?? []) if (!fired.includes(r)) out.push(`reason ${r} missing (got ${fired.join(', ') || 'none'})`);
  if (e.clearFrom !== undefined && d.clearFrom !== e.clearFrom) out.push(`clearFrom ${d.clearFrom}, expected ${e.clearFrom}`);
  const check = (name: string, want: string[] | undefined, got: string[]) => {
    if (want === undefined) return;
    if (want.length === 0 && got.length > 0) out.push(`${name}: expected none, got ${got.join(', ')}`);
    for (const w of want) if (!got.includes(w)) out.push(`${name}: ${w} missing (got ${got.join(', ') || 'none'})`);
  };
  check('priority', e.priority, d.priority.map((p) => p.rule));
  check('incentives', e.incentives, d.incentives.map((p) => p.rule));
  check('obligations', e.obligations, d.obligations.map((o) => o.kind));
  for (const m of e.mitigation ?? []) {
    const got = d.mitigation.find((x) => x.record === m.record);
    if (!got || got.status !== m.status) out.push(`mitigation of ${m.record}: ${got?.status ?? 'none'}, expected ${m.status}`);
  }
  for (const dl of e.deadlines ?? []) {
    const ok = d.deadlines.some((x) => x.kind === dl.kind && (dl.dueOn === undefined || x.dueOn === dl.dueOn) && (dl.state === undefined || x.state === dl.state));
    if (!ok) out.push(`deadline ${JSON.stringify(dl)} missing (got ${JSON.stringify(d.deadlines.map((x) => [x.kind, x.dueOn, x.state]))})`);
  }
  return out;
}
