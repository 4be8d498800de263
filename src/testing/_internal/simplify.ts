import type { CreditRecord, QueryInput, Subject } from '../../model/index.js';
import { ANNUAL_REVIEW_ACTIONS } from './lib.js';

/*
 * A last clean-up after fast-check's shrinking. fast-check shrinks a record's fields left to
 * right and does not go back, so a field that mattered early (a mitigation decision, an
 * occurredOn) can outlive the reason it was needed. This pass tries removing each optional part
 * of the query again and keeps every removal after which the failure still happens.
 */

type Step = (q: QueryInput) => QueryInput | null;

function subjectOf(q: QueryInput): Subject {
  return q.subject as Subject;
}

function withSubject(q: QueryInput, s: Subject): QueryInput {
  return { ...q, subject: s };
}

function withRecord(q: QueryInput, i: number, r: CreditRecord | null): QueryInput {
  const s = subjectOf(q);
  const records = [...((s.records ?? []) as CreditRecord[])];
  if (r) records[i] = r;
  else records.splice(i, 1);
  const out: Subject = { ...s, records };
  if (!records.length) delete out.records;
  return withSubject(q, out);
}

function without<T extends object>(o: T, key: keyof T): T {
  const c = { ...o };
  delete c[key];
  return c;
}

function candidates(q: QueryInput): Step[] {
  const steps: Step[] = [];
  const s = subjectOf(q);
  if (q.policy) {
    steps.push((x) => without(x, 'policy'));
    for (const k of Object.keys(q.policy)) steps.push((x) => (x.policy && k in x.policy ? { ...x, policy: without(x.policy, k as keyof typeof x.policy) } : null));
  }
  const records = (s.records ?? []) as CreditRecord[];
  for (let i = records.length - 1; i >= 0; i--) steps.push((x) => withRecord(x, i, null));
  records.forEach((r, i) => {
    const field = (key: keyof CreditRecord) => (x: QueryInput) => {
      const cur = ((subjectOf(x).records ?? []) as CreditRecord[])[i];
      return cur && cur.id === r.id && cur[key] !== undefined ? withRecord(x, i, without(cur, key)) : null;
    };
    if (r.events?.length) {
      steps.push(field('events'));
      for (let j = r.events.length - 1; j >= 0; j--) {
        steps.push((x) => {
          const cur = ((subjectOf(x).records ?? []) as CreditRecord[])[i];
          if (!cur || cur.id !== r.id || !cur.events || j >= cur.events.length) return null;
          const events = cur.events.filter((_, k) => k !== j);
          return withRecord(x, i, events.length ? { ...cur, events } : without(cur, 'events'));
        });
      }
    }
    for (const key of ['mitigation', 'selfCorrection', 'effectiveOn', 'occurredOn'] as const) if (r[key] !== undefined) steps.push(field(key));
  });
  if (s.honours?.length) steps.push((x) => withSubject(x, without(subjectOf(x), 'honours')));
  if (s.creditFile !== undefined) steps.push((x) => withSubject(x, without(subjectOf(x), 'creditFile')));
  if (s.managedUnderCivilServantLaw !== undefined) steps.push((x) => withSubject(x, without(subjectOf(x), 'managedUnderCivilServantLaw')));
  if (q.assessmentYear !== undefined && !ANNUAL_REVIEW_ACTIONS.includes(q.action)) steps.push((x) => without(x, 'assessmentYear'));
  return steps;
}

/**
 * Removes what `stillFails` does not need, greedily, until nothing more can go. Returns the
 * simpler query and how many removals were kept. `stillFails` must return false for an invalid
 * query (it sees the error as a different failure).
 */
export async function simplify(q: QueryInput, stillFails: (q: QueryInput) => Promise<boolean>, maxRounds = 4): Promise<{ query: QueryInput; steps: number }> {
  let cur = q;
  let kept = 0;
  for (let round = 0; round < maxRounds; round++) {
    let changed = false;
    for (const step of candidates(cur)) {
      const next = step(cur);
      if (!next) continue;
      if (await stillFails(next)) {
        cur = next;
        kept++;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { query: cur, steps: kept };
}
