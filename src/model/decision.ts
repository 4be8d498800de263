import * as z from 'zod';
import { LocalizedTextSchema } from './common.js';
import { IsoDateSchema } from './date.js';
import {
  ACTIONS,
  RECORD_DEADLINE_KINDS,
  RECORD_DEADLINE_STATES,
  MITIGATION_OUTCOMES,
  MITIGATION_STATUSES,
  NOTE_SOURCES,
  OBLIGATION_KINDS,
  RECORD_KINDS,
  RECORD_STATUSES,
  SUBJECT_KINDS,
  VERDICTS,
  VERIFICATIONS,
} from './vocabulary.js';

/** A clause a decision relies on, quoted verbatim from its document. */
export const CitationSchema = z.strictObject({
  /** The clause's code in its pack (CSL-64 公务员法第六十四条, AR-29, TH-2, …): see the pack's clauses. */
  clause: z.string(),
  /** The document: a law (中华人民共和国公务员法（2018修订）) or a local document's 文号《title》. */
  document: z.string(),
  /** Where in the document: 第六十四条, 二（一）2. */
  section: z.string(),
  /** The clause's text, verbatim from the source (checked against it by the test suite). */
  quote: z.string(),
  /** Simplified-character text where the source quote is in another script (Guangdong). */
  quoteSimplified: z.string().optional(),
  /** `paraphrase` or `secondary` where the quote is not the verified text of the law (see the clause's `verification`). */
  verification: z.enum(VERIFICATIONS),
});
export type { Citation } from './types.generated.js';

/** What mitigation did to one reason. */
export const ReasonMitigationSchema = z.strictObject({
  /** What the pack permits for this record (empty: none). */
  permitted: z.array(z.enum(MITIGATION_OUTCOMES)),
  /** What the authority decided and the library applied, or null. */
  applied: z.enum(MITIGATION_OUTCOMES).nullable(),
  /** The pack's mitigation clauses (TH-3/7, TJB-5, YN-6, NM-5). */
  clauses: z.array(z.string()),
  /** The verdict before mitigation. */
  before: z.enum(VERDICTS),
});

/** Why a decision is not clear: one rule that fired, for one record (or for the subject). */
export const ReasonSchema = z.strictObject({
  /** The rule's id in its pack (e.g. csl-64-promotion-bar). */
  rule: z.string(),
  /** The pack that carries the rule (a child pack's decision includes its parents' rules). */
  pack: z.string(),
  /** The clauses the rule encodes, quoted. */
  clauses: z.array(CitationSchema),
  /** What the rule does, in both languages. */
  description: LocalizedTextSchema,
  /** This reason's own verdict (after mitigation); the decision's verdict is the most severe over its reasons. */
  verdict: z.enum(VERDICTS),
  /** The records the rule fired on (empty for a subject-scope rule). */
  records: z.array(z.string()),
  /** What mitigation did to this reason; null when the rule is not mitigable (a statutory consequence). */
  mitigation: ReasonMitigationSchema.nullable(),
  /**
   * Set when the reason holds only if an open question is answered one way: the day falls in the part
   * of a combined sanction period the deciding body has yet to fix (政务处分法 15). The reason's verdict
   * is then at most `review`; `before` is the rule's own verdict.
   */
  uncertain: z
    .strictObject({
      /** The verdict the reason would carry if the deciding body fixed the longest period. */
      before: z.enum(VERDICTS),
      /** The clause that leaves the period to the deciding body (PSL-15, REG07-10-1). */
      clauses: z.array(z.string()),
      /** The certain and the latest last day, in words. */
      message: LocalizedTextSchema,
    })
    .nullable(),
});
export type { Reason } from './types.generated.js';

/** A benefit of a good record: priority (守信激励, NM-3) or an incentive for honours (TH-4). */
export const BenefitSchema = z.strictObject({
  /** priority (优先考虑) or incentive (激励). */
  kind: z.enum(['priority', 'incentive']),
  /** The rule that gives it. */
  rule: z.string(),
  /** The pack that carries the rule. */
  pack: z.string(),
  /** The clauses the rule encodes, quoted. */
  clauses: z.array(CitationSchema),
  /** What it gives, in both languages. */
  description: LocalizedTextSchema,
});
export type { Benefit } from './types.generated.js';

