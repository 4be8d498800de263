import { InvalidEventLogError, issue, type Issue } from '../../model/errors.js';
import type { LifecycleEvent } from '../../model/events.js';
import type { CreditRecord } from '../../model/record.js';

/** An event with its place: index in `record.events`, or the shorthand field it came from. */
export interface PlacedEvent {
  event: LifecycleEvent;
  path: (string | number)[];
}

/**
 * The record's events in log order, with the shorthand fields (`selfCorrection`, `mitigation`)
 * turned into the events they stand for, and checked: anything that could only be read by
 * guessing is an `InvalidEventLogError` naming the event.
 */
export function readEventLog(record: CreditRecord, prefix: (string | number)[] = []): PlacedEvent[] {
  const issues: Issue[] = [];
  const placed: PlacedEvent[] = (record.events ?? []).map((event, i) => ({ event, path: [...prefix, 'events', i] }));
  const err = (p: PlacedEvent, code: string, zh: string, en: string) =>
    issues.push(issue(p.path, code, `记录 ${record.id}：${zh}`, `record ${record.id}: ${en}`));

  let objectionOpen = false;
  let voided = false;
  let voidingReply = false;
  let reported = false;
  let rectificationOpen = false;
  let repaired = false;
  let lifted = false;
  let closed = false;
  let mitigations = 0;
  placed.forEach((p, i) => {
    const e = p.event;
    const prev = placed[i - 1];
    if (prev && e.date < prev.event.date) {
      err(p, 'out_of_order', `事件日期 ${e.date} 早于前一事件 ${prev.event.date}：事件须按日期顺序追加`, `event dated ${e.date} comes after one dated ${prev.event.date}: events must be appended in date order`);
    }
    // Self-correction may come between the failure and the decision; nothing else may precede the decision.
    if (e.type !== 'self-correction' && e.date < record.decidedOn) {
      err(p, 'before_decision', `事件 ${e.type}（${e.date}）早于记录认定日期 ${record.decidedOn}`, `event ${e.type} (${e.date}) is before the record was decided (${record.decidedOn})`);
    }
    if (voided && e.type !== 'reported-to-provincial-platform') {
      err(p, 'after_final', `记录已被更正或撤销，其后不能再有 ${e.type}`, `the record was already corrected or revoked; no ${e.type} may follow`);
      return;
    }
    switch (e.type) {
      case 'objection-filed':
        if (objectionOpen) err(p, 'objection_pending', '上一项异议尚未答复，不能再次提出', 'an objection is already pending');
        objectionOpen = true;
        break;
      case 'objection-replied':
        if (!objectionOpen) err(p, 'reply_without_objection', '没有待答复的异议', 'a reply without a pending objection');
        objectionOpen = false;
        if (e.outcome !== 'upheld') {
          voided = true;
          voidingReply = true;
        }
        break;
      case 'reported-to-provincial-platform':
        if (!voidingReply) err(p, 'report_without_correction', '只有更正或撤销后才报送省级信用平台（TH-10）', 'a report to the provincial platform follows a correction or revocation only (TH-10)');
        if (reported) err(p, 'duplicate', '已报送过', 'already reported');
        reported = true;
        break;
      case 'mitigation-decided':
        mitigations++;
        if (mitigations > 1 || record.mitigation) err(p, 'two_final_outcomes', '减免决定只能有一个', 'two mitigation decisions');
        break;
      case 'rectification-ordered':
        if (rectificationOpen) err(p, 'rectification_pending', '上一项整改尚未完成', 'a rectification is already pending');
        if (e.dueOn < e.date) err(p, 'date_order', '整改期限早于下达日期', 'the due date is before the order');
        rectificationOpen = true;
        break;
      case 'rectification-completed':
        if (!rectificationOpen) err(p, 'completion_without_order', '没有待完成的整改', 'a completion without a pending rectification order');
        rectificationOpen = false;
        break;
      case 'repaired':
        if (repaired) err(p, 'duplicate', '已修复过', 'already repaired');
        repaired = true;
        break;
      case 'sanction-lifted':
        if (lifted) err(p, 'duplicate', '已解除过', 'already lifted');
        lifted = true;
        break;
      case 'investigation-closed':
        if (record.kind !== 'under-investigation') err(p, 'not_applicable', '只有立案审查调查记录才能结案', 'only an under-investigation record can be closed');
        if (closed) err(p, 'duplicate', '已结案', 'already closed');
        closed = true;
        break;
      case 'self-correction':
        break;
    }
  });
  if (issues.length) throw new InvalidEventLogError(issues);

  const extra: PlacedEvent[] = [];
  if (record.selfCorrection) {
    const { date, measures, note } = record.selfCorrection;
    extra.push({ event: { type: 'self-correction', date, measures, ...(note ? { note } : {}) }, path: [...prefix, 'selfCorrection'] });
  }
  if (record.mitigation) {
    const { date, outcome, by } = record.mitigation;
    if (date < record.decidedOn) {
      throw new InvalidEventLogError([
        issue([...prefix, 'mitigation', 'date'], 'before_decision', `记录 ${record.id}：减免决定早于记录认定日期`, `record ${record.id}: the mitigation decision is before the record was decided`),
      ]);
    }
    extra.push({ event: { type: 'mitigation-decided', date, outcome, by }, path: [...prefix, 'mitigation'] });
  }
  return [...placed, ...extra];
}
