import { InvalidEventLogError, issue, type Issue } from '../../model/errors.js';
import type { LifecycleEvent } from '../../model/events.js';
import type { CreditRecord } from '../../model/record.js';
import { EVENTS_AFTER_FINAL, SANCTION_EVENT_TYPES } from '../../model/vocabulary.js';
import { SANCTION_PERIOD_MONTHS } from '../../model/statutes.js';

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
  const st = logStart(record);
  placed.forEach((p, i) => checkEvent(record, st, p, placed[i - 1], err, issues));
  if (issues.length) throw new InvalidEventLogError(issues);
  return [...placed, ...shorthandEvents(record, prefix)];
}

/** Where a record's event log stands, as the validator reads it event by event. */
interface LogState {
  objectionOpen: boolean;
  creditVoided: boolean;
  sanctionRevoked: boolean;
  reported: boolean;
  rectificationOpen: boolean;
  repaired: boolean;
  lifted: boolean;
  closed: boolean;
  /** Mitigation decisions: several bodies may each decide on the measures they imposed (TH-10), never twice on one. */
  mitigated: Set<string>;
  mitigationUnnamed: boolean;
  mitigations: number;
  /** The sanction as it stands after any change (an 开除 has no period to lift, whether decided so or changed to it). */
  sanction: CreditRecord['sanction'];
}

function logStart(record: CreditRecord): LogState {
  return {
    objectionOpen: false,
    creditVoided: false,
    sanctionRevoked: false,
    reported: false,
    rectificationOpen: false,
    repaired: false,
    lifted: false,
    closed: false,
    mitigated: new Set<string>(),
    mitigationUnnamed: false,
    mitigations: 0,
    sanction: record.sanction,
  };
}

type Report = (p: PlacedEvent, code: string, zh: string, en: string) => void;

