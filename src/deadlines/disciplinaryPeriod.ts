import { fromDayNumber } from '../_lib/days.js';
import { toDay, toOptions } from '../_lib/input.js';
import type { DateInput } from '../model/index.js';
import { monthPeriodEnd, toBasis, toSanction } from './_internal/build.js';
import { PSL_FACTS, SANCTION_PERIOD_MONTHS, statuteBasis } from '../model/statutes.js';
import type { DisciplinaryPeriod, LegalBasis, PeriodSanction } from './types.js';

/**
 * The disciplinary period (处分期 / 政务处分期) of a sanction and the day the bar lifts. Months per
 * 公务员法 第六十四条 and 政务处分法 第八条: 警告 6, 记过 12, 记大过 18, 降级 24, 撤职 24. The period
 * runs from the decision's effective day, that day not counted (民法典 第二百零一条); its last day is
 * the corresponding day `months` later, or that month's end (第二百零二条); the bar lifts the day
 * after. A period is not a time limit to act: it never rolls to a working day and needs no
 * holiday data, so any valid date works.
 *
 * @param sanction - 'warning' | 'demerit' | 'major-demerit' | 'demotion' | 'removal'
 *   ('expulsion' has no period and is refused).
 * @param effectiveOn - the day the decision took effect.
 * @param opts.basis - the clause to cite; default PSL-8 (pass `LEGAL_BASES['CSL-64']` for 公务员法).
 * @returns `{ sanction, months, effectiveOn, lastDay, liftsOn, basis, dateRules }`.
 * @throws InvalidInputError (paths `['sanction']`, `['effectiveOn']`, `['opts', …]`).
 * @example
 * disciplinaryPeriod('warning', '2026-03-15'); // lastDay '2026-09-15', liftsOn '2026-09-16'
 * disciplinaryPeriod('warning', '2026-08-31'); // lastDay '2027-02-28', liftsOn '2027-03-01'
 */
export function disciplinaryPeriod(sanction: PeriodSanction, effectiveOn: DateInput, opts?: { basis?: LegalBasis }): DisciplinaryPeriod {
  const s = toSanction(sanction, ['sanction']);
  const start = toDay(effectiveOn, ['effectiveOn']);
  const o = toOptions(opts, ['opts'], ['basis']);
  const basis = toBasis(o.basis, statuteBasis(PSL_FACTS, 'sanctionPeriodMonths'), ['opts', 'basis']);
  const months = SANCTION_PERIOD_MONTHS[s];
  const { lastDay, liftsOn } = monthPeriodEnd(start, months, ['effectiveOn']);
  return { sanction: s, months, effectiveOn: fromDayNumber(start), lastDay, liftsOn, basis, dateRules: ['CC-201', 'CC-202'] };
}
