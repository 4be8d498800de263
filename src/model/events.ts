import * as z from 'zod';
import { IdSchema, MetaSchema, TextSchema } from './common.js';
import { IsoDateSchema } from './date.js';
import { DECIDED_PERIOD_MONTHS } from './statutes.js';
import {
  ACTIONS,
  CREDIT_CORRECTION_OUTCOMES,
  LIGHTER_MEASURES,
  INVESTIGATION_OUTCOMES,
  MITIGATION_OUTCOMES,
  type LifecycleEventType,
  OBJECTION_CHANNELS,
  OBJECTION_OUTCOMES,
  SANCTIONS,
  SELF_CORRECTION_MEASURES,
} from './vocabulary.js';

const base = {
  /** The day the event happened (China civil date). Events count for queries asked on or after it. */
  date: IsoDateSchema,
  /** The host's id of the event, if it keeps one; notes and errors name the event by it. */
  id: IdSchema.optional(),
  /** The host's note on the event; carried, never interpreted. */
  note: TextSchema.optional(),
  /** Host data carried along and never read. */
  meta: MetaSchema.optional(),
};

/**
 * What can happen to a record after it is entered. The host stores these, append-only;
 * the library reads them and never changes them.
 */
export const LifecycleEventSchema = z.discriminatedUnion('type', [
  /** 异议申请 (TH-8): to the determining department or to the credit platform; `date` is the day of receipt. */
  z.strictObject({
    /** An objection (异议) to the record was received; the reply deadline runs from `date` (TH-9). */
    type: z.literal('objection-filed'),
    /** Where it was lodged: the determining-department (认定部门) or the credit-platform (信用平台). */
    channel: z.enum(OBJECTION_CHANNELS),
    ...base,
  }),
  /**
   * 书面答复 (TH-9): upheld, or the credit record corrected / revoked (TH-10). A correction or
   * revocation ends the record's 政务失信 consequences under the local packs; it does not revoke a
   * 处分 (see `sanction-revoked`).
   */
  z.strictObject({
    /** The objection was answered in writing (书面答复, TH-9). */
    type: z.literal('objection-replied'),
    /** upheld (the record stands), corrected or revoked: a correction or revocation ends the credit record's measures for every later question (TH-10); a 处分 stands until its deciding body revokes or changes it. */
    outcome: z.enum(OBJECTION_OUTCOMES),
    ...base,
  }),
  /**
   * The recording authority (or the credit platform) corrects or revokes its own record without an
   * objection, having found it wrong (TH-10: 经核实有误的信息，应及时更正或撤销). Same effect as an
   * objection answered `corrected` / `revoked`.
   */
  z.strictObject({
    /** The authority corrected or revoked its own record without an objection (TH-10). */
    type: z.literal('record-corrected'),
    /** corrected or revoked (更正或撤销). */
    outcome: z.enum(CREDIT_CORRECTION_OUTCOMES),
    /** Who corrected it: the recording authority or the platform, by the host's id. */
    by: IdSchema,
    ...base,
  }),
  /** 报送省级信用平台进行修改 (TH-10). */
  z.strictObject({
    /** The correction was reported to the provincial credit platform (TH-10: within 5 working days). */
    type: z.literal('reported-to-provincial-platform'),
    ...base,
  }),
  /** The authority's decision to apply 从轻 or 免于/减免 (TH-3/7, TJB-5, YN-6, NM-5). */
  z.strictObject({
    /** The competent authority decided on mitigation (可从轻或免于: the document leaves the choice to it). */
    type: z.literal('mitigation-decided'),
    /** lighter (从轻) or exempt (免于/减免); applied only as far as the pack permits. */
    outcome: z.enum(MITIGATION_OUTCOMES),
    /** The authority that decided, by the host's id. */
    by: IdSchema,
    /**
     * The measures (actions) the decision covers: each 惩戒措施 is imposed, and so lightened or waived, by
     * its own body (TH-10: 各级政府部门对该主体采取的惩戒措施). Absent: policy `mitigationScope` decides
     * (default: none — the decision is noted, not applied).
     */
    actions: z.array(z.enum(ACTIONS)).min(1).max(ACTIONS.length).optional(),
    /**
     * For `lighter`: the lighter measure the deciding body named, as a verdict (restricted, review, clear).
     * A measure with no degrees (不能确定为优秀, 取消资格) has no lighter form the text gives: without this it
     * stays as it is and the decision says the body has to name one. Never raises a verdict.
     */
    lighterTo: z.enum(LIGHTER_MEASURES).optional(),
    ...base,
  }),
  /** 主动挽回损失 / 消除不良影响 / 有效阻止危害结果发生. */
  z.strictObject({
    /** The subject corrected itself (自我纠错); mitigation still needs the authority's decision. */
    type: z.literal('self-correction'),
    /** What was done: recovered-losses, eliminated-adverse-effects, prevented-harm (TH-3/7, TJB-5, YN-6, NM-5). */
    measures: z.array(z.enum(SELF_CORRECTION_MEASURES)).max(3),
    ...base,
  }),
  /** 限期整改: the ordering authority sets the due date; `responsiblePerson` names the person GD-7 also reaches. */
  z.strictObject({
    /** A rectification by a deadline was ordered (限期整改, GD-6, TH-5, YN-3, TJB-2). */
    type: z.literal('rectification-ordered'),
    /** The deadline the order sets; not completed by then, Guangdong derives a rectification-overdue record from the next day (GD-7). */
    dueOn: IsoDateSchema,
    /** The ordering authority, by the host's id. */
    by: IdSchema.optional(),
    /** The person responsible (GD-7 个人), by the host's id: the derived record reaches them too. */
    responsiblePerson: IdSchema.optional(),
    ...base,
  }),
  z.strictObject({
    /** The ordered rectification was completed; on or before its due date, nothing is derived (GD-7). */
    type: z.literal('rectification-completed'),
    ...base,
  }),
  /** 信用修复: the record stops having effect from this day (not retroactively). */
  z.strictObject({
    /** The record was repaired (信用修复): it has no effect from `date` on. */
    type: z.literal('repaired'),
    ...base,
  }),
  /**
   * 处分解除 recorded by the host (公务员法 65, 政务处分法 26: at the end of the period; never earlier —
   * an earlier date is refused), or the lifting of a non-disciplinary record's measures.
   */
  z.strictObject({
    /** The sanction was lifted (处分解除) on `date`: for a 处分, on or after the day after its period (公务员法 65). */
    type: z.literal('sanction-lifted'),
    /** Why, in the host's words (e.g. 处分期满). */
    reason: TextSchema.optional(),
    ...base,
  }),
  /**
   * 撤销处分决定: the body that decided the 处分, or the body deciding a 复审/复核/申诉, revokes it
   * (政务处分法 57, 公务员法 97, 行政机关公务员处分条例 49). Only for `disciplinary-sanction` records.
   */
  z.strictObject({
    /** The sanction was revoked (撤销处分决定): it and every effect of it are void for every question asked from `date`. */
    type: z.literal('sanction-revoked'),
    /** The body that revoked it (the deciding body, or the review or appeal body), by the host's id. */
    by: IdSchema,
    ...base,
  }),
  /**
   * 变更处分决定: the sanction is changed to another kind (行政机关公务员处分条例 50, 政务处分法 58). Only
   * for `disciplinary-sanction` records.
   */
  z.strictObject({
    /** The sanction was changed (变更处分决定) by a new decision, known from `date`. */
    type: z.literal('sanction-changed'),
    /** The sanction as changed (警告 … 开除). */
    sanction: z.enum(SANCTIONS),
    /** The day the changed sanction's period runs from, as the new decision fixes it (政务处分法 8). */
    effectiveOn: IsoDateSchema,
    /** The period the new decision fixed where several same-kind sanctions are given together (政务处分法 15). */
    periodMonths: z.number().int().min(DECIDED_PERIOD_MONTHS.min).max(DECIDED_PERIOD_MONTHS.max).optional(),
    /** The body that changed it, by the host's id. */
    by: IdSchema,
    ...base,
  }),
  /** 结案 of an investigation (公务员考核规定 28). */
  z.strictObject({
    /** The investigation (立案审查调查) was closed (结案, 公务员考核规定 28). */
    type: z.literal('investigation-closed'),
    /** no-sanction (不予/免予处分), warning (警告) or sanctioned (记过 or heavier): how it ended. */
    outcome: z.enum(INVESTIGATION_OUTCOMES),
    /**
     * The record of the sanction the case led to (warning, sanctioned), by its id: the hand-over from the
     * investigation's bars to the sanction's own (policy `investigationHandover`).
     */
    sanctionRecord: IdSchema.optional(),
    /**
     * The assessment years whose annual review was held while the case was open and so left ungraded
     * (公务员考核规定 28: 不写评语、不确定等次). After a no-sanction or warning outcome their grade is fixed
     * afterwards (补定等次; a 警告 still bars 优秀); after a heavier sanction they stay ungraded.
     */
    ungradedYears: z.array(z.number().int().min(1949).max(2199)).max(50).optional(),
    ...base,
  }),
]);
export type { LifecycleEvent } from './types.generated.js';
export { LIFECYCLE_EVENT_TYPES, type LifecycleEventType } from './vocabulary.js';

// The schema's event types are exactly the vocabulary's (model/vocabulary.ts owns the list and its
// labels): an event added to one and not the other fails to compile here.
type SchemaEventType = z.infer<typeof LifecycleEventSchema>['type'];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaTypesAreTheVocabulary: Same<SchemaEventType, LifecycleEventType> = true;
void schemaTypesAreTheVocabulary;
