/**
 * A subject's records as known on a day: the host's records, each reduced from its events, with the
 * periods of its sanctions planned together and the records the pack derives (GD-7). What a pack
 * contributes (policy, deadlines, derivation) comes in `LifecycleSettings`; the rules do not matter
 * here, so one reduction serves every action asked of the subject under those settings.
 */
import { addDaysIso } from '../../_lib/days.js';
import type { CalendarImpl } from '../../calendar/internal.js';
import type { LegalBasis } from '../../deadlines/types.js';
import type { Policy } from '../../model/policy.js';
import type { CreditRecord } from '../../model/record.js';
import { isDateOutOfRange } from '../../_lib/days.js';
import { atRecordField, atRectificationDue, periodOutOfRange, planWithinRange } from './dateFields.js';
import { readEventLog, type PlacedEvent } from './eventLog.js';
import { reduceRecord, type ReduceContext, type RecordState } from './reduce.js';
import { RemainderChain } from './remainderChain.js';
import { planGroup, planSanctionPeriods, PSL_IN_FORCE, sanctionAsKnown, type Live, type PeriodPlan, type SanctionAsKnown } from './sanctionPeriods.js';

/** A record of the subject with its checked event log. */
export interface Entry {
  record: CreditRecord;
  /** Where the record sits in the query (`['subject', 'records', i]`), for errors about it. */
  path: (string | number)[];
  events: PlacedEvent[];
  derived: boolean;
  /** For a derived record: the record it follows from and the clauses that derive it. */
  derivedFrom: { record: string; clauses: string[]; pack: string } | null;
}

/**
 * The subject's host records with their event logs read and checked, in id order (a decision
 * depends on the set of records, not on how the host listed them).
 *
 * @throws InvalidEventLogError naming the event.
 */
export function entriesOf(records: readonly CreditRecord[]): Entry[] {
  const entries: Entry[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const path = ['subject', 'records', i];
    entries[i] = { record, path, events: readEventLog(record, path), derived: false, derivedFrom: null };
  }
  return entries.sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
}

/** A deadline a pack (or host policy) fixes in working days, with the clause it cites. */
export interface WorkingDayRule {
  days: number;
  basis: LegalBasis;
  source: 'pack' | 'policy';
}

/** What the reduction of a subject's records depends on besides the records: policy, calendar, the pack's deadlines and derivation. */
export interface LifecycleSettings {
  policy: Policy;
  calendar: CalendarImpl;
  objectionReply: WorkingDayRule | null;
  platformReport: WorkingDayRule | null;
  /** GD-7: a missed rectification becomes a record (the clauses and the pack that say so). */
  derivation: { clauses: string[]; pack: string } | null;
}

/** One subject's records under one set of settings, with record states memoised per knowledge day. */
export interface SubjectLifecycle {
  entries: readonly Entry[];
  settings: LifecycleSettings;
  statesByKnownOn: Map<string, RecordState[]>;
  /** Each host 处分 record's decision day and effective day, by id (an investigation hands over to the sanction it names). */
  decisionDays: ReadonlyMap<string, { decidedOn: string; effectiveOn: string }>;
}

export function subjectLifecycle(entries: readonly Entry[], settings: LifecycleSettings): SubjectLifecycle {
  const decisionDays = new Map<string, { decidedOn: string; effectiveOn: string }>();
  for (const e of entries) {
    if (e.record.kind === 'disciplinary-sanction') decisionDays.set(e.record.id, { decidedOn: e.record.decidedOn, effectiveOn: e.record.effectiveOn ?? e.record.decidedOn });
  }
  return { entries, settings, statesByKnownOn: new Map(), decisionDays };
}

/** The subject's sanctions as known on a day, and their periods planned together (政务处分法 15, 条例 10). */
export function periodsKnownOn(l: SubjectLifecycle, knownOn: string): ReadonlyMap<string, PeriodPlan> {
  const sanctions: { id: string; sanction: SanctionAsKnown }[] = [];
  for (const e of l.entries) {
    const s = sanctionAsKnown(e.record, e.events, knownOn, e.path);
    if (s) sanctions.push({ id: e.record.id, sanction: s });
  }
  return planWithinRange(sanctions, (some) => planSanctionPeriods(some, l.settings.policy));
}

/**
 * The subject's sanction periods kept up to date as its sanctions become known, day after day (the
 * timeline): the same plans as `periodsKnownOn` on each day, re-planning only the groups of
 * same-kind sanctions a change touches (and, where a sanction before 2020-07-01 is touched, the
 * 条例 10 ② remainders, which chain across those sanctions), not every sanction on every day.
 */
export class PeriodTracker {
  private readonly known = new Map<string, SanctionAsKnown>();
  private readonly groups = new Map<string, Set<string>>();
  private readonly groupPlans = new Map<string, PeriodPlan>();
  private readonly index = new Map<string, number>();
  /** The sanctions taking effect before 2020-07-01 (the 条例 10 ② chain runs over them) and their chained plans. */
  private readonly chained = new Map<string, PeriodPlan>();
  private readonly chain = new RemainderChain(this.chained);
  readonly plans = new Map<string, PeriodPlan>();

