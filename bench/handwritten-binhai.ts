/**
 * The Binhai pack (津滨政发〔2018〕31号 with the cn-national pack it extends: 24 national rules and 3
 * local ones) written by hand: the "what a careful user would write" upper bound the compiled
 * evaluator is measured against.
 *
 * Same contract and the same shared machinery as the library: untrusted input is validated with
 * `parseQuery` (zod); each record's event log is read by `readEventLog`, the subject's sanction
 * periods are planned by `planSanctionPeriods` (政务处分法 15, 条例 10) and each record is reduced by
 * `reduceRecord` (objections, corrections, deadlines: law, not pack); mitigation messages come from
 * `mitigationFinding`. Everything the pack decides is by hand: the 27 rules as plain `if`s over the
 * record states, the readings of an open combined period, non-retroactivity by trigger, the verdict,
 * `clearFrom`, reasons, citations, obligations and every note. No candidate list, no rule loop over
 * conditions, no json-rules-engine.
 *
 * Two things a hand-writer does that the generic pipeline does not: citations are built once per pack
 * (frozen, shared), and `clearFrom` scans the change days from the last one back, stopping at the
 * first non-clear day, asking only "clear or not" (no reasons) on those days.
 *
 * It must return the very Decision the library returns (and throw the same errors); the benchmark
 * checks that on thousands of generated queries before it times anything (bench/checkSample.ts).
 */
import { addDaysIso } from '../src/_lib/days.js';
import { measureOf, mitigatedVerdict, mitigationFinding, type MitigationFinding } from '../src/decision/_internal/mitigation.js';
import { calendarFor } from '../src/engine/_internal/context.js';
import { getPack } from '../src/packs/getPack.js';
import { readEventLog, type PlacedEvent } from '../src/lifecycle/_internal/eventLog.js';
import { reduceRecord, type RecordState } from '../src/lifecycle/_internal/reduce.js';
import { planSanctionPeriods, sanctionAsKnown, type SanctionAsKnown } from '../src/lifecycle/_internal/sanctionPeriods.js';
import type { Citation, Decision, DeadlineState, MitigationStatus, Note, Obligation, Reason, RecordSummary } from '../src/model/decision.js';
import { InvalidInputError, issue, type LocalizedText } from '../src/model/errors.js';
import type { Pack, Rule } from '../src/model/pack.js';
import { parseQuery } from '../src/model/parse.js';
import { DEFAULT_POLICY, LAW_LEAVES_OPEN, POLICY_DOCS, POLICY_LABELS, policyValueText, type Policy, type PolicyKey } from '../src/model/policy.js';
import type { CreditRecord } from '../src/model/record.js';
import { LABELS, PERSONAL_STATUS_RECORD_KINDS, VERDICT_SEVERITY, type ObligationKind, type Verdict } from '../src/model/vocabulary.js';

const BINHAI = 'cn-tj-binhai';

/** The 27 rules in the resolved pack's order (parents first, then as written): reasons come in this order. */
const enum R {
  Csl64Promotion,
  Csl64Salary,
  Reg07Promotion,
  Reg07Salary,
  Psl20Promotion,
  Psl20Salary,
  Ar29Warning,
  Ar29Heavier,
  Ar29Admonishment,
  Ar29DemeritYear,
  Ar29TwoYears,
  Ar29Organisational,
  Ar28,
  Psl52,
  Reg07Investigation,
  Par21,
  Ar28Sanctioned,
  Ar28Warning,
  Csl26Defaulter,
  Csl26Criminal,
  Csl26Party,
  Csl26Dismissal,
  Psl26Dismissal,
  Reg07Dismissal,
  Tjb2,
  Tjb3,
  Tjb4,
}
const RULE_IDS = [
  'csl-64-promotion-bar',
  'csl-64-salary-step-bar',
  'reg07-8-promotion-bar',
  'reg07-8-salary-step-bar',
  'psl-20-promotion-bar',
  'psl-20-salary-step-bar',
  'ar-29-warning-year-excellent-bar',
  'ar-29-heavier-sanction-no-grade',
  'ar-29-admonishment-excellent-bar',
  'ar-29-demerit-year-no-grade',
  'ar-29-heavier-two-years-no-grade',
  'ar-29-organisational-no-grade',
  'ar-28-under-investigation-no-grade',
  'psl-52-investigation-bar',
  'reg07-38-investigation-transfer-bar',
  'par-21-investigation-rank-bar',
  'ar-28-closed-sanctioned-stays-ungraded',
  'ar-28-closed-warning-no-excellent',
  'csl-26-recruitment-bar',
  'csl-26-criminal-penalty-recruitment-bar',
  'csl-26-party-expulsion-recruitment-bar',
  'csl-26-dismissal-recruitment-bar',
  'psl-26-dismissal-bar',
  'reg07-9-dismissal-bar',
  'tjb-2-unit-honour-bar',
  'tjb-3-use-and-rewards-review',
  'tjb-4-excellent-bar',
] as const;
/** What dates each rule for non-retroactivity (its `trigger`), as the packs say. */
const TRIGGER: readonly ('decision' | 'status' | 'failure')[] = [
  'decision', 'decision', 'decision', 'decision', 'decision', 'decision', 'decision', 'decision', 'decision',
  'decision', 'decision', 'decision',
  'status', 'decision', 'decision', 'status', 'status', 'status',
  'status', 'status', 'status', 'status', 'decision', 'decision',
  'failure', 'failure', 'failure',
];

interface CitedClause {
  citation: Citation;
  from: string | undefined;
  until: string | undefined;
}

/** Constants of one rule, read from the pack once: what it cites, when it is in force, what it does. */
interface RuleInfo {
  rule: Rule;
  packId: string;
  from: string;
  until: string | undefined;
  verdict: Verdict;
  mitigable: boolean;
  clauses: CitedClause[];
  /** The citations when every clause is in force (or none is): the common case, built once. */
  allCitations: readonly Citation[];
  obligations: readonly ObligationKind[];
}

interface Constants {
  pack: Pack;
  rules: RuleInfo[];
  /** Rules for a subject kind and action (`kind|action`), in order. */
  applicable: Map<string, R[]>;
  integrityKinds: ReadonlySet<string>;
  decisionPack: Decision['pack'];
}

let constants: Constants | null = null;

