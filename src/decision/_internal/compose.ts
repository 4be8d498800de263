import type { Candidate, DayEvaluation } from '../../facts/_internal/dayFacts.js';
import { DERIVED_SUFFIX } from '../../lifecycle/_internal/subjectStates.js';
import { ruleValidFrom } from '../../facts/_internal/dayFacts.js';
import type { OwnedRule, PolicySource, ResolvedPack } from '../../packs/_internal/resolve.js';
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
import type { LocalizedText } from '../../model/errors.js';
import { DEFAULT_POLICY, LAW_LEAVES_OPEN, POLICY_DOCS, POLICY_LABELS, policyValueText, type PolicyKey } from '../../model/policy.js';
import { LABELS, moreSevere, PERSONAL_STATUS_RECORD_KINDS, VERDICT_SEVERITY, type ObligationKind, type RecordKind, type Verdict } from '../../model/vocabulary.js';

/** Kinds no document lists as 政务失信记录 and `unlistedRecordKinds: 'count'` does not count either. */
const NOT_INTEGRITY_KINDS = new Set<RecordKind>(['under-investigation', ...PERSONAL_STATUS_RECORD_KINDS]);
import { NOTE_SOURCE_LABELS } from './labels.js';
import { measureOf, mitigatedVerdict, mitigationFinding, type MitigationFinding } from './mitigation.js';

interface CitedClause {
  citation: Citation;
  validFrom: string | undefined;
  validUntil: string | undefined;
}

// A rule's citations are the same text for every decision: built once per rule of a resolved chain
// (frozen), copied into each decision (a decision is the host's to keep or change).
const citedByRule = new WeakMap<OwnedRule, readonly CitedClause[]>();

function citedClauses(day: DayEvaluation, owned: OwnedRule): readonly CitedClause[] {
  let cited = citedByRule.get(owned);
  if (!cited) {
    const r = day.ctx.resolved;
    cited = owned.rule.clauses.map((id) => {
      const c = r.clause(owned.pack.id, id);
      const citation: Citation = {
        clause: id,
        document: r.documentOf(owned.pack.id, c),
        section: c.section,
        quote: c.quote,
        ...(c.quoteSimplified ? { quoteSimplified: c.quoteSimplified } : {}),
        verification: c.verification,
      };
      return { citation: Object.freeze(citation), validFrom: c.validFrom, validUntil: c.validUntil };
    });
    citedByRule.set(owned, cited);
  }
  return cited;
}

/**
 * The clauses a rule cites, as in force on `at` (the failure, the decision or the day asked, by the
 * rule's trigger): a clause with a validity window is cited only inside it, so a 2019 sanction cites
 * 行政机关公务员处分条例 and a 2021 one 政务处分法. Where no clause has a window covering `at`, all are cited.
 */
function citations(day: DayEvaluation, owned: OwnedRule, at: string): Citation[] {
  const all = citedClauses(day, owned);
  const inForce = all.filter((c) => (c.validFrom === undefined || c.validFrom <= at) && (c.validUntil === undefined || at <= c.validUntil));
  return (inForce.length ? inForce : all).map((c) => ({ ...c.citation }));
}

/** Copies for a decision of what the lifecycle or the pack context hold and other decisions may share. */
function ownDeadline(d: DeadlineState): DeadlineState {
  const out = { ...d, basis: { ...d.basis } };
  if (d.provisionalReason) out.provisionalReason = { ...d.provisionalReason, estimatedYears: [...d.provisionalReason.estimatedYears] };
  return out;
}
function ownNote(n: Note): Note {
  const out: Note = { ...n, message: { ...n.message } };
  if (n.records) out.records = [...n.records];
  if (n.value !== null && typeof n.value === 'object') out.value = Array.isArray(n.value) ? [...n.value] : { ...(n.value as Record<string, unknown>) };
  return out;
}
function ownMitigation(m: MitigationStatus): MitigationStatus {
  return { record: m.record, permitted: m.permitted.slice(), clauses: m.clauses.slice(), status: m.status, applied: m.applied, message: { 'zh-CN': m.message['zh-CN'], en: m.message.en } };
}

