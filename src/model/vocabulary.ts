import { deepFreeze } from '../_lib/plain.js';
import { InvalidInputError, type LocalizedText } from './errors.js';

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

/**
 * Kinds no document lists as 政务失信记录 and policy `unlistedRecordKinds: 'count'` does not count
 * either: an open investigation (立案审查调查, a status, not a failure) and the personal-status kinds.
 */
export const NOT_INTEGRITY_RECORD_KINDS: readonly RecordKind[] = /* @__PURE__ */ deepFreeze(['under-investigation', ...PERSONAL_STATUS_RECORD_KINDS]);

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
/** What a rule may decide: every verdict but `clear`, which is the absence of a reason (VERDICTS lists it last). */
export const RULE_VERDICTS = /* @__PURE__ */ VERDICTS.slice(0, -1) as unknown as Readonly<AllButLast<typeof VERDICTS>>;
export type RuleVerdict = (typeof RULE_VERDICTS)[number];
type AllButLast<T extends readonly unknown[]> = T extends readonly [...infer Init, unknown] ? Init : never;

/** Severity rank: clear 0 < review 1 < restricted 2 < barred 3. */
export const VERDICT_SEVERITY: Record<Verdict, number> = /* @__PURE__ */ deepFreeze({ clear: 0, review: 1, restricted: 2, barred: 3 });

/**
 * The more severe of two verdicts (barred > restricted > review > clear); `a` when they are equal.
 * @throws InvalidInputError (`invalid_value`, path `[0]` or `[1]`) for anything that is not a verdict.
 * @example
 * moreSevere('review', 'barred'); // 'barred'
 */
export function moreSevere(a: Verdict, b: Verdict): Verdict {
  const sa = severityOf(a, 0);
  const sb = severityOf(b, 1);
  return sa >= sb ? a : b;
}

function severityOf(v: unknown, at: number): number {
  if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(VERDICT_SEVERITY, v)) return VERDICT_SEVERITY[v as Verdict];
  const shown = typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : v === null ? 'null' : typeof v;
  throw new InvalidInputError([
    { path: [at], code: 'invalid_value', message: { 'zh-CN': `应为结论 ${VERDICTS.join('、')} 之一，收到 ${shown}`, en: `expected a verdict (${VERDICTS.join(', ')}), received ${shown}` } },
  ]);
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

// --- What a decision, a pack and the calendar say: closed sets of the output ------------------------

/**
 * Lifecycle event types (`records[].events[].type`), in the order of the event schema (model/events.ts
 * checks at compile time that its union is exactly this list).
 */
export const LIFECYCLE_EVENT_TYPES = /* @__PURE__ */ deepFreeze([
  'objection-filed',
  'objection-replied',
  'record-corrected',
  'reported-to-provincial-platform',
  'mitigation-decided',
  'self-correction',
  'rectification-ordered',
  'rectification-completed',
  'repaired',
  'sanction-lifted',
  'sanction-revoked',
  'sanction-changed',
  'investigation-closed',
] as const);
export type LifecycleEventType = (typeof LIFECYCLE_EVENT_TYPES)[number];

/**
 * Events of the body that decided a 处分 (解除、撤销、变更): they act on the sanction, which a correction or
 * revocation of the credit record leaves standing. The table of which event may follow which
 * (model/eventOrder.ts), which the event-log validator and the generators run, reads this one list.
 */
export const SANCTION_EVENT_TYPES: readonly LifecycleEventType[] = /* @__PURE__ */ deepFreeze(['sanction-lifted', 'sanction-changed', 'sanction-revoked']);

/**
 * What may still follow a final event (a credit record corrected or revoked, a sanction revoked): the
 * report of the correction to the provincial platform (TH-10). Anything else after it is refused
 * (model/eventOrder.ts).
 */
export const EVENTS_AFTER_FINAL: readonly LifecycleEventType[] = /* @__PURE__ */ deepFreeze(['reported-to-provincial-platform']);

