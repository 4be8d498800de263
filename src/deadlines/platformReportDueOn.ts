import { toOptions } from '../_lib/input.js';
import type { Calendar } from '../calendar/types.js';
import type { DateInput } from '../model/index.js';
import { toBasis, toCalendar, toPositive, workingDayDeadline } from './_internal/build.js';
import { LEGAL_BASES } from './legalBases.js';
import type { Deadline, LegalBasis } from './types.js';

export interface PlatformReportOptions {
  /** Working days; default 5 (TH-10). */
  workingDays?: number;
  /** The clause to cite; default TH-10. */
  basis?: LegalBasis;
  calendar?: Calendar;
}

/**
 * The last day to report a corrected or revoked record to the provincial credit platform:
 * "经核实有误的信息，应及时更正或撤销……在五个工作日内将相关信息报送省级信用平台进行修改" (TH-10),
 * counted from the day of the correction/revocation, that day not counted (民法典 第二百零一条).
 * The correction is the body's own act, so the receipt policy does not apply.
 *
 * @param correctedOn - the day the record was corrected or revoked.
 * @param opts - `workingDays`, `basis`, `calendar`.
 * @returns a `Deadline` with `kind: 'platform-report'`.
 * @throws InvalidInputError (paths `['correctedOn']`, `['opts', …]`); CalendarCoverageError.
 * @example
 * platformReportDueOn('2026-09-30').dueOn; // '2026-10-13'
 */
export function platformReportDueOn(correctedOn: DateInput, opts?: PlatformReportOptions): Deadline {
  const o = toOptions(opts, ['opts'], ['workingDays', 'basis', 'calendar']);
  const n = o.workingDays === undefined ? 5 : toPositive(o.workingDays, ['opts', 'workingDays']);
  const basis = toBasis(o.basis, LEGAL_BASES['TH-10'], ['opts', 'basis']);
  const cal = toCalendar(o.calendar, ['opts', 'calendar']);
  return workingDayDeadline('platform-report', correctedOn, ['correctedOn'], n, basis, cal);
}
