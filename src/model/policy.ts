import * as z from 'zod';
import { deepFreeze } from '../_lib/plain.js';
import type { LocalizedText } from './errors.js';
import { GBF_2025_22_FACTS, PSL_FACTS, REG07_FACTS } from './statutes.js';
import { LABELS, RULE_VERDICTS, VERDICT_SEVERITY, VERDICTS, type RuleVerdict, type Severity } from './vocabulary.js';
import { ACCEPTED, refinedBy, type Refusal } from './_internal/refine.js';

const Lowerable = z.enum(VERDICTS);

/**
 * Every choice the documents leave open, as a named option with a default. A decision notes
 * each option it relied on and where the value came from (library default, pack, or query).
 */
const PolicyShape = z.strictObject({
  /** Annual review of year Y: does a record count if in effect on any day of Y, or only on the assessment date (asOf)? */
  annualReviewWindow: z.enum(['any-day-of-year', 'assessment-date']),
  /** Does a record under a pending objection still count? */
  pendingObjection: z.enum(['counts', 'suspends']),
  /** What 从轻 (`lighter`) lowers each verdict to. Must not raise any verdict. */
  lighterLowersTo: z.strictObject({
    /** What a barred (不得) reason becomes when the authority decides 从轻. */
    barred: Lowerable,
    /** What a restricted (限制) reason becomes. */
    restricted: Lowerable,
    /** What a review (纳为考量因素) reason becomes. */
    review: Lowerable,
  }),
  /**
   * How long a record keeps its effect where no rule fixes it: null ("until revoked, repaired or
   * lifted"), months from decidedOn, or by the record's `severity` following the publicity periods of
   * 国办发〔2025〕22号 (`'by-severity'` = 轻微 3, 一般 12, 严重 36 months, their maxima; or an object
   * with months per class within those ranges). Never shortens a statutory consequence.
   */
  recordLifetimeMonths: z
    .union([
      z.number().int().min(1).max(1200),
      z.literal('by-severity'),
      z.strictObject({
        /** Months for a minor (轻微) record: at most 3. */
        minor: z.number().int().min(1).max(3),
        /** Months for a general (一般) record: 3 to 12. */
        general: z.number().int().min(3).max(12),
        /** Months for a serious (严重) record: 12 to 36. */
        serious: z.number().int().min(12).max(36),
      }),
    ])
    .nullable(),
  /** A rule does not reach a record whose failure occurred before the rule took effect (法不溯及既往). */
  nonRetroactive: z.boolean(),
  /** 处分期满自动解除 (公务员法 65, 政务处分法 26): a sanction's effect ends when its period ends, without an event. */
  sanctionPeriodAutoLift: z.boolean(),
  /** Records of kinds the pack's document does not name: ignored (default) or counted as 政务失信记录 too. */
  unlistedRecordKinds: z.enum(['ignore', 'count']),
  /** Objection reply deadline in working days where the pack fixes none (null: none is fixed). */
  objectionReplyWorkingDays: z.number().int().min(1).max(365).nullable(),
  /** Provincial-platform report deadline in working days where the pack fixes none. */
  platformReportWorkingDays: z.number().int().min(1).max(365).nullable(),
  /** An objection received on a non-working day: count from the next day, or from the first working day. */
  receiptOnNonWorkingDay: z.enum(['day-after-receipt', 'next-working-day']),
  /**
   * Several sanctions of one kind up to 撤职 taking effect together, when the record does not carry
   * the period the deciding body fixed (政务处分法 15; 行政机关公务员处分条例 10 before 2020-07-01: 在一个
   * 处分期以上、多个处分期之和以下, at most 48 months): `to-be-fixed` (the law's own answer: barred through
   * one period, `review` through the capped sum, noted), `sum-capped-48` (assume the longest), or
   * `longest` (assume one period, the longest of the kind).
   */
  combinedSanctionPeriods: z.enum(['to-be-fixed', 'sum-capped-48', 'longest']),
  /**
   * A record that does not say whether it was incurred 在履职过程中 (`inOfficialDuty` absent): treated as
   * from official duty (`in-duty`, default) or not (`not-in-duty`) by the rules that rest on the
   * documents' definition of 政务失信记录.
   */
  unknownDutyContext: z.enum(['in-duty', 'not-in-duty']),
  /**
   * A year with no official holiday schedule: refuse (`error`), count the days the
   * 全国年节及纪念日放假办法 fixes and weekends as days off (`statutory`), or count Mon–Fri
   * (`weekends-only`); both estimates flag the answer provisional. docs/calendar.md has their backtest.
   */
  unknownCalendarYears: z.enum(['error', 'statutory', 'weekends-only']),
  /**
   * A mitigation decision that does not name the measures (actions) it decides: applied to none of them
   * (`named-actions`, default: each 惩戒措施 is lightened or waived by the body that imposes it, TH-10) or to
   * every action (`all-actions`, the library's reading before issue 20). Noted in each decision relying on it.
   */
  mitigationScope: z.enum(['named-actions', 'all-actions']),
  /**
   * Annual reviews of 2021 on (the 2020 公务员考核规定, in force 2020-12-28, whose enacted text was not found):
   * `calendar-years` (default; the practice tables' reading: 记过 当年, 记大过、降级、撤职 当年及第二年 no grade;
   * 免职、降职、责令辞职 当年 no grade) or `sanction-period` (the 2007 试行 rule's structure: no grade during a
   * 记过 … 撤职 period, unaffected from the year it lifts). Both secondary; reviews of 2020 and before use the
   * 2007 rule. Noted in each decision that relied on it.
   */
  assessmentReading: z.enum(['calendar-years', 'sanction-period']),
  /**
   * A case closed with a warning or heavier sanction (investigation-closed): the investigation's bars
   * (政务处分法 52, 考核规定 28) end on the closing day and the sanction's own record takes over
   * (`at-closure`, default), or run on until the sanction named by `sanctionRecord` takes effect
   * (`until-sanction-decided`). The documents do not say how the two meet.
   */
  investigationHandover: z.enum(['at-closure', 'until-sanction-decided']),
});