/** Reads the pack's constants once, and checks the pack is still the one written here. */
function binhaiConstants(): Constants {
  if (constants) return constants;
  const pack = getPack(BINHAI);
  const national = getPack('cn-national');
  const ordered = [...national.rules.map((rule) => ({ rule, pack: national })), ...pack.rules.map((rule) => ({ rule, pack }))];
  const ids = ordered.map((x) => x.rule.id);
  if (
    ids.join() !== RULE_IDS.join() ||
    Object.keys(pack.policy).length ||
    Object.keys(national.policy).length ||
    pack.extends.join() !== 'cn-national' ||
    pack.recordKinds.only ||
    national.recordKinds.kinds.length
  ) {
    throw new Error(`bench/handwritten-binhai.ts was written for cn-tj-binhai ${pack.version} (27 rules, no policy); the pack now has: ${ids.join(', ')}`);
  }
  const rules = ordered.map(({ rule, pack: p }, k): RuleInfo => {
    // The hand-written conditions below assume each rule's trigger, its note (TJB-2's only) and no benefits.
    if (rule.trigger !== TRIGGER[k] || !rule.verdict || rule.priority || rule.incentive || Boolean(rule.note) !== (k === R.Tjb2)) {
      throw new Error(`bench/handwritten-binhai.ts: rule ${rule.id} changed (trigger ${rule.trigger}, verdict ${rule.verdict}, note ${Boolean(rule.note)})`);
    }
    const clauses = rule.clauses.map((id) => {
      const c = p.clauses.find((x) => x.id === id)!;
      const citation: Citation = Object.freeze({
        clause: id,
        document: c.document ?? `${p.document.number}《${p.document.title}》`,
        section: c.section,
        quote: c.quote,
        ...(c.quoteSimplified ? { quoteSimplified: c.quoteSimplified } : {}),
        verification: c.verification,
      });
      return { citation, from: c.validFrom, until: c.validUntil };
    });
    return {
      rule,
      packId: p.id,
      from: rule.validFrom ?? p.validFrom,
      until: rule.validUntil ?? p.validUntil,
      verdict: rule.verdict!,
      mitigable: rule.mitigable,
      clauses,
      allCitations: Object.freeze(clauses.map((c) => c.citation)),
      obligations: (rule.obligations ?? []) as ObligationKind[],
    };
  });
  const applicable = new Map<string, R[]>();
  for (const kind of ['civil-servant', 'public-institution-staff', 'government', 'department'] as const) {
    for (const action of ['excellent-rating', 'annual-rating', 'promotion', 'salary-step', 'appointment', 'awards', 'honour-selection', 'recruitment'] as const) {
      applicable.set(
        `${kind}|${action}`,
        rules.flatMap((info, k) => (info.rule.subjects.includes(kind) && (info.rule.actions.length === 0 || info.rule.actions.includes(action)) ? [k as R] : [])),
      );
    }
  }
  constants = {
    pack,
    rules,
    applicable,
    integrityKinds: new Set(pack.recordKinds.kinds),
    decisionPack: { id: pack.id, version: pack.version, document: pack.document.number },
  };
  return constants;
}

/** The clauses a rule cites as in force on `at` (all of them where none has a window covering it). */
function citationsAt(info: RuleInfo, at: string): Citation[] {
  let inForce: Citation[] | null = null;
  for (const c of info.clauses) {
    if ((c.from === undefined || c.from <= at) && (c.until === undefined || at <= c.until)) (inForce ??= []).push(c.citation);
  }
  return inForce && inForce.length ? inForce : [...info.allCitations];
}

const NOT_INTEGRITY = new Set<string>(['under-investigation', ...PERSONAL_STATUS_RECORD_KINDS]);
const HOST_BASIS = { clause: 'host-policy', document: 'host policy' };
const SOURCE_WORDS = { 'library-default': { 'zh-CN': '本库默认做法', en: 'The library’s default' }, query: { 'zh-CN': '本次查询的设定', en: 'Set for this question' } } as const;

/** What one query fixes for every day evaluated. */
interface Query {
  covered: boolean;
  administrativeOrgan: boolean;
  /** 政务处分法 20 reaches the subject (public-institution staff in one of its roles, not under the Civil Servant Law). */
  psl20: boolean;
  year: number | null;
  /** Annual review read over the whole assessment year (policy `annualReviewWindow`). */
  wholeYear: boolean;
  yearStart: string;
  yearEnd: string;
  /** Policy `pendingObjection: 'suspends'` (local rules only). */
  suspends: boolean;
  unlistedCount: boolean;
  nonRetroactive: boolean;
  policy: Policy;
  integrityKinds: ReadonlySet<string>;
  action: Decision['action'];
}

/** A record of the query, in id order, with what does not change from day to day. */
interface Rec {
  s: RecordState;
  /** The reading where the deciding body fixes the longest combined period, where it is open. */
  latest: RecordState | null;
  host: CreditRecord;
  /** occurredOn, else decidedOn: what `trigger: 'failure'` rules date. */
  failureOn: string;
  decisionYear: number;
  /** 在履职过程中, as the record says or policy `unknownDutyContext` reads it. */
  inDuty: boolean;
  integrity: boolean;
  mitigation: MitigationFinding | null;
}

/** Does the record count (2), is it only considered (1), or neither (0), on `on`, under `until`? */
function viewOn(q: Query, x: RecordState, on: string, until: string | null, suspends: boolean): 0 | 1 | 2 {
  if (!x.known || x.voided || (suspends && x.objectionPending)) return 0;
  if (q.wholeYear) {
    const end = on < q.yearEnd ? on : q.yearEnd;
    return x.effectiveFrom <= end && (until === null || until > q.yearStart) ? 2 : 1;
  }
  return x.effectiveFrom <= on && (until === null || on < until) ? 2 : 1;
}

/** An open case (立案调查期间) on `on`, as the record is known: opened on or before it, not yet closed. */
function investigationOpen(x: RecordState, on: string): boolean {
  return x.investigation !== null && x.known && !x.voided && x.investigation.openedOn <= on && (x.statutoryUntil === null || on < x.statutoryUntil);
}

/** A closed case naming the assessment year among the years it left ungraded, with this outcome. */
function closedUngraded(q: Query, x: RecordState, outcome: string): boolean {
  const inv = x.investigation;
  return q.year !== null && inv !== null && inv.closedOn !== null && inv.outcome === outcome && inv.ungradedYears.includes(q.year);
}

/** Reviews of 2021 on, under the 2020 reading (policy assessmentReading: calendar-years). */
function reading2020(q: Query): boolean {
  return q.year !== null && q.year >= 2021 && q.policy.assessmentReading === 'calendar-years';
}

