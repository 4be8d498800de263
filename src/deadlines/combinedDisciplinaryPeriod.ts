import { fromDayNumber } from '../_lib/days.js';
import { toCount, toDay, toOptions } from '../_lib/input.js';
import { InvalidInputError, issue, type Issue } from '../model/errors.js';
import type { DateInput } from '../model/index.js';
import { monthPeriodEnd, toBasis, toSanction } from './_internal/build.js';
import { PSL_FACTS, SANCTION_PERIOD_MONTHS, statuteBasis } from '../model/statutes.js';
import type { CombinedDisciplinaryPeriod, LegalBasis, PeriodSanction } from './types.js';


/**
 * The period of several sanctions of the same kind up to 撤职 given together (政务处分法 第十五条:
 * 应当给予撤职以下多个相同政务处分的，可以在一个政务处分期以上、多个政务处分期之和以下确定政务处分期，但是最长
 * 不得超过四十八个月; 行政机关公务员处分条例 第十条 before 2020-07-01).
 *
 * The law does not fix the period: the deciding body does, between one period and the sum, capped
 * at 48 months. With the body's figure (`opts.months`, checked against those bounds) the period is
 * determined. Without it, only its bounds are: `lastDay`/`liftsOn` are the certain end (one period)
 * and `latestLastDay`/`latestLiftsOn` the longest the law allows; `months` is null. "撤职以下"
 * includes 撤职 (以上/以下 include the stated grade), so warning…removal qualify and expulsion does not;
 * "相同" means one kind, so mixing kinds is refused. Counted from the earliest effective day, never rolled.
 *
 * @param sanctions - `{ sanction, effectiveOn }[]`, at least one, all of the same kind.
 * @param opts.months - the period the decision fixed, within [one period, capped sum].
 * @param opts.basis - the clause to cite; default PSL-15.
 * @returns a `CombinedDisciplinaryPeriod` (`months`, `minMonths`, `maxMonths`, `lastDay`, `liftsOn`,
 *   `latestLastDay`, `latestLiftsOn`, `determined`, …).
 * @throws InvalidInputError (paths `['sanctions', i, …]`, `['opts', …]`).
 * @example
 * const three = [1, 2, 3].map(() => ({ sanction: 'major-demerit', effectiveOn: '2026-03-15' }));
 * combinedDisciplinaryPeriod(three);
 * // determined false, months null: lastDay '2027-09-15' (18 months, certain), latestLastDay '2030-03-15' (54 capped to 48)
 * combinedDisciplinaryPeriod(three, { months: 30 }); // determined, lastDay '2028-09-15'
 */
export function combinedDisciplinaryPeriod(
  sanctions: readonly { sanction: PeriodSanction; effectiveOn: DateInput }[],
  opts?: { months?: number; basis?: LegalBasis },
): CombinedDisciplinaryPeriod {
  let list = false;
  try {
    list = Array.isArray(sanctions) && sanctions.length > 0;
  } catch {
    // a revoked Proxy: not a list
  }
  if (!list) {
    throw new InvalidInputError([issue(['sanctions'], 'invalid_type', '应为至少一项处分的数组', 'expected a non-empty array of sanctions')]);
  }
  const o = toOptions(opts, ['opts'], ['months', 'basis']);
  const basis = toBasis(o.basis, statuteBasis(PSL_FACTS, 'combinedPeriodClause'), ['opts', 'basis']);
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
  const minMonths = SANCTION_PERIOD_MONTHS[k];
  // 政务处分法 第十五条: 最长不得超过四十八个月.
  const maxMonths = Math.min(PSL_FACTS.parameters.longestPeriodMonths.value, minMonths * sanctions.length);
  let months: number | null = null;
  if (o.months !== undefined) {
    months = toCount(o.months, ['opts', 'months']);
    if (months < minMonths || months > maxMonths) {
      throw new InvalidInputError([
        issue(['opts', 'months'], 'out_of_range', `合并期间应在 ${minMonths} 到 ${maxMonths} 个月之间，收到 ${months}`, `the combined period must be ${minMonths} to ${maxMonths} months, got ${months}`),
      ]);
    }
  }
  const certain = monthPeriodEnd(earliest, months ?? minMonths, ['sanctions']);
  const latest = months === null ? monthPeriodEnd(earliest, maxMonths, ['sanctions']) : certain;
  return {
    sanction: k,
    count: sanctions.length,
    months,
    minMonths,
    maxMonths,
    determined: months !== null || minMonths === maxMonths,
    effectiveOn: fromDayNumber(earliest),
    lastDay: certain.lastDay,
    liftsOn: certain.liftsOn,
    latestLastDay: latest.lastDay,
    latestLiftsOn: latest.liftsOn,
    basis,
    dateRules: ['CC-201', 'CC-202'],
  };
}