export interface FiredReason {
  candidate: Candidate;
  base: Verdict;
  verdict: Verdict;
  mitigation: MitigationFinding | null;
  /** Fired only where the deciding body has yet to fix the period (the longest reading). */
  uncertain: boolean;
}

/**
 * Mitigation status per record index. A status depends on the pack, the subject kind and the record
 * state only, so it is computed once per state for the pack (ctx.mitigations): the days clearFrom
 * evaluates and the actions asked of a subject share it.
 */
function mitigationOf(day: DayEvaluation, recordIndex: number, memo: Map<number, MitigationFinding>): MitigationFinding {
  let m = memo.get(recordIndex);
  if (!m) {
    const r = day.records[recordIndex]!;
    const action = day.ctx.query.action;
    let byAction = day.ctx.mitigations.get(r.state);
    if (!byAction) day.ctx.mitigations.set(r.state, (byAction = new Map()));
    m = byAction.get(action);
    if (!m) {
      const host = day.ctx.prepared.records.get(r.state.id);
      m = mitigationFinding(day.ctx.pack, day.ctx.subject.kind, r.state, host ? host.occurredOn : r.state.effectiveFrom, action, day.ctx.policy);
      byAction.set(action, m);
    }
    memo.set(recordIndex, m);
  }
  return m;
}

const REVIEW_SEVERITY = VERDICT_SEVERITY.review;

/**
 * The reasons (rule × record that fired, with a verdict) and the overall verdict of one day. A
 * (rule, record) pair that fires only in the reading where an open combined period runs longest is
 * an uncertain reason: at most `review`.
 */
/** A day's reasons and verdict, with the mitigation statuses they used (by record index). */
export interface DayReasons {
  verdict: Verdict;
  reasons: FiredReason[];
  mitigations: Map<number, MitigationFinding>;
}

export function reasonsOfDay(day: DayEvaluation, fired: readonly boolean[]): DayReasons {
  const reasons: FiredReason[] = [];
  const memo = new Map<number, MitigationFinding>();
  const certain = new Set<string>();
  day.candidates.forEach((c, i) => {
    if (fired[i] && !c.latest && !c.excluded) certain.add(`${c.owned.order}|${c.record}`);
  });
  let verdict: Verdict = 'clear';
  day.candidates.forEach((c, i) => {
    if (!fired[i] || c.excluded || !c.owned.rule.verdict) return;
    if (c.latest && certain.has(`${c.owned.order}|${c.record}`)) return;
    if (c.owned.rule.actions.length > 0 && !c.owned.rule.actions.includes(day.ctx.query.action)) return;
    const base = c.owned.rule.verdict;
    let mitigation: MitigationFinding | null = null;
    let v: Verdict = base;
    if (c.record >= 0 && c.owned.rule.mitigable) {
      mitigation = mitigationOf(day, c.record, memo);
      v = mitigatedVerdict(base, mitigation.status.applied, day.ctx.policy, measureOf(c.owned.rule), mitigation.lighterTo);
    }
    if (c.latest && VERDICT_SEVERITY[v] > REVIEW_SEVERITY) v = 'review';
    reasons.push({ candidate: c, base, verdict: v, mitigation, uncertain: c.latest });
    verdict = moreSevere(verdict, v);
  });
  return { verdict, reasons, mitigations: memo };
}

// Policy notes' texts by option, source and value: the same for every decision that relies on them.
const policyTexts = new Map<PolicyKey, Map<string, Map<unknown, LocalizedText>>>();
// An option's value as a cache key; objects (lighterLowersTo, lifetimes by severity) written once per object.
const shownObjects = new WeakMap<object, string>();
function shownValue(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  let s = shownObjects.get(value);
  if (s === undefined) shownObjects.set(value, (s = JSON.stringify(value)));
  return s;
}

