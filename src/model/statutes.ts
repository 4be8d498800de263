import csl from '../../law/公务员法.json';
import ar from '../../law/公务员考核规定.json';
import psl from '../../law/公职人员政务处分法.json';
import reg07 from '../../law/行政机关公务员处分条例.json';
import gbf202522 from '../../law/国办发〔2025〕22号.json';
import { deepFreeze } from '../_lib/plain.js';
import type { LocalizedText } from './errors.js';
import type { Action, Sanction, Severity, Verification } from './vocabulary.js';

// Statute facts the code reads, as data beside the law's text (law/<statute>.json next to
// law/<statute>.md), each with the clause it comes from and the day it took effect, as OpenFisca keeps
// dated parameters with their reference. Rules are in the packs; these are the facts the lifecycle and
// the decision need whatever the pack: when a statute took effect, how long a sanction runs, which
// actions a sanction bars, which clause fixes a combined period.

/** One statute fact: its value, and the clause, section and words it rests on. */
export interface StatuteParameter<T> {
  value: T;
  /** The clause id (as the cn-national pack numbers it). */
  clause: string;
  /** Where in the statute: 第八条. */
  section: string;
  /** The words it rests on, verbatim from law/<statute>.md where `verification` is `verified`. */
  quote: string;
  verification: Verification;
  /** The day the clause took effect, where it is not the statute's own. */
  since?: string;
  /** What the code does with it, in both languages. */
  why?: LocalizedText;
}

export type SanctionMonths = Readonly<Record<Exclude<Sanction, 'expulsion'>, number>>;

/** A statute's facts: its title, the text beside it, and its parameters. */
export interface Statute {
  document: string;
  /** law/<file> holding the vendored articles; absent where the statute is not vendored. */
  text?: string;
  /** The prefix of the statute's clause ids in the packs (REG07-). */
  clausePrefix?: string;
  parameters: {
    inForce?: StatuteParameter<string>;
    sanctionPeriodMonths?: StatuteParameter<SanctionMonths>;
    combinedPeriodClause?: StatuteParameter<string>;
    longestPeriodMonths?: StatuteParameter<number>;
    sanctionBars?: StatuteParameter<readonly Action[]>;
    /** 国办发〔2025〕22号 二: the longest publicity period of each class of credit information, in months. */
    longestPublicityMonths?: StatuteParameter<Readonly<Record<Severity, number>>>;
    /** 条例 10 ②: a new sanction during a running period runs for the remainder plus its own. */
    successivePeriodClause?: StatuteParameter<string>;
    /** 公务员法 95, 96: the calendar days of the review and appeal steps. */
    reviewApplicationDays?: StatuteParameter<number>;
    appealDays?: StatuteParameter<number>;
    reviewDecisionDays?: StatuteParameter<number>;
    appealDecisionDays?: StatuteParameter<number>;
    appealDecisionLongestExtensionDays?: StatuteParameter<number>;
  };
}

type WithParameters<K extends keyof Statute['parameters']> = Statute & { parameters: Required<Pick<Statute['parameters'], K>> };

/** 中华人民共和国公职人员政务处分法（2020）. */
export const PSL_FACTS = /* @__PURE__ */ deepFreeze(psl as WithParameters<'inForce' | 'sanctionPeriodMonths' | 'combinedPeriodClause' | 'longestPeriodMonths' | 'sanctionBars'>);
/** 行政机关公务员处分条例（2007）. */
export const REG07_FACTS = /* @__PURE__ */ deepFreeze(reg07 as WithParameters<'inForce' | 'sanctionPeriodMonths' | 'combinedPeriodClause' | 'sanctionBars' | 'successivePeriodClause'> & { clausePrefix: string });
/** 中华人民共和国公务员法（2018修订）. */
export const CSL_FACTS = /* @__PURE__ */ deepFreeze(
  csl as WithParameters<'inForce' | 'sanctionPeriodMonths' | 'sanctionBars' | 'reviewApplicationDays' | 'appealDays' | 'reviewDecisionDays' | 'appealDecisionDays' | 'appealDecisionLongestExtensionDays'>,
);
/** 公务员考核规定（2020）. */
export const AR_FACTS = /* @__PURE__ */ deepFreeze(ar as WithParameters<'sanctionBars'>);

