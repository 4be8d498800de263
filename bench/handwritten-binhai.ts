/**
 * The Binhai pack (津滨政发〔2018〕31号, extending cn-national) written by hand: the limit for
 * this design, against which the compiled evaluator is measured.
 *
 * Same contract as the library: untrusted input is validated with `parseQuery` (zod), record
 * lifecycles are reduced by the library's reducer (`readEventLog`, `reduceRecord`, which are
 * pack-independent law: sanction periods, objections, deadlines), and the mitigation message is the
 * library's `mitigationStatus`. Everything the pack decides is hand-written for these eight rules:
 * which records count on which day, the facts, the conditions as plain `if`s, the verdict,
 * `clearFrom`, reasons and citations (computed once, frozen), obligations, notes and policy notes.
 * No generator, no candidate list, no rule loop, no json-rules-engine.
 *
 * It must produce the very Decision the library produces; the benchmark checks that on a sample.
 */
import { mitigatedVerdict, mitigationStatus } from '../src/decision/_internal/mitigation.js';
import { calendarFor } from '../src/engine/_internal/context.js';
import { getPack } from '../src/engine/getPack.js';
import { readEventLog, type PlacedEvent } from '../src/lifecycle/_internal/eventLog.js';
import { reduceRecord, type RecordState, type ReduceContext } from '../src/lifecycle/_internal/reduce.js';
import { planSanctionPeriods, sanctionAsKnown } from '../src/lifecycle/_internal/sanctionPeriods.js';
import type { Citation, Decision, DeadlineState, MitigationStatus, Note, Obligation, Reason, RecordSummary } from '../src/model/decision.js';
import { InvalidInputError, issue } from '../src/model/errors.js';
import type { Pack, Rule } from '../src/model/pack.js';
import { parseQuery } from '../src/model/parse.js';
import { DEFAULT_POLICY, POLICY_DOCS, type Policy, type PolicyKey } from '../src/model/policy.js';
import type { CreditRecord } from '../src/model/record.js';
import { LABELS, VERDICT_SEVERITY, type ObligationKind, type Verdict } from '../src/model/vocabulary.js';

const BINHAI = 'cn-tj-binhai';
const INTEGRITY_KINDS = new Set(['judicial-judgment', 'administrative-penalty', 'disciplinary-sanction', 'accountability']);
const PERIOD_MONTHS: Record<string, number> = { warning: 6, demerit: 12, 'major-demerit': 18, demotion: 24, removal: 24 };

/** The eight rules, in the library's evaluation order (parents first). */
const enum R {
  Csl64Promotion,
  Csl64Salary,
  Ar29,
  Ar28,
  Csl26,
  Tjb2,
  Tjb3,
  Tjb4,
}
const RULE_IDS = [
  'csl-64-promotion-bar',
  'csl-64-salary-step-bar',
  'ar-29-warning-year-excellent-bar',
  'ar-28-under-investigation-no-grade',
  'csl-26-recruitment-bar',
  'tjb-2-unit-honour-bar',
  'tjb-3-use-and-rewards-review',
  'tjb-4-excellent-bar',
] as const;

interface RuleInfo {
  rule: Rule;
  pack: Pack;
  citations: Citation[];
  from: string;
  verdict: Verdict;
  mitigable: boolean;
  obligations: ObligationKind[];
}

let infos: RuleInfo[] | null = null;
let binhai: Pack;

/** Citations and validity per rule, once: constants of the pack. */
function ruleInfos(): RuleInfo[] {
  if (infos) return infos;
  binhai = getPack(BINHAI);
  const national = getPack('cn-national');
  infos = RULE_IDS.map((id) => {
    const pack = national.rules.some((r) => r.id === id) ? national : binhai;
    const rule = pack.rules.find((r) => r.id === id)!;
    const citations = rule.clauses.map((cid) => {
      const c = pack.clauses.find((x) => x.id === cid)!;
      return Object.freeze({
        clause: cid,
        document: c.document ?? `${pack.document.number}《${pack.document.title}》`,
        section: c.section,
        quote: c.quote,
        ...(c.quoteSimplified ? { quoteSimplified: c.quoteSimplified } : {}),
        verification: c.verification,
      }) as Citation;
    });
    return {
      rule,
      pack,
      citations,
      from: rule.validFrom ?? pack.validFrom,
      verdict: rule.verdict!,
      mitigable: rule.mitigable,
      obligations: (rule.obligations ?? []) as ObligationKind[],
    };
  });
  return infos;
}