/** A sanction known and not revoked (what `restsOn: 'sanction'` rules look at). */
function live(x: RecordState): boolean {
  return x.known && x.kind === 'disciplinary-sanction' && x.sanctionRevoked === null;
}

function inPeriod(x: RecordState, on: string): boolean {
  const p = x.sanctionPeriod;
  return p !== null && p.effectiveOn <= on && (x.sanctionUntil === null || on < x.sanctionUntil);
}

/** 记过 or heavier, with a period. */
function heavier(s: string | null): boolean {
  return s === 'demerit' || s === 'major-demerit' || s === 'demotion' || s === 'removal';
}

/** A sanction with a period (警告 to 撤职). */
function withPeriod(s: string | null): boolean {
  return s !== null && s !== 'expulsion';
}

/** Rule `k` reaches the record in reading `x` on day `on` and its conditions hold. */
function fires(q: Query, k: R, rec: Rec, x: RecordState, on: string): boolean {
  switch (k) {
    case R.Csl64Promotion:
      return q.covered && live(x) && withPeriod(x.sanction) && inPeriod(x, on);
    case R.Csl64Salary:
      return q.covered && live(x) && heavier(x.sanction) && inPeriod(x, on);
    case R.Reg07Promotion:
      return q.administrativeOrgan && live(x) && withPeriod(x.sanction) && inPeriod(x, on);
    case R.Reg07Salary:
      return q.administrativeOrgan && live(x) && heavier(x.sanction) && inPeriod(x, on);
    case R.Psl20Promotion:
      return q.psl20 && live(x) && withPeriod(x.sanction) && inPeriod(x, on);
    case R.Psl20Salary:
      return q.psl20 && live(x) && heavier(x.sanction) && inPeriod(x, on);
    case R.Ar29Warning:
      // 受警告处分的当年: the year the sanction took effect.
      return q.covered && live(x) && x.sanction === 'warning' && rec.decisionYear === q.year;
    case R.Ar29Heavier: {
      if (!q.covered || !live(x) || !heavier(x.sanction) || x.sanctionPeriod === null || q.year === null) return false;
      if (!(q.year <= 2020 || q.policy.assessmentReading === 'sanction-period')) return false;
      return Number(x.sanctionPeriod.effectiveOn.slice(0, 4)) <= q.year && (x.sanctionUntil === null || Number(x.sanctionUntil.slice(0, 4)) > q.year);
    }
    case R.Ar29Admonishment:
      return q.covered && (x.kind === 'admonishment' || x.kind === 'organisational-handling') && rec.decisionYear === q.year && viewOn(q, x, on, x.statutoryUntil, false) > 0;
    case R.Ar29DemeritYear:
      return q.covered && live(x) && x.sanction === 'demerit' && reading2020(q) && q.year! - Number(x.decisionEffectiveOn.slice(0, 4)) === 0;
    case R.Ar29TwoYears: {
      if (!q.covered || !live(x) || !(x.sanction === 'major-demerit' || x.sanction === 'demotion' || x.sanction === 'removal') || !reading2020(q)) return false;
      const after = q.year! - Number(x.decisionEffectiveOn.slice(0, 4));
      return after >= 0 && after <= 1;
    }
    case R.Ar29Organisational:
      return (
        q.covered &&
        x.kind === 'organisational-handling' &&
        (x.organisationalMeasure === 'ordered-to-resign' || x.organisationalMeasure === 'removed-from-post' || x.organisationalMeasure === 'demoted') &&
        rec.decisionYear === q.year &&
        reading2020(q) &&
        viewOn(q, x, on, x.statutoryUntil, false) > 0
      );
    case R.Ar28:
      return q.covered && x.kind === 'under-investigation' && viewOn(q, x, on, x.statutoryUntil, false) > 0 && investigationOpen(x, on);
    case R.Psl52:
      return (q.covered || q.psl20) && x.kind === 'under-investigation' && viewOn(q, x, on, x.statutoryUntil, false) > 0 && investigationOpen(x, on);
    case R.Reg07Investigation:
      return q.administrativeOrgan && x.kind === 'under-investigation' && viewOn(q, x, on, x.statutoryUntil, false) > 0 && investigationOpen(x, on);
    case R.Par21:
      return q.covered && x.kind === 'under-investigation' && viewOn(q, x, on, x.statutoryUntil, false) > 0 && investigationOpen(x, on);
    case R.Ar28Sanctioned:
      return q.covered && x.kind === 'under-investigation' && viewOn(q, x, on, x.statutoryUntil, false) > 0 && closedUngraded(q, x, 'sanctioned');
    case R.Ar28Warning:
      return q.covered && x.kind === 'under-investigation' && viewOn(q, x, on, x.statutoryUntil, false) > 0 && closedUngraded(q, x, 'warning');
    case R.Csl26Defaulter:
      return x.kind === 'judgment-defaulter' && viewOn(q, x, on, x.statutoryUntil, false) === 2;
    case R.Csl26Criminal:
      return x.kind === 'criminal-penalty' && viewOn(q, x, on, x.statutoryUntil, false) > 0;
    case R.Csl26Party:
      return x.kind === 'party-expulsion' && viewOn(q, x, on, x.statutoryUntil, false) > 0;
    case R.Csl26Dismissal:
      return live(x) && x.sanction === 'expulsion';
    case R.Psl26Dismissal:
      return live(x) && x.sanction === 'expulsion' && !x.voided && x.decisionEffectiveOn <= on;
    case R.Reg07Dismissal:
      return q.administrativeOrgan && live(x) && x.sanction === 'expulsion' && !x.voided && x.decisionEffectiveOn <= on;
    case R.Tjb4:
      // 按照有关规定: a 记过 or heavier sanction no longer counts from the year it lifts.
      if (heavier(x.sanction) && live(x) && x.sanctionPeriod !== null && q.year !== null && x.sanctionUntil !== null && Number(x.sanctionUntil.slice(0, 4)) <= q.year) return false;
      return rec.integrity && viewOn(q, x, on, x.effectiveUntil, q.suspends) === 2;
    default:
      // TJB-2/3/4: a 政务失信记录 of TJB-1's kinds, counting under the time policies (在履职过程中 checked by the caller).
      return rec.integrity && viewOn(q, x, on, x.effectiveUntil, q.suspends) === 2;
  }
}

/** Local rules reach the record while it counts under the time policies (for the duty notes). */
function localCounted(q: Query, rec: Rec, on: string): boolean {
  return viewOn(q, rec.s, on, rec.s.effectiveUntil, q.suspends) === 2;
}