  constructor(private readonly l: SubjectLifecycle) {
    l.entries.forEach((e, i) => this.index.set(e.record.id, i));
  }

  /**
   * The sanctions of `changed` as known on `knownOn`; returns the ids whose period changed.
   * @throws as `periodsKnownOn` for the same day.
   */
  update(changed: readonly Entry[], knownOn: string): Set<string> {
    const dirty = new Set<string>();
    for (const e of changed) {
      const id = e.record.id;
      const before = this.known.get(id);
      const now = sanctionAsKnown(e.record, e.events, knownOn, e.path);
      if (before) {
        dirty.add(keyOf(before));
        this.groups.get(keyOf(before))!.delete(id);
        this.known.delete(id);
      }
      if (now) {
        const key = keyOf(now);
        dirty.add(key);
        let g = this.groups.get(key);
        if (!g) this.groups.set(key, (g = new Set()));
        g.add(id);
        this.known.set(id, now);
      }
    }
    // Groups in the order of their first record (as the whole plan meets them), each planned alone.
    const byId = (a: string, b: string) => this.index.get(a)! - this.index.get(b)!;
    const order = [...dirty].map((key) => ({ key, ids: [...(this.groups.get(key) ?? [])].sort(byId) }));
    order.sort((a, b) => (a.ids.length && b.ids.length ? byId(a.ids[0]!, b.ids[0]!) : a.ids.length - b.ids.length));
    const touched = new Set<string>();
    let early = false;
    for (const { key, ids } of order) {
      if (key.slice(key.indexOf('|') + 1) < PSL_IN_FORCE) early = true;
      const members = ids.map((id) => ({ id, sanction: this.known.get(id)! }));
      const live: Live[] = members.filter((m) => !m.sanction.revoked && m.sanction.sanction !== 'expulsion').map((m) => ({ id: m.id, s: m.sanction as Live['s'] }));
      let planned: Map<string, PeriodPlan>;
      try {
        planned = live.length ? planGroup(live, this.l.settings.policy) : new Map();
      } catch (e) {
        if (isDateOutOfRange(e)) throw periodOutOfRange(members[0]!.id, members[0]!.sanction);
        throw e;
      }
      for (const id of ids) {
        this.groupPlans.delete(id);
        touched.add(id);
      }
      for (const [id, p] of planned) this.groupPlans.set(id, p);
    }
    // Records that left a group (revoked, changed to another kind or day) lose or change their plan too.
    for (const e of changed) touched.add(e.record.id);
    if (early) {
      // The chain's sanctions now: new ones are planned after those already chained where they all
      // take effect later (the timeline meets sanctions mostly in that order); else the chain is planned
      // again from the first sanction whose order or plan changed.
      const added: Live[] = [];
      // Whether a sanction already in the chain is planned again (else new ones are appended).
      let rechain = false;
      for (const id of touched) {
        const p = this.groupPlans.get(id);
        const isEarly = p !== undefined && p.effectiveOn < PSL_IN_FORCE;
        if (this.chained.has(id)) rechain = true;
        else if (isEarly) added.push({ id, s: this.known.get(id)! as Live['s'] });
      }
      let planned: string[];
      if (!rechain && this.chain.canAppend(added)) {
        for (const a of added) this.chained.set(a.id, this.groupPlans.get(a.id)!);
        planned = this.chain.append(added);
      } else {
        const all: Live[] = [];
        for (const [id, p] of this.groupPlans) if (p.effectiveOn < PSL_IN_FORCE) all.push({ id, s: this.known.get(id)! as Live['s'] });
        const now = new Set(all.map((a) => a.id));
        for (const id of [...this.chained.keys()]) if (!now.has(id)) this.chained.delete(id);
        planned = this.chain.rechain(all, touched, (id) => this.groupPlans.get(id)!);
      }
      for (const id of planned) touched.add(id);
    }
    const changedIds = new Set<string>();
    for (const id of touched) {
      const p = this.chained.get(id) ?? this.groupPlans.get(id);
      if (!samePlan(this.plans.get(id), p)) changedIds.add(id);
      if (p) this.plans.set(id, p);
      else this.plans.delete(id);
    }
    return changedIds;
  }
}

const keyOf = (s: SanctionAsKnown): string => `${s.sanction}|${s.effectiveOn}`;

/** Two plans that say the same. */
export function samePlan(a: PeriodPlan | undefined, b: PeriodPlan | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.effectiveOn === b.effectiveOn &&
    a.months === b.months &&
    a.lastDay === b.lastDay &&
    a.latestLastDay === b.latestLastDay &&
    a.determination === b.determination &&
    a.regime === b.regime &&
    a.basis.clause === b.basis.clause &&
    a.combinedWith.join('|') === b.combinedWith.join('|')
  );
}

