/**
 * Generators and helpers for the law-semantics properties (test/law/*.test.ts): persons with
 * sanctions and other records placed around the day asked, in the vocabulary of issues 10, 11 and
 * 16 (inOfficialDuty, severity, 诫勉, 组织处理, 刑事处罚, 开除党籍, publicServiceRole, organ).
 *
 * Decisions come from the compiled evaluator (it deep-equals `evaluate` on every golden case and on
 * the differential suites), so that a few hundred runs stay light enough for `npm test`.
 */
import * as fc from 'fast-check';
import { createEvaluator, getPack, type CreditRecord, type Decision, type Evaluator, type PolicyOverrides, type QueryInput, type Subject } from '../../src/index.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

export const SEED = Number(process.env.LAW_PROPERTY_SEED ?? 20261130);

export const PACKS = [...SHIPPED_PACKS];
export type PackId = (typeof PACKS)[number];
export const PERIOD_SANCTIONS = ['warning', 'demerit', 'major-demerit', 'demotion', 'removal'] as const;
export type PeriodSanction = (typeof PERIOD_SANCTIONS)[number];
/** 公务员法 64, 政务处分法 8, 条例 7: months of each period. */
export const MONTHS: Record<PeriodSanction, number> = { warning: 6, demerit: 12, 'major-demerit': 18, demotion: 24, removal: 24 };
export const SEVERITY: Record<string, number> = { clear: 0, review: 1, restricted: 2, barred: 3 };
export const PERSON_ACTIONS = ['excellent-rating', 'annual-rating', 'promotion', 'salary-step', 'appointment', 'awards', 'honour-selection', 'recruitment'] as const;
export const SANCTION_ACTIONS = ['excellent-rating', 'annual-rating', 'promotion', 'salary-step'] as const;

// ---------------------------------------------------------------------------------------------
// Dates, computed here independently of the library (民法典 201/202: the corresponding day, or the
// month's last day when the month has none).

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export function toDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}
export function fromDay(n: number): string {
  const t = new Date(n * 86_400_000);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}
