import { toEnum, toOptions } from '../_lib/input.js';
import type { Calendar } from '../calendar/types.js';
import type { DateInput } from '../model/index.js';
import { toBasis, toCalendar, toPositive, workingDayDeadline } from './_internal/build.js';
import { LEGAL_BASES } from './legalBases.js';
import type { Deadline, LegalBasis } from './types.js';

export interface ObjectionReplyOptions {
  /** Working days to reply in; default 15 (TH-9). Provincial rules differ (山东 3 or 7, 浙江 5, …). */
  workingDays?: number;
  /** The clause to cite; default TH-9. */
  basis?: LegalBasis;
  calendar?: Calendar;
  /** Overrides the calendar's `receiptOnNonWorkingDay` policy. */
  receiptOnNonWorkingDay?: 'day-after-receipt' | 'next-working-day';
}

/**
 * The last day for the written reply to an objection (异议申请): "自接到异议申请之日起十五个工作日内
 * 向相关主体做出书面答复" (TH-9). The day of receipt is not counted (民法典 第二百零一条).
 *
 * A receipt on a non-working day is counted per the policy: 'day-after-receipt' (default) counts
 * from the next day whatever it is; 'next-working-day' moves the receipt to the first working day
 * and counts from the day after it. Received 2026-10-03 (国庆节): 2026-10-27 vs 2026-10-28.
 *
 * @param receivedOn - the day the objection was received, `YYYY-MM-DD` or a `Date` (Asia/Shanghai).
 * @param opts - `workingDays`, `basis`, `calendar`, `receiptOnNonWorkingDay`.
 * @returns a `Deadline` with `kind: 'objection-reply'`.
 * @throws InvalidInputError (paths `['receivedOn']`, `['opts', …]`); CalendarCoverageError when the
 *   count needs a year without a schedule.
 * @example
 * objectionReplyDueOn('2026-09-28').dueOn; // '2026-10-23'
 * objectionReplyDueOn('2026-10-03', { receiptOnNonWorkingDay: 'next-working-day' }).dueOn; // '2026-10-28'
 */
export function objectionReplyDueOn(receivedOn: DateInput, opts?: ObjectionReplyOptions): Deadline {
  const o = toOptions(opts, ['opts'], ['workingDays', 'basis', 'calendar', 'receiptOnNonWorkingDay']);
  const n = o.workingDays === undefined ? 15 : toPositive(o.workingDays, ['opts', 'workingDays']);
  const basis = toBasis(o.basis, LEGAL_BASES['TH-9'], ['opts', 'basis']);
  const cal = toCalendar(o.calendar, ['opts', 'calendar']);
  const policy =
    toEnum(o.receiptOnNonWorkingDay, ['opts', 'receiptOnNonWorkingDay'], ['day-after-receipt', 'next-working-day'] as const) ??
    cal.options.receiptOnNonWorkingDay;
  return workingDayDeadline('objection-reply', receivedOn, ['receivedOn'], n, basis, cal, policy);
}
