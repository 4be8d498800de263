import { InvalidEventLogError, issue } from '../../model/errors.js';
import { LIGHTER_TO_ONLY_WHEN_LIGHTER, eventLogIssues, shorthandEvents, type PlacedEvent } from '../../model/eventOrder.js';
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
  return [...placed, ...placedShorthands(record, prefix)];
}

/** The shorthand fields as the events they stand for, checked where the log's own checks cannot see them. */
function placedShorthands(record: CreditRecord, prefix: (string | number)[]): PlacedEvent[] {
  const m = record.mitigation;
  if (m?.lighterTo !== undefined && m.outcome !== 'lighter') {
    throw new InvalidEventLogError([
      issue([...prefix, 'mitigation', 'lighterTo'], 'not_applicable', `记录 ${record.id}：${LIGHTER_TO_ONLY_WHEN_LIGHTER['zh-CN']}`, `record ${record.id}: ${LIGHTER_TO_ONLY_WHEN_LIGHTER.en}`),
    ]);
  }
  if (m && m.date < record.decidedOn) {
    throw new InvalidEventLogError([
      issue([...prefix, 'mitigation', 'date'], 'before_decision', `记录 ${record.id}：减免决定早于记录认定日期`, `record ${record.id}: the mitigation decision is before the record was decided`),
    ]);
  }
  return shorthandEvents(record).map(({ field, event }) => ({ event, path: [...prefix, field] }));
}
