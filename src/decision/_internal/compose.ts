import type { Candidate, DayEvaluation } from '../../facts/internal.js';
import { DERIVED_SUFFIX } from '../../lifecycle/internal.js';
import { ruleValidFrom } from '../../facts/internal.js';
import type { OwnedRule, PolicySource, ResolvedPack } from '../../packs/internal.js';
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
import { LABELS, moreSevere, NOT_INTEGRITY_RECORD_KINDS, NOTE_SOURCE_LABELS, VERDICT_SEVERITY, type ObligationKind, type PublicServiceRole, type Verdict } from '../../model/vocabulary.js';
import { measureOf, mitigatedVerdict, mitigationFinding, type MitigationFinding } from './mitigation.js';
import { NOTE_TEXTS, type NoteCode } from './notes.js';
import { CSL_FACTS, PSL_FACTS, REG07_FACTS, STATUTE_FACTS } from '../../model/statutes.js';

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
      missingCreditFile: fileClauses.length ? Object.freeze(NOTE_TEXTS['missing-credit-file']({ clauses: fileClauses })) : null,
    };
    chainFactsMemo.set(resolved, f);
  }
  return f;
}

/**
 * Actions a 处分 bars under the national statutes (公务员法 64, 政务处分法 19, 条例 8, 考核规定 29): the
 * union of their `sanctionBars` (law/<statute>.json).
 */
const SANCTION_ACTIONS: ReadonlySet<string> = new Set(STATUTE_FACTS.flatMap((s) => s.parameters.sanctionBars?.value ?? []));
/** The day 公务员法 (2018) took effect: sanctions decided earlier fall under the 2005 law for organs it alone reaches. */
const CSL_IN_FORCE = CSL_FACTS.parameters.inForce.value;
/** The clause a combined period the deciding body has yet to fix cites where its own basis is not known. */
const COMBINED_PERIOD_CLAUSE = PSL_FACTS.parameters.combinedPeriodClause.value;

/** What every step of a decision shares: the day, what fired, the notes written so far, the options relied on. */
interface Composition {
  day: DayEvaluation;
  fired: readonly boolean[];
  notes: Note[];
  usePolicy: (k: PolicyKey, record?: string) => void;
  idOf: (c: Candidate) => string | null;
}

/** A note of the decision's own, its words from the notes table. */
function note<C extends NoteCode>(code: C, facts: Parameters<(typeof NOTE_TEXTS)[C]>[0], records?: string[]): Note {
  const message = (NOTE_TEXTS[code] as (f: typeof facts) => LocalizedText)(facts);
  return records ? { code, records, message } : { code, message };
}

/** Assembles the full decision for the query's own day from the evaluation and what fired: a list of named steps. */
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
  const step: Composition = { day, fired, notes, usePolicy, idOf };

  const reasons = reasonsOf(step, fr);
  const given = whatRulesGive(step);
  outsideDutyNotes(step);
  const { records, deadlines, provisional } = recordsOf(step);
  if (ctx.annual) usePolicy('annualReviewWindow');
  if (notes.some((n) => n.code === 'calendar-coverage') || provisional) usePolicy('unknownCalendarYears');
  const mitigation = mitigationsOf(step, fr, mitigations);
  reachNotes(step, reasons);
  for (const [k, recs] of usedPolicies) notes.push(policyNote(day, k, recs));
  if (deadlines.length > 1) deadlines.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.record < b.record ? -1 : a.record > b.record ? 1 : 0));

  const p = ctx.pack;
  const subj = ctx.subject;
  return {
    pack: { id: p.id, version: p.version, document: p.document.number },
    subject: { id: subj.id, kind: subj.kind },
    action: ctx.query.action,
    asOf: day.on,
    assessmentYear: ctx.assessmentYear,
    verdict,
    reasons,
    priority: given.priority,
    incentives: given.incentives,
    mitigation,
    obligations: given.obligations,
    deadlines,
    records,
    notes,
    clearFrom: verdict === 'clear' ? day.on : clearFrom,
    provisional,
  };
}

/** Step 1: the reasons (rule × record that fired), with the lighter measures no body named. */
function reasonsOf(step: Composition, fr: readonly FiredReason[]): Reason[] {
  const { day, usePolicy } = step;
  const unnamedLighter = new Map<string, string[]>();
  const reasons: Reason[] = fr.map(({ candidate: c, verdict: v, base, mitigation: finding, uncertain }) => {
    const recordId = step.idOf(c);
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
    const before = mitigation ? mitigatedVerdict(base, mitigation.applied, day.ctx.policy, measure, finding!.lighterTo) : base;
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
            clauses: [period?.basis.clause ?? COMBINED_PERIOD_CLAUSE],
            message: NOTE_TEXTS['period-uncertain']({ lastDay: period?.lastDay ?? '', latestLastDay: period?.latestLastDay ?? '' }),
          }
        : null,
    };
  });
  for (const [record, rules] of unnamedLighter) step.notes.push(note('lighter-measure-unnamed', { record, rules }, [record]));
  return reasons;
}

