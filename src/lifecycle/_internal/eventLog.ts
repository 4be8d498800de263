import { InvalidEventLogError } from '../../model/errors.js';
import { eventLogIssues, shorthandEvents, shorthandIssue, type PlacedEvent } from '../../model/eventOrder.js';
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
  const refused = shorthandIssue(record, prefix);
  if (refused) throw new InvalidEventLogError([refused]);
  return shorthandEvents(record).map(({ field, event }) => ({ event, path: [...prefix, field] }));
}
