import { addMonthsIso } from '../../_lib/days.js';
import { CSL_FACTS, PSL_FACTS, REG07_FACTS, SANCTION_PERIOD_MONTHS as SANCTION_MONTHS, statuteBasis } from '../../model/statutes.js';
import type { LegalBasis } from '../../deadlines/types.js';
import { InvalidInputError, issue } from '../../model/errors.js';
import type { Policy } from '../../model/policy.js';
import { RemainderChain } from './remainderChain.js';
import { CAP_MONTHS, PSL_IN_FORCE, regimeOf, type Live, type PeriodPlan, type SanctionAsKnown, type SanctionRegime } from './sanctionAsKnown.js';

export * from './sanctionAsKnown.js';

/**
 * The clause a sanction's period cites, by the regime of the day it took effect: 政务处分法 from
 * 2020-07-01, the 2007 regulations before; earlier still, the periods of 公务员法 (the same months) and
 * the regulations' rule for combining them, the earliest this library encodes. Built once from the
 * statute facts and shared (frozen) by every plan.
 */
const PERIOD_BASIS: Readonly<Record<SanctionRegime, LegalBasis>> = Object.freeze({
  psl: Object.freeze(statuteBasis(PSL_FACTS, 'sanctionPeriodMonths')),
  reg07: Object.freeze(statuteBasis(REG07_FACTS, 'sanctionPeriodMonths')),
  'before-2007': Object.freeze(statuteBasis(CSL_FACTS, 'sanctionPeriodMonths')),
});
const COMBINED_BASIS: Readonly<Record<SanctionRegime, LegalBasis>> = Object.freeze({
  psl: Object.freeze(statuteBasis(PSL_FACTS, 'combinedPeriodClause')),
  reg07: Object.freeze(statuteBasis(REG07_FACTS, 'combinedPeriodClause')),
  'before-2007': Object.freeze(statuteBasis(REG07_FACTS, 'combinedPeriodClause')),
});

const statutoryBasis = (regime: SanctionRegime): LegalBasis => PERIOD_BASIS[regime];
const combinedBasis = (regime: SanctionRegime): LegalBasis => COMBINED_BASIS[regime];

/**
 * The periods of a subject's sanctions (not revoked) as known on one day.
 *
 * General rule: one statutory period from the effective day. Exceptions, as the law writes them:
 * - the decision fixed its own period (`periodMonths`), checked against what the law allows;
 * - several sanctions of one kind up to 撤职 taking effect together (政务处分法 15; 条例 10 ①): the
 *   deciding body fixes the period between one period and the sum, at most 48 months. Without the
 *   period, policy `combinedSanctionPeriods` decides how the library reads it (default: certain
 *   through one period, uncertain through the capped sum);
 * - before 2020-07-01, a new sanction during a running period runs for the remainder of the running
 *   one plus its own period, at most 48 months (条例 10 ②、③).
 *
 * @throws InvalidInputError at the field where a decided period falls outside the law's bounds, or
 *   where sanctions taking effect together carry different decided periods.
 */
export function planSanctionPeriods(sanctions: readonly { id: string; sanction: SanctionAsKnown }[], policy: Pick<Policy, 'combinedSanctionPeriods'>): Map<string, PeriodPlan> {
  const plans = new Map<string, PeriodPlan>();
  const live: Live[] = [];
  for (const { id, sanction: s } of sanctions) {
    if (s.revoked || s.sanction === 'expulsion') continue;
    live.push({ id, s: s as Live['s'] });
  }
  for (const group of groupsOf(live).values()) for (const [id, plan] of planGroup(group, policy)) plans.set(id, plan);
  chainRemainders(live.filter((l) => l.s.effectiveOn < PSL_IN_FORCE), plans);
  return plans;
}

/** Same kind, same effective day: one group (政务处分法 15 applies to groups of two or more), in the order given. */
export function groupsOf(live: readonly Live[]): Map<string, Live[]> {
  const groups = new Map<string, Live[]>();
  for (const l of live) {
    const key = groupKey(l.s);
    const g = groups.get(key);
    if (g) g.push(l);
    else groups.set(key, [l]);
  }
  return groups;
}

const groupKey = (s: SanctionAsKnown): string => `${s.sanction}|${s.effectiveOn}`;

