/**
 * A seeded, deterministic generator of queries for differential tests and benchmarks.
 *
 * Why our own and not fast-check: the differential test wants ≥ 10,000 queries per pack in a
 * reproducible order, and the benchmark wants a 100,000-subject roster generated in memory in a
 * fraction of a second; a plain PRNG does both. It deliberately covers what the decision depends
 * on: every subject kind and record kind, every sanction, dates on and around sanction-period ends,
 * rule and pack start days and year ends, self-correction and mitigation decisions (shorthand and
 * events), objections (pending, upheld, corrected, revoked, reported), rectification orders (met,
 * late, overdue, pending), repairs, liftings, closed investigations, same-day sanctions (combined
 * periods), honours, credit files, policy overrides, and a small share of invalid input.
 */
import { addDaysIso, addMonthsIso } from '../../../src/_lib/days.js';
import {
  ACTIONS,
  ANNUAL_REVIEW_ACTIONS,
  HONOUR_LEVELS,
  INVESTIGATION_OUTCOMES,
  LIGHTER_MEASURES,
  MITIGATION_OUTCOMES,
  ORGANISATIONAL_MEASURES,
  OBJECTION_CHANNELS,
  RECORD_KINDS,
  SANCTIONS,
  SELF_CORRECTION_MEASURES,
  type Action,
  type SubjectKind,
} from '../../../src/model/vocabulary.js';
import { mulberry32 } from '../../../scripts/_shared/mulberry32.js';

/** mulberry32: small, fast, good enough for test data; the same seed gives the same stream. */
export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  bool(p = 0.5): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  subset<T>(xs: readonly T[], p = 0.5): T[] {
    return xs.filter(() => this.bool(p));
  }
}

const ACTIONS_FOR: Record<SubjectKind, readonly Action[]> = {
  'civil-servant': ACTIONS,
  'public-institution-staff': ACTIONS,
  government: ['honour-selection'],
  department: ['honour-selection'],
};

const COMMON_KINDS = ['judicial-judgment', 'administrative-penalty', 'disciplinary-sanction', 'accountability', 'disciplinary-sanction', 'under-investigation'] as const;
const WEIGHTED_SUBJECT_KINDS: readonly SubjectKind[] = ['civil-servant', 'civil-servant', 'civil-servant', 'public-institution-staff', 'government', 'department'];

const PERIOD_MONTHS: Record<string, number> = { warning: 6, demerit: 12, 'major-demerit': 18, demotion: 24, removal: 24 };

/** Days the rules care about: pack start days, year ends, leap days. */
const SPECIAL_DAYS = [
  '2017-09-15', '2017-10-14', '2017-12-29', '2018-06-08', '2018-06-27', '2019-06-01',
  '2019-05-31', '2018-06-26', '2018-06-07', '2017-12-28', '2020-02-29', '2024-02-29',
  '2021-12-31', '2022-01-01', '2023-12-31', '2024-01-01', '2024-12-31', '2025-01-01', '2025-12-31', '2026-01-01',
  '2025-09-30', '2025-10-08', '2026-02-16', '2026-09-28', '2026-10-08', '2026-12-31',
];

export interface GenerateOptions {
  /** Share of queries made invalid on purpose (both paths must throw the same error). Default 0.01. */
  invalidShare?: number;
  /** Records per subject: [min, max]. Default [0, 5]. */
  records?: [number, number];
  /** Allow policy overrides. Default true. */
  policies?: boolean;
}