/** Checks one event against the log so far, and moves the state on. */
function checkEvent(record: CreditRecord, st: LogState, p: PlacedEvent, prev: PlacedEvent | undefined, err: Report, issues: Issue[]): void {
  const isSanction = record.kind === 'disciplinary-sanction';
  const e = p.event;
  if (prev && e.date < prev.event.date) {
    err(p, 'out_of_order', `事件日期 ${e.date} 早于前一事件 ${prev.event.date}：事件须按日期顺序追加`, `event dated ${e.date} comes after one dated ${prev.event.date}: events must be appended in date order`);
  }
  // Self-correction may come between the failure and the decision; nothing else may precede the decision.
  if (e.type !== 'self-correction' && e.date < record.decidedOn) {
    err(p, 'before_decision', `事件 ${e.type}（${e.date}）早于记录认定日期 ${record.decidedOn}`, `event ${e.type} (${e.date}) is before the record was decided (${record.decidedOn})`);
  }
  if (st.sanctionRevoked && !EVENTS_AFTER_FINAL.includes(e.type)) {
    err(p, 'after_final', `处分决定已被撤销，其后不能再有 ${e.type}`, `the sanction was already revoked; no ${e.type} may follow`);
    return;
  }
  if (st.creditVoided && !EVENTS_AFTER_FINAL.includes(e.type) && !(isSanction && SANCTION_EVENT_TYPES.includes(e.type))) {
    err(p, 'after_final', `记录已被更正或撤销，其后不能再有 ${e.type}`, `the record was already corrected or revoked; no ${e.type} may follow`);
    return;
  }
  switch (e.type) {
    case 'objection-filed':
      if (st.objectionOpen) err(p, 'objection_pending', '上一项异议尚未答复，不能再次提出', 'an objection is already pending');
      st.objectionOpen = true;
      break;
    case 'objection-replied':
      if (!st.objectionOpen) err(p, 'reply_without_objection', '没有待答复的异议', 'a reply without a pending objection');
      st.objectionOpen = false;
      if (e.outcome !== 'upheld') st.creditVoided = true;
      break;
    case 'record-corrected':
      if (st.objectionOpen) {
        err(p, 'objection_pending', '有待答复的异议：更正或撤销应作为对该异议的答复记录（objection-replied）', 'an objection is pending: record the correction as its reply (objection-replied)');
      }
      st.creditVoided = true;
      break;
    case 'reported-to-provincial-platform':
      if (!st.creditVoided) err(p, 'report_without_correction', '只有更正或撤销后才报送省级信用平台（TH-10）', 'a report to the provincial platform follows a correction or revocation only (TH-10)');
      if (st.reported) err(p, 'duplicate', '已报送过', 'already reported');
      st.reported = true;
      break;
    case 'mitigation-decided': {
      st.mitigations++;
      const named = e.actions ?? [];
      const overlap = named.filter((a) => st.mitigated.has(a));
      const shorthand = record.mitigation ? (record.mitigation.actions ?? null) : undefined;
      const clashesShorthand = shorthand !== undefined && (shorthand === null || named.length === 0 || named.some((a) => shorthand.includes(a)));
      if ((st.mitigations > 1 && (named.length === 0 || st.mitigationUnnamed)) || overlap.length > 0 || clashesShorthand) {
        err(
          p,
          'two_final_outcomes',
          `同一惩戒措施只能有一个减免决定${overlap.length ? `（重复：${overlap.join('、')}）` : ''}；多个决定须各自列明所涉措施（actions）且互不重叠`,
          `two mitigation decisions on the same measure${overlap.length ? ` (${overlap.join(', ')})` : ''}; several decisions must each name their measures (actions), without overlap`,
        );
      }
      if (e.lighterTo !== undefined && e.outcome !== 'lighter') {
        err(p, 'not_applicable', '只有“从轻”决定才列明从轻后的措施（lighterTo）', 'only a lighter decision names a lighter measure (lighterTo)');
      }
      if (named.length === 0) st.mitigationUnnamed = true;
      for (const a of named) st.mitigated.add(a);
      break;
    }
    case 'rectification-ordered':
      if (st.rectificationOpen) err(p, 'rectification_pending', '上一项整改尚未完成', 'a rectification is already pending');
      if (e.dueOn < e.date) err(p, 'date_order', '整改期限早于下达日期', 'the due date is before the order');
      st.rectificationOpen = true;
      break;
    case 'rectification-completed':
      if (!st.rectificationOpen) err(p, 'completion_without_order', '没有待完成的整改', 'a completion without a pending rectification order');
      st.rectificationOpen = false;
      break;
    case 'repaired':
      if (st.repaired) err(p, 'duplicate', '已修复过', 'already repaired');
      st.repaired = true;
      break;
    case 'sanction-lifted':
      if (isSanction && st.sanction === 'expulsion') {
        err(p, 'not_applicable', '开除处分没有处分期，不能解除', 'an expulsion has no period and cannot be lifted');
      }
      if (st.lifted) err(p, 'duplicate', '已解除过', 'already lifted');
      st.lifted = true;
      break;
    case 'sanction-revoked':
    case 'sanction-changed':
      if (!isSanction) {
        err(p, 'not_applicable', `只有纪律处分记录才能${e.type === 'sanction-revoked' ? '撤销' : '变更'}处分决定`, `only a disciplinary-sanction record has a sanction to ${e.type === 'sanction-revoked' ? 'revoke' : 'change'}`);
      }
      if (st.lifted) err(p, 'after_final', '处分已解除，其后不能再撤销或变更', 'the sanction was already lifted; it cannot be revoked or changed after');
      if (e.type === 'sanction-revoked') st.sanctionRevoked = true;
      else {
        st.sanction = e.sanction;
        if (e.effectiveOn < record.decidedOn) {
          err(p, 'before_decision', `变更后的处分生效日 ${e.effectiveOn} 早于原记录认定日期 ${record.decidedOn}`, `the changed sanction's effective day ${e.effectiveOn} is before the record was decided (${record.decidedOn})`);
        }
        const statutory = e.sanction === 'expulsion' ? 0 : SANCTION_PERIOD_MONTHS[e.sanction];
        if (e.periodMonths !== undefined && (e.sanction === 'expulsion' || e.periodMonths < statutory)) {
          issues.push(
            issue([...p.path, 'periodMonths'], 'invalid_period', `记录 ${record.id}：处分期不得短于法定期间（${statutory} 个月），开除没有处分期`, `record ${record.id}: the period cannot be shorter than the statutory period (${statutory} months); an expulsion has none`),
          );
        }
      }
      break;
    case 'investigation-closed':
      if (record.kind !== 'under-investigation') err(p, 'not_applicable', '只有立案审查调查记录才能结案', 'only an under-investigation record can be closed');
      if (e.sanctionRecord !== undefined && e.outcome === 'no-sanction') {
        err(p, 'not_applicable', '不予处分的结案没有处分记录（sanctionRecord）', 'a case closed with no sanction has no sanction record (sanctionRecord)');
      }
      if (st.closed) err(p, 'duplicate', '已结案', 'already closed');
      st.closed = true;
      break;
    case 'self-correction':
      break;
  }
}

/** The shorthand fields (`selfCorrection`, `mitigation`) as the events they stand for. */
function shorthandEvents(record: CreditRecord, prefix: (string | number)[]): PlacedEvent[] {

  const extra: PlacedEvent[] = [];
  if (record.selfCorrection) {
    const { date, measures, note } = record.selfCorrection;
    extra.push({ event: { type: 'self-correction', date, measures, ...(note ? { note } : {}) }, path: [...prefix, 'selfCorrection'] });
  }
  if (record.mitigation) {
    const { date, outcome, by, actions, lighterTo } = record.mitigation;
    if (lighterTo !== undefined && outcome !== 'lighter') {
      throw new InvalidEventLogError([
        issue([...prefix, 'mitigation', 'lighterTo'], 'not_applicable', `记录 ${record.id}：只有“从轻”决定才列明从轻后的措施（lighterTo）`, `record ${record.id}: only a lighter decision names a lighter measure (lighterTo)`),
      ]);
    }
    if (date < record.decidedOn) {
      throw new InvalidEventLogError([
        issue([...prefix, 'mitigation', 'date'], 'before_decision', `记录 ${record.id}：减免决定早于记录认定日期`, `record ${record.id}: the mitigation decision is before the record was decided`),
      ]);
    }
    extra.push({
      event: { type: 'mitigation-decided', date, outcome, by, ...(actions ? { actions: [...actions] } : {}), ...(lighterTo ? { lighterTo } : {}) },
      path: [...prefix, 'mitigation'],
    });
  }
  return extra;
}