/** 从轻 may lower a verdict or leave it, never raise it (monotonicity). */
function lighterRefusals(p: { lighterLowersTo?: Record<RuleVerdict, string> | undefined }): readonly Refusal[] {
  if (!p.lighterLowersTo) return ACCEPTED;
  let out: Refusal[] | null = null;
  for (const from of RULE_VERDICTS) {
    const to = p.lighterLowersTo[from] as keyof typeof VERDICT_SEVERITY;
    if (VERDICT_SEVERITY[to] > VERDICT_SEVERITY[from]) {
      (out ??= []).push({ path: ['lighterLowersTo', from], code: 'raises_verdict', zh: `“从轻”不能把 ${from} 提高为 ${to}`, en: `lighter cannot raise ${from} to ${to}` });
    }
  }
  return out ?? ACCEPTED;
}

export const PolicySchema = refinedBy(PolicyShape, lighterRefusals);
export type Policy = z.infer<typeof PolicyShape>;
export type PolicyKey = keyof Policy;

export const PolicyOverridesSchema = refinedBy(PolicyShape.partial(), lighterRefusals);
export type { PolicyOverrides } from './types.generated.js';

/**
 * Library defaults. Each is documented in README "Policy options" and noted when a decision uses it.
 * Every query's policy starts from it: frozen, so no caller can change it.
 */
export const DEFAULT_POLICY: Policy = /* @__PURE__ */ deepFreeze({
  annualReviewWindow: 'any-day-of-year',
  pendingObjection: 'counts',
  lighterLowersTo: { barred: 'restricted', restricted: 'review', review: 'review' },
  recordLifetimeMonths: null,
  nonRetroactive: true,
  sanctionPeriodAutoLift: true,
  unlistedRecordKinds: 'ignore',
  objectionReplyWorkingDays: null,
  platformReportWorkingDays: null,
  receiptOnNonWorkingDay: 'day-after-receipt',
  combinedSanctionPeriods: 'to-be-fixed',
  unknownCalendarYears: 'error',
  unknownDutyContext: 'in-duty',
  mitigationScope: 'named-actions',
  assessmentReading: 'calendar-years',
  investigationHandover: 'at-closure',
});

