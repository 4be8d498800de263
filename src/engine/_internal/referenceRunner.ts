import type { DayEvaluation } from '../../facts/internal.js';

type Runner = (day: DayEvaluation) => Promise<boolean[]>;
let loading: Promise<Runner> | null = null;

/**
 * The json-rules-engine runner of `evaluate` and `timeline`, loaded on their first call: a host
 * that decides with `createEvaluator`, `decideSubject`, `screen` or `evaluateStream` (or only
 * counts working days) never loads json-rules-engine at all.
 */
export function referenceRunner(): Promise<Runner> {
  return (loading ??= import('../../packs/_internal/jre.js').then((m) => m.runWithJsonRulesEngine));
}
