import * as z from 'zod';
import { IdSchema, MetaSchema, TextSchema } from './common.js';
import { IsoDateSchema } from './date.js';
import {
  INVESTIGATION_OUTCOMES,
  MITIGATION_OUTCOMES,
  OBJECTION_CHANNELS,
  OBJECTION_OUTCOMES,
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
  /** 书面答复 (TH-9): upheld, or the record corrected / revoked (TH-10). */
  z.strictObject({ type: z.literal('objection-replied'), outcome: z.enum(OBJECTION_OUTCOMES), ...base }),
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
  /** 处分解除 or any other lifting of the sanction, e.g. 处分期满自动解除 recorded by the host. */
  z.strictObject({ type: z.literal('sanction-lifted'), reason: TextSchema.optional(), ...base }),
  /** 结案 of an investigation (公务员考核规定 28). */
  z.strictObject({ type: z.literal('investigation-closed'), outcome: z.enum(INVESTIGATION_OUTCOMES), ...base }),
]);
export type LifecycleEvent = z.infer<typeof LifecycleEventSchema>;
export type LifecycleEventType = LifecycleEvent['type'];
export const LIFECYCLE_EVENT_TYPES = LifecycleEventSchema.options.map((o) => o.shape.type.value) as LifecycleEventType[];