/** `recordLifetimeMonths: 'by-severity'`: the longest publicity period of each class (国办发〔2025〕22号 二). */
export const LIFETIME_BY_SEVERITY: Readonly<Record<Severity, number>> = GBF_2025_22_FACTS.parameters.longestPublicityMonths.value;

/**
 * Options that can lower what a statutory rule decides, with the law that leaves that choice
 * open. A pack or host may set these for national rules too; the decision's note cites the law.
 * Every other option is not applied to statutory consequences where it would lower them.
 */
export const LAW_LEAVES_OPEN: Partial<Record<PolicyKey, { clauses: string[]; message: LocalizedText }>> = /* @__PURE__ */ deepFreeze({
  assessmentReading: {
    clauses: ['AR-29-3', 'AR-29-4', 'AR07-25-2'],
    message: {
      'zh-CN': '2020 年公务员考核规定的正式文本未能核对，两种解读均为二手来源（公务员考核规定第二十九条）：由宿主按所在地实际执行的规定选择',
      en: 'the enacted text of the 2020 assessment rules could not be checked and both readings are secondary (公务员考核规定 29): the host chooses the one its jurisdiction applies',
    },
  },
  investigationHandover: {
    clauses: ['PSL-52-2', 'AR-28-2'],
    message: {
      'zh-CN': '政务处分法第五十二条以“立案调查期间”为限，公务员考核规定第二十八条以“结案”为界，均未规定结案至处分决定生效之间如何处理',
      en: '政务处分法 52 bars for the time the case is open and 考核规定 28 turns on its closing; neither says what holds between the closing and the sanction taking effect',
    },
  },
  combinedSanctionPeriods: {
    clauses: [PSL_FACTS.parameters.combinedPeriodClause.clause, REG07_FACTS.parameters.combinedPeriodClause.clause],
    message: {
      'zh-CN': '合并处分期由作出决定的机关在一个处分期以上、多个处分期之和以下确定，最长不超过四十八个月（政务处分法第十五条；行政机关公务员处分条例第十条）：法律把这一选择留给该机关',
      en: 'the combined period is fixed by the deciding body between one period and the sum, at most 48 months (政务处分法 15; 行政机关公务员处分条例 10): the law leaves this choice to that body',
    },
  },
});