/** Why a record counts or not on a day (`decision.records[].status`). */
export const RECORD_STATUSES = /* @__PURE__ */ deepFreeze([
  'in-effect',
  'not-yet-decided',
  'revoked',
  'corrected',
  'sanction-revoked',
  'objection-pending',
  'outside-window',
  'repaired',
  'lifted',
  'period-ended',
  'expired',
  'investigation-closed',
] as const);
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** `decision.deadlines[].kind`: objection reply (TH-9), platform report (TH-10), rectification, sanction period. */
/** What the deadline functions compute (`Deadline.kind`): the record's time limits and the review and appeal steps. */
export const DEADLINE_FUNCTION_KINDS = /* @__PURE__ */ deepFreeze(['objection-reply', 'platform-report', 'rectification', 'review-application', 'appeal', 'review-decision', 'appeal-decision'] as const);
export type DeadlineFunctionKind = (typeof DEADLINE_FUNCTION_KINDS)[number];

export const RECORD_DEADLINE_KINDS = /* @__PURE__ */ deepFreeze(['objection-reply', 'platform-report', 'rectification', 'sanction-period'] as const);
export type RecordDeadlineKind = (typeof RECORD_DEADLINE_KINDS)[number];

/** `decision.deadlines[].state`. */
export const RECORD_DEADLINE_STATES = /* @__PURE__ */ deepFreeze(['pending', 'met', 'overdue', 'running', 'ended'] as const);
export type RecordDeadlineState = (typeof RECORD_DEADLINE_STATES)[number];

/** `decision.mitigation[].status`. */
export const MITIGATION_STATUSES = /* @__PURE__ */ deepFreeze([
  'applied',
  'awaiting-decision',
  'not-qualifying',
  'failure-date-unknown',
  'decision-not-permitted',
  'not-permitted',
  'none',
  'other-measures',
  'measures-unnamed',
] as const);
export type MitigationStatusKind = (typeof MITIGATION_STATUSES)[number];

/** What changed a timeline's verdict (`TimelineChange.causes[].kind`). */
export const TIMELINE_CAUSE_KINDS = /* @__PURE__ */ deepFreeze(['start', 'record-decided', 'record-derived', 'event', 'period-ended', 'record-expired', 'rule-in-force', 'rule-expired'] as const);
export type TimelineCauseKind = (typeof TIMELINE_CAUSE_KINDS)[number];

/** `clause.handledBy.kind`: where a clause no rule encodes is handled. */
export const HANDLED_BY_KINDS = /* @__PURE__ */ deepFreeze([
  'input-validation',
  'lifecycle',
  'calendar',
  'deadlines',
  'data-duty',
  'institutional-duty',
  'authority-decision',
  'vocabulary',
  'policy',
  'not-encoded',
] as const);
export type HandledByKind = (typeof HANDLED_BY_KINDS)[number];

/** How sure the library is of a clause's text (`verification`). */
export const VERIFICATIONS = /* @__PURE__ */ deepFreeze(['verified', 'paraphrase', 'secondary'] as const);
export type Verification = (typeof VERIFICATIONS)[number];

/** Where a policy option's value came from (`notes[].source`). */
export const NOTE_SOURCES = /* @__PURE__ */ deepFreeze(['library-default', 'pack', 'host', 'query'] as const);
export type NoteSource = (typeof NOTE_SOURCES)[number];

/** What a day is: an ordinary weekday, a weekend, a holiday (法定节假日 or regional), or a make-up working day (调休上班). */
export const DAY_KINDS = /* @__PURE__ */ deepFreeze(['workday', 'weekend', 'holiday', 'make-up-workday'] as const);
export type DayKind = (typeof DAY_KINDS)[number];

// --- Their words ----------------------------------------------------------------------------------
// Words a person reads in explanations, tables and the playground. One table per set, typed by the
// set, so an id added to a set without its words fails to compile; one table per export, so a bundle
// takes only the tables it uses.

