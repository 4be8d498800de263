import * as z from 'zod';
import { IdSchema, MetaSchema, TextSchema } from './common.js';
import { IsoDateSchema } from './date.js';
import {
  CREDIT_CORRECTION_OUTCOMES,
  INVESTIGATION_OUTCOMES,
  MITIGATION_OUTCOMES,
  OBJECTION_CHANNELS,
  OBJECTION_OUTCOMES,
  SANCTIONS,
  SELF_CORRECTION_MEASURES,
} from './vocabulary.js';

const base = {
  /** The day the event happened (China civil date). Events count for queries asked on or after it. */
  date: IsoDateSchema,
  id: IdSchema.optional(),
  note: TextSchema.optional(),
  meta: MetaSchema.optional(),
};

/**
 * What can happen to a record after it is entered. The host stores these, append-only;
 * the library reads them and never changes them.
 */
export const LifecycleEventSchema = z.discriminatedUnion('type', [
  /** 异议申请 (TH-8): to the determining department or to the credit platform; `date` is the day of receipt. */
  z.strictObject({ type: z.literal('objection-filed'), channel: z.enum(OBJECTION_CHANNELS), ...base }),
  /**
   * 书面答复 (TH-9): upheld, or the credit record corrected / revoked (TH-10). A correction or
   * revocation ends the record's 政务失信 consequences under the local packs; it does not revoke a
   * 处分 (see `sanction-revoked`).
   */
  z.strictObject({ type: z.literal('objection-replied'), outcome: z.enum(OBJECTION_OUTCOMES), ...base }),
  /**
   * The recording authority (or the credit platform) corrects or revokes its own record without an
   * objection, having found it wrong (TH-10: 经核实有误的信息，应及时更正或撤销). `by` names who did it.
   * Same effect as an objection answered `corrected` / `revoked`.
   */
  z.strictObject({ type: z.literal('record-corrected'), outcome: z.enum(CREDIT_CORRECTION_OUTCOMES), by: IdSchema, ...base }),
  /** 报送省级信用平台进行修改 (TH-10). */
  z.strictObject({ type: z.literal('reported-to-provincial-platform'), ...base }),
  /** The authority's decision to apply 从轻 or 免于/减免 (TH-3/7, TJB-5, YN-6, NM-5). */
  z.strictObject({ type: z.literal('mitigation-decided'), outcome: z.enum(MITIGATION_OUTCOMES), by: IdSchema, ...base }),
  /** 主动挽回损失 / 消除不良影响 / 有效阻止危害结果发生. */
  z.strictObject({
    type: z.literal('self-correction'),
    measures: z.array(z.enum(SELF_CORRECTION_MEASURES)).max(3),
    ...base,
  }),
  /** 限期整改: the ordering authority sets the due date; `responsiblePerson` names the person GD-7 also reaches. */
  z.strictObject({
    type: z.literal('rectification-ordered'),
    dueOn: IsoDateSchema,
    by: IdSchema.optional(),
    responsiblePerson: IdSchema.optional(),
    ...base,
  }),
  z.strictObject({ type: z.literal('rectification-completed'), ...base }),
  /** 信用修复: the record stops having effect from this day (not retroactively). */
  z.strictObject({ type: z.literal('repaired'), ...base }),
  /**
   * 处分解除 recorded by the host (公务员法 65, 政务处分法 26: at the end of the period; never earlier —
   * an earlier date is refused), or the lifting of a non-disciplinary record's measures.
   */
  z.strictObject({ type: z.literal('sanction-lifted'), reason: TextSchema.optional(), ...base }),
  /**
   * 撤销处分决定: the body that decided the 处分, or the body deciding a 复审/复核/申诉, revokes it
   * (政务处分法 57, 公务员法 97, 行政机关公务员处分条例 49). The sanction and every effect of it are void
   * for every question asked from this day. Only for `disciplinary-sanction` records.
   */
  z.strictObject({ type: z.literal('sanction-revoked'), by: IdSchema, ...base }),
  /**
   * 变更处分决定: the sanction is changed to another kind (行政机关公务员处分条例 50, 政务处分法 58).
   * `effectiveOn` is the day the new sanction's period runs from, as the new decision fixes it;
   * `periodMonths` where it fixes a combined period (政务处分法 15). Only for `disciplinary-sanction` records.
   */
  z.strictObject({
    type: z.literal('sanction-changed'),
    sanction: z.enum(SANCTIONS),
    effectiveOn: IsoDateSchema,
    periodMonths: z.number().int().min(6).max(48).optional(),
    by: IdSchema,
    ...base,
  }),
  /** 结案 of an investigation (公务员考核规定 28). */
  z.strictObject({ type: z.literal('investigation-closed'), outcome: z.enum(INVESTIGATION_OUTCOMES), ...base }),
]);
export type LifecycleEvent = z.infer<typeof LifecycleEventSchema>;
export type LifecycleEventType = LifecycleEvent['type'];
export const LIFECYCLE_EVENT_TYPES = LifecycleEventSchema.options.map((o) => o.shape.type.value) as LifecycleEventType[];
