import type { DayKind } from '../../calendar/types.js';
import type { TimelineCause } from '../../engine/_internal/timeline.js';
import type { CountStatus } from '../../facts/_internal/dayFacts.js';
import type { Citation, DeadlineState, MitigationStatus, Note } from '../../model/decision.js';
import type { Locale, LocalizedText } from '../../model/errors.js';
import type { LifecycleEventType } from '../../model/events.js';
import type { Pack } from '../../model/pack.js';
import type { CreditFile, CreditRecord, Honour, LifecycleEvent, Subject } from '../../model/types.generated.js';
import { LABELS, type HonourLevel, type InvestigationOutcome, type ObjectionChannel, type ObjectionOutcome, type Organ } from '../../model/vocabulary.js';
import { POLICY_LABELS } from '../../model/policy.js';

const T = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

type KeysOf<U> = U extends unknown ? keyof U : never;
/** Every field name of the input model a form or an error message can name. */
export type InputField =
  | keyof Subject
  | keyof CreditRecord
  | keyof Honour
  | keyof CreditFile
  | KeysOf<LifecycleEvent>
  | keyof NonNullable<CreditRecord['selfCorrection']>
  | keyof NonNullable<CreditRecord['mitigation']>;

/**
 * Words a person reads in explanations, tables and the playground, for the ids a decision, a pack or
 * the input model carries that the model's LABELS do not name. Each closed set's table is typed by
 * the set, so an id added to the model without its words fails to compile.
 */
