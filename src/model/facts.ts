import type { MitigationStatus } from './decision.js';
import type { LighterMeasure } from './vocabulary.js';

// The facts a rule's conditions read (model/conditions.ts names them: `subject`, `record`, `query`),
// as the fact builder (src/facts) writes them and the evaluators (src/packs) read them. Here, in the
// model, so that neither folder imports the other for them.

/** The `record` fact: what rule conditions may read about one record on one day. */
export interface RecordFacts {
  kind: string;
  sanction: string | null;
  isIntegrityRecord: boolean;
  inEffectOnAsOf: boolean;
  inSanctionPeriod: boolean;
  sanctionedInAssessmentYear: boolean;
  sanctionSpansAssessmentYear: boolean;
  decidedInAssessmentYear: boolean;
  rectificationOrdered: boolean;
  derived: boolean;
  objectionPending: boolean;
  investigationOpen: boolean;
  investigationOutcome: string | null;
  ungradedForAssessmentYear: boolean;
  decisionInEffect: boolean;
  yearsAfterDecision: number | null;
  organisationalMeasure: string | null;
  sanctionLiftsByAssessmentYear: boolean;
}

export interface SubjectFacts {
  kind: string;
  isPerson: boolean;
  isBody: boolean;
  coveredByCivilServantLaw: boolean;
  publicServiceRole: string | null;
  administrativeOrgan: boolean;
  hasCreditFile: boolean;
  countedRecords: number;
  countedAdverseRecords: number;
  honourLevels: string[];
}

export interface QueryFacts {
  action: string;
  assessmentYear: number | null;
  /** Policy assessmentReading: which reading of the 2020 assessment rules decides reviews of 2021 on. */
  assessmentReading: string;
}

/**
 * What mitigation does for one record and one action: the status the decision shows, and the lighter measure named
 * (decision/_internal/mitigation.ts finds it; the fact context caches it per record state).
 */
export interface MitigationFinding {
  status: MitigationStatus;
  /** The lighter measure the deciding body named (lighterTo), where it applied a lighter decision. */
  lighterTo: LighterMeasure | null;
  /** The decision relied on policy mitigationScope (it named no measures). */
  scopeAssumed: boolean;
}