function randomDay(rng: Rng, fromYear = 2015, toYear = 2026): string {
  if (rng.bool(0.15)) return rng.pick(SPECIAL_DAYS);
  const y = rng.int(fromYear, toYear);
  if (rng.bool(0.15)) return rng.pick([`${y}-01-01`, `${y}-12-31`, `${y}-06-30`, `${y}-07-01`, `${y}-02-28`, `${y}-03-31`]);
  const m = rng.int(1, 12);
  const d = rng.int(1, m === 2 ? 28 : 30);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function later(rng: Rng, day: string, max = 240): string {
  return addDaysIso(day, rng.bool(0.1) ? 0 : rng.int(1, max));
}

/** One record with a valid (append-only, date-ordered) event log. */
export function generateRecord(rng: Rng, id: string, subjectKind: SubjectKind, sameDay?: { sanction: string; decidedOn: string }): Record<string, unknown> {
  const bodyish = subjectKind === 'government' || subjectKind === 'department';
  // Half the records are of the kinds most packs count, so that decisions are often not clear.
  const kind = sameDay
    ? 'disciplinary-sanction'
    : bodyish && rng.bool(0.3)
      ? rng.pick(['online-approval-substandard', 'arrears', 'unfulfilled-court-judgment', 'broken-commitment', 'rectification-overdue'] as const)
      : rng.bool(0.5)
        ? rng.pick(COMMON_KINDS)
        : rng.pick(RECORD_KINDS);
  const decidedOn = sameDay?.decidedOn ?? randomDay(rng);
  const r: Record<string, unknown> = { id, kind, decidedOn };
  if (kind === 'disciplinary-sanction') r.sanction = sameDay?.sanction ?? rng.pick(SANCTIONS);
  if (rng.bool(0.7)) r.occurredOn = addDaysIso(decidedOn, -rng.int(0, rng.bool(0.3) ? 900 : 120));
  if (kind === 'disciplinary-sanction' && !sameDay && rng.bool(0.2)) r.effectiveOn = addDaysIso(decidedOn, rng.int(0, 20));
  if (kind === 'organisational-handling' && rng.bool(0.7)) r.organisationalMeasure = rng.pick(ORGANISATIONAL_MEASURES);
  if (rng.bool(0.05)) r.determinedBy = 'dept-1';
  if (rng.bool(0.05)) r.reportingBody = 'platform-1';
  if (rng.bool(0.05)) r.description = '描述';

  // Self-correction may come before the decision (and even before the failure: not qualifying).
  const occurred = (r.occurredOn as string | undefined) ?? decidedOn;
  const events: Record<string, unknown>[] = [];
  let cursor = decidedOn;
  if (rng.bool(0.25)) {
    const date = rng.bool(0.15) ? addDaysIso(occurred, -rng.int(1, 30)) : addDaysIso(occurred, rng.int(0, 400));
    const sc = { date, measures: rng.subset(SELF_CORRECTION_MEASURES, 0.4) };
    if (rng.bool(0.5)) r.selfCorrection = sc;
    else {
      events.push({ type: 'self-correction', ...sc });
      if (date > cursor) cursor = date;
    }
  }
  let mitigationEvent = false;
  if (rng.bool(0.2)) {
    const m = mitigationFields(rng, { date: later(rng, decidedOn, 500), outcome: rng.pick(MITIGATION_OUTCOMES), by: 'authority-1' });
    if (rng.bool(0.5)) r.mitigation = m;
    else mitigationEvent = true;
  }
  let voided = false;
  let objectionOpen = false;
  let rectificationOpen = false;
  let repaired = false;
  let lifted = false;
  let closed = false;
  let reported = false;
  let voidingReply = false;
  const steps = rng.bool(kind === 'under-investigation' ? 0.7 : 0.4) ? rng.int(1, 4) : 0;
  for (let i = 0; i < steps + (mitigationEvent ? 1 : 0); i++) {
    const date = later(rng, cursor, rng.bool(0.5) ? 60 : 400);
    const options: string[] = [];
    if (voided) {
      if (voidingReply && !reported) options.push('reported-to-provincial-platform');
    } else {
      options.push(objectionOpen ? 'objection-replied' : 'objection-filed');
      options.push(rectificationOpen ? 'rectification-completed' : 'rectification-ordered');
      options.push('self-correction');
      if (!repaired) options.push('repaired');
      // A 处分 lifts at the end of its period (never earlier); the deciding body may change or revoke it.
      if (!lifted && kind !== 'disciplinary-sanction') options.push('sanction-lifted');
      if (kind === 'disciplinary-sanction' && !lifted) options.push('sanction-changed', 'sanction-revoked');
      if (!objectionOpen) options.push('record-corrected');
      if (kind === 'under-investigation' && !closed) options.push('investigation-closed', 'investigation-closed', 'investigation-closed');
      if (mitigationEvent) options.push('mitigation-decided', 'mitigation-decided');
    }
    if (options.length === 0) break;
    const type = rng.pick(options);
    cursor = date;
    switch (type) {
      case 'objection-filed':
        events.push({ type, channel: rng.pick(OBJECTION_CHANNELS), date });
        objectionOpen = true;
        break;
      case 'objection-replied': {
        const outcome = rng.pick(['upheld', 'corrected', 'revoked'] as const);
        events.push({ type, outcome, date });
        objectionOpen = false;
        if (outcome !== 'upheld') voided = voidingReply = true;
        break;
      }
      case 'reported-to-provincial-platform':
        events.push({ type, date });
        reported = true;
        break;
      case 'rectification-ordered':
        events.push({ type, date, dueOn: addDaysIso(date, rng.int(0, 120)), ...(rng.bool(0.3) ? { responsiblePerson: 'person-9' } : {}), ...(rng.bool(0.3) ? { by: 'gov-1' } : {}) });
        rectificationOpen = true;
        break;
      case 'rectification-completed':
        events.push({ type, date });
        rectificationOpen = false;
        break;
      case 'self-correction':
        events.push({ type, date, measures: rng.subset(SELF_CORRECTION_MEASURES, 0.5) });
        break;
      case 'repaired':
        events.push({ type, date });
        repaired = true;
        break;
      case 'sanction-lifted':
        events.push({ type, date, ...(rng.bool(0.3) ? { reason: '期满' } : {}) });
        lifted = true;
        break;
      case 'record-corrected':
        events.push({ type, date, outcome: rng.pick(['corrected', 'revoked'] as const), by: 'platform-1' });
        voided = voidingReply = true;
        break;
      case 'sanction-changed':
        events.push({ type, date, sanction: rng.pick(['warning', 'demerit', 'major-demerit'] as const), effectiveOn: date, by: 'review-1' });
        break;
      case 'sanction-revoked':
        events.push({ type, date, by: 'review-1' });
        voided = true;
        break;
      case 'investigation-closed':
        {
          const outcome = rng.pick(INVESTIGATION_OUTCOMES);
          const year = Number(date.slice(0, 4));
          events.push({
            type,
            date,
            outcome,
            ...(outcome !== 'no-sanction' && rng.bool(0.5) ? { sanctionRecord: rng.bool(0.7) ? `${id.replace(/-r\d+$/, '')}-r0` : 'elsewhere' } : {}),
            ...(rng.bool(0.6) ? { ungradedYears: rng.bool(0.5) ? [year - 1] : [year - 1, year] } : {}),
          });
        }
        closed = true;
        break;
      case 'mitigation-decided':
        events.push(mitigationFields(rng, { type, date, outcome: rng.pick(MITIGATION_OUTCOMES), by: 'authority-2' }));
        mitigationEvent = false;
        break;
    }
  }
  if (events.length) r.events = events;
  return r;
}

/** A mitigation decision's optional fields: the measures it names (TH-10), and for 从轻 the lighter measure named. */
function mitigationFields<T extends { outcome: string }>(rng: Rng, m: T): T & { actions?: Action[]; lighterTo?: string } {
  const out: T & { actions?: Action[]; lighterTo?: string } = { ...m };
  if (rng.bool(0.7)) {
    const actions = ACTIONS.filter(() => rng.bool(0.5));
    out.actions = actions.length ? actions : [rng.pick(ACTIONS)];
  }
  if (m.outcome === 'lighter' && rng.bool(0.3)) out.lighterTo = rng.pick(LIGHTER_MEASURES);
  return out;
}

/** A subject of the given (or a random) kind with records, honours and a credit file. */
export function generateSubject(rng: Rng, id: string, options: { kind?: SubjectKind; records?: [number, number] } = {}): Record<string, unknown> {
  const kind = options.kind ?? rng.pick(WEIGHTED_SUBJECT_KINDS);
  const s: Record<string, unknown> = { id, kind };
  const person = kind === 'civil-servant' || kind === 'public-institution-staff';
  if (kind === 'public-institution-staff' && rng.bool(0.7)) s.managedUnderCivilServantLaw = rng.bool(0.6);
  if (kind === 'civil-servant' && rng.bool(0.2)) s.managedUnderCivilServantLaw = true;
  const cf = rng.int(0, 2);
  if (cf === 1) s.creditFile = { ref: `cf-${id}` };
  else if (cf === 2 && rng.bool(0.5)) s.creditFile = null;
  if (person && rng.bool(0.25)) {
    s.honours = Array.from({ length: rng.int(1, 3) }, (_, i) => ({ title: `荣誉${i}`, level: rng.pick(HONOUR_LEVELS), date: randomDay(rng) }));
  }
  if (!person && rng.bool(0.2)) s.principal = `head-${id}`;
  const [lo, hi] = options.records ?? [0, 5];
  const n = rng.int(lo, hi);
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const prev = records[records.length - 1];
    // Same sanction, same day: periods combine (政务处分法 15).
    const same =
      prev && prev.kind === 'disciplinary-sanction' && prev.sanction !== 'expulsion' && !prev.effectiveOn && rng.bool(0.3)
        ? { sanction: prev.sanction as string, decidedOn: prev.decidedOn as string }
        : undefined;
    records.push(generateRecord(rng, `${id}-r${i}`, kind, same));
  }
  if (records.length || rng.bool(0.5)) s.records = records;
  return s;
}

