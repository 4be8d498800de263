/**
 * The decision flow, top-down. The entry points (evaluate, createEvaluator, evaluateStream,
 * decideSubject, screen) each do the first steps their way and share the rest:
 *
 *   1. parse        — the query or subject, validated once at the boundary (model/_internal/validate.ts)
 *   2. resolve pack — the pack's extends chain and merged policy, memoised per pack (packs/_internal/resolve.ts)
 *   3. reduce       — each record's state from its events, as known on the day asked, once per
 *                     subject and pack (lifecycle/_internal/subjectStates.ts, via context.ts)
 *   4. facts        — the records' and subject's facts on the day asked (facts/_internal/dayFacts.ts)
 *   5. rules        — which (rule, record) candidates fire: the runner the Steps are driven with,
 *                     compiled closures or json-rules-engine (steps.ts)
 *   6. verdict      — the reasons and the most severe verdict (decision/_internal/compose.ts)
 *   7. clearFrom    — the first day from which every answer is clear: each record swept over its own
 *                     change days (clearFromSteps, below)
 *   8. compose      — reasons with citations, mitigation, obligations, deadlines, notes
 *                     (decision/_internal/compose.ts), only where a Decision is wanted.
 */
import { composeDecision, reasonsOfDay, type DayReasons } from '../../decision/internal.js';
import { changeDays, dayEvaluation, readsOnlyFixedSubjectFacts, recordDaysEvaluation, ruleChangeDays, stateChangeDays, type DayEvaluation } from '../../facts/internal.js';
import type { QueryContext } from '../../facts/internal.js';
import type { RecordState } from '../../lifecycle/internal.js';
import type { Decision } from '../../model/decision.js';
import type { Verdict } from '../../model/vocabulary.js';
import type { Steps } from './steps.js';

/** A question answered verdict-first: the verdict and clearFrom, and the day's evaluation to compose a Decision from. */
export interface Verdicts {
  verdict: Verdict;
  clearFrom: string | null;
  day: DayEvaluation;
  fired: boolean[];
  reasons: DayReasons;
}

/** Steps 4–7: the verdict on the day asked and `clearFrom`, without composing a Decision. */
export function* verdictSteps(ctx: QueryContext): Steps<Verdicts> {
  const asOf = ctx.query.asOf;
  const day = dayEvaluation(ctx, asOf, asOf);
  const fired: boolean[] = yield day;
  const reasons = reasonsOfDay(day, fired);
  const verdict = reasons.verdict;
  const clearFrom = verdict === 'clear' ? asOf : yield* clearFromSteps(ctx, day, reasons);
  return { verdict, clearFrom, day, fired, reasons };
}

/** Steps 4–8: the Decision for the query's day, with `clearFrom`. */
export function* decisionSteps(ctx: QueryContext): Steps<Decision> {
  const v = yield* verdictSteps(ctx);
  return composeDecision(v.day, v.fired, v.verdict === 'clear' ? null : v.clearFrom, v.reasons);
}

/** Record-days evaluated in one batch at most (bounds the memory of a sweep over many records). */
const BATCH = 2048;

/**
 * `clearFrom` for a question whose verdict on `asOf` is not clear: the first change day after the
 * last day on which some answer is not clear (facts only change on the days `changeDays` lists),
 * or null when an answer stays non-clear past every change day, with knowledge fixed at `asOf`.
 *
 * Each record's answer changes only on its own change days (its effect starts or ends, its sanction
 * period starts or ends) and on the days a rule comes into force or expires. So each record is
 * evaluated on those days only, its answer holding until its next one — every record once per
 * change day of its own, not every record on every change day of the subject — and the answers are
 * combined: a day is non-clear when some record's answer is. Each record's last segment is
 * evaluated first: if one stays non-clear for good, clearFrom is null without the rest. Where a
 * verdict rule reads subject facts that change with the day (none of the shipped packs), every
 * change day of the subject is evaluated whole instead (`allDaysClearFrom`).
 */
