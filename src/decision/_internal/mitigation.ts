import type { MitigationDecision, RecordState } from '../../lifecycle/internal.js';
import type { MitigationStatus } from '../../model/decision.js';
import type { LocalizedText } from '../../model/errors.js';
import type { Pack, Rule } from '../../model/pack.js';
import type { Policy } from '../../model/policy.js';
import { LABELS, VERDICT_SEVERITY, type Action, type LighterMeasure, type MitigationOutcome, type SubjectKind, type Verdict } from '../../model/vocabulary.js';

export type { MitigationFinding } from '../../model/facts.js';
import type { MitigationFinding } from '../../model/facts.js';

/**
 * The decision that speaks to `action`: one naming it, or (policy mitigationScope `all-actions`) one naming
 * none. Each 惩戒措施 is lightened or waived by the body that imposes it (TH-10), so by default a decision
 * naming no measures applies to none.
 */
function decisionFor(decisions: readonly MitigationDecision[], action: Action, policy: Policy): { decision: MitigationDecision | null; unnamed: MitigationDecision | null; other: MitigationDecision | null } {
  let unnamed: MitigationDecision | null = null;
  let other: MitigationDecision | null = null;
  for (const d of decisions) {
    if (d.actions === null) {
      if (policy.mitigationScope === 'all-actions') return { decision: d, unnamed: d, other: null };
      unnamed = d;
    } else if (d.actions.includes(action)) return { decision: d, unnamed: null, other: null };
    else other ??= d;
  }
  return { decision: null, unnamed, other };
}

/**
 * The findings of a record under one action: memoised by the caller per record state and action (they
 * depend on the pack, the subject kind, the state, the action and the policy only).
 */
export function mitigationFinding(pack: Pack, subjectKind: SubjectKind, state: RecordState, occurredOn: string | undefined, action: Action, policy: Policy): MitigationFinding {
  const { decision, unnamed, other } = decisionFor(state.mitigationDecisions, action, policy);
  const status = mitigationStatus(pack, subjectKind, state, occurredOn, decision);
  const scopeAssumed = unnamed !== null;
  // A decision exists but not for this measure: say so where nothing else was decided.
  if (!decision && (status.status === 'none' || status.status === 'awaiting-decision') && (unnamed || other)) {
    const d = (unnamed ?? other)!;
    const act = LABELS.action[action];
    const m = unnamed
      ? {
          'zh-CN': `${d.by} 于 ${d.date} 作出的减免决定未列明所涉惩戒措施，依“减免决定未列明所涉措施时的适用范围”政策选项，不适用于“${act['zh-CN']}”：每项措施由采取该措施的机关决定（TH-10）；请在减免决定中录入所涉措施`,
          en: `${d.by}'s mitigation decision of ${d.date} names no measures, so under the policy option on what such a decision covers it is not applied to ${act.en}: each measure is decided by the body that imposes it (TH-10); enter the measures it covers with the decision`,
        }
      : {
          'zh-CN': `${d.by} 于 ${d.date} 作出的减免决定只涉及${d.actions!.map((a) => `“${LABELS.action[a]['zh-CN']}”`).join('、')}，不涉及“${act['zh-CN']}”：该措施的减免须由采取该措施的机关决定（TH-10）`,
          en: `${d.by}'s mitigation decision of ${d.date} covers ${d.actions!.map((a) => LABELS.action[a].en).join(', ')} only, not ${act.en}: that measure is for the body imposing it to lighten or waive (TH-10)`,
        };
    return {
      status: { record: status.record, permitted: status.permitted, clauses: status.clauses, status: unnamed ? 'measures-unnamed' : 'other-measures', applied: null, message: m },
      lighterTo: null,
      scopeAssumed,
    };
  }
  return { status, lighterTo: status.applied === 'lighter' ? (decision?.lighterTo ?? null) : null, scopeAssumed: scopeAssumed && decision !== null };
}

/**
 * What the pack's mitigation clause (可从轻或免于…) does for one record. General rule: nothing
 * changes. Exception: the authority's recorded decision applies, if the pack permits that outcome
 * for this kind of subject and a qualifying self-correction (at least one measure, after the
 * failure) came first.
 *
 * The failure precedes its determination, so a self-correction on or after `decidedOn` is
 * certainly after the failure; one before it is after the failure only if `occurredOn` says so.
 */
