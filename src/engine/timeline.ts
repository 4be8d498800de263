import { addDaysIso, DATE_RANGE, fromDayNumber } from '../_lib/days.js';
import { toDay, toOptions } from '../calendar/_internal/input.js';
import { buildContext, type QueryContext } from './_internal/context.js';
import { statesKnownOn } from '../lifecycle/_internal/subjectStates.js';
import { runWithJsonRulesEngine } from '../packs/_internal/jre.js';
import { ruleValidFrom } from '../facts/_internal/dayFacts.js';
import { runAsync, timelineSteps, type TimelinePoint } from './_internal/steps.js';
import type { DateInput } from '../model/date.js';
import type { SubjectInput } from '../model/input.js';
import type { Untyped } from '../model/untyped.js';
import { InvalidInputError, issue } from '../model/errors.js';
import type { Pack } from '../model/pack.js';
import { parseQuery } from '../model/parse.js';
import type { PolicyOverrides } from '../model/policy.js';
import type { Action, Verdict } from '../model/vocabulary.js';

export interface TimelineOptions {
  from: DateInput;
  to: DateInput;
  action: Action;
  pack: string | Pack;
  /** Required for `excellent-rating` and `annual-rating`. */
  assessmentYear?: number;
  policy?: PolicyOverrides;
}

/** What happened on a day that can change a verdict. */
export interface TimelineCause {
  kind: 'start' | 'record-decided' | 'record-derived' | 'event' | 'period-ended' | 'record-expired' | 'rule-in-force' | 'rule-expired';
  record?: string;
  event?: string;
  rule?: string;
}

/** A change of verdict: from `on`, the verdict is `verdict`, because of `causes`. */
export interface TimelineChange {
  on: string;
  verdict: Verdict;
  previous: Verdict | null;
  reasons: TimelinePoint['reasons'];
  causes: TimelineCause[];
}

/**
 * The days on which the verdict for one action changes between `from` and `to`, each with the
 * verdict from that day and the event or rule that changed it — the answer to "when can this
 * person be promoted?". Each day is answered with what was known on that day (as `evaluate` would
 * answer a query asked then); the first entry is the verdict on `from`.
 *
 * @param subject - the subject, with its records and their events.
 * @param options - `from`, `to`, `action`, `pack`, `assessmentYear` (annual reviews), `policy`.
 * @returns the changes, in date order; the verdict holds until the next entry.
 * @throws the errors of `evaluate`; InvalidInputError if `options` is not an object with known keys,
 *   if `from` or `to` is not a date in 1949-10-01..2199-12-31, or if `to` is before `from`.
 * @example
 * const changes = await timeline(subject, { from: '2026-03-01', to: '2026-12-31', action: 'promotion', pack: 'cn-tj-binhai' });
 * // [{ on: '2026-03-01', verdict: 'clear' }, { on: '2026-03-15', verdict: 'barred' }, { on: '2026-09-16', verdict: 'clear' }]
 */
export async function timeline(subject: SubjectInput | Untyped, options: TimelineOptions): Promise<TimelineChange[]> {
  const o = toOptions(options, ['options'], ['from', 'to', 'action', 'pack', 'assessmentYear', 'policy']);
  // The range's ends are checked as the dates the host wrote, so an error names `from` or `to`.
  const from = fromDayNumber(toDay(o.from, ['from']));
  const toIso = fromDayNumber(toDay(o.to, ['to']));
  const query = parseQuery({
    pack: o.pack,
    subject,
    action: o.action,
    asOf: from,
    ...(o.assessmentYear !== undefined ? { assessmentYear: o.assessmentYear } : {}),
    ...(o.policy !== undefined ? { policy: o.policy } : {}),
  });
  const toDayIso = parseQuery({ ...query, asOf: toIso }).asOf;
  if (toDayIso < query.asOf) throw new InvalidInputError([issue(['to'], 'date_order', '结束日期早于开始日期', '`to` is before `from`')]);
  const ctx = buildContext(query);
  const happenings = happeningsBetween(ctx, query.asOf, toDayIso);
  const days = [query.asOf, ...[...happenings.keys()].filter((d) => d > query.asOf && d <= toDayIso).sort()];
  const points = await runAsync(timelineSteps(ctx, days), runWithJsonRulesEngine);
  const changes: TimelineChange[] = [];
  let prev: TimelinePoint | null = null;
  for (const p of points) {
    if (prev && p.verdict === prev.verdict) {
      prev = p;
      continue;
    }
    const causes = prev === null ? [{ kind: 'start' as const }] : relevantCauses(happenings.get(p.on) ?? [], prev, p);
    changes.push({ on: p.on, verdict: p.verdict, previous: prev?.verdict ?? null, reasons: p.reasons, causes });
    prev = p;
  }
  return changes;
}

/** Every day in (from, to] on which something that can change a verdict happens, and what. */
function happeningsBetween(ctx: QueryContext, from: string, to: string): Map<string, TimelineCause[]> {
  const out = new Map<string, TimelineCause[]>();
  const add = (day: string, c: TimelineCause) => {
    if (day <= from || day > to) return;
    out.set(day, [...(out.get(day) ?? []), c]);
  };
  for (const e of ctx.entries) {
    add(e.record.decidedOn, { kind: 'record-decided', record: e.record.id });
    for (const p of e.events) add(p.event.date, { kind: 'event', record: e.record.id, event: p.event.type });
  }
  // Ends and derived records follow from the data as known at the end of the range.
  for (const s of statesKnownOn(ctx.lifecycle, to)) {
    if (s.derived) add(s.effectiveFrom, { kind: 'record-derived', record: s.id });
    // A period the deciding body has yet to fix ends for certain on one day and at the latest on another.
    for (const v of s.latest ? [s, s.latest] : [s]) {
      if (v.sanctionUntil) add(v.sanctionUntil, { kind: 'period-ended', record: s.id });
      if (v.endedBy?.kind === 'period-ended') add(v.endedBy.on, { kind: 'period-ended', record: s.id });
    }
    if (s.endedBy?.kind === 'expired') add(s.endedBy.on, { kind: 'record-expired', record: s.id });
  }
  for (const h of ctx.subject.honours ?? []) add(h.date, { kind: 'event', event: 'honour' });
  for (const owned of ctx.rules) {
    add(ruleValidFrom(owned), { kind: 'rule-in-force', rule: owned.rule.id });
    const until = owned.rule.validUntil ?? owned.pack.validUntil;
    if (until && until < DATE_RANGE.to) add(addDaysIso(until, 1), { kind: 'rule-expired', rule: owned.rule.id });
  }
  // Keep each day's causes unique.
  for (const [day, list] of out) out.set(day, list.filter((c, i) => list.findIndex((d) => JSON.stringify(d) === JSON.stringify(c)) === i));
  return out;
}

/** The happenings of a day that concern the reasons that appeared or disappeared. */
function relevantCauses(all: TimelineCause[], prev: TimelinePoint, cur: TimelinePoint): TimelineCause[] {
  const key = (r: TimelinePoint['reasons'][number]) => `${r.rule}|${r.records.join(',')}|${r.verdict}`;
  const before = new Set(prev.reasons.map(key));
  const after = new Set(cur.reasons.map(key));
  const changed = [...prev.reasons.filter((r) => !after.has(key(r))), ...cur.reasons.filter((r) => !before.has(key(r)))];
  const records = new Set(changed.flatMap((r) => r.records));
  const rules = new Set(changed.map((r) => r.rule));
  const hit = all.filter((c) => (c.record && records.has(c.record)) || (c.rule && rules.has(c.rule)));
  return hit.length ? hit : all;
}
