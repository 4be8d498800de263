import { deepFreeze } from '../_lib/plain.js';
import type { LocalizedText } from './errors.js';

/** Who a record is about. 公务员 / 事业单位人员 are persons; 人民政府 / 部门 (incl. 功能区, 街镇) are bodies. */
export const SUBJECT_KINDS = /* @__PURE__ */ deepFreeze(['civil-servant', 'public-institution-staff', 'government', 'department'] as const);
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const PERSON_KINDS: readonly SubjectKind[] = /* @__PURE__ */ deepFreeze(['civil-servant', 'public-institution-staff']);
export const BODY_KINDS: readonly SubjectKind[] = /* @__PURE__ */ deepFreeze(['government', 'department']);

/** 政务失信记录 kinds named by the five documents and national law. */
export const RECORD_KINDS = /* @__PURE__ */ deepFreeze([
  'judicial-judgment',
  'administrative-penalty',
  'disciplinary-sanction',
  'accountability',
  'broken-commitment',
  'online-approval-substandard',
  'unfulfilled-court-judgment',
  'judgment-defaulter',
  'arrears',
  'rectification-overdue',
  'under-investigation',
  'admonishment',
  'organisational-handling',
  'criminal-penalty',
  'party-expulsion',
] as const);
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * Record kinds that are not 政务失信记录 of the five documents but carry national consequences of
 * their own: 诫勉 and 组织处理 (公务员考核规定 第二十九条, secondary), 因犯罪受过刑事处罚 and 被开除党籍
 * (公务员法 第二十六条). No local pack lists them; `unlistedRecordKinds: 'count'` does not count them.
 */
export const PERSONAL_STATUS_RECORD_KINDS: readonly RecordKind[] = /* @__PURE__ */ deepFreeze(['admonishment', 'organisational-handling', 'criminal-penalty', 'party-expulsion']);

/** 失信信息 severity classes (国办发〔2025〕22号 二: 轻微、一般、严重). */
export const SEVERITIES = /* @__PURE__ */ deepFreeze(['minor', 'general', 'serious'] as const);
export type Severity = (typeof SEVERITIES)[number];

/**
 * 政务处分法 第二十条 reaches two groups of persons who are not civil servants: managers in public
 * education, research, culture, health, sports and similar institutions (公办的…单位中从事管理的人员),
 * and staff performing public duties in organisations authorised or entrusted to manage public
 * affairs (法律、法规授权或者受国家机关依法委托管理公共事务的组织中从事公务的人员).
 */
export const PUBLIC_SERVICE_ROLES = /* @__PURE__ */ deepFreeze(['institution-manager', 'authorised-organisation'] as const);
export type PublicServiceRole = (typeof PUBLIC_SERVICE_ROLES)[number];

/** Where a civil servant serves: 行政机关 (a people's government or its departments) or another organ (党委、人大、政协、法院、检察院…). */
export const ORGANS = /* @__PURE__ */ deepFreeze(['administrative', 'other'] as const);
export type Organ = (typeof ORGANS)[number];

/** 政务处分 / 处分 kinds (政务处分法 7, 公务员法 62), mildest first. */
export const SANCTIONS = /* @__PURE__ */ deepFreeze(['warning', 'demerit', 'major-demerit', 'demotion', 'removal', 'expulsion'] as const);
export type Sanction = (typeof SANCTIONS)[number];

/** What a host asks about. */
export const ACTIONS = /* @__PURE__ */ deepFreeze([
  'excellent-rating',
  'annual-rating',
  'promotion',
  'salary-step',
  'appointment',
  'awards',
  'honour-selection',
  'recruitment',
] as const);
export type Action = (typeof ACTIONS)[number];

/** Actions answered for an assessment year rather than a single day. */
export const ANNUAL_REVIEW_ACTIONS: readonly Action[] = /* @__PURE__ */ deepFreeze(['excellent-rating', 'annual-rating']);

/** Most severe first. */
export const VERDICTS = /* @__PURE__ */ deepFreeze(['barred', 'restricted', 'review', 'clear'] as const);
export type Verdict = (typeof VERDICTS)[number];

/** Severity rank: clear 0 < review 1 < restricted 2 < barred 3. */
export const VERDICT_SEVERITY: Record<Verdict, number> = /* @__PURE__ */ deepFreeze({ clear: 0, review: 1, restricted: 2, barred: 3 });

export function moreSevere(a: Verdict, b: Verdict): Verdict {
  return VERDICT_SEVERITY[a] >= VERDICT_SEVERITY[b] ? a : b;
}

/** Self-correction measures that qualify (主动挽回损失 / 消除不良影响 / 有效阻止危害结果发生). */
export const SELF_CORRECTION_MEASURES = /* @__PURE__ */ deepFreeze(['recovered-losses', 'eliminated-adverse-effects', 'prevented-harm'] as const);
export type SelfCorrectionMeasure = (typeof SELF_CORRECTION_MEASURES)[number];

