import type { DayKind } from '../../calendar/types.js';
import type { TimelineCause } from '../../engine/_internal/timeline.js';
import type { CountStatus } from '../../facts/_internal/dayFacts.js';
import type { Citation, DeadlineState, MitigationStatus, Note } from '../../model/decision.js';
import type { Locale, LocalizedText } from '../../model/errors.js';
import type { LifecycleEventType } from '../../model/events.js';
import type { Pack } from '../../model/pack.js';
import type { CreditFile, CreditRecord, Honour, LifecycleEvent, Query, Subject } from '../../model/types.generated.js';
import { LABELS, type HonourLevel, type InvestigationOutcome, type ObjectionChannel, type ObjectionOutcome, type Organ } from '../../model/vocabulary.js';
import { POLICY_LABELS } from '../../model/policy.js';

type KeysOf<U> = U extends unknown ? keyof U : never;
/** Every field name of the input model a form or an error message can name. */
export type InputField =
  | keyof Query
  | keyof Subject
  | keyof CreditRecord
  | keyof Honour
  | keyof CreditFile
  | KeysOf<LifecycleEvent>
  | keyof NonNullable<CreditRecord['selfCorrection']>
  | keyof NonNullable<CreditRecord['mitigation']>;

// Words a person reads in explanations, tables and the playground, for the ids a decision, a pack or
// the input model carries that the model's LABELS do not name. Each closed set's table is typed by
// the set, so an id added to the model without its words fails to compile.
// One table per set, so a bundle takes only the tables it uses (explain() its deadline words, not the
// input fields).

/** Why a record counts or not (`decision.records[].status`). */
export const RECORD_STATUS_LABELS = {
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
} satisfies Record<CountStatus, LocalizedText>;

/** `decision.deadlines[].kind`. */
export const DEADLINE_KIND_LABELS = {
  'objection-reply': { 'zh-CN': '异议答复', en: 'objection reply' },
  'platform-report': { 'zh-CN': '报送省级信用平台', en: 'report to the provincial platform' },
  rectification: { 'zh-CN': '整改', en: 'rectification' },
  'sanction-period': { 'zh-CN': '处分期', en: 'sanction period' },
} satisfies Record<DeadlineState['kind'], LocalizedText>;

/** `decision.deadlines[].state`. */
export const DEADLINE_STATE_LABELS = {
  pending: { 'zh-CN': '未到期', en: 'pending' },
  met: { 'zh-CN': '已按期完成', en: 'met' },
  overdue: { 'zh-CN': '已逾期', en: 'overdue' },
  running: { 'zh-CN': '进行中', en: 'running' },
  ended: { 'zh-CN': '已届满', en: 'ended' },
} satisfies Record<DeadlineState['state'], LocalizedText>;

/** `decision.mitigation[].status`. */
export const MITIGATION_STATUS_LABELS = {
  applied: { 'zh-CN': '已适用', en: 'applied' },
  'awaiting-decision': { 'zh-CN': '待有权机关决定', en: 'awaiting the authority\'s decision' },
  'not-qualifying': { 'zh-CN': '自我纠错不符合条件', en: 'self-correction does not qualify' },
  'failure-date-unknown': { 'zh-CN': '失信行为日期不明，无法判断纠错是否在其后', en: 'failure date unknown: cannot tell whether the self-correction came after it' },
  'decision-not-permitted': { 'zh-CN': '决定超出文件允许范围', en: 'decision not permitted by the document' },
  'not-permitted': { 'zh-CN': '文件不允许减免', en: 'not permitted by the document' },
  none: { 'zh-CN': '无', en: 'none' },
  'other-measures': { 'zh-CN': '减免决定涉及其他措施', en: 'decision covers other measures' },
  'measures-unnamed': { 'zh-CN': '减免决定未列明所涉措施', en: 'decision names no measures' },
} satisfies Record<MitigationStatus['status'], LocalizedText>;

