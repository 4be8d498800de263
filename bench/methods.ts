/**
 * The methods the benchmark times, and the ratios it prints with their targets (issue 15, "How to
 * measure"). Adding a method is adding a row: the decisions section prepares it per pack, checks
 * its answers against `evaluate` on every query it will time, and times it on the same batches as
 * the others.
 */
import { isDeepStrictEqual } from 'node:util';
import { createEvaluator, decideSubject, evaluate, untyped, type Decision } from '../src/index.js';
import { ACTIONS, ACTIONS_BY_SUBJECT, ANNUAL_REVIEW_ACTIONS, type SubjectKind } from '../src/model/index.js';

import { screenSubject, type ScreenResult } from '../src/engine/screen.js';
import { jobsFor } from '../src/engine/decideSubject.js';
import { decideBinhai } from './handwritten-binhai.js';
import { fairEngine, verdictsOfSubject } from './fair-jre.js';

const ANNUAL: ReadonlySet<string> = new Set(ANNUAL_REVIEW_ACTIONS);

/** What a method returns for one query, and so what is checked against `evaluate`'s decision. */
export type Output =
  /** The whole Decision: deep-equal. */
  | 'decision'
  /** The verdict alone. */
  | 'verdict'
  /** Screening: `{ verdict, clearFrom }`, the full decision only where asked or not clear. */
  | 'screening';

/** One prepared method for one pack: decides a query (synchronously or not). */
export type Decide = (query: Record<string, unknown>) => unknown;

export interface QueryMethod {
  id: string;
  label: string;
  output: Output;
  /** Packs it decides (all six when absent). */
  packs?: readonly string[];
  async: boolean;
  /** Prepares the method for a pack, once (an engine, an evaluator); null: not built yet. */
  prepare: ((pack: string) => Decide) | null;
}

export const QUERY_METHODS: readonly QueryMethod[] = [
  {
    id: 'fair-jre',
    label: 'json-rules-engine as a competent host would use it (one Engine per pack × subject kind × action holding only the rules that apply, one run per record a rule can read, verdict only)',
    output: 'verdict',
    async: true,
    prepare: (pack) => {
      const e = fairEngine(pack);
      return (q) => e.verdict(q);
    },
  },
  {
    id: 'evaluate',
    label: "evaluate: this library's reference path (json-rules-engine under our pipeline), whole decisions",
    output: 'decision',
    async: true,
    prepare: () => (q) => evaluate(untyped(q)),
  },
  {
    id: 'compiled',
    label: 'createEvaluator(pack).evaluate: compiled conditions, whole decisions',
    output: 'decision',
    async: false,
    prepare: (pack) => {
      const ev = createEvaluator(pack);
      return (q) => ev.evaluate(untyped(q));
    },
  },
  {
    id: 'hand-written',
    label: 'the Binhai pack by hand, same validator and lifecycle reducer (bench/handwritten-binhai.ts), whole decisions',
    output: 'decision',
    packs: ['cn-tj-binhai'],
    async: false,
    prepare: () => (q) => decideBinhai(q),
  },
  {
    // What `screen` runs for each subject of a roster (src/engine/screen.ts: screenSubject), one query at a time.
    id: 'screening',
    label: 'screening: verdict and clearFrom, the decision only where not clear (screen, per subject)',
    output: 'screening',
    async: false,
    prepare: (pack) => (q) => {
      const job = q.assessmentYear !== undefined ? { pack, action: q.action, assessmentYear: q.assessmentYear } : { pack, action: q.action };
      return screenSubject(q.subject, [job], { asOf: q.asOf }, {}, 'not-clear').results[0];
    },
  },
];

/** Does a method's answer agree with `evaluate`'s decision, as far as its output goes? */
export function agrees(output: Output, answer: unknown, reference: Decision): boolean {
  switch (output) {
    case 'decision':
      return isDeepStrictEqual(answer, reference);
    case 'verdict':
      return answer === reference.verdict;
    case 'screening': {
      const a = answer as { verdict?: unknown; clearFrom?: unknown; decision?: unknown };
      return a.verdict === reference.verdict && a.clearFrom === reference.clearFrom && (a.decision === undefined || isDeepStrictEqual(a.decision, reference));
    }
  }
}