/** What an authority may decide on mitigation: 从轻 (lighter) or 免于/减免 (exempt). */
export const MITIGATION_OUTCOMES = /* @__PURE__ */ deepFreeze(['lighter', 'exempt'] as const);
export type MitigationOutcome = (typeof MITIGATION_OUTCOMES)[number];

/** Duties of a body with a record. */
export const OBLIGATION_KINDS = /* @__PURE__ */ deepFreeze([
  'written-explanation',
  'rectification',
  'public-criticism',
  'accountability',
  'credit-check',
  'report-to-platform',
  'failure-report',
] as const);
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export const HONOUR_LEVELS = /* @__PURE__ */ deepFreeze(['national', 'provincial', 'municipal', 'county', 'other'] as const);
export type HonourLevel = (typeof HONOUR_LEVELS)[number];

export const OBJECTION_CHANNELS = /* @__PURE__ */ deepFreeze(['determining-department', 'credit-platform'] as const);
export type ObjectionChannel = (typeof OBJECTION_CHANNELS)[number];

export const OBJECTION_OUTCOMES = /* @__PURE__ */ deepFreeze(['upheld', 'corrected', 'revoked'] as const);

/** What a recording authority may do with its own wrong record (TH-10: 更正或撤销). */
export const CREDIT_CORRECTION_OUTCOMES = /* @__PURE__ */ deepFreeze(['corrected', 'revoked'] as const);
export type CreditCorrectionOutcome = (typeof CREDIT_CORRECTION_OUTCOMES)[number];
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

/**
 * How a case under investigation (立案审查调查) ended (结案): no sanction (不予/免予处分), a 警告, or a heavier
 * sanction (记过 … 开除). 公务员考核规定 28 (as reproduced in practice tables): 结案后，不予（免予）处分或者给予
 * 警告处分的，补定等次 — a heavier sanction leaves the year ungraded.
 */
export const INVESTIGATION_OUTCOMES = /* @__PURE__ */ deepFreeze(['no-sanction', 'warning', 'sanctioned'] as const);
export type InvestigationOutcome = (typeof INVESTIGATION_OUTCOMES)[number];

/**
 * What a 组织处理 (organisational handling) record did, where the host knows it: 调整职务 (post adjusted),
 * 责令辞职 (ordered to resign), 免职 (removed from post), 降职 (demoted). Practice tables of the 2020
 * 公务员考核规定 (secondary): 调整职务 当年不得确定为优秀；责令辞职、免职、降职 当年只写评语、不确定等次.
 */
export const ORGANISATIONAL_MEASURES = /* @__PURE__ */ deepFreeze(['post-adjusted', 'ordered-to-resign', 'removed-from-post', 'demoted'] as const);
export type OrganisationalMeasure = (typeof ORGANISATIONAL_MEASURES)[number];

/** What a 从轻 decision names as the lighter measure, as a verdict on the actions it decides (never heavier than the rule's own). */
export const LIGHTER_MEASURES = /* @__PURE__ */ deepFreeze(['restricted', 'review', 'clear'] as const);
export type LighterMeasure = (typeof LIGHTER_MEASURES)[number];

