// Every word on the page in zh-CN (default) and English. Vocabulary labels come from the library
// (LABELS); what it does not label (event types, field names, statuses) is labelled here, and any
// value neither knows (a field or note the library adds later) is shown as it is, never dropped.
import { LABELS, type Locale, type LocalizedText } from 'gov-credit-rules';

export type { Locale };

let current: Locale = 'zh-CN';
export const locale = (): Locale => current;
export function setLocale(l: Locale): void {
  current = l;
  document.documentElement.lang = l;
}

/** Text in the current locale. */
export const t = (zh: string, en: string): string => (current === 'zh-CN' ? zh : en);
/** A library message in the current locale. */
export const tx = (text: LocalizedText | undefined | null): string => (text ? text[current] : '');

const L = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

const SITE_LABELS: Record<string, Record<string, LocalizedText>> = {
  eventType: {
    'objection-filed': L('提出异议', 'objection filed'),
    'objection-replied': L('异议答复', 'objection replied'),
    'reported-to-provincial-platform': L('报送省级信用平台', 'reported to the provincial platform'),
    'mitigation-decided': L('减免决定', 'mitigation decided'),
    'self-correction': L('自我纠错', 'self-correction'),
    'rectification-ordered': L('责令限期整改', 'rectification ordered'),
    'rectification-completed': L('整改完成', 'rectification completed'),
    repaired: L('信用修复', 'repaired'),
    'sanction-lifted': L('处分解除', 'sanction lifted'),
    'investigation-closed': L('审查调查结案', 'investigation closed'),
  },
  channel: {
    'determining-department': L('向认定部门', 'to the determining department'),
    'credit-platform': L('向信用平台', 'to the credit platform'),
  },
  outcome: {
    upheld: L('维持', 'upheld'),
    corrected: L('更正', 'corrected'),
    revoked: L('撤销', 'revoked'),
    'no-sanction': L('不予处分', 'no sanction'),
    warning: L('警告', 'warning'),
    sanctioned: L('给予处分', 'sanctioned'),
    lighter: L('从轻', 'lighter'),
    exempt: L('免于（减免）', 'exempt'),
  },
  level: {
    national: L('国家级', 'national'),
    provincial: L('省级', 'provincial'),
    municipal: L('市级', 'municipal'),
    county: L('县级', 'county'),
    other: L('其他', 'other'),
  },
  deadlineKind: {
    'objection-reply': L('异议答复', 'objection reply'),
    'platform-report': L('报送省级信用平台', 'report to the provincial platform'),
    rectification: L('限期整改', 'rectification'),
    'sanction-period': L('处分期', 'sanction period'),
  },
  deadlineState: {
    pending: L('未到期', 'pending'),
    met: L('已按期完成', 'met'),
    overdue: L('已逾期', 'overdue'),
    running: L('进行中', 'running'),
    ended: L('已届满', 'ended'),
  },
  mitigationStatus: {
    applied: L('已适用', 'applied'),
    'awaiting-decision': L('待有权机关决定', 'awaiting the authority’s decision'),
    'not-qualifying': L('纠错不符合条件', 'self-correction does not qualify'),
    'decision-not-permitted': L('决定超出文件允许范围', 'decision not permitted by the document'),
    'not-permitted': L('文件不允许减免', 'not permitted'),
    none: L('无', 'none'),
    'other-measures': L('减免决定涉及其他措施', 'decision covers other measures'),
    'measures-unnamed': L('减免决定未列明所涉措施', 'decision names no measures'),
  },
  recordStatus: {
    'in-effect': L('有效', 'in effect'),
    'not-yet-decided': L('尚未认定', 'not yet decided'),
    revoked: L('已撤销', 'revoked'),
    corrected: L('已更正', 'corrected'),
    repaired: L('已修复', 'repaired'),
    lifted: L('已解除', 'lifted'),
    'period-ended': L('处分期已满', 'period ended'),
    expired: L('已过期', 'expired'),
    'investigation-closed': L('已结案', 'investigation closed'),
    'objection-pending': L('异议待决', 'objection pending'),
    'before-rule': L('早于规则生效', 'before the rule'),
    'unlisted-kind': L('文件未列种类', 'kind not listed'),
    'outside-window': L('不在考核期间', 'outside the window'),
  },
  cause: {
    start: L('起点', 'start'),
    'record-decided': L('记录认定', 'record decided'),
    'record-derived': L('派生记录', 'derived record'),
    event: L('事件', 'event'),
    'period-ended': L('处分期届满', 'period ended'),
    'record-expired': L('记录过期', 'record expired'),
    'rule-in-force': L('规则生效', 'rule in force'),
    'rule-expired': L('规则失效', 'rule expired'),
  },
  handledBy: {
    'input-validation': L('输入校验', 'input validation'),
    lifecycle: L('记录生命周期', 'record lifecycle'),
    calendar: L('工作日历', 'calendar'),
    deadlines: L('期限计算', 'deadlines'),
    'data-duty': L('数据义务', 'data duty'),
    'institutional-duty': L('机构职责', 'institutional duty'),
    'authority-decision': L('有权机关决定', 'authority’s decision'),
    vocabulary: L('用语定义', 'vocabulary'),
  },
  field: {
    id: L('标识', 'id'),
    kind: L('种类', 'kind'),
    name: L('名称', 'name'),
    division: L('行政区划代码', 'division code'),
    managedUnderCivilServantLaw: L('参照公务员法管理', 'managed under the Civil Servant Law'),
    principal: L('主要负责人', 'principal'),
    creditFile: L('诚信档案', 'credit file'),
    sanction: L('处分种类', 'sanction'),
    occurredOn: L('失信行为发生日', 'occurred on'),
    decidedOn: L('认定（决定）日', 'decided on'),
    effectiveOn: L('生效日', 'effective on'),
    periodMonths: L('处分期（月）', 'period (months)'),
    determinedBy: L('认定部门', 'determined by'),
    reportingBody: L('报送单位', 'reporting body'),
    confidential: L('涉密或禁止采集', 'confidential'),
    description: L('说明', 'description'),
    type: L('事件', 'event'),
    date: L('日期', 'date'),
    channel: L('异议渠道', 'channel'),
    outcome: L('结果', 'outcome'),
    by: L('作出机关', 'by'),
    dueOn: L('整改期限', 'due on'),
    responsiblePerson: L('责任人', 'responsible person'),
    measures: L('纠错措施', 'measures'),
    reason: L('原因', 'reason'),
    note: L('备注', 'note'),
    records: L('失信记录', 'records'),
    events: L('事件', 'events'),
    honours: L('荣誉称号', 'honours'),
    title: L('称号', 'title'),
    level: L('级别', 'level'),
    ref: L('档案编号', 'ref'),
    openedOn: L('建档日', 'opened on'),
    selfCorrection: L('自我纠错', 'self-correction'),
    mitigation: L('减免决定', 'mitigation decision'),
  },
  dayKind: {
    workday: L('工作日', 'working day'),
    weekend: L('周末', 'weekend'),
    holiday: L('节假日', 'holiday'),
    'make-up-workday': L('调休上班', 'make-up working day'),
  },
};

/** Which label table a field's values are named in. */
const VALUE_TABLE: Record<string, Record<string, LocalizedText>> = {
  sanction: LABELS.sanction,
  measures: LABELS.measure,
  channel: SITE_LABELS.channel!,
  outcome: SITE_LABELS.outcome!,
  level: SITE_LABELS.level!,
  type: SITE_LABELS.eventType!,
};

type Group = keyof typeof LABELS | keyof typeof SITE_LABELS;

/** The label of a vocabulary value, or the value itself when nothing labels it. */
export function label(group: Group, value: string): string {
  const table = (LABELS as Record<string, Record<string, LocalizedText>>)[group] ?? SITE_LABELS[group];
  return table?.[value]?.[current] ?? value;
}

/** The label of a value of a named field (`sanction`, `channel`, record `kind` …). */
export function valueLabel(field: string, value: string, context: 'subject' | 'record' | 'event' = 'record'): string {
  if (field === 'kind') return label(context === 'subject' ? 'subjectKind' : 'recordKind', value);
  const table = VALUE_TABLE[field];
  return table?.[value]?.[current] ?? value;
}

export const fieldLabel = (field: string): string => label('field', field);
