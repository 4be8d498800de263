/**
 * The timeline of one action for one subject: the days its verdict changes between two days, each
 * answered with what was known that day. Built incrementally: a record is reduced again only on the
 * days its own knowledge changes (its decision, its events, and — for a sanction — the other
 * sanctions that can combine with it), and evaluated again only on those days and on the days its
 * own facts change (its effect or sanction period starts or ends) or a rule comes into force or
 * expires. Each day's verdict comes from running counts; its reasons are assembled only where the
 * verdict changes. Where a verdict rule reads day-varying subject facts, every day is evaluated
 * whole instead (as `allDaysClearFrom` does for clearFrom).
 */
import { addDaysIso, DATE_RANGE } from '../../_lib/days.js';
import { reasonsOfDay } from '../../decision/internal.js';
import type { QueryContext } from '../../facts/internal.js';
import { dayEvaluation, readsOnlyFixedSubjectFacts, recordDaysEvaluation, ruleChangeDays, ruleValidFrom, stateChangeDays, type SubjectFacts } from '../../facts/internal.js';
import type { RecordState } from '../../lifecycle/internal.js';
import { derivedState, PeriodTracker, reduceEntry, statesKnownOn } from '../../lifecycle/internal.js';
import { VERDICT_SEVERITY, VERDICTS, type TimelineCauseKind, type Verdict } from '../../model/vocabulary.js';
import type { Steps } from './steps.js';

/** A reason on a timeline day: the rule, its clauses, the record, the verdict. */
export interface TimelineReason {
  rule: string;
  pack: string;
  clauses: string[];
  records: string[];
  verdict: Verdict;
}

/** What happened on a day that can change a verdict. */
export interface TimelineCause {
  kind: TimelineCauseKind;
  record?: string;
  event?: string;
  rule?: string;
}

/** A change of verdict: from `on`, the verdict is `verdict`, because of `causes`. */
export interface TimelineChange {
  on: string;
  verdict: Verdict;
  previous: Verdict | null;
  reasons: TimelineReason[];
  causes: TimelineCause[];
}