/** Step 2: what the rules that fired give besides a verdict: benefits, obligations, their notes, and the rules a record predates. */
function whatRulesGive(step: Composition): { priority: Benefit[]; incentives: Benefit[]; obligations: Obligation[] } {
  const { day, usePolicy, notes } = step;
  const priority: Benefit[] = [];
  const incentives: Benefit[] = [];
  const obligationsByKey = new Map<string, Obligation>();
  const ruleNotes = new Map<string, Note>();
  day.candidates.forEach((c, i) => {
    if (!step.fired[i]) return;
    const rule = c.owned.rule;
    const recordId = step.idOf(c);
    if (c.excluded === 'before-rule') {
      if (c.latest) return;
      usePolicy('nonRetroactive', recordId ?? undefined);
      const investigation = c.record >= 0 && day.records[c.record]!.state.investigation !== null;
      const facts = { record: recordId, investigation, trigger: rule.trigger ?? 'failure', on: c.triggerOn, rule: rule.id, ruleFrom: ruleValidFrom(c.owned) };
      notes.push(note('before-rule', facts, recordId ? [recordId] : []));
      return;
    }
    if (c.latest) return;
    if (c.retroactive) usePolicy('nonRetroactive', recordId ?? undefined);
    if (rule.note && (!rule.actions.length || rule.actions.includes(day.ctx.query.action)) && !ruleNotes.has(rule.id)) {
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
    for (const kind of rule.obligations ?? []) obligationOf(day, obligationsByKey, c, kind, recordId);
  });
  for (const n of ruleNotes.values()) {
    if (!n.records!.length) delete n.records;
    notes.push(n);
  }
  return { priority, incentives, obligations: Array.from(obligationsByKey.values()) };
}

/** An obligation a rule imposes, one per pack × rule × kind, with the records it follows from. */
function obligationOf(day: DayEvaluation, byKey: Map<string, Obligation>, c: Candidate, kind: ObligationKind, recordId: string | null): void {
  const rule = c.owned.rule;
  const key = `${c.owned.pack.id}/${rule.id}/${kind}`;
  let o = byKey.get(key);
  if (!o) {
    o = { kind, rule: rule.id, pack: c.owned.pack.id, clauses: [...rule.clauses], records: [], dueOn: null, description: { ...LABELS.obligation[kind] } };
    byKey.set(key, o);
  }
  if (recordId && !o.records.includes(recordId)) o.records.push(recordId);
  if (kind === 'rectification' && c.record >= 0) {
    const r = day.records[c.record]!.state.rectification;
    if (r && r.completedOn === null && (o.dueOn === null || r.lastDay < o.dueOn)) o.dueOn = r.lastDay;
  }
}

/** Step 3: 在履职过程中: what the definition of 政务失信记录 kept out, and what policy assumed. */
function outsideDutyNotes(step: Composition): void {
  const { day, usePolicy, notes } = step;
  for (const [i, rules] of day.outsideDuty) {
    const r = day.records[i]!;
    const assumed = r.state.inOfficialDuty === null;
    if (assumed) usePolicy('unknownDutyContext', r.state.id);
    notes.push(note('outside-official-duty', { record: r.state.id, assumed, rules }, [r.state.id]));
  }
  for (const i of day.dutyAssumed) usePolicy('unknownDutyContext', day.records[i]!.state.id);
}

/** Step 4: the records, what counted and why the others did not, their deadlines and notes. */
function recordsOf(step: Composition): { records: RecordSummary[]; deadlines: DeadlineState[]; provisional: boolean } {
  const { day, notes } = step;
  const ctx = day.ctx;
  const records: RecordSummary[] = [];
  const deadlines: DeadlineState[] = [];
  let provisional = false;
  for (const r of day.records) {
    const s = r.state;
    if (s.derived && !(s.effectiveFrom <= day.on)) {
      const from = s.id.slice(0, -DERIVED_SUFFIX.length);
      const rect = day.records.find((x) => x.state.id === from)?.state.rectification ?? null;
      const facts = { record: from, dueOn: rect?.dueOn, lastDay: rect?.lastDay, rolled: !!rect?.rolled, from: s.effectiveFrom, clauses: ctx.derivation?.clauses };
      notes.push(note('rectification-pending', facts, [from]));
      continue;
    }
    records.push({ id: s.id, kind: s.kind, derived: s.derived, counted: r.counted, status: r.status, effectiveFrom: s.effectiveFrom, effectiveUntil: s.effectiveUntil });
    if (s.derived) notes.push(note('derived-record', { record: s.id, clauses: ctx.derivation?.clauses }, [s.id]));
    if (!s.known) continue;
    for (const d of s.deadlines) deadlines.push(ownDeadline(d));
    for (const n of s.notes) notes.push(ownNote(n));
    provisional ||= s.provisional;
    lifecycleNotes(step, r);
    periodNotes(step, r);
    investigationNotes(step, r);
    recordKindNotes(step, r);
  }
  return { records, deadlines, provisional };
}

type DayRecord = DayEvaluation['records'][number];

/** What happened to a record after it was decided: its sanction revoked or changed, the credit record corrected, an objection pending. */
function lifecycleNotes(step: Composition, r: DayRecord): void {
  const { day, usePolicy, notes } = step;
  const ctx = day.ctx;
  const s = r.state;
  const live = r.sanctionLive && s.sanctionPeriod !== null;
  if (s.sanctionRevoked) {
    notes.push(note('sanction-revoked', { record: s.id, on: s.sanctionRevoked.on, by: s.sanctionRevoked.by }, [s.id]));
  } else if (s.sanctionChanged && s.sanction) {
    const c = s.sanctionChanged;
    notes.push(note('sanction-changed', { record: s.id, on: c.on, by: c.by, from: c.from, to: s.sanction, periodFrom: s.sanctionPeriod ? s.sanctionPeriod.effectiveOn : null }, [s.id]));
  }
  if (s.creditCorrection && r.sanctionLive) {
    notes.push(note('credit-corrected-sanction-stands', { record: s.id, on: s.creditCorrection.on, kind: s.creditCorrection.kind }, [s.id]));
  }
  if (!s.voided && s.objectionPending) {
    if (ctx.policy.pendingObjection === 'suspends' || r.counted) usePolicy('pendingObjection', s.id);
    notes.push(note('objection-pending', { record: s.id, filedOn: s.objection?.filedOn, replyDueOn: s.objection?.replyDueOn, live }, [s.id]));
  }
  if (s.objection && s.objection.replyDueOn && ctx.objectionReply?.source === 'policy') usePolicy('objectionReplyWorkingDays', s.id);
  if (s.objection && s.objection.replyDueOn) usePolicy('receiptOnNonWorkingDay', s.id);
  if (s.creditCorrection && ctx.platformReport?.source !== 'pack') usePolicy('platformReportWorkingDays', s.id);
  if (live) usePolicy('sanctionPeriodAutoLift', s.id);
}

/** A sanction's period the deciding body has yet to fix, and the options the record's time effects rest on. */
function periodNotes(step: Composition, r: DayRecord): void {
  const { day, usePolicy, notes } = step;
  const ctx = day.ctx;
  const s = r.state;
  const period = r.sanctionLive && s.sanctionPeriod !== null ? s.sanctionPeriod : null;
  if (period && (period.determination === 'to-be-fixed' || period.determination === 'assumed-sum' || period.determination === 'assumed-one')) {
    usePolicy('combinedSanctionPeriods', s.id);
    const group = [s.id, ...period.combinedWith].sort();
    if (period.determination === 'to-be-fixed' && period.latestLastDay && period.latestLastDay >= day.on && group[0] === s.id) {
      const n = note('period-to-be-fixed', { group, clause: period.basis.clause, lastDay: period.lastDay, latestLastDay: period.latestLastDay }, group);
      notes.push({ code: n.code, records: group, value: { certainLastDay: period.lastDay, latestLastDay: period.latestLastDay }, message: n.message });
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
}

/** An investigation closed with a sanction: the hand-over from its bars to the sanction's own. */
function investigationNotes(step: Composition, r: DayRecord): void {
  const { day, usePolicy, notes } = step;
  const ctx = day.ctx;
  const s = r.state;
  const inv = s.investigation;
  if (!(inv && inv.closedOn !== null && inv.outcome !== 'no-sanction' && inv.outcome !== null && !s.voided)) return;
  usePolicy('investigationHandover', s.id);
  const named = inv.sanctionRecord;
  const found = named !== null && ctx.prepared.records.get(named)?.kind === 'disciplinary-sanction';
  const facts = { record: s.id, closedOn: inv.closedOn, outcome: inv.outcome, barsUntil: inv.barsUntil, named, found };
  notes.push(note('investigation-handover', facts, named && found ? [s.id, named] : [s.id]));
  if (ctx.annual && inv.ungradedYears.length === 0) notes.push(note('investigation-ungraded-years-unknown', { record: s.id }, [s.id]));
}

/** A record kind the document lists for other subjects only, or one it does not list (policy unlistedRecordKinds). */
function recordKindNotes(step: Composition, r: DayRecord): void {
  const { day, usePolicy, notes } = step;
  const ctx = day.ctx;
  const s = r.state;
  const onlyFor = ctx.integrityKindsOnly[s.kind];
  if (onlyFor && !onlyFor.includes(ctx.subject.kind)) {
    const facts = { record: s.id, kind: s.kind, onlyFor, clauses: ctx.pack.recordKinds.clauses, subject: ctx.subject.kind };
    notes.push(note('record-kind-not-for-subject', facts, [s.id]));
  } else if (r.counted && ctx.integrityKinds.size > 0 && !ctx.integrityKinds.has(s.kind) && !NOT_INTEGRITY_RECORD_KINDS.includes(s.kind)) {
    usePolicy('unlistedRecordKinds', s.id);
  }
}

/** Step 5: mitigation, for every record with a mitigable reason, and any other counted record with mitigation data. */
function mitigationsOf(step: Composition, fr: readonly FiredReason[], memo: Map<number, MitigationFinding>): MitigationStatus[] {
  const { day, usePolicy } = step;
  const mitigation: MitigationStatus[] = [];
  const seen = new Set<number>();
  for (const f of fr) if (f.mitigation && !seen.has(f.candidate.record)) {
    seen.add(f.candidate.record);
    mitigation.push(ownMitigation(f.mitigation.status));
  }
  day.records.forEach((r, i) => {
    if (seen.has(i) || !r.counted) return;
    if (r.state.mitigationDecisions.length || r.state.selfCorrections.length) {
      const f = mitigationOf(day, i, memo);
      if (f.scopeAssumed || f.status.status === 'measures-unnamed') usePolicy('mitigationScope', r.state.id);
      mitigation.push(ownMitigation(f.status));
    }
  });
  return mitigation;
}

/** Step 6: data gaps and the law's reach: a missing credit file, subjects and organs the statutes do not reach, a pack out of force. */
function reachNotes(step: Composition, reasons: readonly Reason[]): void {
  const { day, notes } = step;
  const ctx = day.ctx;
  const subj = ctx.subject;
  const chain = chainFacts(ctx.resolved);
  if (subj.kind === 'civil-servant' && !day.subject.hasCreditFile && chain.missingCreditFile) {
    notes.push({ code: 'missing-credit-file', message: { ...chain.missingCreditFile } });
  }
  const national = chain.national;
  if (subj.kind === 'public-institution-staff' && !day.subject.coveredByCivilServantLaw && national && SANCTION_ACTIONS.has(ctx.query.action)) {
    notes.push(note('national-rules-not-reached', { role: (day.subject.publicServiceRole ?? undefined) as PublicServiceRole | undefined }));
  }
  // 行政机关公务员处分条例 reaches administrative organs only (law/行政机关公务员处分条例.json).
  if (subj.kind === 'civil-servant' && subj.organ === undefined && reasons.some((r) => r.clauses.some((c) => c.clause.startsWith(REG07_FACTS.clausePrefix)))) {
    notes.push(note('organ-assumed', undefined));
  }
  // 公务员法 (2005) 第五十八条 had the same bar for sanctions before 公务员法 (2018) took effect, but its text
  // is not verified here: a civil servant outside an administrative organ gets no national bar for them, and is told so.
  if (
    subj.kind === 'civil-servant' &&
    subj.organ === 'other' &&
    national &&
    (ctx.query.action === 'promotion' || ctx.query.action === 'salary-step') &&
    day.records.some((r) => r.sanctionLive && r.state.sanctionPeriod && r.state.decisionEffectiveOn < CSL_IN_FORCE && (r.state.sanctionUntil === null || r.state.sanctionUntil > day.on))
  ) {
    notes.push(note('unverified-law-gap', undefined));
  }
  const p = ctx.pack;
  if (day.on < p.validFrom || (p.validUntil !== undefined && day.on > p.validUntil)) {
    notes.push(note('pack-not-in-force', { pack: p.id, validFrom: p.validFrom, validUntil: p.validUntil, on: day.on }));
  }
}