export function mitigationStatus(pack: Pack, subjectKind: SubjectKind, state: RecordState, occurredOn: string | undefined, decision: MitigationDecision | null): MitigationStatus {
  const m = pack.mitigation;
  const covered = m.subjects.includes(subjectKind);
  const permitted = covered ? [...m.permits] : [];
  const clauses = [...m.clauses];
  // Each status built field by field (record, permitted, clauses, status, applied, message): no spreads on the hot path.
  const make = (status: MitigationStatus['status'], applied: MitigationOutcome | null, message: LocalizedText): MitigationStatus => ({ record: state.id, permitted, clauses, status, applied, message });
  const cite = clauses.join('、') || pack.id;
  const kind = LABELS.subjectKind[subjectKind];
  if (m.permits.length === 0) {
    const text = packText(pack, 'none-permitted', () => m.reading ?? { 'zh-CN': `${cite}：本文件未规定从轻或免于`, en: `${cite}: this document permits no mitigation` });
    return make('not-permitted', null, { 'zh-CN': text['zh-CN'], en: text.en });
  }
  if (!covered) {
    const text = packText(pack, `not-covered|${subjectKind}`, () => {
      const who = m.subjects.map((s) => LABELS.subjectKind[s]);
      return {
        'zh-CN': `${cite} 的从轻、减免只适用于${who.map((w) => w['zh-CN']).join('、')}，不适用于${kind['zh-CN']}`,
        en: `${cite} permits mitigation for ${who.map((w) => w.en).join(', ')} only, not for a ${kind.en}`,
      };
    });
    return make('not-permitted', null, { 'zh-CN': text['zh-CN'], en: text.en });
  }
  const measured = state.selfCorrections.filter((sc) => sc.measures.length > 0 && (!decision || sc.date <= decision.date));
  const after = (date: string) => date >= state.effectiveFrom || (occurredOn !== undefined && date >= occurredOn);
  const qualifying = measured.find((sc) => after(sc.date));
  // Before the decision and with no failure day: whether it followed the failure is unknown.
  const undatedBefore = occurredOn === undefined ? measured.find((sc) => !after(sc.date)) : undefined;
  if (decision && !permitted.includes(decision.outcome)) {
    return make('decision-not-permitted', null, {
      'zh-CN': `${decision.by} 决定"${LABELS.mitigation[decision.outcome]['zh-CN']}"，但 ${cite} 不允许此结果，未予适用`,
      en: `${decision.by} decided "${decision.outcome}", which ${cite} does not permit; not applied`,
    });
  }
  if (!qualifying && undatedBefore) {
    return make('failure-date-unknown', null, {
      'zh-CN': `自我纠错（${undatedBefore.date}）早于记录认定日期 ${state.effectiveFrom}，而记录未载明失信行为发生日期，无法确认其在失信行为之后（${cite}）${decision ? '；减免决定暂未适用' : ''}`,
      en: `the self-correction (${undatedBefore.date}) is before the record was decided (${state.effectiveFrom}) and the record does not give the day of the failure, so it cannot be shown to follow the failure (${cite})${decision ? '; the mitigation decision is not applied' : ''}`,
    });
  }
  if (decision && !qualifying) {
    return make('not-qualifying', null, {
      'zh-CN': `减免决定未予适用：没有在失信行为发生后、减免决定前作出且列明措施的自我纠错（${cite}）`,
      en: `mitigation decision not applied: no self-correction naming a measure, after the failure and before the decision (${cite})`,
    });
  }
  if (decision && qualifying) {
    return make('applied', decision.outcome, {
      'zh-CN': `${decision.by} 于 ${decision.date} 决定${LABELS.mitigation[decision.outcome]['zh-CN']}（${cite}；自我纠错 ${qualifying.date}：${qualifying.measures.map((x) => LABELS.measure[x]['zh-CN']).join('、')}）`,
      en: `${decision.by} decided "${decision.outcome}" on ${decision.date} (${cite}; self-correction on ${qualifying.date}: ${qualifying.measures.map((x) => LABELS.measure[x].en).join(', ')})`,
    });
  }
  if (qualifying) {
    return make('awaiting-decision', null, {
      'zh-CN': `已有自我纠错（${qualifying.date}），${cite} 允许${permitted.map((p) => LABELS.mitigation[p]['zh-CN']).join('或')}，须由有权机关决定（“可”）`,
      en: `self-correction on ${qualifying.date}; ${cite} permits ${permitted.join(' or ')}, for the authority to decide ("may")`,
    });
  }
  const text = packText(pack, `none|${subjectKind}`, () => ({
    'zh-CN': `${cite} 允许在自我纠错后${permitted.map((p) => LABELS.mitigation[p]['zh-CN']).join('或')}；未记录自我纠错`,
    en: `${cite} permits ${permitted.join(' or ')} after self-correction; none recorded`,
  }));
  return make('none', null, { 'zh-CN': text['zh-CN'], en: text.en });
}

// Messages that depend on the pack and the subject kind only (no mitigation permitted, not covered,
// nothing recorded yet): written once per pack.
const packTexts = new WeakMap<Pack, Map<string, LocalizedText>>();
function packText(pack: Pack, key: string, make: () => LocalizedText): LocalizedText {
  let m = packTexts.get(pack);
  if (!m) packTexts.set(pack, (m = new Map()));
  let t = m.get(key);
  if (!t) m.set(key, (t = make()));
  return t;
}

/** Whether a rule's measure has degrees (从轻 can lower it by policy) or is yes/no (only a named lighter measure). */
export function measureOf(rule: Rule): 'yes-no' | 'graded' {
  return rule.measure ?? (rule.verdict === 'barred' ? 'yes-no' : 'graded');
}

/**
 * The verdict after applying a mitigation outcome: exempt removes the effect; lighter applies the lighter
 * measure the deciding body named (never raising), else lowers a graded measure per policy
 * lighterLowersTo, and leaves a yes/no measure as it is (the text gives it no lighter form).
 */
export function mitigatedVerdict(verdict: Verdict, applied: MitigationOutcome | null, policy: Policy, measure: 'yes-no' | 'graded' = 'graded', lighterTo: LighterMeasure | null = null): Verdict {
  if (!applied || verdict === 'clear') return verdict;
  if (applied === 'exempt') return 'clear';
  if (lighterTo !== null) return VERDICT_SEVERITY[lighterTo] < VERDICT_SEVERITY[verdict] ? lighterTo : verdict;
  if (measure === 'yes-no') return verdict;
  return policy.lighterLowersTo[verdict];
}