export const STATE_LABELS = {
  /** Why a record counts or not (`decision.records[].status`). */
  recordStatus: {
    'in-effect': T('有效', 'in effect'),
    'not-yet-decided': T('尚未认定', 'not yet decided'),
    revoked: T('已撤销', 'revoked'),
    corrected: T('已更正', 'corrected'),
    'sanction-revoked': T('处分已撤销', 'sanction revoked'),
    'objection-pending': T('异议处理中（不计入）', 'objection pending (not counted)'),
    'outside-window': T('不在考核期内', 'outside the review window'),
    repaired: T('已信用修复', 'repaired'),
    lifted: T('已解除', 'lifted'),
    'period-ended': T('处分期已届满', 'period ended'),
    expired: T('已过期', 'expired'),
    'investigation-closed': T('已结案', 'investigation closed'),
  } satisfies Record<CountStatus, LocalizedText>,
  /** `decision.deadlines[].kind`. */
  deadlineKind: {
    'objection-reply': T('异议答复', 'objection reply'),
    'platform-report': T('报送省级信用平台', 'report to the provincial platform'),
    rectification: T('整改', 'rectification'),
    'sanction-period': T('处分期', 'sanction period'),
  } satisfies Record<DeadlineState['kind'], LocalizedText>,
  /** `decision.deadlines[].state`. */
  deadlineState: {
    pending: T('未到期', 'pending'),
    met: T('已按期完成', 'met'),
    overdue: T('已逾期', 'overdue'),
    running: T('进行中', 'running'),
    ended: T('已届满', 'ended'),
  } satisfies Record<DeadlineState['state'], LocalizedText>,
  /** `decision.mitigation[].status`. */
  mitigationStatus: {
    applied: T('已适用', 'applied'),
    'awaiting-decision': T('待有权机关决定', 'awaiting the authority\'s decision'),
    'not-qualifying': T('自我纠错不符合条件', 'self-correction does not qualify'),
    'failure-date-unknown': T('失信行为发生日期不明', 'failure date unknown'),
    'decision-not-permitted': T('决定超出文件允许范围', 'decision not permitted by the document'),
    'not-permitted': T('文件不允许减免', 'not permitted by the document'),
    none: T('无', 'none'),
  } satisfies Record<MitigationStatus['status'], LocalizedText>,
  /** Lifecycle event types (`records[].events[].type`) and a subject's honours, as timelines show them. */
  eventType: {
    'objection-filed': T('提出异议', 'objection filed'),
    'objection-replied': T('异议答复', 'objection replied'),
    'record-corrected': T('认定机关更正或撤销记录', 'record corrected or revoked by its authority'),
    'reported-to-provincial-platform': T('报送省级信用平台', 'reported to the provincial platform'),
    'mitigation-decided': T('作出减免决定', 'mitigation decided'),
    'self-correction': T('自我纠错', 'self-correction'),
    'rectification-ordered': T('责令限期整改', 'rectification ordered'),
    'rectification-completed': T('完成整改', 'rectification completed'),
    repaired: T('信用修复', 'repaired'),
    'sanction-lifted': T('处分解除', 'sanction lifted'),
    'sanction-revoked': T('撤销处分决定', 'sanction revoked'),
    'sanction-changed': T('变更处分决定', 'sanction changed'),
    'investigation-closed': T('结案', 'investigation closed'),
    honour: T('获得荣誉', 'honour received'),
  } satisfies Record<LifecycleEventType | 'honour', LocalizedText>,
  /** What changed a timeline's verdict (`TimelineChange.causes[].kind`). */
  timelineCause: {
    start: T('起点', 'start'),
    'record-decided': T('记录认定', 'record decided'),
    'record-derived': T('派生记录', 'record derived'),
    event: T('事件', 'event'),
    'period-ended': T('处分期届满', 'period ended'),
    'record-expired': T('记录到期', 'record expired'),
    'rule-in-force': T('规则施行', 'rule in force'),
    'rule-expired': T('规则失效', 'rule expired'),
  } satisfies Record<TimelineCause['kind'], LocalizedText>,
  /** `clause.handledBy.kind`: where a clause no rule encodes is handled. */
  handledBy: {
    'input-validation': T('输入校验', 'input validation'),
    lifecycle: T('记录生命周期', 'record lifecycle'),
    calendar: T('工作日历', 'working-day calendar'),
    deadlines: T('期限计算', 'deadlines'),
    'data-duty': T('数据义务', 'data duty'),
    'institutional-duty': T('机构职责', 'institutional duty'),
    'authority-decision': T('有权机关决定', 'authority\'s decision'),
    vocabulary: T('用语定义', 'vocabulary'),
    policy: T('政策选项', 'policy option'),
    'not-encoded': T('未编码', 'not encoded'),
  } satisfies Record<NonNullable<Pack['clauses'][number]['handledBy']>['kind'], LocalizedText>,
  /** How batch work was decided. */
  evaluator: {
    compiled: T('编译评价器', 'compiled evaluator'),
    'json-rules-engine': T('json-rules-engine 参考评价器', 'json-rules-engine reference evaluator'),
  },
  /** Where an objection was lodged (`objection-filed` `channel`). */
  channel: {
    'determining-department': T('向认定部门提出', 'to the determining department'),
    'credit-platform': T('向信用平台提出', 'to the credit platform'),
  } satisfies Record<ObjectionChannel, LocalizedText>,
  /** How an objection was answered, or a record corrected (`objection-replied` / `record-corrected` `outcome`). */
  objectionOutcome: {
    upheld: T('维持', 'upheld'),
    corrected: T('更正', 'corrected'),
    revoked: T('撤销', 'revoked'),
  } satisfies Record<ObjectionOutcome, LocalizedText>,
  /** How an investigation ended (`investigation-closed` `outcome`). */
  investigationOutcome: {
    'no-sanction': T('不予处分', 'no sanction'),
    warning: T('给予警告', 'a warning'),
    sanctioned: T('给予处分', 'sanctioned'),
  } satisfies Record<InvestigationOutcome, LocalizedText>,
  /** Who awarded an honour (`honours[].level`). */
  honourLevel: {
    national: T('国家级', 'national'),
    provincial: T('省级', 'provincial'),
    municipal: T('市级', 'municipal'),
    county: T('县级', 'county'),
    other: T('其他', 'other'),
  } satisfies Record<HonourLevel, LocalizedText>,
  /** Where a civil servant serves (`organ`). */
  organ: {
    administrative: T('行政机关', 'administrative organ'),
    other: T('其他机关（党委、人大、政协、法院、检察院等）', 'another organ (Party committee, people’s congress, court, procuratorate …)'),
  } satisfies Record<Organ, LocalizedText>,
  /** How sure the library is of a clause's text (`verification`): nothing is said of a verified one. */
  verification: {
    verified: T('经核对原文', 'checked against the enacted text'),
    paraphrase: T('转述，非原文', 'paraphrase, not the exact words'),
    secondary: T('二手来源，未经核对原文', 'secondary source, not checked against the enacted text'),
  } satisfies Record<Citation['verification'], LocalizedText>,
  /** A deadline's basis where it is not a clause of the pack (`deadlines[].basis.clause`). */
  basis: {
    'host-policy': T('本单位政策', 'host policy'),
    'rectification-order': T('整改通知', 'the rectification order'),
  },
  /** Where a policy option's value came from (`notes[].source`). */
  noteSource: {
    'library-default': T('本库默认做法', 'the library’s default'),
    pack: T('规则包的设定', 'set by the pack'),
    host: T('本单位的设定', 'set by the host'),
    query: T('本次查询的设定', 'set for this question'),
  } satisfies Record<NonNullable<Note['source']>, LocalizedText>,
  /** A day on the working-day calendar. */
  dayKind: {
    workday: T('工作日', 'working day'),
    weekend: T('周末', 'weekend'),
    holiday: T('节假日', 'holiday'),
    'make-up-workday': T('调休上班', 'make-up working day'),
  } satisfies Record<DayKind, LocalizedText>,
  /** The policy options, named for what they decide (the option's key is the host's). */
  policy: POLICY_LABELS,
  /** The input model's fields, as a form or an error message names them. */
  field: {
    id: T('标识', 'ID'),
    kind: T('种类', 'Kind'),
    name: T('名称', 'Name'),
    division: T('行政区划代码', 'Division code'),
    managedUnderCivilServantLaw: T('参照公务员法管理', 'Managed under the Civil Servant Law'),
    publicServiceRole: T('政务处分法第二十条所指岗位', 'Role under 政务处分法 20'),
    organ: T('所在机关类别', 'Organ served in'),
    principal: T('主要负责人', 'Principal responsible person'),
    creditFile: T('诚信档案', 'Credit file'),
    honours: T('荣誉称号', 'Honours'),
    records: T('失信记录', 'Records'),
    meta: T('宿主数据', 'Host data'),
    sanction: T('处分种类', 'Sanction'),
    occurredOn: T('失信行为发生日', 'Failure occurred on'),
    decidedOn: T('认定（决定）日', 'Decided on'),
    effectiveOn: T('生效日', 'Effective on'),
    periodMonths: T('决定的处分期（月）', 'Period fixed by the decision (months)'),
    inOfficialDuty: T('在履职过程中产生', 'Arose in official duty'),
    severity: T('严重程度', 'Severity'),
    determinedBy: T('认定部门', 'Determined by'),
    reportingBody: T('报送单位', 'Reporting body'),
    confidential: T('涉密或禁止采集', 'Confidential or barred from collection'),
    selfCorrection: T('自我纠错', 'Self-correction'),
    mitigation: T('减免决定', 'Mitigation decision'),
    events: T('后续事件', 'Events'),
    description: T('说明', 'Description'),
    title: T('称号', 'Title'),
    level: T('级别', 'Level'),
    date: T('日期', 'Date'),
    ref: T('档案编号', 'File reference'),
    openedOn: T('建档日', 'Opened on'),
    type: T('事件', 'Event'),
    note: T('备注', 'Note'),
    channel: T('异议渠道', 'Channel'),
    outcome: T('结果', 'Outcome'),
    by: T('作出机关', 'Decided by'),
    dueOn: T('整改期限', 'Due on'),
    responsiblePerson: T('责任人', 'Responsible person'),
    measures: T('纠错措施', 'Measures'),
    reason: T('原因', 'Reason'),
  } satisfies Record<InputField, LocalizedText>,
} satisfies Record<string, Record<string, LocalizedText>>;

/** A group of labels: the model's LABELS and the tables above. */
export type LabelGroup = keyof typeof STATE_LABELS | keyof typeof LABELS;

/** The label of `id` in one of the label groups, in the locale; the id itself when none is known. */
export function label(group: LabelGroup, id: string, locale: Locale): string {
  const table = (group in STATE_LABELS ? STATE_LABELS[group as keyof typeof STATE_LABELS] : LABELS[group as keyof typeof LABELS]) as Record<string, LocalizedText>;
  return (Object.hasOwn(table, id) ? table[id]?.[locale] : undefined) ?? id;
}