function mitigationOf(pack: Pack, kind: Decision['subject']['kind'], q: Query, rec: Rec): MitigationFinding {
  return (rec.mitigation ??= mitigationFinding(pack, kind, rec.s, rec.host.occurredOn, q.action, q.policy));
}

/** The rule's verdict for the record after mitigation. */
function verdictOf(c: Constants, kind: Decision['subject']['kind'], q: Query, k: R, rec: Rec): Verdict {
  const info = c.rules[k]!;
  if (!info.mitigable) return info.verdict;
  const m = mitigationOf(c.pack, kind, q, rec);
  return mitigatedVerdict(info.verdict, m.status.applied, q.policy, measureOf(info.rule), m.lighterTo);
}

/** A (rule, record, reading) that fired on the day asked. */
interface Fired {
  k: R;
  i: number;
  latest: boolean;
  excluded: boolean;
  retroactive: boolean;
  triggerOn: string;
}

/** The Binhai decision for a query, as `evaluate` and `createEvaluator('cn-tj-binhai').evaluate` give it. */
export function decideBinhai(input: unknown): Decision {
  const parsed = parseQuery(input);
  if (parsed.pack !== BINHAI) throw new InvalidInputError([issue(['pack'], 'pack_mismatch', '仅限滨海新区规则包', `this function decides ${BINHAI} only`)]);
  const c = binhaiConstants();
  const { subject, action, asOf } = parsed;
  const year = parsed.assessmentYear ?? null;
  const annual = action === 'excellent-rating' || action === 'annual-rating';

  // Policy: neither pack sets any, so the library's defaults with the query's overrides.
  let policy: Policy = DEFAULT_POLICY;
  let fromQuery: Set<PolicyKey> | null = null;
  if (parsed.policy) {
    policy = { ...DEFAULT_POLICY };
    fromQuery = new Set();
    for (const [k, v] of Object.entries(parsed.policy) as [PolicyKey, unknown][]) {
      if (v === undefined) continue;
      (policy as Record<string, unknown>)[k] = v;
      fromQuery.add(k);
    }
  }
  const calendar = calendarFor(policy);
  // Neither pack fixes objection deadlines: host policy does, or nothing.
  const objectionReply = policy.objectionReplyWorkingDays !== null ? { days: policy.objectionReplyWorkingDays, basis: { ...HOST_BASIS, section: 'objectionReplyWorkingDays' } } : null;
  const platformReport = policy.platformReportWorkingDays !== null ? { days: policy.platformReportWorkingDays, basis: { ...HOST_BASIS, section: 'platformReportWorkingDays' } } : null;

  // Records: event logs checked in the query's order, then everything in id order.
  const hosts = subject.records ?? [];
  const n = hosts.length;
  const logs: PlacedEvent[][] = new Array(n);
  for (let i = 0; i < n; i++) logs[i] = readEventLog(hosts[i]!, ['subject', 'records', i]);
  const order = hosts.map((_, i) => i);
  order.sort((a, b) => (hosts[a]!.id < hosts[b]!.id ? -1 : hosts[a]!.id > hosts[b]!.id ? 1 : 0));
  // The 处分 records an investigation may hand over to (investigation-closed's sanctionRecord).
  const decisionDays = new Map<string, { decidedOn: string; effectiveOn: string }>();
  for (const h of hosts) if (h.kind === 'disciplinary-sanction') decisionDays.set(h.id, { decidedOn: h.decidedOn, effectiveOn: h.effectiveOn ?? h.decidedOn });
  // Every record's state as known on a day: the subject's sanction periods planned together, then each record reduced.
  const statesOn = (knownOn: string): RecordState[] => {
    const sanctions: { id: string; sanction: SanctionAsKnown }[] = [];
    for (const j of order) {
      const s = sanctionAsKnown(hosts[j]!, logs[j]!, knownOn, ['subject', 'records', j]);
      if (s) sanctions.push({ id: hosts[j]!.id, sanction: s });
    }
    const periods = planSanctionPeriods(sanctions, policy);
    return order.map((j) => reduceRecord(hosts[j]!, logs[j]!, { knownOn, policy, calendar, objectionReply, platformReport, periods, decisionDays, prefix: ['subject', 'records', j] }, false));
  };
  // A 处分 lifted before its period ends is refused with what was known on the lifting day (公务员法 65).
  for (const j of order) {
    if (hosts[j]!.kind !== 'disciplinary-sanction') continue;
    for (const p of logs[j]!) if (p.event.type === 'sanction-lifted') statesOn(p.event.date);
  }
  const states = statesOn(asOf);
  const unknownInDuty = policy.unknownDutyContext === 'in-duty';
  const unlistedCount = policy.unlistedRecordKinds === 'count';
  const recs: Rec[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const host = hosts[order[i]!]!;
    const s = states[i]!;
    recs[i] = {
      s,
      latest: s.latest,
      host,
      failureOn: host.occurredOn ?? host.decidedOn,
      decisionYear: Number(s.decisionEffectiveOn.slice(0, 4)),
      inDuty: s.inOfficialDuty ?? unknownInDuty,
      integrity: c.integrityKinds.has(s.kind) || (unlistedCount && !NOT_INTEGRITY.has(s.kind)),
      mitigation: null,
    };
  }

  const covered = subject.kind === 'civil-servant' || subject.managedUnderCivilServantLaw === true;
  const y = year === null ? '' : String(year).padStart(4, '0');
  const q: Query = {
    covered,
    administrativeOrgan: subject.kind === 'civil-servant' ? subject.organ !== 'other' : covered,
    psl20: subject.kind === 'public-institution-staff' && !covered && subject.publicServiceRole !== undefined,
    year,
    wholeYear: annual && year !== null && policy.annualReviewWindow === 'any-day-of-year',
    yearStart: `${y}-01-01`,
    yearEnd: `${y}-12-31`,
    suspends: policy.pendingObjection === 'suspends',
    unlistedCount,
    nonRetroactive: policy.nonRetroactive,
    policy,
    integrityKinds: c.integrityKinds,
    action,
  };
  const ruleList = c.applicable.get(`${subject.kind}|${action}`)!;

  // --- The day asked: every (rule, record, reading) that fires, in the library's order. ---------------
  const fired: Fired[] = [];
  const outsideDuty = new Map<number, string[]>();
  const dutyAssumed = new Set<number>();
  for (const k of ruleList) {
    const info = c.rules[k]!;
    const trigger = TRIGGER[k];
    if (trigger !== 'decision' && !(info.from <= asOf && (info.until === undefined || asOf <= info.until))) continue;
    const local = k >= R.Tjb2;
    for (let i = 0; i < n; i++) {
      const rec = recs[i]!;
      if (local) {
        // 在履职过程中 is in question only for a record of a listed kind the rule would reach.
        const inQuestion = rec.integrity && localCounted(q, rec, asOf);
        if (!rec.inDuty) {
          if (inQuestion) {
            const list = outsideDuty.get(i);
            if (list) list.push(info.rule.id);
            else outsideDuty.set(i, [info.rule.id]);
          }
          continue;
        }
        if (rec.s.inOfficialDuty === null && inQuestion) dutyAssumed.add(i);
      }
      const triggerOn = trigger === 'decision' ? rec.s.decisionEffectiveOn : trigger === 'failure' ? rec.failureOn : asOf;
      // A later rule governs decisions after this one's end.
      if (trigger === 'decision' && info.until !== undefined && triggerOn > info.until) continue;
      const before = trigger !== 'status' && triggerOn < info.from;
      const excluded = before && q.nonRetroactive;
      const retroactive = before && !q.nonRetroactive;
      if (fires(q, k, rec, rec.s, asOf)) fired.push({ k, i, latest: false, excluded, retroactive, triggerOn });
      if (rec.latest && fires(q, k, rec, rec.latest, asOf)) fired.push({ k, i, latest: true, excluded, retroactive, triggerOn });
    }
  }

  // Reasons and the verdict. A reason found only where an open period runs longest is uncertain: review at most.
  const kind = subject.kind;
  let certain: Set<number> | null = null;
  for (const f of fired) if (!f.latest && !f.excluded) (certain ??= new Set()).add(f.k * 100_000 + f.i);
  const used = new Map<PolicyKey, Set<string>>();
  const usePolicy = (k: PolicyKey, record?: string) => {
    let set = used.get(k);
    if (!set) used.set(k, (set = new Set()));
    if (record) set.add(record);
  };
  let verdict: Verdict = 'clear';
  const reasons: Reason[] = [];
  const reasonRecords: number[] = [];
  const unnamedLighter = new Map<string, string[]>();
  for (const f of fired) {
    if (f.excluded) continue;
    if (f.latest && certain?.has(f.k * 100_000 + f.i)) continue;
    const info = c.rules[f.k]!;
    const rec = recs[f.i]!;
    const id = rec.s.id;
    let v = info.verdict;
    let mitigation: Reason['mitigation'] = null;
    if (info.mitigable) {
      const m = mitigationOf(c.pack, kind, q, rec);
      const measure = measureOf(info.rule);
      v = mitigatedVerdict(info.verdict, m.status.applied, policy, measure, m.lighterTo);
      if (m.scopeAssumed || m.status.status === 'measures-unnamed') usePolicy('mitigationScope', id);
      if (m.status.applied === 'lighter' && m.lighterTo === null) {
        if (measure === 'graded') usePolicy('lighterLowersTo', id);
        else {
          const list = unnamedLighter.get(id) ?? [];
          if (!list.includes(info.rule.id)) list.push(info.rule.id);
          unnamedLighter.set(id, list);
        }
      }
      mitigation = { permitted: m.status.permitted, applied: m.status.applied, clauses: m.status.clauses, before: info.verdict };
      if (!reasonRecords.includes(f.i)) reasonRecords.push(f.i);
    }
    const before = v;
    if (f.latest && VERDICT_SEVERITY[v] > VERDICT_SEVERITY.review) v = 'review';
    if (VERDICT_SEVERITY[v] > VERDICT_SEVERITY[verdict]) verdict = v;
    const period = rec.s.sanctionPeriod;
    reasons.push({
      rule: info.rule.id,
      pack: info.packId,
      clauses: citationsAt(info, f.triggerOn),
      description: info.rule.description,
      verdict: v,
      records: [id],
      mitigation,
      uncertain: f.latest
        ? {
            before,
            clauses: [period?.basis.clause ?? 'PSL-15'],
            message: {
              'zh-CN': `处分期待作出决定的机关确定：确定至 ${period?.lastDay ?? ''}，最长可至 ${period?.latestLastDay ?? ''}；此日在待定期间内，仅纳为考量因素`,
              en: `the period is for the deciding body to fix: certain to ${period?.lastDay ?? ''}, at most to ${period?.latestLastDay ?? ''}; this day falls in the open part, so the reason is a matter for review only`,
            },
          }
        : null,
    });
  }

  // --- clearFrom: the first change day after the last non-clear one (knowledge fixed at asOf). -------
  let clearFrom: string | null = asOf;
  if (verdict !== 'clear') {
    const days = new Set<string>();
    const addState = (s: RecordState) => {
      if ((s.voided && s.sanctionRevoked) || !s.known) return;
      days.add(s.effectiveFrom);
      days.add(s.decisionEffectiveOn);
      if (s.effectiveUntil) days.add(s.effectiveUntil);
      if (s.statutoryUntil) days.add(s.statutoryUntil);
      if (s.sanctionPeriod) days.add(s.sanctionPeriod.effectiveOn);
      if (s.sanctionUntil) days.add(s.sanctionUntil);
    };
    for (const rec of recs) {
      addState(rec.s);
      if (rec.latest) addState(rec.latest);
    }
    for (const k of ruleList) {
      const info = c.rules[k]!;
      days.add(info.from);
      if (info.until) days.add(addDaysIso(info.until, 1));
    }
    const sorted = [...days].filter((d) => d > asOf).sort();
    // From the last day back: the first non-clear day found is the last one.
    let j = sorted.length - 1;
    while (j >= 0 && !nonClearOn(c, kind, q, ruleList, recs, sorted[j]!)) j--;
    clearFrom = sorted[j + 1] ?? null;
  }

  // --- Notes, obligations, records, in the library's order. ------------------------------------------
  const notes: Note[] = [];
  for (const [id, ruleIds] of unnamedLighter) {
    notes.push({
      code: 'lighter-measure-unnamed',
      records: [id],
      message: {
        'zh-CN': `对记录 ${id} 决定“从轻”，但 ${ruleIds.join('、')} 的措施没有轻重之分（如不能确定为优秀、取消资格），文件也未规定从轻后的措施：须由作出决定的机关明确从轻后的措施并录入减免决定，在此之前按原措施处理`,
        en: `record ${id} was decided "lighter", but the measure of ${ruleIds.join(', ')} has no degrees (e.g. not rated excellent, eligibility withdrawn) and the text names no lighter form: the deciding body has to name the lighter measure, entered with the mitigation decision; until then the measure stands`,
      },
    });
  }
  const obligations = new Map<string, Obligation>();
  let ruleNote: Note | null = null;
  for (const f of fired) {
    if (f.latest) continue;
    const info = c.rules[f.k]!;
    const id = recs[f.i]!.s.id;
    if (f.excluded) {
      usePolicy('nonRetroactive', id);
      const dated = TRIGGER[f.k] === 'decision' ? (recs[f.i]!.s.investigation !== null ? { zh: '立案', en: 'was opened' } : { zh: '处分决定生效', en: 'took effect' }) : { zh: '失信行为发生', en: 'occurred' };
      notes.push({
        code: 'before-rule',
        records: [id],
        message: {
          'zh-CN': `记录 ${id} 的${dated.zh}（${f.triggerOn}）在规则 ${info.rule.id} 施行（${info.from}）之前，不适用该规则`,
          en: `record ${id} ${dated.en} (${f.triggerOn}) before rule ${info.rule.id} took effect (${info.from}); the rule does not reach it`,
        },
      });
      continue;
    }
    if (f.retroactive) usePolicy('nonRetroactive', id);
    // TJB-2's note on 损失情况和社会影响程度 (the only rule of the pair with one).
    if (info.rule.note) {
      ruleNote ??= { code: 'rule-note', records: [], message: info.rule.note };
      if (!ruleNote.records!.includes(id)) ruleNote.records!.push(id);
    }
    for (const ob of info.obligations) {
      const key = `${info.packId}/${info.rule.id}/${ob}`;
      let o = obligations.get(key);
      if (!o) {
        o = { kind: ob, rule: info.rule.id, pack: info.packId, clauses: [...info.rule.clauses], records: [], dueOn: null, description: LABELS.obligation[ob] };
        obligations.set(key, o);
      }
      if (!o.records.includes(id)) o.records.push(id);
      if (ob === 'rectification') {
        const r = recs[f.i]!.s.rectification;
        if (r && r.completedOn === null && (o.dueOn === null || r.lastDay < o.dueOn)) o.dueOn = r.lastDay;
      }
    }
  }
  if (ruleNote) notes.push(ruleNote);

  // 在履职过程中: what the definition of 政务失信记录 kept out, and what policy assumed.
  for (const [i, ruleIds] of outsideDuty) {
    const s = recs[i]!.s;
    const assumed = s.inOfficialDuty === null;
    if (assumed) usePolicy('unknownDutyContext', s.id);
    notes.push({
      code: 'outside-official-duty',
      records: [s.id],
      message: {
        'zh-CN': `记录 ${s.id} ${assumed ? '未注明是否' : '不是'}在履职过程中产生${assumed ? '，按政策视为非履职' : ''}，不属于政务失信记录：依该定义的规则（${ruleIds.join('、')}）不适用；国家法定后果及按记录种类规定的规则不受影响`,
        en: `record ${s.id} ${assumed ? 'does not say whether it arose' : 'did not arise'} in official duty${assumed ? ' and policy reads it as not' : ''}: it is not a 政务失信记录, so the rules resting on that definition (${ruleIds.join(', ')}) do not reach it; statutory effects and rules naming the record kind still do`,
      },
    });
  }
  for (const i of dutyAssumed) usePolicy('unknownDutyContext', recs[i]!.s.id);

  const records: RecordSummary[] = new Array(n);
  const counted: boolean[] = new Array(n);
  const deadlines: DeadlineState[] = [];
  let provisional = false;
  for (let i = 0; i < n; i++) {
    const s = recs[i]!.s;
    const v = viewOn(q, s, asOf, s.effectiveUntil, q.suspends);
    counted[i] = v === 2;
    let status: string;
    if (!s.known) status = 'not-yet-decided';
    else if (s.voided) status = s.endedBy?.kind === 'sanction-revoked' ? 'sanction-revoked' : s.endedBy?.kind === 'revoked' ? 'revoked' : 'corrected';
    else if (q.suspends && s.objectionPending) status = 'objection-pending';
    else if (v === 2) status = 'in-effect';
    else status = s.effectiveUntil !== null && s.effectiveUntil <= asOf && s.endedBy ? s.endedBy.kind : 'outside-window';
    records[i] = { id: s.id, kind: s.kind, derived: false, counted: v === 2, status: status as RecordSummary['status'], effectiveFrom: s.effectiveFrom, effectiveUntil: s.effectiveUntil };
    if (!s.known) continue;
    for (const d of s.deadlines) deadlines.push(d);
    for (const x of s.notes) notes.push(x);
    provisional ||= s.provisional;
    const sanctionLive = live(s);
    const running = sanctionLive && s.sanctionPeriod !== null;
    if (s.sanctionRevoked) {
      notes.push({
        code: 'sanction-revoked',
        records: [s.id],
        message: {
          'zh-CN': `记录 ${s.id} 的处分决定已于 ${s.sanctionRevoked.on} 由 ${s.sanctionRevoked.by} 撤销：处分及其一切后果自始不计`,
          en: `the sanction of record ${s.id} was revoked on ${s.sanctionRevoked.on} by ${s.sanctionRevoked.by}: it and all its effects are void`,
        },
      });
    } else if (s.sanctionChanged && s.sanction) {
      notes.push({
        code: 'sanction-changed',
        records: [s.id],
        message: {
          'zh-CN': `记录 ${s.id} 的处分已于 ${s.sanctionChanged.on} 由 ${s.sanctionChanged.by} 变更：${LABELS.sanction[s.sanctionChanged.from]['zh-CN']} → ${LABELS.sanction[s.sanction]['zh-CN']}${s.sanctionPeriod ? `，处分期自 ${s.sanctionPeriod.effectiveOn} 起算` : ''}`,
          en: `the sanction of record ${s.id} was changed on ${s.sanctionChanged.on} by ${s.sanctionChanged.by}: ${LABELS.sanction[s.sanctionChanged.from].en} → ${LABELS.sanction[s.sanction].en}${s.sanctionPeriod ? `, its period running from ${s.sanctionPeriod.effectiveOn}` : ''}`,
        },
      });
    }
    if (s.creditCorrection && sanctionLive) {
      notes.push({
        code: 'credit-corrected-sanction-stands',
        records: [s.id],
        message: {
          'zh-CN': `记录 ${s.id} 作为政务失信记录已于 ${s.creditCorrection.on} ${s.creditCorrection.kind === 'revoked' ? '撤销' : '更正'}（TH-10），不再产生失信惩戒；处分本身未被撤销或变更，其法定后果（处分期）照常`,
          en: `record ${s.id} was ${s.creditCorrection.kind} as a credit record on ${s.creditCorrection.on} (TH-10) and no longer carries credit measures; the sanction itself was not revoked or changed, so its statutory effects (the period) stand`,
        },
      });
    }
    if (!s.voided && s.objectionPending) {
      if (q.suspends || v === 2) usePolicy('pendingObjection', s.id);
      notes.push({
        code: 'objection-pending',
        records: [s.id],
        message: {
          'zh-CN': `记录 ${s.id} 的异议（${s.objection?.filedOn} 收到）尚未答复${s.objection?.replyDueOn ? `，答复期限 ${s.objection.replyDueOn}` : ''}${running ? '；异议不停止处分的执行，法定后果照常' : ''}`,
          en: `record ${s.id} has an objection received ${s.objection?.filedOn} and not yet answered${s.objection?.replyDueOn ? `; reply due ${s.objection.replyDueOn}` : ''}${running ? '; an objection does not suspend the sanction, whose statutory effects stand' : ''}`,
        },
      });
    }
    // Any deadline here comes from host policy: neither pack fixes one.
    if (s.objection && s.objection.replyDueOn) {
      usePolicy('objectionReplyWorkingDays', s.id);
      usePolicy('receiptOnNonWorkingDay', s.id);
    }
    if (s.creditCorrection) usePolicy('platformReportWorkingDays', s.id);
    if (running) usePolicy('sanctionPeriodAutoLift', s.id);
    const period = running ? s.sanctionPeriod : null;
    if (period && (period.determination === 'to-be-fixed' || period.determination === 'assumed-sum' || period.determination === 'assumed-one')) {
      usePolicy('combinedSanctionPeriods', s.id);
      const group = [s.id, ...period.combinedWith].sort();
      if (period.determination === 'to-be-fixed' && period.latestLastDay && period.latestLastDay >= asOf && group[0] === s.id) {
        notes.push({
          code: 'period-to-be-fixed',
          records: group,
          value: { certainLastDay: period.lastDay, latestLastDay: period.latestLastDay },
          message: {
            'zh-CN': `记录 ${group.join('、')} 为同时生效的同类处分，合并处分期由作出决定的机关确定（${period.basis.clause}）：确定至 ${period.lastDay}，最长可至 ${period.latestLastDay}；其间的后果纳为考量因素；录入决定确定的处分期后即可确定`,
            en: `records ${group.join(', ')} are same-kind sanctions taking effect together; the combined period is for the deciding body to fix (${period.basis.clause}): certain to ${period.lastDay}, at most to ${period.latestLastDay}; effects in between are for review; entering the period the body fixed settles it`,
          },
        });
      }
    }
    if (v > 0 && s.kind !== 'disciplinary-sanction') usePolicy('recordLifetimeMonths', s.id);
    // Which reading of the 2020 assessment rules decided a review (policy assessmentReading).
    if (
      annual &&
      year !== null &&
      year >= 2021 &&
      ((sanctionLive && s.sanction !== null && s.sanction !== 'warning' && s.sanction !== 'expulsion') || (viewOn(q, s, asOf, s.statutoryUntil, false) > 0 && s.kind === 'organisational-handling'))
    ) {
      usePolicy('assessmentReading', s.id);
    }
    const inv = s.investigation;
    if (inv && inv.closedOn !== null && inv.outcome !== null && inv.outcome !== 'no-sanction' && !s.voided) {
      usePolicy('investigationHandover', s.id);
      const named = inv.sanctionRecord;
      const found = named !== null && hosts.some((h) => h.id === named && h.kind === 'disciplinary-sanction');
      const outcome = LABELS.investigationOutcome[inv.outcome];
      notes.push({
        code: 'investigation-handover',
        records: named && found ? [s.id, named] : [s.id],
        message: {
          'zh-CN': `记录 ${s.id} 的立案审查调查已于 ${inv.closedOn} 结案（${outcome['zh-CN']}）：立案期间的限制${inv.barsUntil ? `至 ${inv.barsUntil} 止` : '在处分生效前继续'}；处分的后果依处分记录本身确定${named ? (found ? `（记录 ${named}）` : `，但所指处分记录 ${named} 不在本主体的处分记录中，请录入`) : '，结案事件未指明所作处分的记录，请在结案事件中录入'}`,
          en: `the investigation of record ${s.id} was closed on ${inv.closedOn} (${outcome.en}): the investigation's bars ${inv.barsUntil ? `ended on ${inv.barsUntil}` : 'run on until the sanction takes effect'}; the sanction's effects come from its own record${named ? (found ? ` (record ${named})` : `, but the record named, ${named}, is not among the subject's sanction records: enter it`) : '; the closing event does not name the record of the sanction: enter it with the event'}`,
        },
      });
      if (annual && inv.ungradedYears.length === 0) {
        notes.push({
          code: 'investigation-ungraded-years-unknown',
          records: [s.id],
          message: {
            'zh-CN': `记录 ${s.id}：结案事件未列明立案期间被搁置（不写评语、不确定等次）的考核年度，无法判断本年度是否补定等次（公务员考核规定第二十八条）`,
            en: `record ${s.id}: the closing event does not list the assessment years left ungraded while the case was open, so whether this year's grade is fixed afterwards cannot be told (考核规定 28)`,
          },
        });
      }
    }
    // (Binhai lists no kind for some subjects only, so no record-kind-not-for-subject note.)
    if (v === 2 && !c.integrityKinds.has(s.kind) && !NOT_INTEGRITY.has(s.kind)) usePolicy('unlistedRecordKinds', s.id);
  }
  if (annual) usePolicy('annualReviewWindow');
  if (provisional || notes.some((x) => x.code === 'calendar-coverage')) usePolicy('unknownCalendarYears');

  // Mitigation: records with a mitigable reason, then counted records with mitigation data.
  const mitigation: MitigationStatus[] = reasonRecords.map((i) => mitigationOf(c.pack, kind, q, recs[i]!).status);
  for (let i = 0; i < n; i++) {
    if (!counted[i] || reasonRecords.includes(i)) continue;
    const s = recs[i]!.s;
    if (s.mitigationDecisions.length || s.selfCorrections.length) {
      const m = mitigationOf(c.pack, kind, q, recs[i]!);
      if (m.scopeAssumed || m.status.status === 'measures-unnamed') usePolicy('mitigationScope', s.id);
      mitigation.push(m.status);
    }
  }

  if (kind === 'public-institution-staff' && !covered && (action === 'promotion' || action === 'salary-step' || action === 'excellent-rating' || action === 'annual-rating')) {
    const role = subject.publicServiceRole;
    notes.push({
      code: 'national-rules-not-reached',
      message: role
        ? {
            'zh-CN': `事业单位人员未参照公务员法管理：公务员法第六十四条、政务处分法第十九条和公务员考核规定不适用；作为${LABELS.publicServiceRole[role]['zh-CN']}，适用政务处分法第二十条`,
            en: `public-institution staff not managed under the Civil Servant Law: 公务员法 64, 政务处分法 19 and the civil-servant assessment rules do not reach them; as a ${LABELS.publicServiceRole[role].en}, 政务处分法 20 does`,
          }
        : {
            'zh-CN': '事业单位人员未参照公务员法管理，也未注明政务处分法第二十条所指岗位：公务员法第六十四条、政务处分法第十九条、第二十条和公务员考核规定不适用',
            en: 'public-institution staff neither managed under the Civil Servant Law nor in a 政务处分法 20 role: 公务员法 64, 政务处分法 19 and 20 and the civil-servant assessment rules do not reach them',
          },
    });
  }
  if (kind === 'civil-servant' && subject.organ === undefined && reasons.some((r) => r.clauses.some((x) => x.clause.startsWith('REG07-')))) {
    notes.push({
      code: 'organ-assumed',
      message: {
        'zh-CN': '行政机关公务员处分条例适用于行政机关公务员；未注明所在机关类别的，按行政机关处理',
        en: '行政机关公务员处分条例 applies to civil servants of administrative organs; a civil servant whose organ is not given is read as serving in one',
      },
    });
  }
  // 公务员法 (2005), not encoded: a civil servant outside an administrative organ with a sanction before 2019-06-01 is told so.
  if (
    kind === 'civil-servant' &&
    subject.organ === 'other' &&
    (action === 'promotion' || action === 'salary-step') &&
    recs.some(({ s }) => live(s) && s.sanctionPeriod && s.decisionEffectiveOn < '2019-06-01' && (s.sanctionUntil === null || s.sanctionUntil > asOf))
  ) {
    notes.push({
      code: 'unverified-law-gap',
      message: {
        'zh-CN': '2019-06-01 前作出的处分，对非行政机关公务员适用当时的公务员法（2005）；其条文本库未经核对，未予编码：请按该法另行判断',
        en: 'a sanction decided before 2019-06-01 on a civil servant outside an administrative organ falls under the Civil Servant Law of 2005, whose text is not verified here and not encoded: decide it under that law',
      },
    });
  }
  if (asOf < c.pack.validFrom) {
    notes.push({
      code: 'pack-not-in-force',
      message: {
        'zh-CN': `规则包 ${c.pack.id} 的有效期为 ${c.pack.validFrom} 至 今，查询日期 ${asOf} 不在其内`,
        en: `pack ${c.pack.id} is in force from ${c.pack.validFrom}; ${asOf} is outside it`,
      },
    });
  }
  for (const [k, recIds] of used) notes.push(policyNote(policy, k, fromQuery?.has(k) ? 'query' : 'library-default', recIds));
  deadlines.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.record < b.record ? -1 : a.record > b.record ? 1 : 0));

  return {
    pack: { ...c.decisionPack },
    subject: { id: subject.id, kind },
    action,
    asOf,
    assessmentYear: year,
    verdict,
    reasons,
    priority: [],
    incentives: [],
    mitigation,
    obligations: [...obligations.values()],
    deadlines,
    records,
    notes,
    clearFrom: verdict === 'clear' ? asOf : clearFrom,
    provisional,
  };
}