function generatePolicy(rng: Rng): Record<string, unknown> | undefined {
  if (!rng.bool(0.3)) return undefined;
  const p: Record<string, unknown> = {};
  if (rng.bool(0.3)) p.annualReviewWindow = rng.pick(['any-day-of-year', 'assessment-date']);
  if (rng.bool(0.3)) p.pendingObjection = rng.pick(['counts', 'suspends']);
  if (rng.bool(0.2)) {
    const review = 'review';
    p.lighterLowersTo = { barred: rng.pick(['barred', 'restricted', 'review', 'clear']), restricted: rng.pick(['restricted', 'review', 'clear']), review: rng.pick([review, 'clear']) };
  }
  if (rng.bool(0.2)) p.recordLifetimeMonths = rng.pick([null, 6, 12, 24, 36]);
  if (rng.bool(0.2)) p.nonRetroactive = rng.bool();
  if (rng.bool(0.2)) p.sanctionPeriodAutoLift = rng.bool();
  if (rng.bool(0.3)) p.unlistedRecordKinds = rng.pick(['ignore', 'count']);
  if (rng.bool(0.3)) p.objectionReplyWorkingDays = rng.pick([null, 5, 15, 30]);
  if (rng.bool(0.3)) p.platformReportWorkingDays = rng.pick([null, 5, 10]);
  if (rng.bool(0.2)) p.receiptOnNonWorkingDay = rng.pick(['day-after-receipt', 'next-working-day']);
  if (rng.bool(0.2)) p.combinedSanctionPeriods = rng.pick(['sum-capped-48', 'longest']);
  if (rng.bool(0.2)) p.unknownCalendarYears = rng.pick(['error', 'weekends-only']);
  if (rng.bool(0.2)) p.mitigationScope = rng.pick(['named-actions', 'all-actions']);
  if (rng.bool(0.2)) p.assessmentReading = rng.pick(['calendar-years', 'sanction-period']);
  if (rng.bool(0.2)) p.investigationHandover = rng.pick(['at-closure', 'until-sanction-decided']);
  return p;
}