export function* clearFromSteps(ctx: QueryContext, asOfDay: DayEvaluation, asOfReasons: DayReasons): Steps<string | null> {
  const asOf = ctx.query.asOf;
  const global = changeDays(ctx, asOf);
  if (global.length === 0) return null;
  if (!readsOnlyFixedSubjectFacts(ctx.rules)) return yield* allDaysClearFrom(ctx, asOf, global);

  // Each record's segments: [asOf, d1), [d1, d2), …, [dk, ∞), with d1 < … < dk its change days after asOf.
  const rulesDays: string[] = [];
  ruleChangeDays(ctx.rules, (d) => void (d > asOf && rulesDays.push(d)));
  const states = asOfDay.records.map((r) => r.state);
  const starts: string[][] = states.map((s) => segmentStarts(s, asOf, rulesDays));
  // Answers on asOf come from the day already evaluated.
  const nonClearAtAsOf = new Array<boolean>(states.length).fill(false);
  for (const r of asOfReasons.reasons) if (r.verdict !== 'clear' && r.candidate.record >= 0) nonClearAtAsOf[r.candidate.record] = true;

  // Last segments first: a record non-clear for good decides at once.
  const lastOnes: number[] = [];
  for (let i = 0; i < states.length; i++) {
    const ds = starts[i]!;
    if (ds.length === 0) {
      if (nonClearAtAsOf[i]) return null;
    } else lastOnes.push(i);
  }
  const lastNonClear = yield* nonClearRecordDays(
    ctx,
    asOfDay,
    lastOnes.map((i) => ({ state: states[i]!, on: starts[i]![starts[i]!.length - 1]!, record: i })),
  );
  if (lastNonClear.length > 0) return null;

  // Then every other segment; the last global change day before a segment's end is its last non-clear day.
  let last = asOf;
  const lastBefore = (end: string | null): string => {
    if (end === null) return global[global.length - 1]!;
    let lo = 0;
    let hi = global.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (global[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? asOf : global[lo - 1]!;
  };
  const note = (i: number, k: number) => {
    // Segment k of record i: from its k-th start (k = -1: asOf) to its next start.
    const ds = starts[i]!;
    const end = k + 1 < ds.length ? ds[k + 1]! : null;
    const d = lastBefore(end);
    if (d > last) last = d;
  };
  const pending: { state: RecordState; on: string; record: number; k: number }[] = [];
  for (let i = 0; i < states.length; i++) {
    if (nonClearAtAsOf[i]) note(i, -1);
    const ds = starts[i]!;
    for (let k = 0; k < ds.length - 1; k++) pending.push({ state: states[i]!, on: ds[k]!, record: i, k });
  }
  for (const x of yield* nonClearRecordDays(ctx, asOfDay, pending)) note(x.record, x.k);
  for (const d of global) if (d > last) return d;
  return null;
}

/** The change days of a record state after `asOf` (with the rules' own), sorted, each once. */
function segmentStarts(s: RecordState, asOf: string, rulesDays: readonly string[]): string[] {
  const days: string[] = [];
  const add = (d: string) => {
    if (d > asOf) days.push(d);
  };
  stateChangeDays(s, add);
  for (const d of rulesDays) days.push(d);
  if (days.length < 2) return days;
  days.sort();
  let n = 1;
  for (let i = 1; i < days.length; i++) if (days[i] !== days[n - 1]) days[n++] = days[i]!;
  days.length = n;
  return days;
}

/**
 * Which of the record-days is non-clear: each evaluated with the facts of its record on its day
 * (knowledge fixed at the question's day), in batches.
 */
function* nonClearRecordDays<T extends { state: RecordState; on: string }>(ctx: QueryContext, asOfDay: DayEvaluation, items: readonly T[]): Steps<T[]> {
  const out: T[] = [];
  for (let from = 0; from < items.length; from += BATCH) {
    const batch = items.slice(from, from + BATCH);
    const day = recordDaysEvaluation(ctx, batch, asOfDay.subject, asOfDay.knownOn);
    if (day.candidates.length === 0) continue;
    const fired: boolean[] = yield day;
    const nonClear = new Array<boolean>(batch.length).fill(false);
    for (const r of reasonsOfDay(day, fired).reasons) if (r.verdict !== 'clear') nonClear[r.candidate.record] = true;
    for (let i = 0; i < batch.length; i++) if (nonClear[i]) out.push(batch[i]!);
  }
  return out;
}

/** clearFrom by evaluating every change day of the subject whole (for rules that read day-varying subject facts). */
export function* allDaysClearFrom(ctx: QueryContext, asOf: string, days: readonly string[]): Steps<string | null> {
  let lastNonClear: string = asOf;
  for (const on of days) {
    const d = dayEvaluation(ctx, asOf, on);
    if (reasonsOfDay(d, yield d).verdict !== 'clear') lastNonClear = on;
  }
  for (const on of days) if (on > lastNonClear) return on;
  return null;
}
