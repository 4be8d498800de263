// What the period planner (sanctionPeriods.ts) and the 条例 10 ② chain (remainderChain.ts) both read:
// the statute facts by regime, a sanction as known on a day, and the plan of its period. Its own module
// so that the two import it, and not each other.
import { PSL_FACTS, REG07_FACTS } from '../../model/statutes.js';
import type { LegalBasis, PeriodSanction } from '../../deadlines/types.js';
import type { Sanction } from '../../model/vocabulary.js';
import type { PlacedEvent } from './eventLog.js';
import type { CreditRecord } from '../../model/record.js';

/** 政务处分法 took effect on this day (law/公职人员政务处分法.json); sanctions decided earlier follow 行政机关公务员处分条例 (2007). */
export const PSL_IN_FORCE = PSL_FACTS.parameters.inForce.value;
/** 行政机关公务员处分条例 took effect on this day (law/行政机关公务员处分条例.json, 第五十五条). */
export const REG07_IN_FORCE = REG07_FACTS.parameters.inForce.value;
/** The longest period (政务处分法 15; 行政机关公务员处分条例 10: 最长不得超过48个月). */
export const CAP_MONTHS = PSL_FACTS.parameters.longestPeriodMonths.value;

/** Which law fixes a sanction's period: by the day the decision took effect. */
export type SanctionRegime = 'psl' | 'reg07' | 'before-2007';

export function regimeOf(effectiveOn: string): SanctionRegime {
  return effectiveOn >= PSL_IN_FORCE ? 'psl' : effectiveOn >= REG07_IN_FORCE ? 'reg07' : 'before-2007';
}

/** A sanction as it stands on a knowledge day: the record's, or the latest change known (变更处分决定). */
export interface SanctionAsKnown {
  sanction: Sanction;
  effectiveOn: string;
  periodMonths: number | undefined;
  /** Where the host wrote the period (the record's field, or the change event's). */
  periodPath: (string | number)[];
  /** Where the host wrote `effectiveOn` (the record's `effectiveOn` or `decidedOn`, or the change event's). */
  effectivePath: (string | number)[];
  changed: { on: string; from: Sanction; by: string } | null;
  revoked: { on: string; by: string } | null;
}

/**
 * The sanction of a `disciplinary-sanction` record as known on `knownOn`. A change or revocation is
 * a new decision that replaces the old one: once known, it holds for every day asked about
 * (as a revocation does), since the old decision was found wrong.
 */
export function sanctionAsKnown(record: CreditRecord, events: readonly PlacedEvent[], knownOn: string, prefix: (string | number)[]): SanctionAsKnown | null {
  if (record.kind !== 'disciplinary-sanction' || !record.sanction || record.decidedOn > knownOn) return null;
  let out: SanctionAsKnown = {
    sanction: record.sanction,
    effectiveOn: record.effectiveOn ?? record.decidedOn,
    periodMonths: record.periodMonths,
    periodPath: [...prefix, 'periodMonths'],
    effectivePath: [...prefix, record.effectiveOn !== undefined ? 'effectiveOn' : 'decidedOn'],
    changed: null,
    revoked: null,
  };
  for (const p of events) {
    const e = p.event;
    if (e.date > knownOn) continue;
    if (e.type === 'sanction-changed') {
      out = {
        sanction: e.sanction,
        effectiveOn: e.effectiveOn,
        periodMonths: e.periodMonths,
        periodPath: [...p.path, 'periodMonths'],
        effectivePath: [...p.path, 'effectiveOn'],
        changed: { on: e.date, from: out.changed?.from ?? record.sanction, by: e.by },
        revoked: null,
      };
    } else if (e.type === 'sanction-revoked') {
      out = { ...out, revoked: { on: e.date, by: e.by } };
    }
  }
  return out;
}

/** How a sanction period's end was fixed. */
export type PeriodDetermination =
  /** One statutory period (公务员法 64, 政务处分法 8, 条例 7). */
  | 'statutory'
  /** The period the decision fixed (`periodMonths`). */
  | 'decided'
  /** Several same-kind sanctions, period not given: certain through one period, possibly through the capped sum. */
  | 'to-be-fixed'
  /** Same, with host policy assuming the capped sum. */
  | 'assumed-sum'
  /** Same, with host policy assuming one period. */
  | 'assumed-one'
  /** A new sanction during a running period before 2020-07-01: the remainder plus the new period (条例 10 ②). */
  | 'remainder';

/** The period of one sanction, as planned from all the subject's sanctions known on a day. */
export interface PeriodPlan {
  effectiveOn: string;
  /** The months of the period where it is a number of months from `effectiveOn`; null for a remainder period. */
  months: number | null;
  /** The last day that is certain. */
  lastDay: string;
  /** The last day if the deciding body fixes the longest period the law allows; null where the period is determined. */
  latestLastDay: string | null;
  determination: PeriodDetermination;
  basis: LegalBasis;
  /** Same-kind sanctions taking effect with this one (政务处分法 15), or the running sanctions it extends (条例 10 ②). */
  combinedWith: string[];
  regime: SanctionRegime;
}

/** A sanction that has a period (not revoked, not 开除), by record id. */
export interface Live {
  id: string;
  s: SanctionAsKnown & { sanction: PeriodSanction };
}