/** The plans of one group of same-kind sanctions taking effect on one day, before any remainder (条例 10 ②). */
export function planGroup(group: readonly Live[], policy: Pick<Policy, 'combinedSanctionPeriods'>): Map<string, PeriodPlan> {
  const plans = new Map<string, PeriodPlan>();
  const { sanction, effectiveOn } = group[0]!.s;
  const regime = regimeOf(effectiveOn);
  const single = SANCTION_MONTHS[sanction];
  const max = Math.min(CAP_MONTHS, single * group.length);
  const ids = group.map((g) => g.id);
  const decided = group.filter((g) => g.s.periodMonths !== undefined);
  for (const g of decided.slice(1)) {
    if (g.s.periodMonths !== decided[0]!.s.periodMonths) {
      throw new InvalidInputError([
        issue(
          g.s.periodPath,
          'conflicting_period',
          `记录 ${decided[0]!.id} 与 ${g.id} 为同日生效的同类处分，处分期只能确定一个，但分别为 ${decided[0]!.s.periodMonths} 和 ${g.s.periodMonths} 个月（政务处分法第十五条）`,
          `records ${decided[0]!.id} and ${g.id} are same-kind sanctions taking effect together; one period is fixed for them, but they say ${decided[0]!.s.periodMonths} and ${g.s.periodMonths} months (政务处分法 15)`,
        ),
      ]);
    }
  }
  for (const g of decided) {
    const m = g.s.periodMonths!;
    const lo = single;
    const hi = group.length > 1 ? max : CAP_MONTHS;
    if (m < lo || m > hi) {
      throw new InvalidInputError([
        issue(
          g.s.periodPath,
          'period_out_of_bounds',
          `处分期应在 ${lo} 到 ${hi} 个月之间（一个处分期以上、${group.length > 1 ? `${group.length} 个处分期之和` : '多个处分期之和'}以下，最长四十八个月；政务处分法第十五条），收到 ${m}`,
          `the period must be ${lo} to ${hi} months (at least one period, at most ${group.length > 1 ? `the sum of ${group.length} periods` : 'the sum of the periods'}, never over 48; 政务处分法 15), got ${m}`,
        ),
      ]);
    }
  }
  const base = { effectiveOn, regime };
  for (const g of group) {
    const combinedWith = ids.filter((id) => id !== g.id);
    let plan: PeriodPlan;
    if (decided.length) {
      const m = decided[0]!.s.periodMonths!;
      plan = { ...base, months: m, lastDay: addMonthsIso(effectiveOn, m), latestLastDay: null, determination: 'decided', basis: combinedBasis(regime), combinedWith };
    } else if (group.length === 1) {
      plan = { ...base, months: single, lastDay: addMonthsIso(effectiveOn, single), latestLastDay: null, determination: 'statutory', basis: statutoryBasis(regime), combinedWith };
    } else if (policy.combinedSanctionPeriods === 'sum-capped-48') {
      plan = { ...base, months: max, lastDay: addMonthsIso(effectiveOn, max), latestLastDay: null, determination: 'assumed-sum', basis: combinedBasis(regime), combinedWith };
    } else if (policy.combinedSanctionPeriods === 'longest') {
      plan = { ...base, months: single, lastDay: addMonthsIso(effectiveOn, single), latestLastDay: null, determination: 'assumed-one', basis: combinedBasis(regime), combinedWith };
    } else {
      plan = {
        ...base,
        months: single,
        lastDay: addMonthsIso(effectiveOn, single),
        latestLastDay: addMonthsIso(effectiveOn, max),
        determination: 'to-be-fixed',
        basis: combinedBasis(regime),
        combinedWith,
      };
    }
    plans.set(g.id, plan);
  }
  return plans;
}

/**
 * 条例 10 ②: before 2020-07-01, a sanction taking effect during a running period (of another
 * decision) runs for the remainder of that period plus its own, at most 48 months. In order of
 * effective day, so that a chain extends the extended period. `early` are the live sanctions that
 * took effect before 2020-07-01 (only they can run or extend); their group plans are in `plans`,
 * replaced where a remainder applies.
 */
export function chainRemainders(early: readonly Live[], plans: Map<string, PeriodPlan>): void {
  // Linear in the sanctions and the lists it builds; the timeline's tracker keeps one chain and appends to it (issue 25).
  new RemainderChain(plans).reset(early);
}