/** Every day in (from, to] on which something that can change a verdict happens, and what. */
export function happeningsBetween(ctx: QueryContext, from: string, to: string): Map<string, TimelineCause[]> {
  const out = new Map<string, TimelineCause[]>();
  // Each day's causes kept unique as they come (by their JSON): linear in the causes (issue 25).
  const seen = new Map<string, Set<string>>();
  const add = (day: string, c: TimelineCause) => {
    if (day <= from || day > to) return;
    const key = JSON.stringify(c);
    let keys = seen.get(day);
    if (!keys) {
      seen.set(day, (keys = new Set()));
      out.set(day, []);
    }
    if (keys.has(key)) return;
    keys.add(key);
    out.get(day)!.push(c);
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
  return out;
}

/** The happenings of a day that concern the reasons that appeared or disappeared. */
function relevantCauses(all: TimelineCause[], prev: readonly TimelineReason[], cur: readonly TimelineReason[]): TimelineCause[] {
  const key = (r: TimelineReason) => `${r.rule}|${r.records.join(',')}|${r.verdict}`;
  const before = new Set(prev.map(key));
  const after = new Set(cur.map(key));
  const changed = [...prev.filter((r) => !after.has(key(r))), ...cur.filter((r) => !before.has(key(r)))];
  const records = new Set(changed.flatMap((r) => r.records));
  const rules = new Set(changed.map((r) => r.rule));
  const hit = all.filter((c) => (c.record && records.has(c.record)) || (c.rule && rules.has(c.rule)));
  return hit.length ? hit : all;
}

/** Collects the changes day by day: a day whose verdict differs from the day before starts a change. */
class Changes {
  readonly out: TimelineChange[] = [];
  private prev: Verdict | null = null;
  constructor(private readonly happenings: ReadonlyMap<string, TimelineCause[]>) {}
  /** The day's verdict; its reasons and the day before's are asked for only where the verdict changes. */
  day(on: string, verdict: Verdict, reasons: () => TimelineReason[], before: () => TimelineReason[]): void {
    if (this.prev === verdict) return;
    const now = reasons();
    const causes = this.prev === null ? [{ kind: 'start' as const }] : relevantCauses(this.happenings.get(on) ?? [], before(), now);
    this.out.push({ on, verdict, previous: this.prev, reasons: now, causes });
    this.prev = verdict;
  }
}

/** A reason with where it stands in a day's list: rule order, then record id (as a day's candidates come). */
interface Placed {
  order: number;
  record: string;
  reason: TimelineReason;
}

function sortedReasons(placed: Iterable<readonly Placed[]>): TimelineReason[] {
  const all: Placed[] = [];
  for (const list of placed) for (const p of list) all.push(p);
  all.sort((a, b) => a.order - b.order || (a.record < b.record ? -1 : a.record > b.record ? 1 : 0));
  return all.map((p) => p.reason);
}

/**
 * The changes of verdict over `days` (the first day, then every day something happens), each day
 * answered with what was known on it.
 */
export function timelineSteps(ctx: QueryContext, days: readonly string[], happenings: ReadonlyMap<string, TimelineCause[]>): Steps<TimelineChange[]> {
  return readsOnlyFixedSubjectFacts(ctx.rules) ? incrementalTimelineSteps(ctx, days, happenings) : wholeDayTimelineSteps(ctx, days, happenings);
}

/** Every day evaluated whole, with every record reduced as known that day. */
export function* wholeDayTimelineSteps(ctx: QueryContext, days: readonly string[], happenings: ReadonlyMap<string, TimelineCause[]>): Steps<TimelineChange[]> {
  const changes = new Changes(happenings);
  let before: TimelineReason[] = [];
  for (const on of days) {
    const day = dayEvaluation(ctx, on, on);
    const { verdict, reasons } = reasonsOfDay(day, yield day);
    const now = reasons.map((r) => reasonOf(r.candidate.owned, r.candidate.record >= 0 ? day.records[r.candidate.record]!.state.id : null, r.verdict));
    changes.day(on, verdict, () => now, () => before);
    before = now;
  }
  return changes.out;
}

/** Each record reduced and evaluated again only where its knowledge or its facts change (see the top of this file). */
export function* incrementalTimelineSteps(ctx: QueryContext, days: readonly string[], happenings: ReadonlyMap<string, TimelineCause[]>): Steps<TimelineChange[]> {
  const changes = new Changes(happenings);
  const first = days[0]!;
  const l = ctx.lifecycle;
  const entries = l.entries;
  // The subject's facts read by verdict rules do not change from day to day (readsOnlyFixedSubjectFacts).
  const subject: SubjectFacts = dayEvaluation(ctx, first, first).subject;
  const rulesDays: string[] = [];
  ruleChangeDays(ctx.rules, (d) => void rulesDays.push(d));

  const { knowledgeDays, sanctionDays } = knowledgeChangeDays(entries, first);

  // Current state of each host entry and its derived record, as known on the last knowledge change.
  const periods = new PeriodTracker(l);
  periods.update(entries, first);
  const host: RecordState[] = entries.map((e) => reduceEntry(l, e, first, periods.plans));
  const derived: (RecordState | null)[] = entries.map((e, j) => derivedState(l, e, host[j]!, first, periods.plans));
  const indexOf = new Map(entries.map((e, j) => [e.record.id, j]));

  // Each record's contribution: its reasons and their most severe verdict; keyed by record id.
  const contribution = new Map<string, { severity: number; reasons: Placed[] }>();
  const counts = [0, 0, 0, 0];
  // The current state of each record id (host and derived), and the records to evaluate again on a day (by index in `days`).
  const current = new Map<string, RecordState>();
  entries.forEach((_, j) => {
    current.set(host[j]!.id, host[j]!);
    const d = derived[j];
    if (d) current.set(d.id, d);
  });
  const wake = new Map<number, Set<string>>();

  for (let t = 0; t < days.length; t++) {
    const on = days[t]!;
    const due = new Map<string, RecordState>();
    const vanished: string[] = [];
    if (t === 0) {
      for (const [id, st] of current) due.set(id, st);
    } else {
      const changed = new Set<number>(knowledgeDays.get(on) ?? []);
      const sanctions = sanctionDays.get(on);
      if (sanctions) {
        for (const id of periods.update([...sanctions].map((j) => entries[j]!), on)) changed.add(indexOf.get(id)!);
      }
      for (const j of [...changed].sort((a, b) => a - b)) {
        const e = entries[j]!;
        const s = reduceEntry(l, e, on, periods.plans);
        host[j] = s;
        current.set(s.id, s);
        due.set(s.id, s);
        const was = derived[j];
        const d = derivedState(l, e, s, on, periods.plans);
        derived[j] = d;
        if (d) {
          current.set(d.id, d);
          due.set(d.id, d);
        } else if (was) {
          current.delete(was.id);
          vanished.push(was.id);
        }
      }
    }
    // Records whose facts change today, in their current state (knowledge updated first: a derived
    // record whose origin was completed or voided today is gone).
    for (const id of wake.get(t) ?? []) {
      const st = current.get(id);
      if (st && !due.has(id)) due.set(id, st);
    }
    wake.delete(t);
    const before = new Map<string, Placed[]>();
    const drop = (id: string) => {
      const c = contribution.get(id);
      if (!c) return;
      if (!before.has(id)) before.set(id, c.reasons);
      counts[c.severity]!--;
      contribution.delete(id);
    };
    for (const id of vanished) drop(id);
    if (due.size > 0) {
      const items = [...due.values()].map((state) => ({ state, on }));
      const day = recordDaysEvaluation(ctx, items, subject, on);
      const fired: boolean[] = day.candidates.length ? yield day : [];
      const found: Placed[][] = items.map(() => []);
      const severity = items.map(() => 0);
      for (const r of day.candidates.length ? reasonsOfDay(day, fired).reasons : []) {
        const i = r.candidate.record;
        const id = items[i]!.state.id;
        found[i]!.push({ order: r.candidate.owned.order, record: id, reason: reasonOf(r.candidate.owned, id, r.verdict) });
        severity[i] = Math.max(severity[i]!, VERDICT_SEVERITY[r.verdict]);
      }
      items.forEach(({ state }, i) => {
        const old = contribution.get(state.id);
        // What the record gave the day before (nothing, if it is new today).
        if (!before.has(state.id)) before.set(state.id, old ? old.reasons : []);
        if (old) counts[old.severity]!--;
        contribution.set(state.id, { severity: severity[i]!, reasons: found[i]! });
        counts[severity[i]!]!++;
        scheduleWake(state, on, t, days, rulesDays, wake);
      });
    }
    const verdict = VERDICTS.find((v) => v !== 'clear' && counts[VERDICT_SEVERITY[v]]! > 0) ?? 'clear';
    changes.day(
      on,
      verdict,
      () => sortedReasons([...contribution.values()].map((c) => c.reasons)),
      () => {
        const lists: Placed[][] = [];
        for (const [id, c] of contribution) if (!before.has(id)) lists.push(c.reasons);
        for (const r of before.values()) lists.push(r);
        return sortedReasons(lists);
      },
    );
  }
  return changes.out;
}

/**
 * Knowledge: the days each entry's state can change, and the days its sanction can (its decision, a
 * change or revocation): those re-plan the subject's periods. By day, the entries' indexes.
 */
function knowledgeChangeDays(entries: QueryContext['lifecycle']['entries'], first: string): { knowledgeDays: Map<string, Set<number>>; sanctionDays: Map<string, Set<number>> } {
  const knowledgeDays = new Map<string, Set<number>>();
  const sanctionDays = new Map<string, Set<number>>();
  const mark = (into: Map<string, Set<number>>, day: string, j: number) => {
    if (day <= first) return;
    let s = into.get(day);
    if (!s) into.set(day, (s = new Set()));
    s.add(j);
  };
  entries.forEach((e, j) => {
    mark(knowledgeDays, e.record.decidedOn, j);
    for (const p of e.events) mark(knowledgeDays, p.event.date, j);
    if (e.record.kind === 'disciplinary-sanction') {
      mark(sanctionDays, e.record.decidedOn, j);
      for (const p of e.events) if (p.event.type === 'sanction-changed' || p.event.type === 'sanction-revoked') mark(sanctionDays, p.event.date, j);
    }
  });
  return { knowledgeDays, sanctionDays };
}

/** The index of the first of `days` (sorted) on or after `day`, searching from `from`. */
function indexAfter(days: readonly string[], day: string, from: number): number {
  let lo = from;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A record is evaluated again on the first day of the timeline on or after its next change day (its own, or a rule's). */
function scheduleWake(state: RecordState, on: string, t: number, days: readonly string[], rulesDays: readonly string[], wake: Map<number, Set<string>>): void {
  let next: string | null = null;
  const consider = (d: string) => {
    if (d > on && (next === null || d < next)) next = d;
  };
  stateChangeDays(state, consider);
  for (const d of rulesDays) consider(d);
  if (next === null) return;
  const at = indexAfter(days, next, t + 1);
  if (at < days.length) {
    let w = wake.get(at);
    if (!w) wake.set(at, (w = new Set()));
    w.add(state.id);
  }
}

function reasonOf(owned: { rule: { id: string; clauses: readonly string[] }; pack: { id: string } }, record: string | null, verdict: Verdict): TimelineReason {
  return { rule: owned.rule.id, pack: owned.pack.id, clauses: [...owned.rule.clauses], records: record !== null ? [record] : [], verdict };
}