/** Is any rule's effect, after mitigation, other than clear on `on`? (For clearFrom: no reasons needed.) */
function nonClearOn(c: Constants, kind: Decision['subject']['kind'], q: Query, ruleList: readonly R[], recs: readonly Rec[], on: string): boolean {
  for (const k of ruleList) {
    const info = c.rules[k]!;
    const trigger = TRIGGER[k];
    if (trigger !== 'decision' && !(info.from <= on && (info.until === undefined || on <= info.until))) continue;
    const local = k >= R.Tjb2;
    for (const rec of recs) {
      if (local && !rec.inDuty) continue;
      if (trigger !== 'status') {
        const triggerOn = trigger === 'decision' ? rec.s.decisionEffectiveOn : rec.failureOn;
        if (trigger === 'decision' && info.until !== undefined && triggerOn > info.until) continue;
        if (q.nonRetroactive && triggerOn < info.from) continue;
      }
      // The longest reading only adds `review` at most: either reading firing with a non-clear verdict suffices.
      if ((fires(q, k, rec, rec.s, on) || (rec.latest !== null && fires(q, k, rec, rec.latest, on))) && verdictOf(c, kind, q, k, rec) !== 'clear') return true;
    }
  }
  return false;
}

const policyNotes = new Map<string, LocalizedText>();

/** The note for a policy option a decision relied on (messages cached per key, source and value). */
function policyNote(policy: Policy, key: PolicyKey, source: 'library-default' | 'query', records: Set<string>): Note {
  const value = policy[key];
  const shown = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  const cacheKey = `${key}|${source}|${shown}`;
  let message = policyNotes.get(cacheKey);
  if (!message) {
    // The default's words, or what another value does; where it came from; what the option is about.
    const what = shown === JSON.stringify(DEFAULT_POLICY[key]) || shown === String(DEFAULT_POLICY[key]) ? POLICY_DOCS[key] : policyValueText(key, value);
    const open = LAW_LEAVES_OPEN[key];
    const name = POLICY_LABELS[key];
    message = {
      'zh-CN': `${SOURCE_WORDS[source]['zh-CN']}（${name['zh-CN']}）：${what['zh-CN']}${open ? `。${open.message['zh-CN']}` : ''}`,
      en: `${SOURCE_WORDS[source].en} (${name.en}): ${what.en}${open ? `. ${open.message.en}` : ''}`,
    };
    policyNotes.set(cacheKey, message);
  }
  return { code: 'policy', policy: key, source, value, ...(records.size ? { records: [...records] } : {}), message };
}