/** Lifecycle event types (`records[].events[].type`) and a subject's honours, as timelines show them. */
export const EVENT_TYPE_LABELS = {
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
} satisfies Record<LifecycleEventType | 'honour', LocalizedText>;

/** What changed a timeline's verdict (`TimelineChange.causes[].kind`). */
export const TIMELINE_CAUSE_LABELS = {
  start: { 'zh-CN': '起点', en: 'start' },
  'record-decided': { 'zh-CN': '记录认定', en: 'record decided' },
  'record-derived': { 'zh-CN': '派生记录', en: 'record derived' },
  event: { 'zh-CN': '事件', en: 'event' },
  'period-ended': { 'zh-CN': '处分期届满', en: 'period ended' },
  'record-expired': { 'zh-CN': '记录到期', en: 'record expired' },
  'rule-in-force': { 'zh-CN': '规则施行', en: 'rule in force' },
  'rule-expired': { 'zh-CN': '规则失效', en: 'rule expired' },
} satisfies Record<TimelineCause['kind'], LocalizedText>;

/** `clause.handledBy.kind`: where a clause no rule encodes is handled. */
export const HANDLED_BY_LABELS = {
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
} satisfies Record<NonNullable<Pack['clauses'][number]['handledBy']>['kind'], LocalizedText>;

/** How batch work was decided. */
export const EVALUATOR_LABELS = {
  compiled: { 'zh-CN': '编译评价器', en: 'compiled evaluator' },
  'json-rules-engine': { 'zh-CN': 'json-rules-engine 参考评价器', en: 'json-rules-engine reference evaluator' },
};

/** Where an objection was lodged (`objection-filed` `channel`). */
export const CHANNEL_LABELS = {
  'determining-department': { 'zh-CN': '向认定部门提出', en: 'to the determining department' },
  'credit-platform': { 'zh-CN': '向信用平台提出', en: 'to the credit platform' },
} satisfies Record<ObjectionChannel, LocalizedText>;

/** How an objection was answered, or a record corrected (`objection-replied` / `record-corrected` `outcome`). */
export const OBJECTION_OUTCOME_LABELS = {
  upheld: { 'zh-CN': '维持', en: 'upheld' },
  corrected: { 'zh-CN': '更正', en: 'corrected' },
  revoked: { 'zh-CN': '撤销', en: 'revoked' },
} satisfies Record<ObjectionOutcome, LocalizedText>;

/** How an investigation ended (`investigation-closed` `outcome`). */
export const INVESTIGATION_OUTCOME_LABELS = {
  'no-sanction': { 'zh-CN': '不予处分', en: 'no sanction' },
  warning: { 'zh-CN': '给予警告', en: 'a warning' },
  sanctioned: { 'zh-CN': '给予处分', en: 'sanctioned' },
} satisfies Record<InvestigationOutcome, LocalizedText>;

/** Who awarded an honour (`honours[].level`). */
export const HONOUR_LEVEL_LABELS = {
  national: { 'zh-CN': '国家级', en: 'national' },
  provincial: { 'zh-CN': '省级', en: 'provincial' },
  municipal: { 'zh-CN': '市级', en: 'municipal' },
  county: { 'zh-CN': '县级', en: 'county' },
  other: { 'zh-CN': '其他', en: 'other' },
} satisfies Record<HonourLevel, LocalizedText>;

/** Where a civil servant serves (`organ`). */
export const ORGAN_LABELS = {
  administrative: { 'zh-CN': '行政机关', en: 'administrative organ' },
  other: { 'zh-CN': '其他机关（党委、人大、政协、法院、检察院等）', en: 'another organ (Party committee, people’s congress, court, procuratorate …)' },
} satisfies Record<Organ, LocalizedText>;