/** A ratio of two methods' rates (numerator ÷ denominator), with its target. */
export interface Comparison {
  label: string;
  numerator: string;
  denominator: string;
  /** Rate ratio the issue asks for, at least (null: printed for information). */
  target: number | null;
  /** Only over these packs (where the denominator exists). */
  packs?: readonly string[];
  /** The target is judged on these inputs only (elsewhere the ratio is for information). */
  targetOn?: readonly string[];
}

export const COMPARISONS: readonly Comparison[] = [
  { label: 'compiled whole decisions vs fair json-rules-engine', numerator: 'compiled', denominator: 'fair-jre', target: 10, targetOn: ['bench roster'] },
  { label: 'screening vs fair json-rules-engine', numerator: 'screening', denominator: 'fair-jre', target: null },
  { label: 'compiled vs hand-written (same validator)', numerator: 'compiled', denominator: 'hand-written', target: 0.9, packs: ['cn-tj-binhai'] },
  { label: 'compiled vs evaluate (our reference path)', numerator: 'compiled', denominator: 'evaluate', target: null },
  { label: 'evaluate vs fair json-rules-engine', numerator: 'evaluate', denominator: 'fair-jre', target: null },
];

/**
 * Deciding every pack × applicable action of one subject. `decide` returns the decisions it made,
 * each checked against the one-at-a-time answer before timing.
 */
export interface SubjectMethod {
  id: string;
  label: string;
  prepare:
    | ((packs: readonly string[]) => (subject: Record<string, unknown>, shared: { asOf: string; assessmentYear: number }) => Map<string, Decision>)
    | null;
}

/** The actions a subject of this kind can be asked about. */
export function actionsFor(kind: unknown): readonly string[] {
  return ACTIONS_BY_SUBJECT[kind as SubjectKind] ?? ACTIONS;
}

export const SUBJECT_METHODS: readonly SubjectMethod[] = [
  {
    id: 'one-at-a-time',
    label: 'one createEvaluator per pack, each (pack, action) asked in turn (the assessment year on the annual-review actions)',
    prepare: (packs) => {
      const evaluators = packs.map((p) => [p, createEvaluator(p)] as const);
      return (subject, shared) => {
        const out = new Map<string, Decision>();
        for (const [p, ev] of evaluators) {
          for (const action of actionsFor(subject.kind)) {
            const q = ANNUAL.has(action) ? { subject, action, ...shared } : { subject, action, asOf: shared.asOf };
            out.set(`${p}|${action}`, ev.evaluate(untyped(q)));
          }
        }
        return out;
      };
    },
  },
  {
    // One validation and one lifecycle reduction per pack, decisions keyed `pack|action`.
    id: 'decideSubject',
    label: 'decideSubject: one subject, every pack and action at once',
    prepare: (packs) => (subject, shared) => {
      const all = decideSubject(untyped(subject), { packs, asOf: shared.asOf, assessmentYear: shared.assessmentYear });
      const out = new Map<string, Decision>();
      for (const p of packs) for (const [action, d] of Object.entries(all[p] ?? {})) out.set(`${p}|${action}`, d!);
      return out;
    },
  },
];

export const SUBJECT_COMPARISONS: readonly Comparison[] = [
  { label: 'decideSubject per decision vs one-at-a-time', numerator: 'decideSubject', denominator: 'one-at-a-time', target: 4 },
];

/**
 * What `screen` does for each subject of a roster (its core, `screenSubject`): every pack × every
 * action that applies, verdict and clearFrom, the Decision only where not clear; answers in pack ×
 * action order.
 */
export function rosterScreening(packs: readonly string[], shared: { asOf: string; assessmentYear: number }): (subject: Record<string, unknown>) => ScreenResult[] {
  return (subject) => screenSubject(subject, jobsFor(subject, packs, 'all', shared.assessmentYear, true), { asOf: shared.asOf }, {}, 'not-clear').results;
}

/**
 * The fair json-rules-engine asked the same questions of a subject as `screen` (every pack × action
 * that applies), the subject validated and reduced once: verdicts in pack × action order.
 */
export function fairPerSubject(packs: readonly string[], shared: { asOf: string; assessmentYear: number }): (subject: Record<string, unknown>) => Promise<string[]> {
  const verdicts = verdictsOfSubject(packs);
  return (subject) => verdicts(subject, jobsFor(subject, packs, 'all', shared.assessmentYear, true), { asOf: shared.asOf });
}
