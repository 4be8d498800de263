import { fromDayNumber } from '../_lib/days.js';
import { toCount, toDay, toOptions } from '../calendar/_internal/input.js';
import { InvalidInputError, issue, type Issue } from '../model/errors.js';
import type { DateInput } from '../model/index.js';
import { monthPeriodEnd, SANCTION_MONTHS, toBasis, toSanction } from './_internal/build.js';
import { LEGAL_BASES } from './legalBases.js';
import type { CombinedDisciplinaryPeriod, LegalBasis, PeriodSanction } from './types.js';

/** The longest combined period (政务处分法 第十五条: 最长不得超过四十八个月). */
const CAP_MONTHS = 48;

/**
 * The combined period of several sanctions of the same kind below expulsion imposed together
 * (政务处分法 第十五条: 同时受到几种撤职以下同类处分的，执行期合并，最长不得超过四十八个月).
 *
 * Reading: "撤职以下" includes 撤职 (以上/以下 include the stated grade), so warning…removal qualify and
 * expulsion does not; "同类" means all of one kind, so mixing kinds is refused (different kinds are
 * not combined under this clause). The combined period is at least one period and at most the
 * sum, capped at 48 months. Unless the deciding authority's own figure is given (`opts.months`),
 * the maximum is used (the sum, capped), from the earliest effective day, never rolled.
 *
 * @param sanctions - `{ sanction, effectiveOn }[]`, at least one, all of the same kind.
 * @param opts.months - the period the decision fixed, within [one period, capped sum].
 * @param opts.basis - the clause to cite; default PSL-15.
 * @returns a `CombinedDisciplinaryPeriod` (`months`, `minMonths`, `maxMonths`, `lastDay`, `liftsOn`, …).
 * @throws InvalidInputError (paths `['sanctions', i, …]`, `['opts', …]`).
 * @example
 * combinedDisciplinaryPeriod([
 *   { sanction: 'major-demerit', effectiveOn: '2026-03-15' },
 *   { sanction: 'major-demerit', effectiveOn: '2026-03-15' },
 *   { sanction: 'major-demerit', effectiveOn: '2026-03-15' },
 * ]); // months 48 (54 capped), lastDay '2030-03-15', liftsOn '2030-03-16'
 */
export function combinedDisciplinaryPeriod(
  sanctions: readonly { sanction: PeriodSanction; effectiveOn: DateInput }[],
  opts?: { months?: number; basis?: LegalBasis },
): CombinedDisciplinaryPeriod {
  if (!Array.isArray(sanctions) || sanctions.length === 0) {
    throw new InvalidInputError([issue(['sanctions'], 'invalid_type', '应为至少一项处分的数组', 'expected a non-empty array of sanctions')]);
  }
  const o = toOptions(opts, ['opts'], ['months', 'basis']);
  const basis = toBasis(o.basis, LEGAL_BASES['PSL-15'], ['opts', 'basis']);
  let kind: PeriodSanction | undefined;
  let earliest = Number.POSITIVE_INFINITY;
  const issues: Issue[] = [];
  sanctions.forEach((item, i) => {
    const entry = toOptions(item ?? null, ['sanctions', i], ['sanction', 'effectiveOn']);
    const s = toSanction(entry.sanction, ['sanctions', i, 'sanction']);
    const day = toDay(entry.effectiveOn, ['sanctions', i, 'effectiveOn']);
    if (kind === undefined) kind = s;
    else if (s !== kind) {
      issues.push(
        issue(
          ['sanctions', i, 'sanction'],
          'mixed_kinds',
          `政务处分法第十五条只合并同类处分：第 0 项为 ${kind}，此项为 ${s}`,
          `政务处分法 15 combines sanctions of one kind only: item 0 is ${kind}, this one is ${s}`,
        ),
      );
    }
    earliest = Math.min(earliest, day);
  });
  if (issues.length) throw new InvalidInputError(issues);
  const k = kind!;
  const minMonths = SANCTION_MONTHS[k];
  const maxMonths = Math.min(CAP_MONTHS, minMonths * sanctions.length);
  let months = maxMonths;
  if (o.months !== undefined) {
    months = toCount(o.months, ['opts', 'months']);
    if (months < minMonths || months > maxMonths) {
      throw new InvalidInputError([
        issue(['opts', 'months'], 'out_of_range', `合并期间应在 ${minMonths} 到 ${maxMonths} 个月之间，收到 ${months}`, `the combined period must be ${minMonths} to ${maxMonths} months, got ${months}`),
      ]);
    }
  }
  const { lastDay, liftsOn } = monthPeriodEnd(earliest, months, ['sanctions']);
  return {
    sanction: k,
    count: sanctions.length,
    months,
    minMonths,
    maxMonths,
    effectiveOn: fromDayNumber(earliest),
    lastDay,
    liftsOn,
    basis,
    dateRules: ['CC-201', 'CC-202'],
  };
}
