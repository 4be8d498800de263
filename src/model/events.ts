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
  /** 书面答复 (TH-9): upheld, or the record corrected / revoked (TH-10). */
  z.strictObject({
    /** The objection was answered in writing (书面答复, TH-9). */
    type: z.literal('objection-replied'),
    /** upheld (the record stands), corrected or revoked: a correction or revocation lifts the sanctions for every later question (TH-10). */
    outcome: z.enum(OBJECTION_OUTCOMES),
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
  /** 处分解除 or any other lifting of the sanction, e.g. 处分期满自动解除 recorded by the host. */
  z.strictObject({
    /** The sanction was lifted (处分解除) on `date`. */
    type: z.literal('sanction-lifted'),
    /** Why, in the host's words (e.g. 处分期满). */
    reason: TextSchema.optional(),
    ...base,
  }),
  /** 结案 of an investigation (公务员考核规定 28). */
  z.strictObject({
    /** The investigation (立案审查调查) was closed (结案, 公务员考核规定 28). */
    type: z.literal('investigation-closed'),
    /** no-sanction, warning or sanctioned: how it ended. */
    outcome: z.enum(INVESTIGATION_OUTCOMES),
    ...base,
  }),
]);
export type { LifecycleEvent } from './types.generated.js';
import type { LifecycleEvent } from './types.generated.js';
export type LifecycleEventType = LifecycleEvent['type'];
export const LIFECYCLE_EVENT_TYPES = LifecycleEventSchema.options.map((o) => o.shape.type.value) as LifecycleEventType[];