// Shared by every decision and explanation: frozen, so no caller can change it. Pure, so a bundle
// that does not use the labels (the calendar entry) leaves them out.
export const LABELS = /* @__PURE__ */ deepFreeze({
  subjectKind: {
    'civil-servant': { 'zh-CN': '公务员', en: 'civil servant' },
    'public-institution-staff': { 'zh-CN': '事业单位人员', en: 'public-institution staff' },
    government: { 'zh-CN': '人民政府', en: 'government' },
    department: { 'zh-CN': '政府部门', en: 'department' },
  },
  recordKind: {
    'judicial-judgment': { 'zh-CN': '司法判决', en: 'judicial judgment' },
    'administrative-penalty': { 'zh-CN': '行政处罚', en: 'administrative penalty' },
    'disciplinary-sanction': { 'zh-CN': '纪律处分', en: 'disciplinary sanction' },
    accountability: { 'zh-CN': '问责处理', en: 'accountability measure' },
    'broken-commitment': { 'zh-CN': '未守信践诺', en: 'broken commitment' },
    'online-approval-substandard': { 'zh-CN': '行政审批事项网上全流程办理未达标', en: 'online approval below standard' },
    'unfulfilled-court-judgment': { 'zh-CN': '不履行人民法院生效裁决', en: 'unfulfilled effective court judgment' },
    'judgment-defaulter': { 'zh-CN': '失信被执行人', en: 'listed judgment defaulter' },
    arrears: { 'zh-CN': '拖欠工程款和农民工工资', en: 'arrears to contractors and migrant workers' },
    'rectification-overdue': { 'zh-CN': '未按时完成整改', en: 'rectification overdue' },
    'under-investigation': { 'zh-CN': '立案审查调查尚未结案', en: 'under investigation, case not closed' },
    admonishment: { 'zh-CN': '诫勉', en: 'admonishment' },
    'organisational-handling': { 'zh-CN': '组织处理', en: 'organisational handling' },
    'criminal-penalty': { 'zh-CN': '因犯罪受过刑事处罚', en: 'criminal penalty' },
    'party-expulsion': { 'zh-CN': '被开除中国共产党党籍', en: 'expelled from the Communist Party of China' },
  },
  severity: {
    minor: { 'zh-CN': '轻微', en: 'minor' },
    general: { 'zh-CN': '一般', en: 'general' },
    serious: { 'zh-CN': '严重', en: 'serious' },
  },
  publicServiceRole: {
    'institution-manager': { 'zh-CN': '公办事业单位中从事管理的人员', en: 'manager in a public institution' },
    'authorised-organisation': { 'zh-CN': '授权或受委托管理公共事务的组织中从事公务的人员', en: 'public-duty staff of an authorised organisation' },
  },
  sanction: {
    warning: { 'zh-CN': '警告', en: 'warning' },
    demerit: { 'zh-CN': '记过', en: 'demerit' },
    'major-demerit': { 'zh-CN': '记大过', en: 'major demerit' },
    demotion: { 'zh-CN': '降级', en: 'demotion' },
    removal: { 'zh-CN': '撤职', en: 'removal from post' },
    expulsion: { 'zh-CN': '开除', en: 'expulsion' },
  },
  action: {
    'excellent-rating': { 'zh-CN': '年度考核优秀等次', en: 'excellent annual rating' },
    'annual-rating': { 'zh-CN': '确定年度考核等次', en: 'annual rating grade' },
    promotion: { 'zh-CN': '晋升（职务、职级、级别）/提拔', en: 'promotion' },
    'salary-step': { 'zh-CN': '晋升工资档次', en: 'salary step' },
    appointment: { 'zh-CN': '任用', en: 'appointment' },
    awards: { 'zh-CN': '评优评先、推选推荐', en: 'awards and nominations' },
    'honour-selection': { 'zh-CN': '荣誉评选', en: 'honour selection' },
    recruitment: { 'zh-CN': '录用', en: 'recruitment' },
  },
  verdict: {
    barred: { 'zh-CN': '不得', en: 'barred' },
    restricted: { 'zh-CN': '限制', en: 'restricted' },
    review: { 'zh-CN': '纳为考量因素', en: 'review' },
    clear: { 'zh-CN': '无限制', en: 'clear' },
  },
  obligation: {
    'written-explanation': { 'zh-CN': '书面说明失信情况及原因', en: 'written explanation' },
    rectification: { 'zh-CN': '限期整改', en: 'rectification by a deadline' },
    'public-criticism': { 'zh-CN': '公开通报批评', en: 'public criticism' },
    accountability: { 'zh-CN': '追究主要负责人责任', en: 'accountability of the principal responsible person' },
    'credit-check': { 'zh-CN': '查询信用记录和信用档案', en: 'check the credit record and file' },
    'report-to-platform': { 'zh-CN': '报送信用信息平台', en: 'report to the credit platform' },
    'failure-report': { 'zh-CN': '失信情况报告', en: 'report on the failure' },
  },
  mitigation: {
    lighter: { 'zh-CN': '从轻', en: 'lighter' },
    exempt: { 'zh-CN': '免于（减免）', en: 'exempt' },
  },
  organisationalMeasure: {
    'post-adjusted': { 'zh-CN': '调整职务', en: 'post adjusted' },
    'ordered-to-resign': { 'zh-CN': '责令辞职', en: 'ordered to resign' },
    'removed-from-post': { 'zh-CN': '免职', en: 'removed from post' },
    demoted: { 'zh-CN': '降职', en: 'demoted' },
  },
  investigationOutcome: {
    'no-sanction': { 'zh-CN': '不予（免予）处分', en: 'no sanction' },
    warning: { 'zh-CN': '给予警告处分', en: 'a warning' },
    sanctioned: { 'zh-CN': '给予记过以上处分', en: 'a demerit or heavier sanction' },
  },
  measure: {
    'recovered-losses': { 'zh-CN': '主动挽回损失', en: 'recovered the losses' },
    'eliminated-adverse-effects': { 'zh-CN': '消除不良影响', en: 'eliminated the adverse effects' },
    'prevented-harm': { 'zh-CN': '有效阻止危害结果发生', en: 'prevented the harm' },
  },
} satisfies Record<string, Record<string, LocalizedText>>);