/** A duty of a body with a record (书面说明, 限期整改, 公开通报批评, 追究主要负责人责任, …). */
export const ObligationSchema = z.strictObject({
  /** written-explanation, rectification, public-criticism, accountability, credit-check, report-to-platform, failure-report. */
  kind: z.enum(OBLIGATION_KINDS),
  /** The rule that imposes it. */
  rule: z.string(),
  /** The pack that carries the rule. */
  pack: z.string(),
  /** The clauses the rule encodes (GD-3, GD-6, TH-5, TJB-2, YN-3, NM-3). */
  clauses: z.array(z.string()),
  /** The records it follows from. */
  records: z.array(z.string()),
  /** Where a due date is known (rectification ordered with a date). */
  dueOn: IsoDateSchema.nullable(),
  /** What is owed, in both languages. */
  description: LocalizedTextSchema,
});
export type { Obligation } from './types.generated.js';

/** Per record: what self-correction and the authority's decision did, or why they did nothing. */
export const MitigationStatusSchema = z.strictObject({
  /** The record. */
  record: z.string(),
  /** What the pack permits (empty: none, as under GD-5). */
  permitted: z.array(z.enum(MITIGATION_OUTCOMES)),
  /** The pack's mitigation clauses. */
  clauses: z.array(z.string()),
  /**
   * applied | awaiting-decision | not-qualifying | failure-date-unknown (self-correction before the decision,
   * failure day not given) | decision-not-permitted | not-permitted | none | other-measures (the authority's
   * decision covers other actions, TH-10) | measures-unnamed (it names no actions; policy mitigationScope)
   */
  status: z.enum(MITIGATION_STATUSES),
  /** The outcome applied (lighter, exempt), or null. */
  applied: z.enum(MITIGATION_OUTCOMES).nullable(),
  /** The status explained, in both languages. */
  message: LocalizedTextSchema,
});
export type { MitigationStatus } from './types.generated.js';

/** A deadline that runs for a record, and where it stands on asOf. */
export const DeadlineStateSchema = z.strictObject({
  /** objection-reply (TH-9), platform-report (TH-10), rectification (the order's date) or sanction-period (公务员法 64, 政务处分法 8). */
  kind: z.enum(RECORD_DEADLINE_KINDS),
  /** The record it runs for. */
  record: z.string(),
  /** The day of the event that starts the count (receipt, correction, order, effective day). */
  eventOn: IsoDateSchema,
  /** The last day (working days counted on the calendar with 调休; the start day not counted, 民法典 201). */
  dueOn: IsoDateSchema,
  /** A sanction period the deciding body has yet to fix (政务处分法 15): its last day at the longest; `dueOn` is the certain last day. */
  latestDueOn: IsoDateSchema.optional(),
  /** The clause or host policy that sets it. */
  basis: z.strictObject({
    /** The clause code (TH-9), or host-policy. */
    clause: z.string(),
    /** The document, or "host policy". */
    document: z.string(),
    /** Where in the document, or the policy option. */
    section: z.string().optional(),
  }),
  /** pending (not due yet), met, overdue, running (a sanction period in course) or ended. */
  state: z.enum(RECORD_DEADLINE_STATES),
  /** The day it was met (the reply, the report, the completion), or null. */
  metOn: IsoDateSchema.nullable(),
  /** True when a day it depends on is provisional (December of the last covered year, or a year without a schedule, estimated). */
  provisional: z.boolean(),
  /** Why it is provisional; present exactly when `provisional` is true. */
  provisionalReason: z
    .strictObject({
      /** Years without a schedule whose days the count estimated, ascending. */
      estimatedYears: z.array(z.int()),
      /** How they were estimated: the policy unknownCalendarYears ('statutory': the days the 全国年节及纪念日放假办法 fixes and weekends; 'weekends-only': Monday–Friday); null when none was. */
      mode: z.enum(['statutory', 'weekends-only']).nullable(),
      /** The first day the count depends on that a coming notice can still move (late December of the last covered year), or null. */
      movableFrom: IsoDateSchema.nullable(),
    })
    .optional(),
});
export type { DeadlineState } from './types.generated.js';

