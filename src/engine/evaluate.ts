import type { Decision } from '../model/decision.js';
import { parseQuery } from '../model/parse.js';
import type { QueryInput } from '../model/query.js';
import type { Untyped } from '../model/untyped.js';
import { toOptions } from '../_lib/input.js';
import type { Calendar } from '../calendar/types.js';
import { buildContext } from './_internal/context.js';
import { hostCalendarArg } from './_internal/hostCalendar.js';
import { referenceRunner } from './_internal/referenceRunner.js';
import { runAsync } from './_internal/steps.js';
import { decisionSteps } from './_internal/decide.js';

/**
 * Decides a query with json-rules-engine, the reference semantics: does this record bar, restrict
 * or call for review of this action, under this pack, as of this day?
 *
 * The query is validated first (typed errors with paths, in zh-CN and en); nothing
 * half-evaluated is returned. Records flagged confidential are refused (TH-6).
 *
 * @param query - `{ pack, subject, action, asOf, assessmentYear?, policy? }`; dates as `YYYY-MM-DD`
 *   or `Date` (read in Asia/Shanghai). Typed as `QueryInput`, so a misspelt field or action fails to
 *   compile; pass a value of unknown shape (parsed JSON) as `untyped(value)`.
 * @param options - `calendar`: the holiday data to count deadlines on (default: the official data).
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
export async function evaluate(query: QueryInput | Untyped, options?: EvaluateOptions): Promise<Decision> {
  const calendar = hostCalendarArg(toOptions(options, ['options'], ['calendar']).calendar, ['options', 'calendar']);
  const parsed = parseQuery(query);
  const ctx = buildContext(parsed, calendar ? { hostCalendar: calendar } : {});
  return runAsync(decisionSteps(ctx), await referenceRunner());
}

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /**
   * The holiday data deadlines are counted on: a calendar from `createCalendar` with the years the
   * host added (`schedules`, `withSchedule`) and overlays. Default: the official data. How years
   * without data and receipts on non-working days are handled stays policy
   * (`unknownCalendarYears`, `receiptOnNonWorkingDay`), noted in the decision.
   */
  calendar?: Calendar;
}