/** Why each default is what it is, shown in notes and docs. */
export const POLICY_DOCS: Record<PolicyKey, LocalizedText> = /* @__PURE__ */ deepFreeze({
  annualReviewWindow: {
    'zh-CN': '“存在政务失信记录”按考核年度内任一日有效计（文件未明确）',
    en: '"has a record" is read as in effect on any day of the assessment year (the documents do not say)',
  },
  pendingObjection: {
    'zh-CN': '异议处理期间记录仍然有效（文件未明确；政务处分法 55、56 规定复审复核期间不停止执行）',
    en: 'a record under objection still counts (the documents do not say; 政务处分法 55/56: review does not suspend execution)',
  },
  lighterLowersTo: {
    'zh-CN': '有轻重之分的措施（限制、纳为考量因素）“从轻”降低一级：限制→纳为考量因素（文件未明确）；没有轻重之分的措施（不得、不能）只按作出决定的机关明确的从轻措施处理',
    en: '"lighter" lowers a graded measure one step: restricted → review (the documents do not say); a yes/no measure (barred) only to the lighter measure the deciding body names',
  },
  recordLifetimeMonths: {
    'zh-CN': '记录有效期：除处分期外，五份文件均未规定；默认记录没有有效期，在撤销、更正、修复或解除前一直有效（可按国办发〔2025〕22号公示期按严重程度设定）',
    en: 'record lifetime: apart from sanction periods none of the documents fixes one; by default the record has no lifetime and counts until revoked, corrected, repaired or lifted (lifetimes by severity per 国办发〔2025〕22号 are an option)',
  },
  nonRetroactive: {
    'zh-CN': '规则不溯及其生效前发生的失信行为',
    en: 'a rule does not reach failures that occurred before it took effect',
  },
  sanctionPeriodAutoLift: {
    'zh-CN': '处分期满自动解除（公务员法 65 以有悔改表现且未再违纪违法为条件，本库推定满足）',
    en: 'a sanction lifts when its period ends (公务员法 65 requires repentance and no new violation; assumed)',
  },
  unlistedRecordKinds: {
    'zh-CN': '本文件未列举的记录种类不计入（文件以“等”概括）',
    en: 'record kinds this document does not name are not counted (the documents end their lists with 等)',
  },
  objectionReplyWorkingDays: {
    'zh-CN': '本文件未规定异议答复期限，除非宿主政策另行设定',
    en: 'this document fixes no objection reply deadline unless host policy sets one',
  },
  platformReportWorkingDays: {
    'zh-CN': '本文件未规定报送省级信用平台的期限，除非宿主政策另行设定',
    en: 'this document fixes no deadline to report to the provincial platform unless host policy sets one',
  },
  receiptOnNonWorkingDay: {
    'zh-CN': '非工作日收到的异议自收到次日起算（民法典 201）',
    en: 'an objection received on a non-working day is counted from the next day (民法典 201)',
  },
  combinedSanctionPeriods: {
    'zh-CN': '多个撤职以下相同处分同时生效而记录未载明合并处分期的：确定不得至一个处分期届满，此后至各处分期之和（最长四十八个月）为待定期间，纳为考量因素（政务处分法 15）',
    en: 'several same-kind sanctions up to removal taking effect together, without the period the body fixed: barred through one period, then under review through the capped sum, the period being for the deciding body to fix (政务处分法 15)',
  },
  unknownDutyContext: {
    'zh-CN': '记录未注明是否在履职过程中产生的，按在履职过程中产生计（政务失信记录名单所载即履职中的失信；非履职中产生的记录可注明，不再计入）',
    en: 'a record that does not say whether it arose in official duty is treated as from official duty (records on a 政务失信 list are by definition; a record marked as not from official duty is left out)',
  },
  unknownCalendarYears: {
    'zh-CN': '没有官方节假日安排的年份不作推算，期限无法计算时予以说明（也可选择按《全国年节及纪念日放假办法》所定的节假日——适逢周末的在工作日补假——和周末暂算，或只按周一至周五暂算；暂算的期限标为暂定）',
    en: "a year without an official holiday schedule is not estimated: a deadline that needs it is reported as not computable (it can instead be counted with the days the 全国年节及纪念日放假办法 fixes, with a working day off for one on a weekend, and weekends, or with Monday–Friday only; estimated deadlines are flagged provisional)",
  },
  mitigationScope: {
    'zh-CN': '减免决定未列明所涉惩戒措施的，不适用于任何措施：每项惩戒措施由采取该措施的机关决定是否从轻或免于（TH-10“各级政府部门对该主体采取的惩戒措施”；文件未明确一项决定涵盖哪些措施）',
    en: 'a mitigation decision that does not name the measures it covers (actions) is applied to none: each measure is lightened or waived by the body that imposes it (TH-10; the documents do not say which measures one decision covers)',
  },
  assessmentReading: {
    'zh-CN': '2021 年及以后的年度考核按 2020 年公务员考核规定的实务解读（二手来源）：记过当年、记大过降级撤职当年及第二年不确定等次，免职降职责令辞职当年不确定等次；其正式文本未能核对',
    en: 'reviews of 2021 on follow the practice tables of the 2020 assessment rules (secondary): no grade in the year of a demerit, in that year and the next for a major demerit, demotion or removal, in the year of removal from post, demotion or an order to resign; the enacted text could not be checked',
  },
  investigationHandover: {
    'zh-CN': '以警告或更重处分结案的，立案调查期间的限制至结案之日止，此后依处分记录本身的规定（文件未明确二者如何衔接）',
    en: 'a case closed with a warning or heavier sanction: the investigation\'s bars end on the closing day and the sanction\'s own record governs from its decision (the documents do not say how the two meet)',
  },
});

