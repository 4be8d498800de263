import type { CreditRecord, LifecycleEvent, QueryInput, Subject } from '../../model/index.js';
import { addDaysIso } from './dates.js';
import { isValidEventLog, stateAfter } from './eventLog.js';
import { shorthandEvents } from '../../model/eventOrder.js';

/*
 * Query rewrites the invariants compare against. All are pure: they return new objects and
 * never touch their input (the library must not either; determinism checks that).
 */

function recordsOf(q: QueryInput): CreditRecord[] {
  return ((q.subject as Subject).records ?? []) as CreditRecord[];
}

function withRecords(q: QueryInput, records: CreditRecord[]): QueryInput {
  const subject = { ...(q.subject as Subject) };
  if (records.length) subject.records = records;
  else delete subject.records;
  return { ...q, subject };
}

/**
 * The query with only what was known on `day`: records decided after it, events, self-corrections,
 * mitigation decisions and honours dated after it are removed. Evaluating this on a later day is
 * "the same question, asked later, with knowledge fixed at `day`" — what `clearFrom` promises.
 */
export function knownOn(q: QueryInput, day: string): QueryInput {
  const records = recordsOf(q)
    .filter((r) => r.decidedOn <= day)
    .map((r) => {
      const out: CreditRecord = { ...r };
      const events = (r.events ?? []).filter((e) => e.date <= day);
      if (events.length) out.events = events;
      else delete out.events;
      if (out.selfCorrection && out.selfCorrection.date > day) delete out.selfCorrection;
      if (out.mitigation && out.mitigation.date > day) delete out.mitigation;
      return out;
    });
  const out = withRecords(q, records);
  const s = out.subject as Subject;
  if (s.honours) {
    const honours = s.honours.filter((h) => h.date <= day);
    out.subject = { ...s, honours } as Subject;
    if (!honours.length) delete (out.subject as Subject).honours;
  }
  return out;
}

export function withAsOf(q: QueryInput, asOf: string): QueryInput {
  return { ...q, asOf };
}

/** Stable order of `n` items by sort keys (missing keys are 0): shrinking the keys to 0 gives the identity. */
export function permutation(n: number, keys: readonly number[]): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
}

/**
 * The records in another order, and within each record, events of the same day in another order
 * wherever the log stays valid. Events are append-only and dated, so only same-day ties can move;
 * a reply cannot move before its objection, and nothing can move across a correction.
 */
export function reordered(q: QueryInput, recordKeys: readonly number[], tieKeys: readonly number[]): QueryInput {
  const records = recordsOf(q);
  let k = 0;
  const shuffled = records.map((r) => {
    const events = r.events ?? [];
    if (events.length < 2) return r;
    const out: LifecycleEvent[] = [];
    for (let i = 0; i < events.length; ) {
      let j = i;
      while (j < events.length && events[j]!.date === events[i]!.date) j++;
      const group = events.slice(i, j);
      const perm = permutation(group.length, group.map(() => tieKeys[k++ % Math.max(1, tieKeys.length)] ?? 0));
      out.push(...perm.map((p) => group[p]!));
      i = j;
    }
    const candidate = { ...r, events: out };
    return isValidEventLog(candidate) ? candidate : r;
  });
  const perm = permutation(shuffled.length, recordKeys);
  return withRecords(q, perm.map((i) => shuffled[i]!));
}

/**
 * The `selfCorrection` and `mitigation` shorthands written as the events they stand for, in date
 * order (after the same day's other events), where the log stays valid.
 */
export function shorthandsAsEvents(q: QueryInput): QueryInput {
  const records = recordsOf(q).map((r) => {
    if (!r.selfCorrection && !r.mitigation) return r;
    const events = [...(r.events ?? [])];
    for (const { event: e } of shorthandEvents(r)) {
      let at = events.length;
      while (at > 0 && events[at - 1]!.date > e.date) at--;
      events.splice(at, 0, e);
    }
    const out: CreditRecord = { ...r, events };
    delete out.selfCorrection;
    delete out.mitigation;
    return isValidEventLog(out) ? out : r;
  });
  return withRecords(q, records);
}

export function addRecord(q: QueryInput, record: CreditRecord): QueryInput {
  return withRecords(q, [...recordsOf(q), record]);
}

/** An unused record id (`r9`, `r10`, …). */
export function freshId(q: QueryInput): string {
  const ids = new Set(recordsOf(q).map((r) => r.id));
  let n = 9;
  while (ids.has(`r${n}`)) n++;
  return `r${n}`;
}

/** Appends events on `day` to record `index`, if the log stays valid; null otherwise. */
function appendEvents(q: QueryInput, index: number, make: (r: CreditRecord) => LifecycleEvent[] | null): QueryInput | null {
  const records = recordsOf(q);
  const r = records[index];
  if (!r) return null;
  const events = make(r);
  if (!events) return null;
  const candidate: CreditRecord = { ...r, events: [...(r.events ?? []), ...events] };
  if (!isValidEventLog(candidate)) return null;
  const next = [...records];
  next[index] = candidate;
  return withRecords(q, next);
}

/**
 * Record `index` revoked on `day` (异议 → 撤销, TH-10): an objection filed that day unless one is
 * pending, and the reply `revoked`. `q` should hold only what is known on `day` (see knownOn).
 */
export function revoked(q: QueryInput, index: number, day: string): QueryInput | null {
  return appendEvents(q, index, (r) => {
    if (r.decidedOn > day) return null;
    const pending = pendingObjection(r);
    const reply: LifecycleEvent = { type: 'objection-replied', date: day, outcome: 'revoked' };
    return pending ? [reply] : [{ type: 'objection-filed', date: day, channel: 'determining-department' }, reply];
  });
}

function pendingObjection(r: CreditRecord): boolean {
  return stateAfter(r).objectionOpen;
}

/**
 * Record `index` with a qualifying self-correction and the authority's decision `outcome`
 * (从轻 / 免于), both on `day`. Null where the record already carries a decision.
 */
export function mitigated(q: QueryInput, index: number, day: string, outcome: 'lighter' | 'exempt'): QueryInput | null {
  return appendEvents(q, index, (r) => {
    if (r.decidedOn > day || r.mitigation || (r.events ?? []).some((e) => e.type === 'mitigation-decided')) return null;
    return [
      { type: 'self-correction', date: day, measures: ['recovered-losses'] },
      // Naming the measure asked about: a decision naming none applies to none (policy mitigationScope).
      { type: 'mitigation-decided', date: day, outcome, by: 'a1', actions: [q.action] },
    ];
  });
}

export function dayBefore(d: string): string {
  return addDaysIso(d, -1);
}
