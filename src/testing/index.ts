/**
 * `gov-credit-rules/testing`: property testing for rule authors (fast-check 4, an optional peer
 * dependency of this entry only). Arbitraries for subjects, records, event logs and queries; the
 * library's invariants as reusable checks (`checkPack`, `invariantProperty`); and the semantic
 * diff of a rule change (`diffPacks`, `formatDiff`). See docs/testing.md.
 */
export { eventsArb, queryArb, recordArb, subjectArb } from './arbitraries.js';
export type { ArbitraryOptions, DateRange, PackRef, QueryArbOptions, RecordArbOptions, SubjectArbOptions } from './arbitraries.js';
export { checkPack, type CheckPackOptions } from './checkPack.js';
export { invariantProperty, type InvariantPropertyOptions } from './invariantProperty.js';
export { diffPacks, type DiffGroup, type DiffPacksOptions, type DiffPacksResult, type DiffSide, type Aspect, type DecisionSummary, type RuleChange } from './diffPacks.js';
export { formatDiff } from './formatDiff.js';
export { formatCheck } from './formatCheck.js';
export type { CheckPackResult, Difference, InvariantName, InvariantReport, Violation } from './types.js';
export type { CreateEvaluator } from './_internal/reference.js';
export type { ChildEntry } from './_internal/zones.js';
export { INVARIANT_NAMES } from './_internal/invariants.js';