/** Something the decision assumed or could not do: a policy default used, a pending objection, a missing credit file, provisional calendar data. */
export const NoteSchema = z.strictObject({
  /** What kind of note (policy-default, objection-pending, calendar-coverage, before-rule, …). */
  code: z.string(),
  /** The policy option the note is about, if any. */
  policy: z.string().optional(),
  /** Where its value came from. */
  source: z.enum(NOTE_SOURCES).optional(),
  /** The option's value, for a policy note. */
  value: z.unknown().optional(),
  /** The records it concerns. */
  records: z.array(z.string()).optional(),
  /** The note, in both languages. */
  message: LocalizedTextSchema,
});
export type { Note } from './types.generated.js';

/** One record as the decision saw it: whether it counts for this query, and why. */
export const RecordSummarySchema = z.strictObject({
  /** The record's id (a derived record's id ends in ~rectification-overdue). */
  id: z.string(),
  /** The record's kind. */
  kind: z.enum(RECORD_KINDS),
  /** Derived by the library (GD-7), not entered by the host. */
  derived: z.boolean(),
  /** Does the record count for this query? */
  counted: z.boolean(),
  /**
   * Why (not): in-effect | not-yet-decided | revoked | corrected | sanction-revoked | objection-pending |
   * outside-window | repaired | lifted | period-ended | expired | investigation-closed
   */
  status: z.enum(RECORD_STATUSES),
  /** The first day it has effect. */
  effectiveFrom: IsoDateSchema,
  /** First day without effect, if known. */
  effectiveUntil: IsoDateSchema.nullable(),
});
export type { RecordSummary } from './types.generated.js';

/** The answer: the most severe verdict over its reasons, with everything needed to explain it. */
export const DecisionSchema = z.strictObject({
  /** The pack that decided: id, version, and its document's 文号. */
  pack: z.strictObject({
    /** The pack's id. */
    id: z.string(),
    /** The pack's version. */
    version: z.string(),
    /** The pack's document (文号《title》). */
    document: z.string(),
  }),
  /** Whom it is about (the rest of the subject is the host's). */
  subject: z.strictObject({
    /** The subject's id. */
    id: z.string(),
    /** The subject's kind. */
    kind: z.enum(SUBJECT_KINDS),
  }),
  /** The action asked about. */
  action: z.enum(ACTIONS),
  /** The day asked about: what was known then decides. */
  asOf: IsoDateSchema,
  /** The year under review for excellent-rating and annual-rating, else null. */
  assessmentYear: z.number().int().nullable(),
  /** barred (不得) > restricted (限制) > review (纳为考量因素) > clear: the most severe over the reasons. */
  verdict: z.enum(VERDICTS),
  /** One per (rule, record) that fired, with its clauses quoted. */
  reasons: z.array(ReasonSchema),
  /** Priority for a clean record (守信激励, NM-3). */
  priority: z.array(BenefitSchema),
  /** Incentives for honour titles (TH-4). */
  incentives: z.array(BenefitSchema),
  /** Per record: what mitigation did, or why it did nothing. */
  mitigation: z.array(MitigationStatusSchema),
  /** Duties of a body with a record. */
  obligations: z.array(ObligationSchema),
  /** Deadlines that run for the records, with their state. */
  deadlines: z.array(DeadlineStateSchema),
  /** Every record, whether it counts and why. */
  records: z.array(RecordSummarySchema),
  /** Every policy default relied on, pending objections, missing credit files, provisional calendar data. */
  notes: z.array(NoteSchema),
  /** The earliest date from which the same query would be clear with what is known, or null. */
  clearFrom: IsoDateSchema.nullable(),
  /** True when a calendar answer the decision depends on is provisional. */
  provisional: z.boolean(),
});
export type { Decision, ReasonMitigation } from './types.generated.js';
