import { DATE_RANGE, isDateOutOfRange } from '../../_lib/days.js';
import { InvalidInputError, issue } from '../../model/errors.js';
import type { CreditRecord } from '../../model/record.js';

type Path = readonly (string | number)[];

/**
 * Runs the reduction of one host record and turns a date that leaves the supported range
 * (1949-10-01..2199-12-31) into an InvalidInputError at the field the host wrote, never at a
 * computed date or a deadline function's argument.
 *
 * Input dates are in range (the schema checks them), so only a date computed from the record can
 * leave it: the end of its sanction period (from `effectiveOn` where the host wrote it, else from
 * `decidedOn`) or, for other records, the end of a lifetime set by policy (from `decidedOn`).
 * Deadlines are not among them: one that cannot be computed is a note of the decision.
 *
 * @param record - the host's record; `path` is where it sits in the input (`['subject', 'records', i]`).
 */
export function atRecordField<T>(record: CreditRecord, path: Path, reduce: () => T): T {
  try {
    return reduce();
  } catch (e) {
    if (!isDateOutOfRange(e)) throw e;
    const range = `${DATE_RANGE.from} 至 ${DATE_RANGE.to}`;
    const rangeEn = `${DATE_RANGE.from}..${DATE_RANGE.to}`;
    if (record.kind === 'disciplinary-sanction' && record.sanction && record.sanction !== 'expulsion') {
      const field = record.effectiveOn !== undefined ? 'effectiveOn' : 'decidedOn';
      const start = record[field]!;
      throw new InvalidInputError([
        issue(
          [...path, field],
          'out_of_range',
          `记录 ${record.id}：处分期自 ${start} 起算，其结束日超出本库支持的日期范围（${range}）`,
          `record ${record.id}: its sanction period, from ${start}, ends after the supported range ${rangeEn}`,
        ),
      ]);
    }
    throw new InvalidInputError([
      issue(
        [...path, 'decidedOn'],
        'out_of_range',
        `记录 ${record.id}：自 ${record.decidedOn} 起算的记录有效期（政策 recordLifetimeMonths）结束于本库支持的日期范围（${range}）之后`,
        `record ${record.id}: its lifetime from ${record.decidedOn} (policy recordLifetimeMonths) ends after the supported range ${rangeEn}`,
      ),
    ]);
  }
}

/**
 * Runs the derivation of a record from a missed rectification (GD-7, dated the day after the due
 * date) and turns a date out of range into an InvalidInputError at the order's `dueOn`.
 *
 * @param events - the host record's events with their paths; `dueOn` is the rectification's due date.
 */
export function atRectificationDue<T>(
  recordId: string,
  events: readonly { event: { type: string; dueOn?: string }; path: Path }[],
  dueOn: string,
  derive: () => T,
): T {
  try {
    return derive();
  } catch (e) {
    if (!isDateOutOfRange(e)) throw e;
    const order = events.find((p) => p.event.type === 'rectification-ordered' && p.event.dueOn === dueOn);
    throw new InvalidInputError([
      issue(
        order ? [...order.path, 'dueOn'] : [],
        'out_of_range',
        `记录 ${recordId}：整改期限 ${dueOn} 逾期未完成的，次日记入失信记录（GD-7），该日超出本库支持的日期范围（${DATE_RANGE.from} 至 ${DATE_RANGE.to}）`,
        `record ${recordId}: a rectification due ${dueOn} and not completed becomes a record the day after (GD-7), which is outside the supported range ${DATE_RANGE.from}..${DATE_RANGE.to}`,
      ),
    ]);
  }
}
