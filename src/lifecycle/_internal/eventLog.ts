import { InvalidEventLogError, issue } from '../../model/errors.js';
import { LIGHTER_TO_ONLY_WHEN_LIGHTER, eventLogIssues, type PlacedEvent } from '../../model/eventOrder.js';
import type { CreditRecord } from '../../model/record.js';
import { SANCTION_PERIOD_MONTHS } from '../../model/statutes.js';

export type { PlacedEvent } from '../../model/eventOrder.js';

/**
 * The record's events in log order, with the shorthand fields (`selfCorrection`, `mitigation`)
 * turned into the events they stand for, and checked against the table of which event may follow
 * which (model/eventOrder.ts): anything that could only be read by guessing is an
 * `InvalidEventLogError` naming the event.
 */
export function readEventLog(record: CreditRecord, prefix: (string | number)[] = []): PlacedEvent[] {
  const placed: PlacedEvent[] = (record.events ?? []).map((event, i) => ({ event, path: [...prefix, 'events', i] }));
  const issues = eventLogIssues(placed, { record, sanctionPeriodMonths: SANCTION_PERIOD_MONTHS });
  if (issues.length) throw new InvalidEventLogError(issues);
  return [...placed, ...shorthandEvents(record, prefix)];
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
        issue([...prefix, 'mitigation', 'lighterTo'], 'not_applicable', `记录 ${record.id}：${LIGHTER_TO_ONLY_WHEN_LIGHTER['zh-CN']}`, `record ${record.id}: ${LIGHTER_TO_ONLY_WHEN_LIGHTER.en}`),
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