/**
 * A policy note in words a person reads: where the choice came from, what it is about, and what
 * the library does (the option's key and value are the note's `policy` and `value` fields).
 */
function policyText(key: PolicyKey, source: PolicySource, value: unknown): LocalizedText {
  let bySource = policyTexts.get(key);
  if (!bySource) policyTexts.set(key, (bySource = new Map()));
  let byValue = bySource.get(source);
  if (!byValue) bySource.set(source, (byValue = new Map()));
  // Primitive values by themselves; objects by what they show (a query's own object is new each time).
  const valueKey = typeof value === 'object' && value !== null ? shownValue(value) : value;
  let text = byValue.get(valueKey);
  if (!text) {
    const isDefault = shownValue(value) === shownValue(DEFAULT_POLICY[key]);
    const what = isDefault ? POLICY_DOCS[key] : policyValueText(key, value);
    const open = LAW_LEAVES_OPEN[key];
    const name = POLICY_LABELS[key];
    const from = NOTE_SOURCE_LABELS[source];
    text = Object.freeze({
      'zh-CN': `${from['zh-CN']}（${name['zh-CN']}）：${what['zh-CN']}${open ? `。${open.message['zh-CN']}` : ''}`,
      en: `${from.en[0]!.toUpperCase()}${from.en.slice(1)} (${name.en}): ${what.en}${open ? `. ${open.message.en}` : ''}`,
    });
    if (byValue.size > 100) byValue.clear();
    byValue.set(valueKey, text);
  }
  return text;
}

// Per pack context (its policy object), the text of each option's note.
const textsByPolicy = new WeakMap<object, Map<PolicyKey, LocalizedText>>();

function policyNote(day: DayEvaluation, key: PolicyKey, records?: string[]): Note {
  const policy = day.ctx.policy;
  const value = policy[key];
  const source = day.ctx.policySource[key];
  let texts = textsByPolicy.get(policy);
  if (!texts) textsByPolicy.set(policy, (texts = new Map()));
  let text = texts.get(key);
  if (!text) texts.set(key, (text = policyText(key, source, value)));
  // A copy of an object value: a decision is the host's to keep or change, and must not share the library's objects.
  const own = typeof value === 'object' && value !== null ? { ...value } : value;
  const message = { 'zh-CN': text['zh-CN'], en: text.en };
  return records && records.length
    ? { code: 'policy', policy: key, source, value: own, records, message }
    : { code: 'policy', policy: key, source, value: own, message };
}

/** What a resolved chain says the same for every decision: whether it holds statutory rules, the credit-file note. */
interface ChainFacts {
  national: boolean;
  missingCreditFile: LocalizedText | null;
  /**
   * The first assessment year for which the rules reading policy assessmentReading differ (from the packs'
   * own conditions: `query.assessmentYear greaterThanInclusive N`), or null where no rule reads it.
   */
  readingFromYear: number | null;
}

