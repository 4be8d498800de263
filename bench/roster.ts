/**
 * A seeded roster for the benchmarks: subject `i` is a pure function of (seed, i), so a roster of
 * 100,000 is generated in memory in well under a second, and a 1,000,000-subject stream can be
 * generated lazily, one subject at a time, without holding the roster.
 *
 * Shape (an assessment season): 70 % civil servants, 15 % public-institution staff, 7.5 %
 * governments, 7.5 % departments; 0–5 records each (uniform), decided 2019–2026, of the kinds the
 * packs count most often; some with objections, self-correction and mitigation decisions, repairs,
 * liftings, rectification orders. Every query is asked as of 2026-12-20 (assessment year 2026).
 */
import { addDaysIso, fromDayNumber, toDayNumber } from '../src/_lib/days.js';
import { ACTIONS, ANNUAL_REVIEW_ACTIONS, type Action } from '../src/model/vocabulary.js';
import { mulberry32 as rng } from '../scripts/_shared/mulberry32.js';

export const ROSTER_SEED = 20261220;
export const AS_OF = '2026-12-20';
export const ASSESSMENT_YEAR = 2026;


const RECORD_KINDS_WEIGHTED = [
  'disciplinary-sanction', 'disciplinary-sanction', 'disciplinary-sanction',
  'administrative-penalty', 'administrative-penalty', 'accountability', 'accountability',
  'judicial-judgment', 'broken-commitment', 'under-investigation', 'unfulfilled-court-judgment',
  'judgment-defaulter', 'arrears', 'online-approval-substandard',
] as const;
const SANCTIONS_WEIGHTED = ['warning', 'warning', 'warning', 'demerit', 'demerit', 'major-demerit', 'demotion', 'removal', 'expulsion'] as const;

export interface RosterSubject {
  id: string;
  kind: 'civil-servant' | 'public-institution-staff' | 'government' | 'department';
  managedUnderCivilServantLaw?: boolean;
  creditFile?: { ref: string };
  records: Record<string, unknown>[];
}

/** Uniform over [fromYear-01-01, toDay], on day numbers (no Date, no time zone). */
function day(r: () => number, fromYear: number, toDay: string): string {
  const start = toDayNumber(`${fromYear}-01-01`);
  const end = toDayNumber(toDay);
  return fromDayNumber(start + Math.floor(r() * (end - start + 1)));
}

/** One record of a roster subject of `kind`, drawn from `r` (the roster's shape: see the top of this file). */
export function rosterRecord(r: () => number, kind: RosterSubject['kind'], id: string): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const k = pick(RECORD_KINDS_WEIGHTED);
  const decidedOn = day(r, 2019, '2026-12-15');
  const rec: Record<string, unknown> = { id, kind: k, decidedOn, occurredOn: addDaysIso(decidedOn, -Math.floor(r() * 90)) };
  if (k === 'disciplinary-sanction') rec.sanction = pick(SANCTIONS_WEIGHTED);
  const events: Record<string, unknown>[] = [];
  const e = r();
  if (e < 0.12) {
    const filed = addDaysIso(decidedOn, 1 + Math.floor(r() * 30));
    events.push({ type: 'objection-filed', channel: 'determining-department', date: filed });
    if (r() < 0.7) events.push({ type: 'objection-replied', outcome: pick(['upheld', 'upheld', 'corrected', 'revoked'] as const), date: addDaysIso(filed, 5 + Math.floor(r() * 20)) });
  } else if (e < 0.22) {
    const sc = addDaysIso(decidedOn, Math.floor(r() * 60));
    rec.selfCorrection = { date: sc, measures: ['recovered-losses'] };
    if (r() < 0.6) rec.mitigation = { date: addDaysIso(sc, 10), outcome: pick(['lighter', 'exempt'] as const), by: 'authority' };
  } else if (e < 0.27) {
    events.push({ type: 'repaired', date: addDaysIso(decidedOn, 200 + Math.floor(r() * 400)) });
  } else if (e < 0.3 && k === 'disciplinary-sanction' && rec.sanction !== 'expulsion') {
    // 复核: changed to a warning running from the original day (a 处分 is never lifted early).
    events.push({ type: 'sanction-changed', sanction: 'warning', effectiveOn: decidedOn, by: 'review', date: addDaysIso(decidedOn, 100 + Math.floor(r() * 200)) });
  } else if (e < 0.4 && (kind === 'government' || kind === 'department')) {
    const ordered = addDaysIso(decidedOn, 5);
    events.push({ type: 'rectification-ordered', date: ordered, dueOn: addDaysIso(ordered, 90) });
    if (r() < 0.5) events.push({ type: 'rectification-completed', date: addDaysIso(ordered, 30 + Math.floor(r() * 120)) });
  }
  if (events.length) rec.events = events;
  return rec;
}

/**
 * Subject `i` of the roster. `personsOnly` draws only civil servants and public-institution staff
 * (for a stream asked one person-only action, such as the excellent rating).
 */
export function rosterSubject(i: number, options: { seed?: number; personsOnly?: boolean } = {}): RosterSubject {
  const r = rng(((options.seed ?? ROSTER_SEED) ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const u = r();
  const kind: RosterSubject['kind'] = options.personsOnly
    ? u < 0.82 ? 'civil-servant' : 'public-institution-staff'
    : u < 0.7 ? 'civil-servant' : u < 0.85 ? 'public-institution-staff' : u < 0.925 ? 'government' : 'department';
  const s: RosterSubject = { id: `p${i}`, kind, records: [] };
  if (kind === 'public-institution-staff' && r() < 0.5) s.managedUnderCivilServantLaw = true;
  if (r() < 0.6) s.creditFile = { ref: `cf${i}` };
  const n = Math.floor(r() * 6);
  for (let j = 0; j < n; j++) s.records.push(rosterRecord(r, kind, `p${i}r${j}`));
  return s;
}

/**
 * One civil servant with `count` roster records, for the per-record figures. The records of a
 * smaller count are the first records of a larger one (one stream of draws).
 */
export function subjectWithRecords(count: number, seed = ROSTER_SEED): RosterSubject {
  const r = rng((seed ^ 0x5ca1ab1e) >>> 0);
  const s: RosterSubject = { id: `many-${count}`, kind: 'civil-servant', creditFile: { ref: `cf-many-${count}` }, records: [] };
  for (let j = 0; j < count; j++) s.records.push(rosterRecord(r, 'civil-servant', `m${String(j).padStart(5, '0')}`));
  return s;
}

/** The action asked about subject `i`: any action for a person, honour selection for a body. */
export function rosterAction(subject: RosterSubject, i: number): Action {
  if (subject.kind === 'government' || subject.kind === 'department') return 'honour-selection';
  return ACTIONS[(i * 7 + 3) % ACTIONS.length]!;
}

/** The query for subject `i` under `pack`, as of 2026-12-20 (or `asOf`, assessing the year before it ends). */
export function rosterQuery(pack: string, subject: RosterSubject, i: number, asOf = AS_OF): Record<string, unknown> {
  const action = rosterAction(subject, i);
  const q: Record<string, unknown> = { pack, subject, action, asOf };
  if (ANNUAL_REVIEW_ACTIONS.includes(action)) q.assessmentYear = asOf === AS_OF ? ASSESSMENT_YEAR : Number(asOf.slice(0, 4));
  return q;
}

/** The first `count` subjects of the roster. */
export function roster(count: number, seed = ROSTER_SEED): RosterSubject[] {
  return Array.from({ length: count }, (_, i) => rosterSubject(i, { seed }));
}
