import type { Candidate, DayEvaluation } from '../../engine/_internal/facts.js';
import { DERIVED_SUFFIX } from '../../engine/_internal/context.js';
import { ruleValidFrom } from '../../engine/_internal/facts.js';
import type { OwnedRule } from '../../engine/_internal/resolve.js';
import type {
  Benefit,
  Citation,
  Decision,
  DeadlineState,
  MitigationStatus,
  Note,
  Obligation,
  Reason,
  RecordSummary,
} from '../../model/decision.js';
import type { RecordState } from '../../lifecycle/_internal/reduce.js';
import type { PolicyKey } from '../../model/policy.js';
import { POLICY_DOCS } from '../../model/policy.js';
import { LABELS, moreSevere, type ObligationKind, type Verdict } from '../../model/vocabulary.js';
import { mitigatedVerdict, mitigationStatus } from './mitigation.js';

function citations(day: DayEvaluation, owned: OwnedRule, ids: readonly string[]): Citation[] {
  const r = day.ctx.resolved;
  return ids.map((id) => {
    const c = r.clause(owned.pack.id, id);
    return {
      clause: id,
      document: r.documentOf(owned.pack.id, c),
      section: c.section,
      quote: c.quote,
      ...(c.quoteSimplified ? { quoteSimplified: c.quoteSimplified } : {}),
    };
  });
}

interface FiredReason {
  candidate: Candidate;
  base: Verdict;
  verdict: Verdict;
  mitigation: MitigationStatus | null;
}

// A record state belongs to one query context (statesKnownOn memoises it per knowledge day), and
// its mitigation status depends only on that context and the state: computed once per state, not
// once per day evaluated (clearFrom evaluates many days with the same states).
const statusByState = new WeakMap<RecordState, MitigationStatus>();

/** Mitigation status per record index, computed once per record state. */
function mitigationOf(day: DayEvaluation, recordIndex: number, memo: Map<number, MitigationStatus>): MitigationStatus {
  let m = memo.get(recordIndex);
  if (!m) {
    const r = day.records[recordIndex]!;
    m = statusByState.get(r.state);
    if (!m) {
      const host = day.ctx.entries.find((e) => e.record.id === r.state.id)?.record;
      m = mitigationStatus(day.ctx.pack, day.ctx.subject.kind, r.state, host ? host.occurredOn : r.state.effectiveFrom);
      statusByState.set(r.state, m);
    }
    memo.set(recordIndex, m);
  }
  return m;
}

/** The reasons (rule × record that fired, with a verdict) and the overall verdict of one day. */
export function reasonsOfDay(day: DayEvaluation, fired: readonly boolean[]): { verdict: Verdict; reasons: FiredReason[]; mitigations: Map<number, MitigationStatus> } {
  const reasons: FiredReason[] = [];
  const memo = new Map<number, MitigationStatus>();
  let verdict: Verdict = 'clear';
  day.candidates.forEach((c, i) => {
    if (!fired[i] || c.excluded || !c.owned.rule.verdict) return;
    if (c.owned.rule.actions.length > 0 && !c.owned.rule.actions.includes(day.ctx.query.action)) return;
    const base = c.owned.rule.verdict;
    let mitigation: MitigationStatus | null = null;
    let v: Verdict = base;
    if (c.record >= 0 && c.owned.rule.mitigable) {
      mitigation = mitigationOf(day, c.record, memo);
      v = mitigatedVerdict(base, mitigation.applied, day.ctx.policy);
    }
    reasons.push({ candidate: c, base, verdict: v, mitigation });
    verdict = moreSevere(verdict, v);
  });
  return { verdict, reasons, mitigations: memo };
}

function policyNote(day: DayEvaluation, key: PolicyKey, records?: string[]): Note {
  const value = day.ctx.policy[key];
  const source = day.ctx.policySource[key];
  const doc = POLICY_DOCS[key];
  const shown = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  const sourceZh = { 'library-default': '默认', pack: '规则包设定', query: '查询设定' }[source];
  return {
    code: 'policy',
    policy: key,
    source,
    // A copy: a decision is the host's to keep or change, and must not share the library's objects.
    value: typeof value === 'object' && value !== null ? { ...value } : value,
    ...(records && records.length ? { records } : {}),
    message: {
      'zh-CN': `政策 ${key} = ${shown}（${sourceZh}）：${doc['zh-CN']}`,
      en: `policy ${key} = ${shown} (${source}): ${doc.en}`,
    },
  };
}

