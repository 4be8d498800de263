import { deepFreeze } from '../_lib/plain.js';
import { ACTIONS, RECORD_KINDS, SANCTIONS, SUBJECT_KINDS, HONOUR_LEVELS, PUBLIC_SERVICE_ROLES, INVESTIGATION_OUTCOMES, ORGANISATIONAL_MEASURES } from './vocabulary.js';

// The words a pack's conditions are written in: the operators, the facts and their fields. A module of
// their own, below both conditions.ts (which checks conditions) and the generated types (which name
// FactName and Operator), so that neither imports the other.

/**
 * Conditions are json-rules-engine's condition format, restricted to what can be checked and
 * compiled: facts `record`, `subject`, `query`; plain dotted paths onto known fields; the
 * operators below; literal values. Anything else in a pack is refused at load.
 */
export const OPERATORS = /* @__PURE__ */ deepFreeze([
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const);
export type Operator = (typeof OPERATORS)[number];

/** The type of a field of a fact: what a condition's value is checked against. */
export type FieldType = 'string' | 'number' | 'boolean' | 'string[]';
/** A field of a fact: its type, its closed set of values if any, what it means. */
export interface FieldSpec {
  type: FieldType;
  values?: readonly string[];
  doc: string;
}

/** The facts a rule may read and their fields (`path`). The engine computes them per query. */
export const FACTS = /* @__PURE__ */ deepFreeze({
  record: {
    kind: { type: 'string', values: RECORD_KINDS, doc: 'record kind' },
    sanction: { type: 'string', values: SANCTIONS, doc: 'sanction of a disciplinary-sanction record as it stands (after any sanction-changed event), else null' },
    isIntegrityRecord: {
      type: 'boolean',
      doc: '政务失信记录 as the queried pack defines it: one of its recordKinds (policy unlistedRecordKinds) for this kind of subject; the 在履职过程中 part of the definition is applied by restsOn: integrity-record',
    },
    inEffectOnAsOf: { type: 'boolean', doc: 'in effect on the asOf date itself (not merely during the assessment year)' },
    inSanctionPeriod: { type: 'boolean', doc: 'asOf falls within the sanction period (处分期), from the effective day to its last day' },
    sanctionedInAssessmentYear: { type: 'boolean', doc: 'the sanction took effect in the assessment year (受处分的当年)' },
    sanctionSpansAssessmentYear: {
      type: 'boolean',
      doc: 'the sanction period runs in the assessment year and is not lifted in it (受处分的期间…在解除处分的当年及以后不受影响): effective on or before its last day, lifting after it',
    },
    decidedInAssessmentYear: { type: 'boolean', doc: 'the record was decided (took effect) in the assessment year (诫勉、组织处理 的当年)' },
    rectificationOrdered: { type: 'boolean', doc: 'a rectification (限期整改) was ordered for this record and is known' },
    derived: { type: 'boolean', doc: 'derived by the library (e.g. GD-7 rectification-overdue), not entered by the host' },
    objectionPending: { type: 'boolean', doc: 'an objection was filed and not yet replied to' },
    investigationOpen: {
      type: 'boolean',
      doc: 'an under-investigation record whose case is open on asOf: opened (decidedOn) on or before it and not closed (investigation-closed; policy investigationHandover) — 立案调查期间 (政务处分法 52, 考核规定 28)',
    },
    investigationOutcome: { type: 'string', values: INVESTIGATION_OUTCOMES, doc: 'how a closed case ended (no-sanction, warning, sanctioned), else null' },
    ungradedForAssessmentYear: {
      type: 'boolean',
      doc: 'a closed case whose investigation-closed event names the assessment year among the years left ungraded while it was open (考核规定 28: 结案后…补定等次)',
    },
    decisionInEffect: { type: 'boolean', doc: 'the decision has taken effect on asOf (its effective day, 政务处分法 8: 自作出之日起生效; for 开除 the personnel relationship ends that day, 政务处分法 26)' },
    yearsAfterDecision: { type: 'number', doc: 'the assessment year minus the year the decision took effect (0: 当年, 1: 第二年), else null' },
    organisationalMeasure: { type: 'string', values: ORGANISATIONAL_MEASURES, doc: 'what an organisational-handling record did (post-adjusted, ordered-to-resign, removed-from-post, demoted), else null' },
    sanctionLiftsByAssessmentYear: {
      type: 'boolean',
      doc: 'a sanction whose period lifts in or before the assessment year (在解除处分的当年及以后，其年度考核不受原处分影响)',
    },
  },
  subject: {
    kind: { type: 'string', values: SUBJECT_KINDS, doc: 'subject kind' },
    isPerson: { type: 'boolean', doc: 'civil servant or public-institution staff' },
    isBody: { type: 'boolean', doc: 'government or department' },
    coveredByCivilServantLaw: { type: 'boolean', doc: '公务员, or 参照公务员法管理 staff' },
    publicServiceRole: {
      type: 'string',
      values: PUBLIC_SERVICE_ROLES,
      doc: 'public-institution staff not under the Civil Servant Law whom 政务处分法 20 reaches: institution-manager or authorised-organisation; else null',
    },
    administrativeOrgan: { type: 'boolean', doc: 'a civil servant of an administrative organ (行政机关; assumed where the subject does not say), or 参公 staff (行政机关公务员处分条例 54)' },
    hasCreditFile: { type: 'boolean', doc: 'the host names a credit file' },
    countedRecords: { type: 'number', doc: 'number of 政务失信记录 (as the queried pack defines them) that count for this query' },
    countedAdverseRecords: {
      type: 'number',
      doc: 'number of records of any kind that count for this query, except open investigations (not a determination): what 信用记录良好 (NM-3) excludes',
    },
    honourLevels: { type: 'string[]', values: HONOUR_LEVELS, doc: 'levels of honour titles received on or before asOf' },
  },
  query: {
    action: { type: 'string', values: ACTIONS, doc: 'the action asked about' },
    assessmentYear: { type: 'number', doc: 'assessment year (annual reviews), else null' },
    assessmentReading: {
      type: 'string',
      values: ['calendar-years', 'sanction-period'],
      doc: 'policy assessmentReading: the reading of the 2020 assessment rules for reviews of 2021 on (calendar-years or sanction-period)',
    },
  },
} as const satisfies Record<string, Record<string, FieldSpec>>);
export type FactName = keyof typeof FACTS;
export const FACT_NAMES = /* @__PURE__ */ deepFreeze(Object.keys(FACTS) as FactName[]);
