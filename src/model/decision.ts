import * as z from 'zod';
import { LocalizedTextSchema } from './common.js';
import { IsoDateSchema } from './date.js';
import {
  ACTIONS,
  MITIGATION_OUTCOMES,
  OBLIGATION_KINDS,
  RECORD_KINDS,
  SUBJECT_KINDS,
  VERDICTS,
} from './vocabulary.js';

export const CitationSchema = z.strictObject({
  clause: z.string(),
  document: z.string(),
  section: z.string(),
  quote: z.string(),
  /** Simplified-character text where the source quote is in another script (Guangdong). */
  quoteSimplified: z.string().optional(),
  /** `paraphrase` or `secondary` where the quote is not the verified text of the law (see the clause's `verification`). */
  verification: z.enum(['verified', 'paraphrase', 'secondary']),
});
export type Citation = z.infer<typeof CitationSchema>;

export const ReasonMitigationSchema = z.strictObject({
  /** What the pack permits for this record (empty: none). */
  permitted: z.array(z.enum(MITIGATION_OUTCOMES)),
  /** What the authority decided and the library applied, or null. */
  applied: z.enum(MITIGATION_OUTCOMES).nullable(),
  clauses: z.array(z.string()),
  /** The verdict before mitigation. */
  before: z.enum(VERDICTS),
});

export const ReasonSchema = z.strictObject({
  rule: z.string(),
  /** The pack that carries the rule (a child pack's decision includes its parents' rules). */
  pack: z.string(),
  clauses: z.array(CitationSchema),
  description: LocalizedTextSchema,
  verdict: z.enum(VERDICTS),
  records: z.array(z.string()),
  mitigation: ReasonMitigationSchema.nullable(),
  /**
   * Set when the reason holds only if an open question is answered one way: the day falls in the part
   * of a combined sanction period the deciding body has yet to fix (政务处分法 15). The reason's verdict
   * is then at most `review`; `before` is the rule's own verdict.
   */
  uncertain: z.strictObject({ before: z.enum(VERDICTS), clauses: z.array(z.string()), message: LocalizedTextSchema }).nullable(),
});
export type Reason = z.infer<typeof ReasonSchema>;

export const BenefitSchema = z.strictObject({
  kind: z.enum(['priority', 'incentive']),
  rule: z.string(),
  pack: z.string(),
  clauses: z.array(CitationSchema),
  description: LocalizedTextSchema,
});
export type Benefit = z.infer<typeof BenefitSchema>;

export const ObligationSchema = z.strictObject({
  kind: z.enum(OBLIGATION_KINDS),
  rule: z.string(),
  pack: z.string(),
  clauses: z.array(z.string()),
  records: z.array(z.string()),
  /** Where a due date is known (rectification ordered with a date). */
  dueOn: IsoDateSchema.nullable(),
  description: LocalizedTextSchema,
});
export type Obligation = z.infer<typeof ObligationSchema>;

export const MitigationStatusSchema = z.strictObject({
  record: z.string(),
  permitted: z.array(z.enum(MITIGATION_OUTCOMES)),
  clauses: z.array(z.string()),
  /** applied | awaiting-decision | not-qualifying | failure-date-unknown (self-correction before the decision, failure day not given) | decision-not-permitted | not-permitted | none */
  status: z.enum(['applied', 'awaiting-decision', 'not-qualifying', 'failure-date-unknown', 'decision-not-permitted', 'not-permitted', 'none']),
  applied: z.enum(MITIGATION_OUTCOMES).nullable(),
  message: LocalizedTextSchema,
});
export type MitigationStatus = z.infer<typeof MitigationStatusSchema>;

export const DeadlineStateSchema = z.strictObject({
  kind: z.enum(['objection-reply', 'platform-report', 'rectification', 'sanction-period']),
  record: z.string(),
  /** The day of the event that starts the count (receipt, correction, order, effective day). */
  eventOn: IsoDateSchema,
  dueOn: IsoDateSchema,
  /** A sanction period the deciding body has yet to fix (政务处分法 15): its last day at the longest; `dueOn` is the certain last day. */
  latestDueOn: IsoDateSchema.optional(),
  basis: z.strictObject({ clause: z.string(), document: z.string(), section: z.string().optional() }),
  state: z.enum(['pending', 'met', 'overdue', 'running', 'ended']),
  metOn: IsoDateSchema.nullable(),
  provisional: z.boolean(),
});
export type DeadlineState = z.infer<typeof DeadlineStateSchema>;

export const NoteSchema = z.strictObject({
  code: z.string(),
  /** The policy option the note is about, if any. */
  policy: z.string().optional(),
  /** Where its value came from. */
  source: z.enum(['library-default', 'pack', 'host', 'query']).optional(),
  value: z.unknown().optional(),
  records: z.array(z.string()).optional(),
  message: LocalizedTextSchema,
});
export type Note = z.infer<typeof NoteSchema>;

export const RecordSummarySchema = z.strictObject({
  id: z.string(),
  kind: z.enum(RECORD_KINDS),
  derived: z.boolean(),
  /** Does the record count for this query? */
  counted: z.boolean(),
  /** Why (not): in-effect | not-yet-decided | revoked | corrected | repaired | lifted | period-ended | expired | investigation-closed | objection-pending | before-rule | unlisted-kind | outside-window */
  status: z.string(),
  effectiveFrom: IsoDateSchema,
  /** First day without effect, if known. */
  effectiveUntil: IsoDateSchema.nullable(),
});
export type RecordSummary = z.infer<typeof RecordSummarySchema>;

/** The answer: the most severe verdict over its reasons, with everything needed to explain it. */
export const DecisionSchema = z.strictObject({
  pack: z.strictObject({ id: z.string(), version: z.string(), document: z.string() }),
  subject: z.strictObject({ id: z.string(), kind: z.enum(SUBJECT_KINDS) }),
  action: z.enum(ACTIONS),
  asOf: IsoDateSchema,
  assessmentYear: z.number().int().nullable(),
  verdict: z.enum(VERDICTS),
  reasons: z.array(ReasonSchema),
  priority: z.array(BenefitSchema),
  incentives: z.array(BenefitSchema),
  mitigation: z.array(MitigationStatusSchema),
  obligations: z.array(ObligationSchema),
  deadlines: z.array(DeadlineStateSchema),
  records: z.array(RecordSummarySchema),
  notes: z.array(NoteSchema),
  /** The earliest date from which the same query would be clear with what is known, or null. */
  clearFrom: IsoDateSchema.nullable(),
  /** True when a calendar answer the decision depends on is provisional. */
  provisional: z.boolean(),
});
export type Decision = z.infer<typeof DecisionSchema>;