// Shared by every decision and explanation: frozen, so no caller can change it. Pure, so a bundle
// that does not use the labels (the calendar entry) leaves them out. Each table is typed by its set:
// a value added to a set without its words fails to compile.
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
} satisfies {
  subjectKind: Record<SubjectKind, LocalizedText>;
  recordKind: Record<RecordKind, LocalizedText>;
  severity: Record<Severity, LocalizedText>;
  publicServiceRole: Record<PublicServiceRole, LocalizedText>;
  sanction: Record<Sanction, LocalizedText>;
  action: Record<Action, LocalizedText>;
  verdict: Record<Verdict, LocalizedText>;
  obligation: Record<ObligationKind, LocalizedText>;
  mitigation: Record<MitigationOutcome, LocalizedText>;
  organisationalMeasure: Record<OrganisationalMeasure, LocalizedText>;
  investigationOutcome: Record<InvestigationOutcome, LocalizedText>;
  measure: Record<SelfCorrectionMeasure, LocalizedText>;
});

/** Why a record counts or not (`decision.records[].status`). */
export const RECORD_STATUS_LABELS = /* @__PURE__ */ deepFreeze({
  'in-effect': { 'zh-CN': '有效', en: 'in effect' },
  'not-yet-decided': { 'zh-CN': '尚未认定', en: 'not yet decided' },
  revoked: { 'zh-CN': '已撤销', en: 'revoked' },
  corrected: { 'zh-CN': '已更正', en: 'corrected' },
  'sanction-revoked': { 'zh-CN': '处分已撤销', en: 'sanction revoked' },
  'objection-pending': { 'zh-CN': '异议处理中（不计入）', en: 'objection pending (not counted)' },
  'outside-window': { 'zh-CN': '不在考核期内', en: 'outside the review window' },
  repaired: { 'zh-CN': '已信用修复', en: 'repaired' },
  lifted: { 'zh-CN': '已解除', en: 'lifted' },
  'period-ended': { 'zh-CN': '处分期已届满', en: 'period ended' },
  expired: { 'zh-CN': '已过期', en: 'expired' },
  'investigation-closed': { 'zh-CN': '已结案', en: 'investigation closed' },
} satisfies Record<RecordStatus, LocalizedText>);

/** `decision.deadlines[].kind`. */
export const DEADLINE_KIND_LABELS = /* @__PURE__ */ deepFreeze({
  'objection-reply': { 'zh-CN': '异议答复', en: 'objection reply' },
  'platform-report': { 'zh-CN': '报送省级信用平台', en: 'report to the provincial platform' },
  rectification: { 'zh-CN': '整改', en: 'rectification' },
  'sanction-period': { 'zh-CN': '处分期', en: 'sanction period' },
} satisfies Record<RecordDeadlineKind, LocalizedText>);

/** `decision.deadlines[].state`. */
export const DEADLINE_STATE_LABELS = /* @__PURE__ */ deepFreeze({
  pending: { 'zh-CN': '未到期', en: 'pending' },
  met: { 'zh-CN': '已按期完成', en: 'met' },
  overdue: { 'zh-CN': '已逾期', en: 'overdue' },
  running: { 'zh-CN': '进行中', en: 'running' },
  ended: { 'zh-CN': '已届满', en: 'ended' },
} satisfies Record<RecordDeadlineState, LocalizedText>);

/** `decision.mitigation[].status`. */
export const MITIGATION_STATUS_LABELS = /* @__PURE__ */ deepFreeze({
  applied: { 'zh-CN': '已适用', en: 'applied' },
  'awaiting-decision': { 'zh-CN': '待有权机关决定', en: 'awaiting the authority\'s decision' },
  'not-qualifying': { 'zh-CN': '自我纠错不符合条件', en: 'self-correction does not qualify' },
  'failure-date-unknown': { 'zh-CN': '失信行为日期不明，无法判断纠错是否在其后', en: 'failure date unknown: cannot tell whether the self-correction came after it' },
  'decision-not-permitted': { 'zh-CN': '决定超出文件允许范围', en: 'decision not permitted by the document' },
  'not-permitted': { 'zh-CN': '文件不允许减免', en: 'not permitted by the document' },
  none: { 'zh-CN': '无', en: 'none' },
  'other-measures': { 'zh-CN': '减免决定涉及其他措施', en: 'decision covers other measures' },
  'measures-unnamed': { 'zh-CN': '减免决定未列明所涉措施', en: 'decision names no measures' },
} satisfies Record<MitigationStatusKind, LocalizedText>);

