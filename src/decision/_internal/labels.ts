import type { TimelineCause } from '../../engine/_internal/timeline.js';
import type { CountStatus } from '../../facts/_internal/dayFacts.js';
import type { DeadlineState, MitigationStatus } from '../../model/decision.js';
import type { Locale, LocalizedText } from '../../model/errors.js';
import type { LifecycleEventType } from '../../model/events.js';
import type { Clause } from '../../model/pack.js';
import { LABELS } from '../../model/vocabulary.js';

const T = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/**
 * Words a person reads in explanations and tables, for the ids a decision carries that the model's
 * LABELS do not name. Each table is typed by the closed set it labels, so a value added to the set
 * without its words fails to compile; `label` still prints an unknown id as itself.
 */
export const STATE_LABELS = {
  /** Why a record counts or not (`decision.records[].status`). */
  recordStatus: {
    'in-effect': T('有效', 'in effect'),
    'not-yet-decided': T('尚未认定', 'not yet decided'),
    revoked: T('已撤销', 'revoked'),
    corrected: T('已更正', 'corrected'),
    'objection-pending': T('异议处理中（不计入）', 'objection pending (not counted)'),
    'outside-window': T('不在考核期内', 'outside the review window'),
    repaired: T('已信用修复', 'repaired'),
    lifted: T('已解除', 'lifted'),
    'period-ended': T('处分期已届满', 'period ended'),
    expired: T('已过期', 'expired'),
    'investigation-closed': T('已结案', 'investigation closed'),
    'sanction-revoked': T('处分已撤销', 'sanction revoked'),
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
    'failure-date-unknown': T('失信行为日期不明，无法判断纠错是否在其后', 'failure date unknown: cannot tell whether the self-correction came after it'),
    'decision-not-permitted': T('决定超出文件允许范围', 'decision not permitted by the document'),
    'not-permitted': T('文件不允许减免', 'not permitted by the document'),
    none: T('无', 'none'),
    'other-measures': T('减免决定涉及其他措施', 'decision covers other measures'),
    'measures-unnamed': T('减免决定未列明所涉措施', 'decision names no measures'),
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
    'sanction-changed': T('处分变更', 'sanction changed'),
    'sanction-revoked': T('处分撤销', 'sanction revoked'),
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
  } satisfies Record<NonNullable<Clause['handledBy']>['kind'], LocalizedText>,
  /** How batch work was decided. */
  evaluator: {
    compiled: T('编译评价器', 'compiled evaluator'),
    'json-rules-engine': T('json-rules-engine 参考评价器', 'json-rules-engine reference evaluator'),
  },
} satisfies Record<string, Record<string, LocalizedText>>;

type Group = keyof typeof STATE_LABELS | keyof typeof LABELS;

/** The label of `id` in one of the label groups, in the locale; the id itself when none is known. */
export function label(group: Group, id: string, locale: Locale): string {
  const table = (group in STATE_LABELS ? STATE_LABELS[group as keyof typeof STATE_LABELS] : LABELS[group as keyof typeof LABELS]) as Record<string, LocalizedText>;
  return table[id]?.[locale] ?? id;
}