/** What each option decides, in words a person reads (notes, the playground, CLI tables); the key is the host's. */
export const POLICY_LABELS: Record<PolicyKey, LocalizedText> = /* @__PURE__ */ deepFreeze({
  annualReviewWindow: { 'zh-CN': '年度考核中记录何时计入', en: 'when a record counts in an annual review' },
  pendingObjection: { 'zh-CN': '异议处理期间记录是否计入', en: 'whether a record under objection counts' },
  lighterLowersTo: { 'zh-CN': '“从轻”降到何种程度', en: 'how far "lighter" lowers a verdict' },
  recordLifetimeMonths: { 'zh-CN': '记录的有效期', en: 'how long a record has effect' },
  nonRetroactive: { 'zh-CN': '规则是否溯及生效前的行为', en: 'whether a rule reaches failures before it took effect' },
  sanctionPeriodAutoLift: { 'zh-CN': '处分期满是否自动解除', en: 'whether a sanction lifts when its period ends' },
  unlistedRecordKinds: { 'zh-CN': '文件未列举的记录种类', en: 'record kinds the document does not name' },
  objectionReplyWorkingDays: { 'zh-CN': '文件未规定时的异议答复期限', en: 'the objection reply deadline where the document fixes none' },
  platformReportWorkingDays: { 'zh-CN': '文件未规定时的报送省级信用平台期限', en: 'the platform report deadline where the document fixes none' },
  receiptOnNonWorkingDay: { 'zh-CN': '非工作日收到异议的起算', en: 'counting from an objection received on a non-working day' },
  combinedSanctionPeriods: { 'zh-CN': '未载明的合并处分期', en: 'a combined sanction period the record does not give' },
  unknownDutyContext: { 'zh-CN': '未注明是否履职中产生的记录', en: 'records that do not say whether they arose in official duty' },
  unknownCalendarYears: { 'zh-CN': '没有官方节假日安排的年份', en: 'years without an official holiday schedule' },
  mitigationScope: { 'zh-CN': '减免决定未列明所涉措施时的适用范围', en: 'what a mitigation decision covers when it names no measures' },
  assessmentReading: { 'zh-CN': '2021 年起年度考核不定等次年份的解读', en: 'which years a sanction leaves ungraded in reviews from 2021' },
  investigationHandover: { 'zh-CN': '立案调查结案后与处分的衔接', en: 'how an investigation hands over to the sanction it led to' },
});

/**
 * An option's value in words, for a value other than the default (whose words are POLICY_DOCS):
 * what the library does with it. A value the option does not know is shown as it is.
 */