/** Lifecycle event types (`records[].events[].type`) and a subject's honours, as timelines show them. */
export const EVENT_TYPE_LABELS = /* @__PURE__ */ deepFreeze({
  'objection-filed': { 'zh-CN': '提出异议', en: 'objection filed' },
  'objection-replied': { 'zh-CN': '异议答复', en: 'objection replied' },
  'record-corrected': { 'zh-CN': '认定机关更正或撤销记录', en: 'record corrected or revoked by its authority' },
  'reported-to-provincial-platform': { 'zh-CN': '报送省级信用平台', en: 'reported to the provincial platform' },
  'mitigation-decided': { 'zh-CN': '作出减免决定', en: 'mitigation decided' },
  'self-correction': { 'zh-CN': '自我纠错', en: 'self-correction' },
  'rectification-ordered': { 'zh-CN': '责令限期整改', en: 'rectification ordered' },
  'rectification-completed': { 'zh-CN': '完成整改', en: 'rectification completed' },
  repaired: { 'zh-CN': '信用修复', en: 'repaired' },
  'sanction-lifted': { 'zh-CN': '处分解除', en: 'sanction lifted' },
  'sanction-revoked': { 'zh-CN': '撤销处分决定', en: 'sanction revoked' },
  'sanction-changed': { 'zh-CN': '变更处分决定', en: 'sanction changed' },
  'investigation-closed': { 'zh-CN': '结案', en: 'investigation closed' },
  honour: { 'zh-CN': '获得荣誉', en: 'honour received' },
} satisfies Record<LifecycleEventType | 'honour', LocalizedText>);

/** What changed a timeline's verdict (`TimelineChange.causes[].kind`). */
export const TIMELINE_CAUSE_LABELS = /* @__PURE__ */ deepFreeze({
  start: { 'zh-CN': '起点', en: 'start' },
  'record-decided': { 'zh-CN': '记录认定', en: 'record decided' },
  'record-derived': { 'zh-CN': '派生记录', en: 'record derived' },
  event: { 'zh-CN': '事件', en: 'event' },
  'period-ended': { 'zh-CN': '处分期届满', en: 'period ended' },
  'record-expired': { 'zh-CN': '记录到期', en: 'record expired' },
  'rule-in-force': { 'zh-CN': '规则施行', en: 'rule in force' },
  'rule-expired': { 'zh-CN': '规则失效', en: 'rule expired' },
} satisfies Record<TimelineCauseKind, LocalizedText>);

/** `clause.handledBy.kind`: where a clause no rule encodes is handled. */
export const HANDLED_BY_LABELS = /* @__PURE__ */ deepFreeze({
  'input-validation': { 'zh-CN': '输入校验', en: 'input validation' },
  lifecycle: { 'zh-CN': '记录生命周期', en: 'record lifecycle' },
  calendar: { 'zh-CN': '工作日历', en: 'working-day calendar' },
  deadlines: { 'zh-CN': '期限计算', en: 'deadlines' },
  'data-duty': { 'zh-CN': '数据义务', en: 'data duty' },
  'institutional-duty': { 'zh-CN': '机构职责', en: 'institutional duty' },
  'authority-decision': { 'zh-CN': '有权机关决定', en: 'authority\'s decision' },
  vocabulary: { 'zh-CN': '用语定义', en: 'vocabulary' },
  policy: { 'zh-CN': '政策选项', en: 'policy option' },
  'not-encoded': { 'zh-CN': '未编码', en: 'not encoded' },
} satisfies Record<HandledByKind, LocalizedText>);