/** Whether a condition tree reads `query.assessmentReading`, and the least `query.assessmentYear >= N` it sets. */
function readingGate(cond: unknown, out: { reads: boolean; from: number | null }): void {
  if (cond === null || typeof cond !== 'object') return;
  const c = cond as { all?: unknown[]; any?: unknown[]; not?: unknown; fact?: string; path?: string; operator?: string; value?: unknown };
  for (const x of c.all ?? []) readingGate(x, out);
  for (const x of c.any ?? []) readingGate(x, out);
  if (c.not) readingGate(c.not, out);
  if (c.fact === 'query' && c.path === 'assessmentReading') out.reads = true;
  if (c.fact === 'query' && c.path === 'assessmentYear' && c.operator === 'greaterThanInclusive' && typeof c.value === 'number') out.from = out.from === null ? c.value : Math.min(out.from, c.value);
}
const chainFactsMemo = new WeakMap<ResolvedPack, ChainFacts>();
function chainFacts(resolved: ResolvedPack): ChainFacts {
  let f = chainFactsMemo.get(resolved);
  if (!f) {
    const fileClauses: string[] = [];
    for (const p of resolved.chain) if (p.creditFile?.required) fileClauses.push(...p.creditFile.clauses);
    let readingFromYear: number | null = null;
    for (const p of resolved.chain) {
      for (const r of p.rules) {
        const g = { reads: false, from: null as number | null };
        readingGate(r.conditions, g);
        if (g.reads && g.from !== null) readingFromYear = readingFromYear === null ? g.from : Math.min(readingFromYear, g.from);
      }
    }
    f = {
      readingFromYear,
      national: resolved.chain.some((p) => p.statutory),
      missingCreditFile: fileClauses.length
        ? Object.freeze({
            'zh-CN': `未提供信用档案：${fileClauses.join('、')} 要求公务员建立并查询诚信档案；没有档案是数据缺口，不等于记录良好`,
            en: `no credit file given: ${fileClauses.join(', ')} require a civil servant's file to exist and be checked; a missing file is a data gap, not a clean record`,
          })
        : null,
    };
    chainFactsMemo.set(resolved, f);
  }
  return f;
}

/** Actions the national sanction rules speak to (公务员法 64, 政务处分法 19/20, 考核规定). */
const SANCTION_ACTIONS = new Set(['promotion', 'salary-step', 'excellent-rating', 'annual-rating']);