/** How sure the library is of a clause's text (`verification`): nothing is said of a verified one. */
export const VERIFICATION_LABELS = {
  verified: { 'zh-CN': '经核对原文', en: 'checked against the enacted text' },
  paraphrase: { 'zh-CN': '转述，非原文', en: 'paraphrase, not the exact words' },
  secondary: { 'zh-CN': '二手来源，未经核对原文', en: 'secondary source, not checked against the enacted text' },
} satisfies Record<Citation['verification'], LocalizedText>;

/** A deadline's basis where it is not a clause of the pack (`deadlines[].basis.clause`). */
export const BASIS_LABELS = {
  'host-policy': { 'zh-CN': '本单位政策', en: 'host policy' },
  'rectification-order': { 'zh-CN': '整改通知', en: 'the rectification order' },
};

/** Where a policy option's value came from (`notes[].source`). */
export const NOTE_SOURCE_LABELS = {
  'library-default': { 'zh-CN': '本库默认做法', en: 'the library’s default' },
  pack: { 'zh-CN': '规则包的设定', en: 'set by the pack' },
  host: { 'zh-CN': '本单位的设定', en: 'set by the host' },
  query: { 'zh-CN': '本次查询的设定', en: 'set for this question' },
} satisfies Record<NonNullable<Note['source']>, LocalizedText>;

/** A day on the working-day calendar. */
export const DAY_KIND_LABELS = {
  workday: { 'zh-CN': '工作日', en: 'working day' },
  weekend: { 'zh-CN': '周末', en: 'weekend' },
  holiday: { 'zh-CN': '节假日', en: 'holiday' },
  'make-up-workday': { 'zh-CN': '调休上班', en: 'make-up working day' },
} satisfies Record<DayKind, LocalizedText>;

/** The input model's fields, as a form or an error message names them. */
export const FIELD_LABELS = {
  pack: { 'zh-CN': '规则包', en: 'Pack' },
  subject: { 'zh-CN': '对象', en: 'Subject' },
  action: { 'zh-CN': '事项', en: 'Action' },
  asOf: { 'zh-CN': '查询日', en: 'As of' },
  assessmentYear: { 'zh-CN': '考核年度', en: 'Assessment year' },
  policy: { 'zh-CN': '政策选项', en: 'Policy options' },
  id: { 'zh-CN': '标识', en: 'ID' },
  kind: { 'zh-CN': '种类', en: 'Kind' },
  name: { 'zh-CN': '名称', en: 'Name' },
  division: { 'zh-CN': '行政区划代码', en: 'Division code' },
  managedUnderCivilServantLaw: { 'zh-CN': '参照公务员法管理', en: 'Managed under the Civil Servant Law' },
  publicServiceRole: { 'zh-CN': '政务处分法第二十条所指岗位', en: 'Role under 政务处分法 20' },
  organ: { 'zh-CN': '所在机关类别', en: 'Organ served in' },
  principal: { 'zh-CN': '主要负责人', en: 'Principal responsible person' },
  creditFile: { 'zh-CN': '诚信档案', en: 'Credit file' },
  honours: { 'zh-CN': '荣誉称号', en: 'Honours' },
  records: { 'zh-CN': '失信记录', en: 'Records' },
  meta: { 'zh-CN': '宿主数据', en: 'Host data' },
  sanction: { 'zh-CN': '处分种类', en: 'Sanction' },
  occurredOn: { 'zh-CN': '失信行为发生日', en: 'Failure occurred on' },
  decidedOn: { 'zh-CN': '认定（决定）日', en: 'Decided on' },
  effectiveOn: { 'zh-CN': '生效日', en: 'Effective on' },
  periodMonths: { 'zh-CN': '决定的处分期（月）', en: 'Period fixed by the decision (months)' },
  inOfficialDuty: { 'zh-CN': '在履职过程中产生', en: 'Arose in official duty' },
  severity: { 'zh-CN': '严重程度', en: 'Severity' },
  determinedBy: { 'zh-CN': '认定部门', en: 'Determined by' },
  reportingBody: { 'zh-CN': '报送单位', en: 'Reporting body' },
  confidential: { 'zh-CN': '涉密或禁止采集', en: 'Confidential or barred from collection' },
  selfCorrection: { 'zh-CN': '自我纠错', en: 'Self-correction' },
  mitigation: { 'zh-CN': '减免决定', en: 'Mitigation decision' },
  events: { 'zh-CN': '后续事件', en: 'Events' },
  description: { 'zh-CN': '说明', en: 'Description' },
  title: { 'zh-CN': '称号', en: 'Title' },
  level: { 'zh-CN': '级别', en: 'Level' },
  date: { 'zh-CN': '日期', en: 'Date' },
  ref: { 'zh-CN': '档案编号', en: 'File reference' },
  openedOn: { 'zh-CN': '建档日', en: 'Opened on' },
  type: { 'zh-CN': '事件', en: 'Event' },
  note: { 'zh-CN': '备注', en: 'Note' },
  channel: { 'zh-CN': '异议渠道', en: 'Channel' },
  outcome: { 'zh-CN': '结果', en: 'Outcome' },
  by: { 'zh-CN': '作出机关', en: 'Decided by' },
  dueOn: { 'zh-CN': '整改期限', en: 'Due on' },
  responsiblePerson: { 'zh-CN': '责任人', en: 'Responsible person' },
  measures: { 'zh-CN': '纠错措施', en: 'Measures' },
  reason: { 'zh-CN': '原因', en: 'Reason' },
  organisationalMeasure: { 'zh-CN': '组织处理方式', en: 'Organisational measure' },
  actions: { 'zh-CN': '所涉措施', en: 'Measures covered' },
  lighterTo: { 'zh-CN': '从轻后的措施', en: 'Lighter measure' },
  sanctionRecord: { 'zh-CN': '所作处分的记录', en: 'Record of the sanction' },
  ungradedYears: { 'zh-CN': '未定等次的考核年度', en: 'Years left ungraded' },
} satisfies Record<InputField, LocalizedText>;