/** How batch work was decided. */
export const EVALUATOR_LABELS = /* @__PURE__ */ deepFreeze({
  compiled: { 'zh-CN': '编译评价器', en: 'compiled evaluator' },
  'json-rules-engine': { 'zh-CN': 'json-rules-engine 参考评价器', en: 'json-rules-engine reference evaluator' },
} satisfies Record<string, LocalizedText>);

/** Where an objection was lodged (`objection-filed` `channel`). */
export const CHANNEL_LABELS = /* @__PURE__ */ deepFreeze({
  'determining-department': { 'zh-CN': '向认定部门提出', en: 'to the determining department' },
  'credit-platform': { 'zh-CN': '向信用平台提出', en: 'to the credit platform' },
} satisfies Record<ObjectionChannel, LocalizedText>);

/** How an objection was answered, or a record corrected (`objection-replied` / `record-corrected` `outcome`). */
export const OBJECTION_OUTCOME_LABELS = /* @__PURE__ */ deepFreeze({
  upheld: { 'zh-CN': '维持', en: 'upheld' },
  corrected: { 'zh-CN': '更正', en: 'corrected' },
  revoked: { 'zh-CN': '撤销', en: 'revoked' },
} satisfies Record<ObjectionOutcome, LocalizedText>);

/** Who awarded an honour (`honours[].level`). */
export const HONOUR_LEVEL_LABELS = /* @__PURE__ */ deepFreeze({
  national: { 'zh-CN': '国家级', en: 'national' },
  provincial: { 'zh-CN': '省级', en: 'provincial' },
  municipal: { 'zh-CN': '市级', en: 'municipal' },
  county: { 'zh-CN': '县级', en: 'county' },
  other: { 'zh-CN': '其他', en: 'other' },
} satisfies Record<HonourLevel, LocalizedText>);

/** Where a civil servant serves (`organ`). */
export const ORGAN_LABELS = /* @__PURE__ */ deepFreeze({
  administrative: { 'zh-CN': '行政机关', en: 'administrative organ' },
  other: { 'zh-CN': '其他机关（党委、人大、政协、法院、检察院等）', en: 'another organ (Party committee, people’s congress, court, procuratorate …)' },
} satisfies Record<Organ, LocalizedText>);

/** How sure the library is of a clause's text (`verification`): nothing is said of a verified one. */
export const VERIFICATION_LABELS = /* @__PURE__ */ deepFreeze({
  verified: { 'zh-CN': '经核对原文', en: 'checked against the enacted text' },
  paraphrase: { 'zh-CN': '转述，非原文', en: 'paraphrase, not the exact words' },
  secondary: { 'zh-CN': '二手来源，未经核对原文', en: 'secondary source, not checked against the enacted text' },
} satisfies Record<Verification, LocalizedText>);

/** A deadline's basis where it is not a clause of the pack (`deadlines[].basis.clause`). */
export const BASIS_LABELS = /* @__PURE__ */ deepFreeze({
  'host-policy': { 'zh-CN': '本单位政策', en: 'host policy' },
  'rectification-order': { 'zh-CN': '整改通知', en: 'the rectification order' },
} satisfies Record<string, LocalizedText>);

/** Where a policy option's value came from (`notes[].source`). */
export const NOTE_SOURCE_LABELS = /* @__PURE__ */ deepFreeze({
  'library-default': { 'zh-CN': '本库默认做法', en: 'the library’s default' },
  pack: { 'zh-CN': '规则包的设定', en: 'set by the pack' },
  host: { 'zh-CN': '本单位的设定', en: 'set by the host' },
  query: { 'zh-CN': '本次查询的设定', en: 'set for this question' },
} satisfies Record<NoteSource, LocalizedText>);

/** A day on the working-day calendar. */
export const DAY_KIND_LABELS = /* @__PURE__ */ deepFreeze({
  workday: { 'zh-CN': '工作日', en: 'working day' },
  weekend: { 'zh-CN': '周末', en: 'weekend' },
  holiday: { 'zh-CN': '节假日', en: 'holiday' },
  'make-up-workday': { 'zh-CN': '调休上班', en: 'make-up working day' },
} satisfies Record<DayKind, LocalizedText>);