/** Assembles the full decision for the query's own day from the evaluation and what fired. */
export function composeDecision(day: DayEvaluation, fired: readonly boolean[], clearFrom: string | null, dayReasons: DayReasons = reasonsOfDay(day, fired)): Decision {
  const { ctx } = day;
  const { verdict, reasons: fr, mitigations } = dayReasons;
  const notes: Note[] = [];
  // The options relied on, in the order first used, each with the records it was used for.
  const usedPolicies = new Map<PolicyKey, string[]>();
  // A set beside each list: a subject with thousands of records stays linear (issue 25).
  const usedFor = new Map<PolicyKey, Set<string>>();
  const usePolicy = (k: PolicyKey, record?: string) => {
    let list = usedPolicies.get(k);
    let seen = usedFor.get(k);
    if (!list || !seen) {
      usedPolicies.set(k, (list = []));
      usedFor.set(k, (seen = new Set()));
    }
    if (record && !seen.has(record)) {
      seen.add(record);
      list.push(record);
    }
  };
  const idOf = (c: Candidate) => (c.record >= 0 ? day.records[c.record]!.state.id : null);

  const unnamedLighter = new Map<string, string[]>();
  const reasons: Reason[] = fr.map(({ candidate: c, verdict: v, base, mitigation: finding, uncertain }) => {
    const recordId = idOf(c);
    const mitigation = finding?.status ?? null;
    const measure = measureOf(c.owned.rule);
    if (finding && (finding.scopeAssumed || finding.status.status === 'measures-unnamed')) usePolicy('mitigationScope', recordId ?? undefined);
    if (mitigation?.applied === 'lighter' && finding!.lighterTo === null) {
      if (measure === 'graded') usePolicy('lighterLowersTo', recordId ?? undefined);
      else if (recordId && base !== 'clear') {
        const rules = unnamedLighter.get(recordId) ?? [];
        if (!rules.includes(c.owned.rule.id)) rules.push(c.owned.rule.id);
        unnamedLighter.set(recordId, rules);
      }
    }
    const period = c.record >= 0 ? day.records[c.record]!.state.sanctionPeriod : null;
    const before = mitigation ? mitigatedVerdict(base, mitigation.applied, ctx.policy, measure, finding!.lighterTo) : base;
    return {
      rule: c.owned.rule.id,
      pack: c.owned.pack.id,
      clauses: citations(day, c.owned, c.triggerOn),
      description: { ...c.owned.rule.description },
      verdict: v,
      records: recordId ? [recordId] : [],
      mitigation: mitigation ? { permitted: [...mitigation.permitted], applied: mitigation.applied, clauses: [...mitigation.clauses], before: base } : null,
      uncertain: uncertain
        ? {
            before,
            clauses: [period?.basis.clause ?? 'PSL-15'],
            message: {
              'zh-CN': `处分期待作出决定的机关确定：确定至 ${period?.lastDay ?? ''}，最长可至 ${period?.latestLastDay ?? ''}；此日在待定期间内，仅纳为考量因素`,
              en: `the period is for the deciding body to fix: certain to ${period?.lastDay ?? ''}, at most to ${period?.latestLastDay ?? ''}; this day falls in the open part, so the reason is a matter for review only`,
            },
          }
        : null,
    };
  });

  for (const [recordId, rules] of unnamedLighter) {
    notes.push({
      code: 'lighter-measure-unnamed',
      records: [recordId],
      message: {
        'zh-CN': `对记录 ${recordId} 决定“从轻”，但 ${rules.join('、')} 的措施没有轻重之分（如不能确定为优秀、取消资格），文件也未规定从轻后的措施：须由作出决定的机关明确从轻后的措施并录入减免决定，在此之前按原措施处理`,
        en: `record ${recordId} was decided "lighter", but the measure of ${rules.join(', ')} has no degrees (e.g. not rated excellent, eligibility withdrawn) and the text names no lighter form: the deciding body has to name the lighter measure, entered with the mitigation decision; until then the measure stands`,
      },
    });
  }

  const priority: Benefit[] = [];
  const incentives: Benefit[] = [];
  const obligationsByKey = new Map<string, Obligation>();
  const ruleNotes = new Map<string, Note>();
  day.candidates.forEach((c, i) => {
    if (!fired[i]) return;
    const rule = c.owned.rule;
    const recordId = idOf(c);
    if (c.excluded === 'before-rule') {
      if (c.latest) return;
      usePolicy('nonRetroactive', recordId ?? undefined);
      const investigation = c.record >= 0 && day.records[c.record]!.state.investigation !== null;
      const dated = rule.trigger === 'decision' ? (investigation ? { zh: '立案', en: 'was opened' } : { zh: '处分决定生效', en: 'took effect' }) : { zh: '失信行为发生', en: 'occurred' };
      notes.push({
        code: 'before-rule',
        records: recordId ? [recordId] : [],
        message: {
          'zh-CN': `记录 ${recordId} 的${dated.zh}（${c.triggerOn}）在规则 ${rule.id} 施行（${ruleValidFrom(c.owned)}）之前，不适用该规则`,
          en: `record ${recordId} ${dated.en} (${c.triggerOn}) before rule ${rule.id} took effect (${ruleValidFrom(c.owned)}); the rule does not reach it`,
        },
      });
      return;
    }
    if (c.latest) return;
    if (c.retroactive) usePolicy('nonRetroactive', recordId ?? undefined);
    if (rule.note && (!rule.actions.length || rule.actions.includes(ctx.query.action)) && !ruleNotes.has(rule.id)) {
      ruleNotes.set(rule.id, { code: 'rule-note', records: [], message: { ...rule.note } });
    }
    if (rule.note && recordId) {
      const n = ruleNotes.get(rule.id);
      if (n && !n.records!.includes(recordId)) n.records!.push(recordId);
    }
    if (rule.priority || rule.incentive) {
      const benefit: Benefit = {
        kind: rule.priority ? 'priority' : 'incentive',
        rule: rule.id,
        pack: c.owned.pack.id,
        clauses: citations(day, c.owned, c.triggerOn),
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
        if (r && r.completedOn === null && (o.dueOn === null || r.lastDay < o.dueOn)) o.dueOn = r.lastDay;
      }
    }
  });
  for (const n of ruleNotes.values()) {
    if (!n.records!.length) delete n.records;
    notes.push(n);
  }

  // 在履职过程中: what the definition of 政务失信记录 kept out, and what policy assumed.
  for (const [i, rules] of day.outsideDuty) {
    const r = day.records[i]!;
    const assumed = r.state.inOfficialDuty === null;
    if (assumed) usePolicy('unknownDutyContext', r.state.id);
    notes.push({
      code: 'outside-official-duty',
      records: [r.state.id],
      message: {
        'zh-CN': `记录 ${r.state.id} ${assumed ? '未注明是否' : '不是'}在履职过程中产生${assumed ? '，按政策视为非履职' : ''}，不属于政务失信记录：依该定义的规则（${rules.join('、')}）不适用；国家法定后果及按记录种类规定的规则不受影响`,
        en: `record ${r.state.id} ${assumed ? 'does not say whether it arose' : 'did not arise'} in official duty${assumed ? ' and policy reads it as not' : ''}: it is not a 政务失信记录, so the rules resting on that definition (${rules.join(', ')}) do not reach it; statutory effects and rules naming the record kind still do`,
      },
    });
  }
  for (const i of day.dutyAssumed) usePolicy('unknownDutyContext', day.records[i]!.state.id);

  // Records: what counted and why the others did not.
  const records: RecordSummary[] = [];
  const deadlines: DeadlineState[] = [];
  let provisional = false;
  const subj = ctx.subject;
  day.records.forEach((r) => {
    const s = r.state;
    if (s.derived && !(s.effectiveFrom <= day.on)) {
      const from = s.id.slice(0, -DERIVED_SUFFIX.length);
      const rect = day.records.find((x) => x.state.id === from)?.state.rectification ?? null;
      notes.push({
        code: 'rectification-pending',
        records: [from],
        message: {
          'zh-CN': `记录 ${from} 的整改期限为 ${rect?.dueOn ?? '整改期限'}${rect?.rolled ? `（逢休息日，顺延至 ${rect.lastDay}，民法典第二百零三条）` : ''}：逾期未完成的，自 ${s.effectiveFrom} 起记入政务失信记录（${ctx.derivation?.clauses.join('、')}）`,
          en: `record ${from} must be rectified${rect?.rolled ? ` by ${rect.lastDay} (the due date ${rect.dueOn} is not a working day and rolls, 民法典 203)` : ''}; if not completed in time, a new record arises on ${s.effectiveFrom} (${ctx.derivation?.clauses.join(', ')})`,
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
    if (!s.known) return;
    for (const d of s.deadlines) deadlines.push(ownDeadline(d));
    for (const n of s.notes) notes.push(ownNote(n));
    provisional ||= s.provisional;
    const live = r.sanctionLive && s.sanctionPeriod !== null;
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
    if (s.creditCorrection && r.sanctionLive) {
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
      if (ctx.policy.pendingObjection === 'suspends' || r.counted) usePolicy('pendingObjection', s.id);
      notes.push({
        code: 'objection-pending',
        records: [s.id],
        message: {
          'zh-CN': `记录 ${s.id} 的异议（${s.objection?.filedOn} 收到）尚未答复${s.objection?.replyDueOn ? `，答复期限 ${s.objection.replyDueOn}` : ''}${live ? '；异议不停止处分的执行，法定后果照常' : ''}`,
          en: `record ${s.id} has an objection received ${s.objection?.filedOn} and not yet answered${s.objection?.replyDueOn ? `; reply due ${s.objection.replyDueOn}` : ''}${live ? '; an objection does not suspend the sanction, whose statutory effects stand' : ''}`,
        },
      });
    }
    if (s.objection && s.objection.replyDueOn && ctx.objectionReply?.source === 'policy') usePolicy('objectionReplyWorkingDays', s.id);
    if (s.objection && s.objection.replyDueOn) usePolicy('receiptOnNonWorkingDay', s.id);
    if (s.creditCorrection && ctx.platformReport?.source !== 'pack') usePolicy('platformReportWorkingDays', s.id);
    if (live) usePolicy('sanctionPeriodAutoLift', s.id);
    const period = live ? s.sanctionPeriod : null;
    if (period && (period.determination === 'to-be-fixed' || period.determination === 'assumed-sum' || period.determination === 'assumed-one')) {
      usePolicy('combinedSanctionPeriods', s.id);
      const group = [s.id, ...period.combinedWith].sort();
      if (period.determination === 'to-be-fixed' && period.latestLastDay && period.latestLastDay >= day.on && group[0] === s.id) {
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
    if (r.considered && s.kind !== 'disciplinary-sanction' && !s.derived) usePolicy('recordLifetimeMonths', s.id);
    // Which reading of the 2020 assessment rules decided a review (policy assessmentReading).
    const from = chainFacts(ctx.resolved).readingFromYear;
    if (
      ctx.annual &&
      from !== null &&
      ctx.assessmentYear !== null &&
      ctx.assessmentYear >= from &&
      ((r.sanctionLive && s.sanction !== null && s.sanction !== 'warning' && s.sanction !== 'expulsion') || (r.statutory.considered && s.kind === 'organisational-handling'))
    ) {
      usePolicy('assessmentReading', s.id);
    }
    const inv = s.investigation;
    if (inv && inv.closedOn !== null && inv.outcome !== 'no-sanction' && inv.outcome !== null && !s.voided) {
      usePolicy('investigationHandover', s.id);
      const named = inv.sanctionRecord;
      const found = named !== null && ctx.prepared.records.get(named)?.kind === 'disciplinary-sanction';
      const outcome = LABELS.investigationOutcome[inv.outcome];
      notes.push({
        code: 'investigation-handover',
        records: named && found ? [s.id, named] : [s.id],
        message: {
          'zh-CN': `记录 ${s.id} 的立案审查调查已于 ${inv.closedOn} 结案（${outcome['zh-CN']}）：立案期间的限制${inv.barsUntil ? `至 ${inv.barsUntil} 止` : '在处分生效前继续'}；处分的后果依处分记录本身确定${named ? (found ? `（记录 ${named}）` : `，但所指处分记录 ${named} 不在本主体的处分记录中，请录入`) : '，结案事件未指明所作处分的记录，请在结案事件中录入'}`,
          en: `the investigation of record ${s.id} was closed on ${inv.closedOn} (${outcome.en}): the investigation's bars ${inv.barsUntil ? `ended on ${inv.barsUntil}` : 'run on until the sanction takes effect'}; the sanction's effects come from its own record${named ? (found ? ` (record ${named})` : `, but the record named, ${named}, is not among the subject's sanction records: enter it`) : '; the closing event does not name the record of the sanction: enter it with the event'}`,
        },
      });
      if (ctx.annual && inv.ungradedYears.length === 0) {
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
    const onlyFor = ctx.integrityKindsOnly[s.kind];
    if (onlyFor && !onlyFor.includes(subj.kind)) {
      notes.push({
        code: 'record-kind-not-for-subject',
        records: [s.id],
        message: {
          'zh-CN': `记录 ${s.id}（${LABELS.recordKind[s.kind]['zh-CN']}）在本文件中只是${onlyFor.map((k) => LABELS.subjectKind[k as 'government']['zh-CN']).join('、')}的政务失信记录（${ctx.pack.recordKinds.clauses.join('、')}），不计为${LABELS.subjectKind[subj.kind]['zh-CN']}的政务失信记录`,
          en: `record ${s.id} (${LABELS.recordKind[s.kind].en}) is a 政务失信记录 of ${onlyFor.map((k) => LABELS.subjectKind[k as 'government'].en).join(', ')} only under this document (${ctx.pack.recordKinds.clauses.join(', ')}); it does not count for a ${LABELS.subjectKind[subj.kind].en}`,
        },
      });
    } else if (r.counted && ctx.integrityKinds.size > 0 && !ctx.integrityKinds.has(s.kind) && !NOT_INTEGRITY_KINDS.has(s.kind)) {
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
    mitigation.push(ownMitigation(f.mitigation.status));
  }
  day.records.forEach((r, i) => {
    if (seen.has(i) || !r.counted) return;
    if (r.state.mitigationDecisions.length || r.state.selfCorrections.length) {
      const f = mitigationOf(day, i, mitigations);
      if (f.scopeAssumed || f.status.status === 'measures-unnamed') usePolicy('mitigationScope', r.state.id);
      mitigation.push(ownMitigation(f.status));
    }
  });

  // Data gaps and reach.
  const chain = chainFacts(ctx.resolved);
  if (subj.kind === 'civil-servant' && !day.subject.hasCreditFile && chain.missingCreditFile) {
    notes.push({ code: 'missing-credit-file', message: { ...chain.missingCreditFile } });
  }
  const national = chain.national;
  if (subj.kind === 'public-institution-staff' && !day.subject.coveredByCivilServantLaw && national && SANCTION_ACTIONS.has(ctx.query.action)) {
    const role = day.subject.publicServiceRole;
    notes.push({
      code: 'national-rules-not-reached',
      message: role
        ? {
            'zh-CN': `事业单位人员未参照公务员法管理：公务员法第六十四条、政务处分法第十九条和公务员考核规定不适用；作为${LABELS.publicServiceRole[role as 'institution-manager']['zh-CN']}，适用政务处分法第二十条`,
            en: `public-institution staff not managed under the Civil Servant Law: 公务员法 64, 政务处分法 19 and the civil-servant assessment rules do not reach them; as a ${LABELS.publicServiceRole[role as 'institution-manager'].en}, 政务处分法 20 does`,
          }
        : {
            'zh-CN': '事业单位人员未参照公务员法管理，也未注明政务处分法第二十条所指岗位：公务员法第六十四条、政务处分法第十九条、第二十条和公务员考核规定不适用',
            en: 'public-institution staff neither managed under the Civil Servant Law nor in a 政务处分法 20 role: 公务员法 64, 政务处分法 19 and 20 and the civil-servant assessment rules do not reach them',
          },
    });
  }
  if (subj.kind === 'civil-servant' && subj.organ === undefined && reasons.some((r) => r.clauses.some((c) => c.clause.startsWith('REG07-')))) {
    notes.push({
      code: 'organ-assumed',
      message: {
        'zh-CN': '行政机关公务员处分条例适用于行政机关公务员；未注明所在机关类别的，按行政机关处理',
        en: '行政机关公务员处分条例 applies to civil servants of administrative organs; a civil servant whose organ is not given is read as serving in one',
      },
    });
  }
  // 公务员法 (2005) 第五十八条 had the same bar for sanctions before 2019-06-01, but its text is not verified
  // here: a civil servant outside an administrative organ gets no national bar for them, and is told so.
  if (
    subj.kind === 'civil-servant' &&
    subj.organ === 'other' &&
    national &&
    (ctx.query.action === 'promotion' || ctx.query.action === 'salary-step') &&
    day.records.some((r) => r.sanctionLive && r.state.sanctionPeriod && r.state.decisionEffectiveOn < '2019-06-01' && (r.state.sanctionUntil === null || r.state.sanctionUntil > day.on))
  ) {
    notes.push({
      code: 'unverified-law-gap',
      message: {
        'zh-CN': '2019-06-01 前作出的处分，对非行政机关公务员适用当时的公务员法（2005）；其条文本库未经核对，未予编码：请按该法另行判断',
        en: 'a sanction decided before 2019-06-01 on a civil servant outside an administrative organ falls under the Civil Servant Law of 2005, whose text is not verified here and not encoded: decide it under that law',
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
  for (const [k, recs] of usedPolicies) notes.push(policyNote(day, k, recs));
  if (deadlines.length > 1) deadlines.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.record < b.record ? -1 : a.record > b.record ? 1 : 0));

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
    obligations: Array.from(obligationsByKey.values()),
    deadlines,
    records,
    notes,
    clearFrom: verdict === 'clear' ? day.on : clearFrom,
    provisional,
  };
}
