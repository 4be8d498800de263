/**
 * What a day's facts are computed from, in three layers: the subject (validated, its records' event
 * logs read once), the subject under one pack (policy, calendar, the pack's deadlines, the lifecycle
 * reduction), and one question (action, assessment year, the rules that reach this subject and
 * action). decideSubject builds the first layer once per subject and the second once per pack; a
 * single query builds all three (src/engine/_internal/context.ts).
 */
import type { CalendarImpl } from '../../calendar/internal.js';
import type { RecordState } from '../../lifecycle/internal.js';
import type { RecordOnDay } from './recordView.js';
import type { Entry, SubjectLifecycle, WorkingDayRule } from '../../lifecycle/internal.js';
import type { MitigationFinding, SubjectFacts } from '../../model/facts.js';
import type { Pack } from '../../model/pack.js';
import type { Policy, PolicyKey } from '../../model/policy.js';
import type { Query } from '../../model/query.js';
import type { CreditRecord } from '../../model/record.js';
import type { Subject } from '../../model/subject.js';
import type { RecordKind } from '../../model/vocabulary.js';
import type { OwnedRule, PolicySource, ResolvedPack } from '../../packs/internal.js';

/** A validated subject with its records' event logs read (pack-independent). */
export interface PreparedSubject {
  subject: Subject;
  /** Host records in id order, with their checked event logs. */
  entries: readonly Entry[];
  /** occurredOn (or decidedOn) of each host record, for non-retroactivity; derived records use their own date. */
  occurredOn: ReadonlyMap<string, string>;
  /** The host records by id. */
  records: ReadonlyMap<string, CreditRecord>;
}

/** The subject under one pack: everything about a decision that depends on neither the action nor the day. */
export interface PackContext {
  prepared: PreparedSubject;
  subject: Subject;
  entries: readonly Entry[];
  occurredOn: ReadonlyMap<string, string>;
  pack: Pack;
  resolved: ResolvedPack;
  policy: Policy;
  policySource: Record<PolicyKey, PolicySource>;
  calendar: CalendarImpl;
  objectionReply: WorkingDayRule | null;
  platformReport: WorkingDayRule | null;
  derivation: { clauses: string[]; pack: string } | null;
  integrityKinds: ReadonlySet<RecordKind>;
  /** Kinds the pack counts for some subjects only (NM-7: arrears of bodies). */
  integrityKindsOnly: Partial<Record<RecordKind, readonly string[]>>;
  /** The records' states by knowledge day (shared by packs whose lifecycle settings are the same). */
  lifecycle: SubjectLifecycle;
  /** Mitigation findings per record state and action: they depend on the pack, the subject kind, the state, the action and the policy only. */
  mitigations: Map<RecordState, Map<string, MitigationFinding>>;
  /** A record's views and facts per state, day and annual window (the assessment year; -1 for other actions), shared by the questions asked under the pack. */
  views: Map<RecordState, Map<string, Map<number | null, RecordOnDay>>>;
  /** The subject's facts per knowledge day, day and annual window (the assessment year; -1 for other actions). */
  subjectFacts: Map<string, Map<string, Map<number | null, SubjectFacts>>>;
}

/** One question: the subject under a pack, asked about one action. */
export interface QueryContext extends PackContext {
  query: Query;
  annual: boolean;
  assessmentYear: number | null;
  /** Rules for this subject kind and action, in evaluation order (validity by date is checked per day). */
  rules: readonly OwnedRule[];
}
