// The model's part of the public surface, name by name (docs/integration.md, "The public API"): the
// closed sets a host names values from, the statute facts, the policy and its defaults, the limits,
// the parsers and the error classes; and, named one by one, the types a host writes its inputs and reads
// the outputs with (docs/integration.md, "Types"). The zod schemas are published together as `schemas`
// (model/schemas.ts); the label tables are read through labelOf(); the rest of src/model is the
// library's own.

// Errors.
export {
  ConfidentialRecordError,
  GovCreditError,
  InvalidEventLogError,
  InvalidInputError,
  InvalidPackError,
  UnknownPackError,
  type Issue,
  type Locale,
  type LocalizedText,
} from './errors.js';

// Closed sets (model/vocabulary.ts owns each with its words) and their derived sets.
export {
  ACTIONS,
  ANNUAL_REVIEW_ACTIONS,
  BODY_KINDS,
  CREDIT_CORRECTION_OUTCOMES,
  DAY_KINDS,
  EVENTS_AFTER_FINAL,
  HANDLED_BY_KINDS,
  HONOUR_LEVELS,
  INVESTIGATION_OUTCOMES,
  LABELS,
  LIFECYCLE_EVENT_TYPES,
  LIGHTER_MEASURES,
  MITIGATION_OUTCOMES,
  MITIGATION_STATUSES,
  NOTE_SOURCES,
  NOT_INTEGRITY_RECORD_KINDS,
  OBJECTION_CHANNELS,
  OBJECTION_OUTCOMES,
  OBLIGATION_KINDS,
  ORGANISATIONAL_MEASURES,
  ORGANS,
  PERSONAL_STATUS_RECORD_KINDS,
  PERSON_KINDS,
  PUBLIC_SERVICE_ROLES,
  RECORD_DEADLINE_KINDS,
  RECORD_DEADLINE_STATES,
  RECORD_KINDS,
  RECORD_STATUSES,
  SANCTIONS,
  SANCTION_EVENT_TYPES,
  SELF_CORRECTION_MEASURES,
  SEVERITIES,
  SUBJECT_KINDS,
  TIMELINE_CAUSE_KINDS,
  VERDICTS,
  VERDICT_SEVERITY,
  VERIFICATIONS,
  moreSevere,
} from './vocabulary.js';
export type {
  Action,
  CreditCorrectionOutcome,
  DayKind,
  HandledByKind,
  HonourLevel,
  InvestigationOutcome,
  LifecycleEventType,
  LighterMeasure,
  MitigationOutcome,
  MitigationStatusKind,
  NoteSource,
  ObjectionChannel,
  ObjectionOutcome,
  ObligationKind,
  Organ,
  OrganisationalMeasure,
  PublicServiceRole,
  RecordDeadlineKind,
  RecordDeadlineState,
  RecordKind,
  RecordStatus,
  Sanction,
  SelfCorrectionMeasure,
  Severity,
  SubjectKind,
  TimelineCauseKind,
  Verdict,
  Verification,
} from './vocabulary.js';
export { ACTIONS_BY_SUBJECT, isClauseId, isPackId, isRuleId } from './pack.js';

// Statute facts (law/<statute>.json): dates in force, sanction periods, what a sanction bars.
export { SANCTION_PERIOD_MONTHS, STATUTE_FACTS, type SanctionMonths, type Statute, type StatuteParameter } from './statutes.js';

// Policy: the options the documents leave open, their defaults and names.
export { DEFAULT_POLICY, LAW_LEAVES_OPEN, LIFETIME_BY_SEVERITY, POLICY_DOCS, POLICY_LABELS, type Policy, type PolicyKey, type PolicyOverrides } from './policy.js';

// Conditions a pack's rules are written in: the operators and the facts they read.
export { FACT_NAMES, FACTS, OPERATORS, type FactName, type Operator } from './conditions.js';

// Limits, dates, parsing.
export { INPUT_LIMITS, PACK_LIMITS } from './limits.js';
export { DATE_RANGE, normalizeDates, type DateInput, type IsoDate } from './date.js';
export { parsePack, parseQuery, parseSubject } from './parse.js';
export { untyped, type Untyped } from './untyped.js';

// What a host passes: the input form of each model root (dates as strings or Dates, arrays readonly).
// Their parts are reached through them (`SubjectInput['honours']`, `Extract<LifecycleEventInput, …>`).
export type { CreditRecordInput, LifecycleEventInput, PackInput, QueryInput, SubjectInput } from './input.js';

// What the library hands back and what a pack is made of: the output form of every model schema and of
// each part it names (generated from the schemas; test/docs/publicApi.test.ts checks that none is left out).
export type {
  // Subjects and their records.
  CreditFile,
  CreditRecord,
  Honour,
  Subject,
  // Lifecycle events, one type per event.
  InvestigationClosedEvent,
  LifecycleEvent,
  MitigationDecidedEvent,
  ObjectionFiledEvent,
  ObjectionRepliedEvent,
  RecordCorrectedEvent,
  RectificationCompletedEvent,
  RectificationOrderedEvent,
  RepairedEvent,
  ReportedToProvincialPlatformEvent,
  SanctionChangedEvent,
  SanctionLiftedEvent,
  SanctionRevokedEvent,
  SelfCorrectionEvent,
  // The question and the answer.
  Benefit,
  Citation,
  DeadlineState,
  Decision,
  MitigationStatus,
  Note,
  Obligation,
  Query,
  Reason,
  ReasonMitigation,
  RecordSummary,
  // Packs and their conditions.
  AllConditions,
  AnyCondition,
  Clause,
  Condition,
  LeafCondition,
  NotCondition,
  Pack,
  PackDocument,
  Rule,
  TopLevelCondition,
} from './types.generated.js';
