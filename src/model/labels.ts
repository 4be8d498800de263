import { deepFreeze } from '../_lib/plain.js';
import type { Locale, LocalizedText } from './errors.js';
import { POLICY_LABELS } from './policy.js';
import type { CreditFile, CreditRecord, Honour, LifecycleEvent, Query, Subject } from './types.generated.js';
import {
  BASIS_LABELS,
  CHANNEL_LABELS,
  DAY_KIND_LABELS,
  DEADLINE_KIND_LABELS,
  DEADLINE_STATE_LABELS,
  EVALUATOR_LABELS,
  EVENT_TYPE_LABELS,
  HANDLED_BY_LABELS,
  HONOUR_LEVEL_LABELS,
  LABELS,
  MITIGATION_STATUS_LABELS,
  NOTE_SOURCE_LABELS,
  OBJECTION_OUTCOME_LABELS,
  ORGAN_LABELS,
  RECORD_STATUS_LABELS,
  TIMELINE_CAUSE_LABELS,
  VERIFICATION_LABELS,
} from './vocabulary.js';

// The label groups labelOf(), explain(), the CLI and the playground read: the vocabulary's tables
// (model/vocabulary.ts owns every closed set and its words), the policy options' names
// (model/policy.ts) and the input model's field names, which are a closed set of the schemas.

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

/** The input model's fields, as a form or an error message names them. */
export const FIELD_LABELS = /* @__PURE__ */ deepFreeze({
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
} satisfies Record<InputField, LocalizedText>);

/** Every label table by its group name, besides the vocabulary's LABELS (labelOf's groups). */
export const STATE_LABELS = /* @__PURE__ */ deepFreeze({
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
  honourLevel: HONOUR_LEVEL_LABELS,
  organ: ORGAN_LABELS,
  verification: VERIFICATION_LABELS,
  basis: BASIS_LABELS,
  noteSource: NOTE_SOURCE_LABELS,
  dayKind: DAY_KIND_LABELS,
  policy: POLICY_LABELS,
  field: FIELD_LABELS,
});

/** A group of labels: the vocabulary's LABELS and the tables above. */
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