/** Which rules speak to this subject kind and action, in order. */
function rulesFor(kind: string, action: string): R[] {
  const out: R[] = [];
  const person = kind === 'civil-servant' || kind === 'public-institution-staff';
  if (person && action === 'promotion') out.push(R.Csl64Promotion);
  if (person && action === 'salary-step') out.push(R.Csl64Salary);
  if (person && action === 'excellent-rating') out.push(R.Ar29);
  if (person && (action === 'annual-rating' || action === 'excellent-rating')) out.push(R.Ar28);
  if (person && action === 'recruitment') out.push(R.Csl26);
  if (kind === 'department' && action === 'honour-selection') out.push(R.Tjb2);
  if (kind === 'civil-servant' && (action === 'annual-rating' || action === 'appointment' || action === 'promotion' || action === 'awards')) out.push(R.Tjb3);
  if (kind === 'civil-servant' && action === 'excellent-rating') out.push(R.Tjb4);
  return out;
}

/** A record on one day: does it count, is it considered, why, and the facts the rules read. */
interface Day {
  counted: boolean[];
  considered: boolean[];
  status: string[];
  inEffect: boolean[];
  inPeriod: boolean[];
}

/** The Binhai decision for a query, as `evaluate` gives it. */
export function decideBinhai(input: unknown): Decision {
  const q = parseQuery(input);
  if (q.pack !== BINHAI) throw new InvalidInputError([issue(['pack'], 'pack_mismatch', '仅限滨海新区规则包', `this function decides ${BINHAI} only`)]);
  const rules = ruleInfos();
  const subject = q.subject;
  const action = q.action;
  const asOf = q.asOf;
  const year = q.assessmentYear ?? null;
  const annual = action === 'excellent-rating' || action === 'annual-rating';

  // Policy: the packs set none, so library defaults and the query's overrides.
  const policy: Policy = q.policy ? { ...DEFAULT_POLICY } : DEFAULT_POLICY;
  const fromQuery = new Set<PolicyKey>();
  if (q.policy) {
    for (const [k, v] of Object.entries(q.policy) as [PolicyKey, unknown][]) {
      if (v === undefined) continue;
      (policy as Record<string, unknown>)[k] = v;
      fromQuery.add(k);
    }
  }
  const calendar = calendarFor(policy);
  const hostBasis = { clause: 'host-policy', document: 'host policy' };
  const objectionReply = policy.objectionReplyWorkingDays !== null ? { days: policy.objectionReplyWorkingDays, basis: { ...hostBasis, section: 'objectionReplyWorkingDays' } } : null;
  const platformReport = policy.platformReportWorkingDays !== null ? { days: policy.platformReportWorkingDays, basis: { ...hostBasis, section: 'platformReportWorkingDays' } } : null;

  // Records as known on asOf, with 政务处分法 15 combined periods.
  const recs: CreditRecord[] = subject.records ?? [];
  const n = recs.length;
  const logs: PlacedEvent[][] = new Array(n);
  for (let i = 0; i < n; i++) logs[i] = readEventLog(recs[i]!, ['subject', 'records', i]);
  let combined: Map<string, { months: number; effectiveOn: string; group: string[] }> | undefined;
  {
    let groups: Map<string, string[]> | undefined;
    for (let i = 0; i < n; i++) {
      const r = recs[i]!;
      if (r.kind !== 'disciplinary-sanction' || !r.sanction || r.sanction === 'expulsion' || r.decidedOn > asOf) continue;
      if (logs[i]!.some((p) => p.event.type === 'objection-replied' && p.event.outcome !== 'upheld' && p.event.date <= asOf)) continue;
      const key = `${r.sanction}|${r.effectiveOn ?? r.decidedOn}`;
      groups ??= new Map();
      const g = groups.get(key);
      if (g) g.push(r.id);
      else groups.set(key, [r.id]);
    }
    if (groups) {
      for (const [key, ids] of groups) {
        if (ids.length < 2) continue;
        const [sanction, effectiveOn] = key.split('|') as [string, string];
        const single = PERIOD_MONTHS[sanction]!;
        const months = policy.combinedSanctionPeriods === 'longest' ? single : Math.min(48, single * ids.length);
        combined ??= new Map();
        for (const id of ids) combined.set(id, { months, effectiveOn, group: ids });
      }
    }
  }
  void combined;
  const periods = planSanctionPeriods(
    recs.flatMap((r, i) => {
      const s = sanctionAsKnown(r, logs[i]!, asOf, ['subject', 'records', i]);
      return s ? [{ id: r.id, sanction: s }] : [];
    }),
    policy,
  );
  const rctx: ReduceContext = { knownOn: asOf, policy, calendar, objectionReply, platformReport, periods };
  const states: RecordState[] = new Array(n);
  for (let i = 0; i < n; i++) states[i] = reduceRecord(recs[i]!, logs[i]!, rctx, false);

  const ruleList = rulesFor(subject.kind, action);
  const covered = subject.kind === 'civil-servant' || subject.managedUnderCivilServantLaw === true;
  const unlistedCount = policy.unlistedRecordKinds === 'count';
  const integrity = (kind: string) => INTEGRITY_KINDS.has(kind) || (unlistedCount && kind !== 'under-investigation');

  const dayOf = (on: string): Day => {
    const d: Day = { counted: new Array(n), considered: new Array(n), status: new Array(n), inEffect: new Array(n), inPeriod: new Array(n) };
    for (let i = 0; i < n; i++) {
      const s = states[i]!;
      const inEffect = s.known && !s.voided && s.effectiveFrom <= on && (s.effectiveUntil === null || on < s.effectiveUntil);
      let status: string;
      let counted = false;
      let considered = false;
      if (!s.known) status = 'not-yet-decided';
      else if (s.voided) status = s.endedBy?.kind === 'revoked' ? 'revoked' : 'corrected';
      else if (s.objectionPending && policy.pendingObjection === 'suspends') status = 'objection-pending';
      else {
        considered = true;
        let inWindow: boolean;
        if (annual && year !== null && policy.annualReviewWindow === 'any-day-of-year') {
          const y = String(year).padStart(4, '0');
          const yearEnd = `${y}-12-31`;
          const end = on < yearEnd ? on : yearEnd;
          inWindow = s.effectiveFrom <= end && (s.effectiveUntil === null || s.effectiveUntil > `${y}-01-01`);
        } else inWindow = inEffect;
        counted = inWindow;
        status = inWindow ? 'in-effect' : s.endedBy && s.endedBy.on <= on ? s.endedBy.kind : 'outside-window';
      }
      d.counted[i] = counted;
      d.considered[i] = considered;
      d.status[i] = status;
      d.inEffect[i] = inEffect;
      const sp = s.sanctionPeriod;
      d.inPeriod[i] = s.known && sp !== null && sp.effectiveOn <= on && (s.sanctionUntil === null || on < s.sanctionUntil);
    }
    return d;
  };

  /** Does rule `k` fire for record `i` on this day (conditions only)? */
  const fires = (k: R, i: number, d: Day): boolean => {
    const s = states[i]!;
    switch (k) {
      case R.Csl64Promotion:
        return covered && s.kind === 'disciplinary-sanction' && (s.sanction === 'warning' || s.sanction === 'demerit' || s.sanction === 'major-demerit' || s.sanction === 'demotion' || s.sanction === 'removal') && d.inPeriod[i]!;
      case R.Csl64Salary:
        return covered && s.kind === 'disciplinary-sanction' && (s.sanction === 'demerit' || s.sanction === 'major-demerit' || s.sanction === 'demotion' || s.sanction === 'removal') && d.inPeriod[i]!;
      case R.Ar29: {
        if (!covered || s.kind !== 'disciplinary-sanction' || s.sanction !== 'warning' || year === null) return false;
        const effectiveYear = s.sanctionPeriod ? Number(s.sanctionPeriod.effectiveOn.slice(0, 4)) : Number(s.effectiveFrom.slice(0, 4));
        return effectiveYear === year;
      }
      case R.Ar28:
        return covered && s.kind === 'under-investigation' && d.inEffect[i]!;
      case R.Csl26:
        return s.kind === 'judgment-defaulter';
      default:
        return integrity(s.kind);
    }
  };

  const mitigations: (MitigationStatus | undefined)[] = new Array(n);
  const mitigationOf = (i: number): MitigationStatus =>
    (mitigations[i] ??= mitigationStatus(binhai, subject.kind, states[i]!, recs[i]!.occurredOn));

  /** The verdict of one day, and (for asOf) the reasons and before-rule exclusions. */
  interface Fired {
    k: R;
    i: number;
    excluded: boolean;
  }
  const evaluateDay = (on: string, d: Day, collect: Fired[] | null): Verdict => {
    let verdict: Verdict = 'clear';
    for (const k of ruleList) {
      const info = rules[k]!;
      if (!(info.from <= on)) continue;
      const wantsKnown = k === R.Ar29;
      for (let i = 0; i < n; i++) {
        if (!(wantsKnown ? d.considered[i] : d.counted[i])) continue;
        if (!fires(k, i, d)) continue;
        const occurred = recs[i]!.occurredOn ?? recs[i]!.decidedOn;
        const excluded = policy.nonRetroactive && occurred < info.from;
        if (collect) collect.push({ k, i, excluded });
        if (excluded) continue;
        let v = info.verdict;
        if (info.mitigable) v = mitigatedVerdict(v, mitigationOf(i).applied, policy);
        if (VERDICT_SEVERITY[v] > VERDICT_SEVERITY[verdict]) verdict = v;
      }
    }
    return verdict;
  };

  const day0 = dayOf(asOf);
  const fired: Fired[] = [];
  const verdict = evaluateDay(asOf, day0, fired);

  // clearFrom: the first change day after the last non-clear one, with knowledge fixed at asOf.
  let clearFrom: string | null = asOf;
  if (verdict !== 'clear') {
    const days = new Set<string>();
    for (const s of states) {
      if (s.voided || !s.known) continue;
      days.add(s.effectiveFrom);
      if (s.effectiveUntil) days.add(s.effectiveUntil);
      if (s.sanctionPeriod) days.add(s.sanctionPeriod.effectiveOn);
      if (s.sanctionUntil) days.add(s.sanctionUntil);
    }
    for (const k of ruleList) days.add(rules[k]!.from);
    const sorted = [...days].filter((x) => x > asOf).sort();
    let lastNonClear = asOf;
    const verdicts: Verdict[] = [];
    for (const on of sorted) {
      const v = evaluateDay(on, dayOf(on), null);
      verdicts.push(v);
      if (v !== 'clear') lastNonClear = on;
    }
    clearFrom = null;
    for (let j = 0; j < sorted.length; j++) {
      if (sorted[j]! > lastNonClear) {
        clearFrom = sorted[j]!;
        break;
      }
    }
  }

  // Compose, in the library's order.
  const used = new Map<PolicyKey, Set<string>>();
  const use = (k: PolicyKey, record?: string) => {
    let set = used.get(k);
    if (!set) used.set(k, (set = new Set()));
    if (record) set.add(record);
  };
  const reasons: Reason[] = [];
  const reasonMitigations: number[] = [];
  for (const f of fired) {
    if (f.excluded) continue;
    const info = rules[f.k]!;
    const id = states[f.i]!.id;
    let mitigation: Reason['mitigation'] = null;
    let v = info.verdict;
    if (info.mitigable) {
      const m = mitigationOf(f.i);
      v = mitigatedVerdict(v, m.applied, policy);
      if (m.applied === 'lighter') use('lighterLowersTo', id);
      mitigation = { permitted: m.permitted, applied: m.applied, clauses: m.clauses, before: info.verdict };
      if (!reasonMitigations.includes(f.i)) reasonMitigations.push(f.i);
    }
    reasons.push({ rule: info.rule.id, pack: info.pack.id, clauses: [...info.citations], description: info.rule.description, verdict: v, records: [id], mitigation, uncertain: null });
  }
  const notes: Note[] = [];
  const obligations = new Map<string, Obligation>();
  for (const f of fired) {
    const info = rules[f.k]!;
    const id = states[f.i]!.id;
    if (f.excluded) {
      use('nonRetroactive', id);
      notes.push({
        code: 'before-rule',
        records: [id],
        message: {
          'zh-CN': `记录 ${id} 的失信行为发生在规则 ${info.rule.id} 施行（${info.from}）之前，不适用该规则`,
          en: `record ${id} predates rule ${info.rule.id} (in force from ${info.from}); the rule does not reach it`,
        },
      });
      continue;
    }
    for (const kind of info.obligations) {
      const key = `${info.pack.id}/${info.rule.id}/${kind}`;
      let o = obligations.get(key);
      if (!o) {
        o = { kind, rule: info.rule.id, pack: info.pack.id, clauses: [...info.rule.clauses], records: [], dueOn: null, description: LABELS.obligation[kind] };
        obligations.set(key, o);
      }
      if (!o.records.includes(id)) o.records.push(id);
      if (kind === 'rectification') {
        const r = states[f.i]!.rectification;
        if (r && r.completedOn === null && (o.dueOn === null || r.dueOn < o.dueOn)) o.dueOn = r.dueOn;
      }
    }
  }
  const records: RecordSummary[] = new Array(n);
  const deadlines: DeadlineState[] = [];
  let provisional = false;
  for (let i = 0; i < n; i++) {
    const s = states[i]!;
    const counted = day0.counted[i]!;
    records[i] = { id: s.id, kind: s.kind, derived: false, counted, status: day0.status[i]!, effectiveFrom: s.effectiveFrom, effectiveUntil: s.effectiveUntil };
    if (s.known) {
      for (const d of s.deadlines) deadlines.push(d);
      for (const x of s.notes) notes.push(x);
      provisional ||= s.provisional;
    }
    if (s.known && !s.voided && s.objectionPending) {
      use('pendingObjection', s.id);
      notes.push({
        code: 'objection-pending',
        records: [s.id],
        message: {
          'zh-CN': `记录 ${s.id} 的异议（${s.objection?.filedOn} 收到）尚未答复${s.objection?.replyDueOn ? `，答复期限 ${s.objection.replyDueOn}` : ''}`,
          en: `record ${s.id} has an objection received ${s.objection?.filedOn} and not yet answered${s.objection?.replyDueOn ? `; reply due ${s.objection.replyDueOn}` : ''}`,
        },
      });
    }
    if (s.objection && s.objection.replyDueOn && objectionReply) use('objectionReplyWorkingDays', s.id);
    if (s.objection && s.objection.replyDueOn) use('receiptOnNonWorkingDay', s.id);
    if (s.objection?.outcome && s.objection.outcome !== 'upheld') use('platformReportWorkingDays', s.id);
    if (counted && s.sanctionPeriod) use('sanctionPeriodAutoLift', s.id);
    if (counted && s.sanctionPeriod?.combinedWith.length) use('combinedSanctionPeriods', s.id);
    if (counted && !s.sanctionPeriod && s.kind !== 'disciplinary-sanction' && s.endedBy === null) use('recordLifetimeMonths', s.id);
    if (counted && !INTEGRITY_KINDS.has(s.kind) && s.kind !== 'under-investigation') use('unlistedRecordKinds', s.id);
  }
  if (annual) use('annualReviewWindow');
  if (provisional || notes.some((x) => x.code === 'calendar-coverage')) use('unknownCalendarYears');

  const mitigation: MitigationStatus[] = reasonMitigations.map((i) => mitigationOf(i));
  for (let i = 0; i < n; i++) {
    if (reasonMitigations.includes(i) || !day0.counted[i]) continue;
    const s = states[i]!;
    if (s.mitigationDecision || s.selfCorrections.length) mitigation.push(mitigationOf(i));
  }

  if (subject.kind === 'public-institution-staff' && !covered) {
    notes.push({
      code: 'national-rules-not-reached',
      message: {
        'zh-CN': '事业单位人员未标记为参照公务员法管理：公务员法第六十四条、政务处分法第十九条等国家规则不适用',
        en: 'public-institution staff not marked as managed under the Civil Servant Law: national rules (公务员法 64, 政务处分法 19, …) do not reach them',
      },
    });
  }
  if (asOf < binhai.validFrom) {
    notes.push({
      code: 'pack-not-in-force',
      message: {
        'zh-CN': `规则包 ${binhai.id} 的有效期为 ${binhai.validFrom} 至 今，查询日期 ${asOf} 不在其内`,
        en: `pack ${binhai.id} is in force from ${binhai.validFrom}; ${asOf} is outside it`,
      },
    });
  }
  for (const [k, recIds] of used) {
    const value = policy[k];
    const source = fromQuery.has(k) ? 'query' : 'library-default';
    const shown = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    notes.push({
      code: 'policy',
      policy: k,
      source,
      value,
      ...(recIds.size ? { records: [...recIds] } : {}),
      message: {
        'zh-CN': `政策 ${k} = ${shown}（${source === 'query' ? '查询设定' : '默认'}）：${POLICY_DOCS[k]['zh-CN']}`,
        en: `policy ${k} = ${shown} (${source}): ${POLICY_DOCS[k].en}`,
      },
    });
  }
  deadlines.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.record < b.record ? -1 : a.record > b.record ? 1 : 0));

  return {
    pack: { id: binhai.id, version: binhai.version, document: binhai.document.number },
    subject: { id: subject.id, kind: subject.kind },
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

