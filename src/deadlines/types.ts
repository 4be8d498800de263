import type { ProvisionalReason } from '../calendar/types.js';
import type { DeadlineFunctionKind, Sanction } from '../model/vocabulary.js';

/** A clause a deadline rests on: id as used in the rule packs, document, section. */
export interface LegalBasis {
  clause: string;
  document: string;
  section?: string;
}

/** What a deadline function computes (model/vocabulary.ts `DEADLINE_FUNCTION_KINDS`). */
export type DeadlineKind = DeadlineFunctionKind;

/** A time limit to act, computed on the working-day calendar. */
export interface Deadline {
  kind: DeadlineKind;
  /** The day of the triggering event (receipt, correction, order, …). */
  eventOn: string;
  /** The first day counted: the day after the event (民法典 第二百零一条), or after the receipt moved to a working day. */
  startsOn: string;
  /** The last day on which the act is in time ("以内" includes it). */
  dueOn: string;
  period: { unit: 'working-days' | 'calendar-days'; length: number } | { unit: 'fixed-date' };
  /** The clause that sets the period. */
  basis: LegalBasis;
  /** Date-arithmetic clauses applied: CC-201 always, CC-203 when the last day was rolled. */
  dateRules: string[];
  /** The last day before rolling to a working day (民法典 第二百零三条), when it was rolled. */
  rolledFrom?: string;
  /** True when any day the result depends on is provisional (see the calendar's coverage). */
  provisional: boolean;
  /**
   * Why it is provisional, present exactly when `provisional` is: the years without a schedule it
   * counted and the calendar's `unknownYears` mode that estimated them ('statutory' or
   * 'weekends-only'), and the first day a coming notice can still move.
   */
  provisionalReason?: ProvisionalReason;
}

/** Sanctions that have a period (开除 has none). */
export type PeriodSanction = Exclude<Sanction, 'expulsion'>;

/** A disciplinary period (处分期 / 政务处分期) and the day the bar lifts. */
export interface DisciplinaryPeriod {
  sanction: PeriodSanction;
  months: number;
  /** The decision's effective day; the period is computed from it (政务处分法 第八条), the day itself not counted. */
  effectiveOn: string;
  /** The last day of the period: the corresponding day `months` later, or that month's end (民法典 第二百零二条). Never rolled. */
  lastDay: string;
  /** The day after the last day: the sanction ends automatically (公务员法 第六十五条) and the bar lifts. */
  liftsOn: string;
  basis: LegalBasis;
  dateRules: string[];
}

/** Several same-kind sanctions up to 撤职 given together (政务处分法 第十五条). */
export interface CombinedDisciplinaryPeriod extends Omit<DisciplinaryPeriod, 'months'> {
  /** How many sanctions were combined. */
  count: number;
  /** The period the deciding body fixed; null where it is not given (the law fixes only the bounds). */
  months: number | null;
  /** The range the law allows: one period at least, the sum capped at 48 months at most. */
  minMonths: number;
  maxMonths: number;
  /** Whether the period is known: the body's figure was given, or the bounds coincide (one sanction). */
  determined: boolean;
  /** The last day if the body fixes the longest period the law allows (equal to `lastDay` when determined). */
  latestLastDay: string;
  latestLiftsOn: string;
}