export const addDays = (iso: string, n: number) => fromDay(toDay(iso) + n);
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, last))}`;
}
/** The last day of a period of `months` from `effectiveOn` (it does not roll: 处分期 are not time limits to act). */
export const lastDayOf = (effectiveOn: string, months: number) => addMonths(effectiveOn, months);

// ---------------------------------------------------------------------------------------------
// Generators

const FROM = toDay('2019-01-01');
const TO = toDay('2026-12-20');
export const asOfArb = fc.integer({ min: FROM, max: TO }).map(fromDay);

/** Days before asOf a record was decided: near it, around a period's end, or anywhere in four years. */
const backArb = fc.oneof(
  fc.integer({ min: 0, max: 60 }),
  fc.constantFrom(6, 12, 18, 24, 36, 48).chain((m) => fc.integer({ min: -3, max: 3 }).map((d) => Math.max(0, Math.round(m * 30.44) + d))),
  fc.integer({ min: 0, max: 1500 }),
);

export const OTHER_KINDS = [
  'administrative-penalty',
  'accountability',
  'judicial-judgment',
  'judgment-defaulter',
  'unfulfilled-court-judgment',
  'admonishment',
  'organisational-handling',
  'under-investigation',
  'criminal-penalty',
  'party-expulsion',
  'arrears',
  'broken-commitment',
] as const;

export interface RecordPlan {
  kind: 'disciplinary-sanction' | (typeof OTHER_KINDS)[number];
  sanction: PeriodSanction | 'expulsion';
  back: number;
  occurredBack: number | null;
  effectiveLag: number | null;
  inOfficialDuty: boolean | null;
  severity: 'minor' | 'general' | 'serious' | null;
}

export const recordPlanArb: fc.Arbitrary<RecordPlan> = fc.record({
  kind: fc.oneof({ weight: 3, arbitrary: fc.constant('disciplinary-sanction' as const) }, { weight: 2, arbitrary: fc.constantFrom(...OTHER_KINDS) }),
  sanction: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...PERIOD_SANCTIONS) }, { weight: 1, arbitrary: fc.constant('expulsion' as const) }),
  back: backArb,
  occurredBack: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  effectiveLag: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null, freq: 4 }),
  inOfficialDuty: fc.constantFrom(null, true, false),
  severity: fc.constantFrom(null, 'minor', 'general', 'serious'),
});

export function recordOf(p: RecordPlan, id: string, asOf: string): CreditRecord {
  const decidedOn = addDays(asOf, -p.back);
  const r: CreditRecord = { id, kind: p.kind, decidedOn } as CreditRecord;
  if (p.kind === 'disciplinary-sanction') r.sanction = p.sanction;
  if (p.occurredBack !== null) r.occurredOn = addDays(decidedOn, -p.occurredBack);
  if (p.effectiveLag !== null && p.kind === 'disciplinary-sanction') r.effectiveOn = addDays(decidedOn, p.effectiveLag);
  if (p.inOfficialDuty !== null) r.inOfficialDuty = p.inOfficialDuty;
  if (p.severity !== null) r.severity = p.severity;
  return r;
}

export interface PersonPlan {
  kind: 'civil-servant' | 'public-institution-staff';
  managed: boolean | null;
  role: 'institution-manager' | 'authorised-organisation' | null;
  organ: 'administrative' | 'other' | null;
  records: RecordPlan[];
}

export const personPlanArb: fc.Arbitrary<PersonPlan> = fc.record({
  kind: fc.oneof({ weight: 3, arbitrary: fc.constant('civil-servant' as const) }, { weight: 1, arbitrary: fc.constant('public-institution-staff' as const) }),
  managed: fc.constantFrom(null, true, false),
  role: fc.constantFrom(null, 'institution-manager', 'authorised-organisation'),
  organ: fc.constantFrom(null, 'administrative', 'other'),
  records: fc.array(recordPlanArb, { minLength: 1, maxLength: 3 }),
});

export function personOf(p: PersonPlan, asOf: string): Subject {
  const s: Subject = { id: 'p1', kind: p.kind } as Subject;
  if (p.kind === 'public-institution-staff') {
    if (p.managed !== null) s.managedUnderCivilServantLaw = p.managed;
    if (p.managed !== true && p.role !== null) s.publicServiceRole = p.role;
  } else if (p.organ !== null) s.organ = p.organ;
  s.records = p.records.map((r, i) => recordOf(r, `r${i + 1}`, asOf));
  return s;
}

export interface QueryPlan {
  pack: PackId;
  action: (typeof PERSON_ACTIONS)[number];
  asOf: string;
  yearBack: 0 | 1;
  person: PersonPlan;
}

export const queryPlanArb = (actions: readonly (typeof PERSON_ACTIONS)[number][] = PERSON_ACTIONS): fc.Arbitrary<QueryPlan> =>
  fc.record({
    pack: fc.constantFrom(...PACKS),
    action: fc.constantFrom(...actions),
    asOf: asOfArb,
    yearBack: fc.constantFrom(0 as const, 0 as const, 1 as const),
    person: personPlanArb,
  });

export function queryOf(p: QueryPlan): QueryInput {
  const q: QueryInput = { pack: p.pack, subject: personOf(p.person, p.asOf), action: p.action, asOf: p.asOf } as QueryInput;
  if (p.action === 'annual-rating' || p.action === 'excellent-rating') q.assessmentYear = Number(p.asOf.slice(0, 4)) - p.yearBack;
  return q;
}

// ---------------------------------------------------------------------------------------------
// Deciding

const evaluators = new Map<string, Evaluator>();
/** The compiled evaluator of a pack (with host options, if any), made once. */
export function evaluatorFor(pack: string, hostPolicy?: PolicyOverrides): Evaluator {
  const key = `${pack}|${hostPolicy ? JSON.stringify(hostPolicy) : ''}`;
  let ev = evaluators.get(key);
  if (!ev) {
    ev = createEvaluator(pack, hostPolicy ? { policy: hostPolicy } : {});
    evaluators.set(key, ev);
  }
  return ev;
}

export function decide(q: QueryInput, hostPolicy?: PolicyOverrides): Decision {
  return evaluatorFor(q.pack as string, hostPolicy).evaluate(q);
}

/** The error a query is refused with, or null if it is decided. */
export function refusal(q: QueryInput): { name: string; issues: { path: (string | number)[]; code: string; message: { 'zh-CN': string; en: string } }[] } | null {
  try {
    decide(q);
    return null;
  } catch (e) {
    return e as never;
  }
}

/** restsOn of every rule in the packs, by rule id (rule ids are unique across an extends chain). */
export const RESTS_ON: Map<string, string | undefined> = new Map(PACKS.flatMap((p) => getPack(p).rules.map((r) => [r.id, r.restsOn] as const)));

export const statutoryReasons = (d: Decision) => d.reasons.filter((r) => r.pack === 'cn-national');

/** A reason as compared across two decisions: which rule, which records, what verdict, certain or not. */
export const reasonKey = (r: Decision['reasons'][number]) => `${r.rule}|${r.records.join(',')}|${r.verdict}|${r.uncertain ? 'uncertain' : 'certain'}`;

export function withRecord(q: QueryInput, index: number, f: (r: CreditRecord) => CreditRecord): QueryInput {
  const s = q.subject as Subject;
  const records = (s.records ?? []).map((r, i) => (i === index ? f(r) : r));
  return { ...q, subject: { ...s, records } } as QueryInput;
}

