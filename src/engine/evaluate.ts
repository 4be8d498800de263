import type { Decision } from '../model/decision.js';
import { parseQuery } from '../model/parse.js';
import type { QueryInput } from '../model/query.js';
import { buildContext } from './_internal/context.js';
import { runWithJsonRulesEngine } from './_internal/jre.js';
import { decisionSteps, runAsync } from './_internal/steps.js';

/**
 * Decides a query with json-rules-engine, the reference semantics: does this record bar, restrict
 * or call for review of this action, under this pack, as of this day?
 *
 * The query is validated first (typed errors with paths, in zh-CN and en); nothing
 * half-evaluated is returned. Records flagged confidential are refused (TH-6).
 *
 * @param query - `{ pack, subject, action, asOf, assessmentYear?, policy? }`; dates as `YYYY-MM-DD`
 *   or `Date` (read in Asia/Shanghai).
 * @returns the decision: the most severe verdict over its reasons, with citations, mitigation,
 *   obligations, deadlines, notes for every policy default used, and `clearFrom`.
 * @throws InvalidInputError, UnknownPackError, InvalidPackError, ConfidentialRecordError,
 *   InvalidEventLogError.
 * @example
 * const d = await evaluate({
 *   pack: 'cn-tj-binhai',
 *   subject: { id: 'p1', kind: 'civil-servant', records: [
 *     { id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-03-15' } ] },
 *   action: 'excellent-rating', asOf: '2026-12-20', assessmentYear: 2026,
 * });
 * d.verdict; // 'barred' (TJB-4, AR-29)
 */
export async function evaluate(query: QueryInput | unknown): Promise<Decision> {
  const parsed = parseQuery(query);
  const ctx = buildContext(parsed);
  return runAsync(decisionSteps(ctx), runWithJsonRulesEngine);
}