export function policyValueText(key: PolicyKey, value: unknown): LocalizedText {
  const T = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
  switch (key) {
    case 'annualReviewWindow':
      if (value === 'assessment-date') return T('记录仅在考核日（查询日）有效时计入年度考核', 'a record counts in an annual review only if in effect on the assessment date (the day asked)');
      break;
    case 'pendingObjection':
      if (value === 'suspends') return T('异议处理期间记录暂不计入', 'a record under objection does not count meanwhile');
      break;
    case 'lighterLowersTo':
      if (value && typeof value === 'object') {
        const v = value as Record<string, string>;
        const words = LABELS.verdict as Record<string, LocalizedText>;
        const step = (l: 'zh-CN' | 'en') => RULE_VERDICTS.map((from) => `${words[from]![l]} → ${words[v[from]!]?.[l] ?? String(v[from])}`).join(l === 'zh-CN' ? '，' : ', ');
        return T(`“从轻”：${step('zh-CN')}`, `"lighter": ${step('en')}`);
      }
      break;
    case 'recordLifetimeMonths':
      if (typeof value === 'number') return T(`记录自认定之日起 ${value} 个月内有效`, `a record has effect for ${value} months from its decision`);
      if (value === 'by-severity') {
        const m = LIFETIME_BY_SEVERITY;
        return T(`记录按严重程度确定有效期：轻微 ${m.minor} 个月，一般 ${m.general} 个月，严重 ${m.serious} 个月（国办发〔2025〕22号）`, `a record has effect by its severity: minor ${m.minor}, general ${m.general}, serious ${m.serious} months (国办发〔2025〕22号)`);
      }
      if (value && typeof value === 'object') {
        const m = value as Record<string, number>;
        return T(`记录按严重程度确定有效期：轻微 ${m.minor} 个月，一般 ${m.general} 个月，严重 ${m.serious} 个月`, `a record has effect by its severity: minor ${m.minor}, general ${m.general}, serious ${m.serious} months`);
      }
      break;
    case 'nonRetroactive':
      if (value === false) return T('规则也适用于其生效前发生的失信行为', 'a rule also reaches failures that occurred before it took effect');
      break;
    case 'sanctionPeriodAutoLift':
      if (value === false) return T('处分期满后须有处分解除事件才解除', 'a sanction lifts only with a recorded lifting after its period');
      break;
    case 'unlistedRecordKinds':
      if (value === 'count') return T('本文件未列举的记录种类也计入', 'record kinds this document does not name count too');
      break;
    case 'objectionReplyWorkingDays':
      if (typeof value === 'number') return T(`异议答复期限按本单位设定：${value} 个工作日`, `objection replies are due in ${value} working days (host policy)`);
      break;
    case 'platformReportWorkingDays':
      if (typeof value === 'number') return T(`报送省级信用平台期限按本单位设定：${value} 个工作日`, `reports to the provincial platform are due in ${value} working days (host policy)`);
      break;
    case 'receiptOnNonWorkingDay':
      if (value === 'next-working-day') return T('非工作日收到的异议自下一个工作日起算', 'an objection received on a non-working day is counted from the next working day');
      break;
    case 'combinedSanctionPeriods':
      if (value === 'sum-capped-48') return T('未载明合并处分期的，按各处分期之和（最长四十八个月）计', 'without the period the body fixed, the sum of the periods is assumed (at most 48 months)');
      if (value === 'longest') return T('未载明合并处分期的，按其中最长的一个处分期计', 'without the period the body fixed, the longest single period is assumed');
      break;
    case 'unknownDutyContext':
      if (value === 'not-in-duty') return T('记录未注明是否在履职过程中产生的，按非履职中产生计', 'a record that does not say whether it arose in official duty is treated as not from official duty');
      break;
    case 'mitigationScope':
      if (value === 'all-actions') return T('减免决定未列明所涉措施的，适用于该记录涉及的全部措施', 'a mitigation decision that names no measures covers every measure the record brings');
      break;
    case 'assessmentReading':
      if (value === 'sanction-period') return T('2021 年起的年度考核也按处分期判断不定等次的年份（不按二手来源的实务解读）', 'reviews from 2021 on also take the ungraded years from the sanction period (not from the practice tables of secondary sources)');
      break;
    case 'investigationHandover':
      if (value === 'until-sanction-decided') return T('以处分结案的，立案调查期间的限制延续至所作处分生效之日', 'a case closed with a sanction: the investigation\'s bars run on until that sanction takes effect');
      break;
    case 'unknownCalendarYears':
      if (value === 'statutory') return T('没有官方节假日安排的年份按《全国年节及纪念日放假办法》所定节假日和周末推算，结果标为暂定', 'a year without an official holiday schedule is counted with the holidays the 全国年节及纪念日放假办法 fixes and weekends, flagged provisional');
      if (value === 'weekends-only') return T('没有官方节假日安排的年份按周一至周五为工作日推算，结果标为暂定', 'a year without an official holiday schedule is counted Monday to Friday, flagged provisional');
      break;
  }
  const shown = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  return T(`取值 ${shown}`, `value ${shown}`);
}
