import { DATE_RANGE, isDateOutOfRange } from '../../_lib/days.js';
import type { PlacedEvent } from './eventLog.js';
import { sanctionAsKnown, type SanctionAsKnown } from './sanctionPeriods.js';
import { InvalidInputError, issue } from '../../model/errors.js';
import type { CreditRecord } from '../../model/record.js';

type Path = readonly (string | number)[];

const RANGE_ZH = `${DATE_RANGE.from} 至 ${DATE_RANGE.to}`;
const RANGE_EN = `${DATE_RANGE.from}..${DATE_RANGE.to}`;

/** The error for a sanction whose period, from the day the host wrote, would end past the range. */
export function periodOutOfRange(recordId: string, s: SanctionAsKnown): InvalidInputError {
  return new InvalidInputError([
    issue(
      [...s.effectivePath],
      'out_of_range',
      `记录 ${recordId}：处分期自 ${s.effectiveOn} 起算，其结束日超出本库支持的日期范围（${RANGE_ZH}）`,
      `record ${recordId}: its sanction period, from ${s.effectiveOn}, ends after the supported range ${RANGE_EN}`,
    ),
  ]);
}

/**
 * Runs the reduction of one host record and turns a date that leaves the supported range
 * (1949-10-01..2199-12-31) into an InvalidInputError at the field the host wrote, never at a
 * computed date or a deadline function's argument.
 *
 * Input dates are in range (the schema checks them), so only a date computed from the record can
 * leave it: the end of its sanction period (from the day the sanction took effect: the record's
 * `effectiveOn` or `decidedOn`, or a `sanction-changed` event's `effectiveOn`) or, for other
 * records, the end of a lifetime set by policy (from `decidedOn`). Deadlines are not among them:
 * one that cannot be computed is a note of the decision.
 *
 * @param path - where the record sits in the input (`['subject', 'records', i]`).
 */
export function atRecordField<T>(record: CreditRecord, events: readonly PlacedEvent[], path: Path, knownOn: string, reduce: () => T): T {
  try {
    return reduce();
  } catch (e) {
    if (!isDateOutOfRange(e)) throw e;
    const s = sanctionAsKnown(record, events, knownOn, [...path]);
    if (s && s.sanction !== 'expulsion' && !s.revoked) throw periodOutOfRange(record.id, s);
    throw new InvalidInputError([
      issue(
        [...path, 'decidedOn'],
        'out_of_range',
        `记录 ${record.id}：自 ${record.decidedOn} 起算的记录有效期（政策 recordLifetimeMonths）结束于本库支持的日期范围（${RANGE_ZH}）之后`,
        `record ${record.id}: its lifetime from ${record.decidedOn} (policy recordLifetimeMonths) ends after the supported range ${RANGE_EN}`,
      ),
    ]);
  }
}

/**
 * Plans the subject's sanction periods together and turns a period that would end past the range
 * into an InvalidInputError at the day the host wrote for the sanction concerned. Groups of
 * sanctions (same kind, same day) are planned independently of one another where the range can be
 * left (the 条例 10 ② remainder applies to sanctions before 2020-07-01 only), so on error each group
 * is planned alone to find the one that leaves it.
 */
export function planWithinRange<T>(
  sanctions: readonly { id: string; sanction: SanctionAsKnown }[],
  plan: (sanctions: readonly { id: string; sanction: SanctionAsKnown }[]) => T,
): T {
  try {
    return plan(sanctions);
  } catch (e) {
    if (!isDateOutOfRange(e)) throw e;
    const groups = new Map<string, { id: string; sanction: SanctionAsKnown }[]>();
    for (const x of sanctions) {
      const key = `${x.sanction.sanction}|${x.sanction.effectiveOn}`;
      groups.set(key, [...(groups.get(key) ?? []), x]);
    }
    for (const group of groups.values()) {
      try {
        plan(group);
      } catch (f) {
        if (isDateOutOfRange(f)) throw periodOutOfRange(group[0]!.id, group[0]!.sanction);
        throw f;
      }
    }
    throw e;
  }
}

/**
 * Runs the derivation of a record from a missed rectification (GD-7, dated the day after the due
 * date) and turns a date out of range into an InvalidInputError at the order's `dueOn`.
 *
 * @param events - the host record's events with their paths; `dueOn` is the rectification's due date.
 */
export function atRectificationDue<T>(recordId: string, events: readonly PlacedEvent[], dueOn: string, derive: () => T): T {
  try {
    return derive();
  } catch (e) {
    if (!isDateOutOfRange(e)) throw e;
    const order = events.find((p) => p.event.type === 'rectification-ordered' && p.event.dueOn === dueOn);
    throw new InvalidInputError([
      issue(
        order ? [...order.path, 'dueOn'] : [],
        'out_of_range',
        `记录 ${recordId}：整改期限 ${dueOn} 逾期未完成的，次日记入失信记录（GD-7），该日超出本库支持的日期范围（${RANGE_ZH}）`,
        `record ${recordId}: a rectification due ${dueOn} and not completed becomes a record the day after (GD-7), which is outside the supported range ${RANGE_EN}`,
      ),
    ]);
  }
}
