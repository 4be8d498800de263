import type { Action, RecordKind, SubjectKind } from '../model/index.js';
import type { PackRef } from './_internal/hints.js';
import type { DateRange } from './_internal/plans.js';

// The options of the arbitraries (arbitraries.ts): a module of their own so that the query builders
// (_internal/queries.ts), which the arbitraries use, can read them without importing the arbitraries.

/** Options shared by the arbitraries. */
export interface ArbitraryOptions {
  /** Lean toward this pack's record kinds, actions, subject kinds and the dates its rules start or stop. */
  pack?: PackRef;
  /** Where dates (asOf, or the viewpoint records are placed around) fall. Default 2016-01-01 … 2026-12-31. */
  dateRange?: DateRange;
}

/** Options of `recordArb`. */
export interface RecordArbOptions extends ArbitraryOptions {
  /** The record's id. Default `r1`. */
  id?: string;
  /** The day of the question: the record's dates are placed around it. Default: a date drawn from `dateRange`. */
  asOf?: string;
  /** Only these kinds. Default: the pack's kinds first, then any. */
  kinds?: readonly RecordKind[];
  /** Most lifecycle events per record. Default 4. */
  maxEvents?: number;
}

/** Options of `subjectArb`. */
export interface SubjectArbOptions extends ArbitraryOptions {
  /** Only these subject kinds. Default: all four (persons and bodies). */
  subjectKinds?: readonly SubjectKind[];
  /** The day of the question. Default: a date drawn from `dateRange`. */
  asOf?: string;
  /** Most records in the file. Default 4 (an empty file is generated often). */
  maxRecords?: number;
  maxEvents?: number;
  kinds?: readonly RecordKind[];
}

/** Options of `queryArb`. */
export interface QueryArbOptions extends ArbitraryOptions {
  /** Only these actions. Default: the pack's actions first, then any. */
  actions?: readonly Action[];
  subjectKinds?: readonly SubjectKind[];
  kinds?: readonly RecordKind[];
  maxRecords?: number;
  maxEvents?: number;
  /** Also generate host policy overrides (in about one query in four). Default true. */
  policy?: boolean;
}