/** 国办发〔2025〕22号 (credit information by severity; its text not vendored, so secondary). */
export const GBF_2025_22_FACTS = /* @__PURE__ */ deepFreeze(gbf202522 as WithParameters<'longestPublicityMonths'>);

/** Every statute whose facts the code reads. */
export const STATUTE_FACTS: readonly Statute[] = /* @__PURE__ */ deepFreeze([PSL_FACTS, REG07_FACTS, CSL_FACTS, AR_FACTS, GBF_2025_22_FACTS]);

/**
 * Months of each sanction's period (政务处分法 8, 公务员法 64, 条例 7 agree): 开除 has none. A changed
 * sanction's decided period may not be shorter.
 */
export const SANCTION_PERIOD_MONTHS: SanctionMonths = /* @__PURE__ */ parameterValue(PSL_FACTS, 'sanctionPeriodMonths');

/** The sanctions that have a period (警告 to 撤职; 开除 has none), in the statute's order. */
export const PERIOD_SANCTIONS: readonly (keyof SanctionMonths)[] = /* @__PURE__ */ periodSanctions();

/* @__NO_SIDE_EFFECTS__ */
function periodSanctions(): readonly (keyof SanctionMonths)[] {
  return Object.freeze(Object.keys(SANCTION_PERIOD_MONTHS) as (keyof SanctionMonths)[]);
}

/**
 * The months a decided period may have (政务处分法 15; 条例 10): from the shortest statutory period
 * (警告, 6) to the longest any combination may run (48).
 */
export const DECIDED_PERIOD_MONTHS: Readonly<{ min: number; max: number }> = /* @__PURE__ */ decidedPeriodMonths();

/* @__NO_SIDE_EFFECTS__ */
function decidedPeriodMonths(): Readonly<{ min: number; max: number }> {
  // A function, so that a bundle that never checks a decided period (the calendar entry) leaves it out.
  return Object.freeze({ min: Math.min(...Object.values(SANCTION_PERIOD_MONTHS)), max: parameterValue(PSL_FACTS, 'longestPeriodMonths') });
}

/** A statute parameter's value (a call, so that a bundle that never reads it can leave the data out). */
/* @__NO_SIDE_EFFECTS__ */
function parameterValue<S extends Statute, K extends PresentParameter<S>>(statute: S, parameter: K): NonNullable<S['parameters'][K]>['value'] {
  return statute.parameters[parameter]!.value;
}

/** The parameters a statute's facts are typed to hold (a missing one is a compile error, not an undefined). */
type PresentParameter<S extends Statute> = { [K in keyof S['parameters']]-?: undefined extends S['parameters'][K] ? never : K }[keyof S['parameters']] & keyof Statute['parameters'];

/** A clause as a deadline or a period cites it: its id, the statute's title and where in it. */
export interface StatuteBasis {
  clause: string;
  document: string;
  section: string;
}

/**
 * The clause one statute fact rests on, as a deadline or a period cites it (the statute's title and
 * the parameter's clause and section, both from law/<statute>.json).
 *
 * @example
 * statuteBasis(PSL_FACTS, 'sanctionPeriodMonths'); // { clause: 'PSL-8', document: '中华人民共和国公职人员政务处分法（2020）', section: '第八条' }
 */
/* @__NO_SIDE_EFFECTS__ */
export function statuteBasis<S extends Statute>(statute: S, parameter: PresentParameter<S>): StatuteBasis {
  const p = statute.parameters[parameter]!;
  return { clause: p.clause, document: statute.document, section: p.section };
}