/** Assembles the full decision for the query's own day from the evaluation and what fired. */
export function composeDecision(day: DayEvaluation, fired: readonly boolean[], clearFrom: string | null): Decision {
  const { ctx } = day;
  const { verdict, reasons: fr, mitigations } = reasonsOfDay(day, fired);
  const notes: Note[] = [];
  const usedPolicies = new Map<PolicyKey, Set<string>>();
  const usePolicy = (k: PolicyKey, record?: string) => {
    const set = usedPolicies.get(k) ?? new Set<string>();
    if (record) set.add(record);
    usedPolicies.set(k, set);
  };

  const reasons: Reason[] = fr.map(({ candidate: c, verdict: v, base, mitigation }) => {
    const recordId = c.record >= 0 ? day.records[c.record]!.state.id : null;
    if (mitigation?.applied === 'lighter') usePolicy('lighterLowersTo', recordId ?? undefined);
    return {
      rule: c.owned.rule.id,
      pack: c.owned.pack.id,
      clauses: citations(day, c.owned, c.owned.rule.clauses),
      description: { ...c.owned.rule.description },
      verdict: v,
      records: recordId ? [recordId] : [],
      mitigation: mitigation ? { permitted: mitigation.permitted, applied: mitigation.applied, clauses: mitigation.clauses, before: base } : null,
    };
  });

  const priority: Benefit[] = [];
  const incentives: Benefit[] = [];
  const obligationsByKey = new Map<string, Obligation>();
  day.candidates.forEach((c, i) => {
    if (!fired[i]) return;
    const rule = c.owned.rule;
    const recordId = c.record >= 0 ? day.records[c.record]!.state.id : null;
    if (c.excluded === 'before-rule') {
      usePolicy('nonRetroactive', recordId ?? undefined);
      notes.push({
        code: 'before-rule',
        records: recordId ? [recordId] : [],
        message: {
          'zh-CN': `记录 ${recordId} 的失信行为发生在规则 ${rule.id} 施行（${ruleValidFrom(c.owned)}）之前，不适用该规则`,
          en: `record ${recordId} predates rule ${rule.id} (in force from ${ruleValidFrom(c.owned)}); the rule does not reach it`,
        },
      });
      return;
    }
    if (rule.priority || rule.incentive) {
      const benefit: Benefit = {
        kind: rule.priority ? 'priority' : 'incentive',
        rule: rule.id,
        pack: c.owned.pack.id,
        clauses: citations(day, c.owned, rule.clauses),
        description: { ...rule.description },
      };
      (rule.priority ? priority : incentives).push(benefit);
    }
    for (const kind of rule.obligations ?? []) {
      const key = `${c.owned.pack.id}/${rule.id}/${kind}`;
      let o = obligationsByKey.get(key);
      if (!o) {
        o = { kind, rule: rule.id, pack: c.owned.pack.id, clauses: [...rule.clauses], records: [], dueOn: null, description: { ...LABELS.obligation[kind as ObligationKind] } };
        obligationsByKey.set(key, o);
      }
      if (recordId && !o.records.includes(recordId)) o.records.push(recordId);
      if (kind === 'rectification' && c.record >= 0) {
        const r = day.records[c.record]!.state.rectification;
        if (r && r.completedOn === null && (o.dueOn === null || r.dueOn < o.dueOn)) o.dueOn = r.dueOn;
      }
    }
  });

  // Records: what counted and why the others did not.
  const records: RecordSummary[] = [];
  const deadlines: DeadlineState[] = [];
  let provisional = false;
  day.records.forEach((r) => {
    const s = r.state;
    if (s.derived && !(s.effectiveFrom <= day.on)) {
      const from = s.id.slice(0, -DERIVED_SUFFIX.length);
      notes.push({
        code: 'rectification-pending',
        records: [from],
        message: {
          'zh-CN': `记录 ${from} 的整改期限为 ${s.rectification?.dueOn ?? '整改期限'}：逾期未完成的，自 ${s.effectiveFrom} 起记入政务失信记录（${ctx.derivation?.clauses.join('、')}）`,
          en: `record ${from} must be rectified; if not completed in time, a new record arises on ${s.effectiveFrom} (${ctx.derivation?.clauses.join(', ')})`,
        },
      });
      return;
    }
    records.push({
      id: s.id,
      kind: s.kind,
      derived: s.derived,
      counted: r.counted,
      status: r.status,
      effectiveFrom: s.effectiveFrom,
      effectiveUntil: s.effectiveUntil,
    });
    if (s.derived) {
      notes.push({
        code: 'derived-record',
        records: [s.id],
        message: {
          'zh-CN': `记录 ${s.id} 由本库依 ${ctx.derivation?.clauses.join('、')} 推定：未按时完成整改，记入政务失信记录`,
          en: `record ${s.id} is derived under ${ctx.derivation?.clauses.join(', ')}: rectification not completed in time`,
        },
      });
    }
    if (s.known) {
      for (const d of s.deadlines) deadlines.push(d);
      for (const n of s.notes) notes.push(n);
      provisional ||= s.provisional;
    }
    if (s.known && !s.voided && s.objectionPending) {
      usePolicy('pendingObjection', s.id);
      notes.push({
        code: 'objection-pending',
        records: [s.id],
        message: {
          'zh-CN': `记录 ${s.id} 的异议（${s.objection?.filedOn} 收到）尚未答复${s.objection?.replyDueOn ? `，答复期限 ${s.objection.replyDueOn}` : ''}`,
          en: `record ${s.id} has an objection received ${s.objection?.filedOn} and not yet answered${s.objection?.replyDueOn ? `; reply due ${s.objection.replyDueOn}` : ''}`,
        },
      });
    }
    if (s.objection && s.objection.replyDueOn && ctx.objectionReply?.source === 'policy') usePolicy('objectionReplyWorkingDays', s.id);
    if (s.objection && s.objection.replyDueOn) usePolicy('receiptOnNonWorkingDay', s.id);
    if (s.objection?.outcome && s.objection.outcome !== 'upheld' && ctx.platformReport?.source !== 'pack') usePolicy('platformReportWorkingDays', s.id);
    if (r.counted && s.sanctionPeriod) usePolicy('sanctionPeriodAutoLift', s.id);
    if (r.counted && s.sanctionPeriod?.combinedWith.length) usePolicy('combinedSanctionPeriods', s.id);
    if (r.counted && !s.sanctionPeriod && s.kind !== 'disciplinary-sanction' && s.endedBy === null) usePolicy('recordLifetimeMonths', s.id);
    if (r.counted && ctx.integrityKinds.size > 0 && !ctx.integrityKinds.has(s.kind) && s.kind !== 'under-investigation') {
      usePolicy('unlistedRecordKinds', s.id);
    }
  });
  if (ctx.annual) usePolicy('annualReviewWindow');
  if (notes.some((n) => n.code === 'calendar-coverage') || provisional) usePolicy('unknownCalendarYears');

  // Mitigation: every record with a mitigable reason, plus any with mitigation data.
  const mitigation: MitigationStatus[] = [];
  const seen = new Set<number>();
  for (const f of fr) if (f.mitigation && !seen.has(f.candidate.record)) {
    seen.add(f.candidate.record);
    mitigation.push(f.mitigation);
  }
  day.records.forEach((r, i) => {
    if (seen.has(i) || !r.counted) return;
    if (r.state.mitigationDecision || r.state.selfCorrections.length) mitigation.push(mitigationOf(day, i, mitigations));
  });

  // Data gaps and reach.
  const subj = ctx.subject;
  const fileClauses = ctx.resolved.chain.flatMap((p) => (p.creditFile?.required ? p.creditFile.clauses : []));
  if (subj.kind === 'civil-servant' && !day.subject.hasCreditFile && fileClauses.length > 0) {
    notes.push({
      code: 'missing-credit-file',
      message: {
        'zh-CN': `未提供信用档案：${fileClauses.join('、')} 要求公务员建立并查询诚信档案；没有档案是数据缺口，不等于记录良好`,
        en: `no credit file given: ${fileClauses.join(', ')} require a civil servant's file to exist and be checked; a missing file is a data gap, not a clean record`,
      },
    });
  }
  if (subj.kind === 'public-institution-staff' && !day.subject.coveredByCivilServantLaw && ctx.resolved.chain.some((p) => p.id === 'cn-national')) {
    notes.push({
      code: 'national-rules-not-reached',
      message: {
        'zh-CN': '事业单位人员未标记为参照公务员法管理：公务员法第六十四条、政务处分法第十九条等国家规则不适用',
        en: 'public-institution staff not marked as managed under the Civil Servant Law: national rules (公务员法 64, 政务处分法 19, …) do not reach them',
      },
    });
  }
  const p = ctx.pack;
  if (day.on < p.validFrom || (p.validUntil !== undefined && day.on > p.validUntil)) {
    notes.push({
      code: 'pack-not-in-force',
      message: {
        'zh-CN': `规则包 ${p.id} 的有效期为 ${p.validFrom} 至 ${p.validUntil ?? '今'}，查询日期 ${day.on} 不在其内`,
        en: `pack ${p.id} is in force from ${p.validFrom}${p.validUntil ? ` to ${p.validUntil}` : ''}; ${day.on} is outside it`,
      },
    });
  }
  const policyNotes = [...usedPolicies].map(([k, recs]) => policyNote(day, k, [...recs]));
  deadlines.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.record < b.record ? -1 : a.record > b.record ? 1 : 0));

  return {
    pack: { id: p.id, version: p.version, document: p.document.number },
    subject: { id: subj.id, kind: subj.kind },
    action: ctx.query.action,
    asOf: day.on,
    assessmentYear: ctx.assessmentYear,
    verdict,
    reasons,
    priority,
    incentives,
    mitigation,
    obligations: [...obligationsByKey.values()],
    deadlines,
    records,
    notes: [...notes, ...policyNotes],
    clearFrom: verdict === 'clear' ? day.on : clearFrom,
    provisional,
  };
}