/** An `asOf` near what matters for the subject: a record's decision, its period end ± 1, a year end. */
function generateAsOf(rng: Rng, subject: Record<string, unknown>): string {
  const records = (subject.records as Record<string, unknown>[] | undefined) ?? [];
  const r = records.length && rng.bool(0.8) ? rng.pick(records) : undefined;
  if (r) {
    const decided = r.decidedOn as string;
    const months = PERIOD_MONTHS[r.sanction as string];
    const choice = rng.int(0, 5);
    if (months && choice <= 2) {
      const lastDay = addMonthsIso((r.effectiveOn as string | undefined) ?? decided, months);
      return addDaysIso(lastDay, rng.int(-1, 1));
    }
    if (choice === 3) return decided;
    if (choice === 4) return addDaysIso(decided, rng.int(-3, 3));
    return addDaysIso(decided, rng.int(0, rng.bool(0.7) ? 300 : 1200));
  }
  return randomDay(rng, 2016, 2026);
}

/** A query for `pack`: a subject, an action it may ask about, `asOf` near what matters, maybe policy. */
export function generateQuery(rng: Rng, index: number, pack: string, options: GenerateOptions = {}): Record<string, unknown> {
  const subject = generateSubject(rng, `s${index}`, { records: options.records });
  const kind = subject.kind as SubjectKind;
  const action = rng.pick(ACTIONS_FOR[kind]);
  const asOf = generateAsOf(rng, subject);
  const q: Record<string, unknown> = { pack, subject, action, asOf };
  const year = Number(asOf.slice(0, 4));
  if (ANNUAL_REVIEW_ACTIONS.includes(action)) q.assessmentYear = rng.bool(0.7) ? year : year - 1;
  else if (rng.bool(0.1)) q.assessmentYear = year - rng.int(0, 1);
  if (options.policies !== false) {
    const policy = generatePolicy(rng);
    if (policy) q.policy = policy;
  }
  if (rng.bool(options.invalidShare ?? 0.01)) spoil(rng, q);
  return q;
}

/** Makes a query invalid in one of several ways. */
function spoil(rng: Rng, q: Record<string, unknown>): void {
  const subject = q.subject as Record<string, unknown>;
  const records = (subject.records as Record<string, unknown>[] | undefined) ?? [];
  switch (rng.int(0, 6)) {
    case 0:
      q.asOf = '2026-02-30';
      break;
    case 1:
      if (records[0]) records[0].confidential = true;
      else q.action = 'no-such-action';
      break;
    case 2:
      if (records[0]) records[0].events = [{ type: 'objection-replied', outcome: 'upheld', date: records[0].decidedOn }];
      else q.assessmentYear = 3000;
      break;
    case 3:
      subject.kind = 'government';
      q.action = 'promotion';
      break;
    case 4:
      delete q.assessmentYear;
      q.action = 'excellent-rating';
      break;
    case 5:
      if (records[0]) records[0].kind = 'nonsense';
      else subject.extra = 1;
      break;
    default:
      if (records[0]) records[0].events = [{ type: 'repaired', date: '2030-01-01' }, { type: 'repaired', date: '2029-01-01' }];
      else q.policy = { lighterLowersTo: { barred: 'barred', restricted: 'barred', review: 'review' } };
  }
}

/** `count` queries for `pack`, from `seed`. */
export function generateQueries(pack: string, count: number, seed: number, options: GenerateOptions = {}): Record<string, unknown>[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, i) => generateQuery(rng, i, pack, options));
}