/** Every table above by its group name (labelOf's groups, with the model's LABELS). */
export const STATE_LABELS = {
  recordStatus: RECORD_STATUS_LABELS,
  deadlineKind: DEADLINE_KIND_LABELS,
  deadlineState: DEADLINE_STATE_LABELS,
  mitigationStatus: MITIGATION_STATUS_LABELS,
  eventType: EVENT_TYPE_LABELS,
  timelineCause: TIMELINE_CAUSE_LABELS,
  handledBy: HANDLED_BY_LABELS,
  evaluator: EVALUATOR_LABELS,
  channel: CHANNEL_LABELS,
  objectionOutcome: OBJECTION_OUTCOME_LABELS,
  investigationOutcome: INVESTIGATION_OUTCOME_LABELS,
  honourLevel: HONOUR_LEVEL_LABELS,
  organ: ORGAN_LABELS,
  verification: VERIFICATION_LABELS,
  basis: BASIS_LABELS,
  noteSource: NOTE_SOURCE_LABELS,
  dayKind: DAY_KIND_LABELS,
  policy: POLICY_LABELS,
  field: FIELD_LABELS,
};

/** A group of labels: the model's LABELS and the tables above. */
export type LabelGroup = keyof typeof STATE_LABELS | keyof typeof LABELS;

/** The label of `id` in one table, in the locale; the id itself when none is known. */
export function labelIn(table: Readonly<Record<string, LocalizedText>>, id: string, locale: Locale): string {
  return (Object.hasOwn(table, id) ? table[id]?.[locale] : undefined) ?? id;
}

/** The label of `id` in one of the label groups, in the locale; the id itself when none is known. */
export function label(group: LabelGroup, id: string, locale: Locale): string {
  const table = (Object.hasOwn(STATE_LABELS, group) ? STATE_LABELS[group as keyof typeof STATE_LABELS] : LABELS[group as keyof typeof LABELS]) as Record<string, LocalizedText>;
  return labelIn(table, id, locale);
}