/** What the reducer needs besides the record, as known on `knownOn` with the subject's periods. */
function reduceContext(l: SubjectLifecycle, knownOn: string, periods: ReadonlyMap<string, PeriodPlan>, prefix?: (string | number)[]): ReduceContext {
  const { settings } = l;
  const ctx: ReduceContext = {
    knownOn,
    policy: settings.policy,
    calendar: settings.calendar,
    objectionReply: settings.objectionReply,
    platformReport: settings.platformReport,
    periods,
    decisionDays: l.decisionDays,
  };
  if (prefix) ctx.prefix = prefix;
  return ctx;
}

/** One host record's state as known on `knownOn`; a computed date out of range is an error at the field the host wrote. */
export function reduceEntry(l: SubjectLifecycle, e: Entry, knownOn: string, periods: ReadonlyMap<string, PeriodPlan>): RecordState {
  return atRecordField(e.record, e.events, e.path, knownOn, () => reduceRecord(e.record, e.events, reduceContext(l, knownOn, periods, e.path), false));
}

/** The record the pack derives from a host record's state (GD-7: a rectification not completed in time), or null. */
export function derivedState(l: SubjectLifecycle, e: Entry, s: RecordState, knownOn: string, periods: ReadonlyMap<string, PeriodPlan>): RecordState | null {
  const derivation = l.settings.derivation;
  const r = s.rectification;
  if (!derivation || !s.known || s.voided || !r || (r.completedOn !== null && r.completedOn <= r.lastDay)) return null;
  return atRectificationDue(s.id, e.events, r.dueOn, () => {
    const entry = derivedEntry(s.id, r.lastDay, derivation, r.dueOn);
    return reduceRecord(entry.record, entry.events, reduceContext(l, knownOn, periods), true);
  });
}

/**
 * Record states as known on `knownOn`: the host's records, then the records the pack derives
 * from them (GD-7), each reduced from its events. The periods of the subject's sanctions are
 * planned together first. Memoised per day.
 */
export function statesKnownOn(l: SubjectLifecycle, knownOn: string): RecordState[] {
  const hit = l.statesByKnownOn.get(knownOn);
  if (hit) return hit;
  const periods = periodsKnownOn(l, knownOn);
  const entries = l.entries;
  const states: RecordState[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) states[i] = reduceEntry(l, entries[i]!, knownOn, periods);
  if (l.settings.derivation) {
    let derived = false;
    for (let i = 0; i < entries.length; i++) {
      const d = derivedState(l, entries[i]!, states[i]!, knownOn, periods);
      if (d) {
        states.push(d);
        derived = true;
      }
    }
    // Host records are in id order already; a derived record sorts after its origin.
    if (derived) states.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  l.statesByKnownOn.set(knownOn, states);
  return states;
}

/**
 * A 处分 lifted before its period ends is refused (公务员法 65): checked with what was known on the
 * lifting day, so that the log is refused whatever day the question is asked, not only from then
 * on. Only the lifted record is reduced for it (with the subject's periods as planned that day).
 *
 * @throws InvalidEventLogError (`lifted_early`), or InvalidInputError for a period out of range.
 */
export function checkLiftings(l: SubjectLifecycle): void {
  for (const e of l.entries) {
    if (e.record.kind !== 'disciplinary-sanction') continue;
    for (const p of e.events) {
      if (p.event.type !== 'sanction-lifted') continue;
      const knownOn = p.event.date;
      if (l.statesByKnownOn.has(knownOn)) continue;
      reduceEntry(l, e, knownOn, periodsKnownOn(l, knownOn));
    }
  }
}

/** The id suffix of a record derived from a missed rectification (GD-7). */
export const DERIVED_SUFFIX = '~rectification-overdue';

/**
 * GD-7: a rectification not completed by its last day becomes a record dated the day after. The last
 * day is the due date, rolled to the next working day where it is not one (民法典 203); `dueOn` is the
 * date the order set, for the description.
 */
export function derivedEntry(fromId: string, lastDay: string, derivation: { clauses: string[]; pack: string }, dueOn: string = lastDay): Entry {
  const day = addDaysIso(lastDay, 1);
  return {
    record: {
      id: `${fromId}${DERIVED_SUFFIX}`,
      kind: 'rectification-overdue',
      occurredOn: day,
      decidedOn: day,
      inOfficialDuty: true,
      description: `未按时完成整改（整改期限 ${dueOn}${lastDay !== dueOn ? `，逢休息日顺延至 ${lastDay}（民法典第二百零三条）` : ''}），依 ${derivation.clauses.join('、')} 记入政务失信记录`,
    },
    path: [],
    events: [],
    derived: true,
    derivedFrom: { record: fromId, clauses: derivation.clauses, pack: derivation.pack },
  };
}
