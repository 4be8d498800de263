import * as z from 'zod';
import { IdSchema, MetaSchema, TextSchema } from './common.js';
import { IsoDateSchema } from './date.js';
import { ACCEPTED, refinedBy, type Refusal } from './_internal/refine.js';
import { LifecycleEventSchema } from './events.js';
import { ACTIONS, LIGHTER_MEASURES, MITIGATION_OUTCOMES, ORGANISATIONAL_MEASURES, RECORD_KINDS, SANCTIONS, SELF_CORRECTION_MEASURES, SEVERITIES } from './vocabulary.js';
import { DECIDED_PERIOD_MONTHS, SANCTION_PERIOD_MONTHS } from './statutes.js';

/** The record's fields, before the checks across them (recordRefusals). */
const RecordShape = z.strictObject({
  /**
   * The host's id of the record, unique within the subject; reasons, deadlines and notes name
   * records by it.
   */
  id: IdSchema,
  /**
   * What was determined: judicial-judgment 司法判决, administrative-penalty 行政处罚,
   * disciplinary-sanction 纪律处分 (with `sanction`), accountability 问责, … A pack counts the kinds
   * its document names (recordKinds); others only under policy unlistedRecordKinds.
   */
  kind: z.enum(RECORD_KINDS),
  /** Required for `disciplinary-sanction`, refused for every other kind. */
  sanction: z.enum(SANCTIONS).optional(),
  /**
   * For an `organisational-handling` (组织处理) record: what it did, where known — post-adjusted 调整职务,
   * ordered-to-resign 责令辞职, removed-from-post 免职, demoted 降职 (the 2020 assessment rules treat the last
   * three as no grade that year, the first as no 优秀; secondary). Refused for other kinds.
   */
  organisationalMeasure: z.enum(ORGANISATIONAL_MEASURES).optional(),
  /** When the failure happened (失信行为发生). Self-correction must come on or after it. */
  occurredOn: IsoDateSchema.optional(),
  /** When the record was determined (认定/作出决定). It has effect from this day. */
  decidedOn: IsoDateSchema,
  /** When a sanction decision took effect, if not the day it was made (政务处分法 8: 自作出之日起生效). */
  effectiveOn: IsoDateSchema.optional(),
  /**
   * The 政务处分期 in months where the decision fixed one other than the statutory period
   * (政务处分法 15: several same-kind sanctions, between one period and their sum, at most 48).
   */
  periodMonths: z.number().int().min(DECIDED_PERIOD_MONTHS.min).max(DECIDED_PERIOD_MONTHS.max).optional(),
  /**
   * 在履职过程中: was the failure incurred in the performance of official duties? Every document
   * defines 政务失信记录 as such (TH-1, GD-1, TJB-1, YN-1, NM-1): `false` takes the record out of
   * the rules that rest on that definition (a personal traffic fine does not bar 优秀 under TJB-4);
   * rules with their own reach (national statutory effects of a 处分, YN-2, GD-8, 公务员法 26) still
   * apply. Absent: policy `unknownDutyContext` decides, and the decision notes it.
   */
  inOfficialDuty: z.boolean().optional(),
  /**
   * 失信信息 severity (国办发〔2025〕22号 二: 轻微、一般、严重), read only by policy
   * `recordLifetimeMonths: 'by-severity'` (publicity periods: at most 3, 12, 36 months).
   */
  severity: z.enum(SEVERITIES).optional(),
  /** The body that determined the record (失信行为认定部门). */
  determinedBy: IdSchema.optional(),
  /** The body that reported it to the credit platform (NM-2). */
  reportingBody: IdSchema.optional(),
  /** Flagged as information that law requires to be kept secret or forbids collecting (TH-6): refused. */
  confidential: z.boolean().optional(),
  /** Shorthand for a `self-correction` event. */
  selfCorrection: z
    .strictObject({
      /** When the self-correction was made; it must come on or after the failure (occurredOn). */
      date: IsoDateSchema,
      /** What was done: recovered-losses 主动挽回损失, eliminated-adverse-effects 消除不良影响, prevented-harm 有效阻止危害结果发生 (TH-3/7, TJB-5, YN-6, NM-5). */
      measures: z.array(z.enum(SELF_CORRECTION_MEASURES)).max(3),
      /** The host's account of it; carried, never interpreted. */
      note: TextSchema.optional(),
    })
    .optional(),
  /** Shorthand for a `mitigation-decided` event: the authority's decision (可 leaves the choice to it). */
  mitigation: z
    .strictObject({
      /** The day of the decision; it applies to queries asked on or after it. */
      date: IsoDateSchema,
      /** lighter (从轻) or exempt (免于/减免); applied only as far as the pack's mitigation clause permits. */
      outcome: z.enum(MITIGATION_OUTCOMES),
      /** The authority that decided, by the host's id. */
      by: IdSchema,
      /** The measures (actions) it covers; absent: policy `mitigationScope` decides (default: none). */
      actions: z.array(z.enum(ACTIONS)).min(1).max(ACTIONS.length).optional(),
      /** For lighter: the lighter measure the body named (restricted, review, clear); never raises a verdict. */
      lighterTo: z.enum(LIGHTER_MEASURES).optional(),
    })
    .optional(),
  /** Append-only lifecycle events, in date order. */
  events: z.array(LifecycleEventSchema).max(1000).optional(),
  /** What happened, in the host's words; carried, never interpreted. */
  description: TextSchema.optional(),
  /** Host data carried along and never read. */
  meta: MetaSchema.optional(),
});

/** Months of each sanction's statutory period (公务员法 64, 政务处分法 8); an expulsion has none. */

/** A record's refusals beyond its shape: the sanction field, a decided period, the order of its dates. */
function recordRefusals(r: z.output<typeof RecordShape>): readonly Refusal[] {
  let out: Refusal[] | null = null;
  const refuse = (path: string, code: string, zh: string, en: string) => (out ??= []).push({ path: [path], code, zh, en });
  if (r.kind === 'disciplinary-sanction' && !r.sanction) {
    refuse('sanction', 'missing_sanction', '纪律处分记录须注明处分种类（警告、记过、记大过、降级、撤职、开除）', 'a disciplinary-sanction record needs its sanction (warning, demerit, major-demerit, demotion, removal, expulsion)');
  }
  if (r.kind !== 'disciplinary-sanction' && r.sanction) {
    refuse('sanction', 'unexpected_sanction', '只有纪律处分记录才有处分种类', 'only a disciplinary-sanction record has a sanction');
  }
  if (r.organisationalMeasure !== undefined && r.kind !== 'organisational-handling') {
    refuse('organisationalMeasure', 'unexpected_measure', '只有组织处理记录才有组织处理方式', 'only an organisational-handling record has an organisationalMeasure');
  }
  if (r.periodMonths !== undefined) {
    const statutory = r.sanction && r.sanction !== 'expulsion' ? SANCTION_PERIOD_MONTHS[r.sanction] : 0;
    if (r.kind !== 'disciplinary-sanction' || !r.sanction || r.sanction === 'expulsion' || r.periodMonths < statutory) {
      refuse(
        'periodMonths',
        'invalid_period',
        `处分期只能用于警告至撤职的处分记录，且不短于法定期间（${statutory} 个月）`,
        `periodMonths applies to a warning…removal sanction and cannot be shorter than the statutory period (${statutory} months)`,
      );
    }
  }
  if (r.occurredOn && r.occurredOn > r.decidedOn) refuse('occurredOn', 'date_order', '失信行为发生日期不得晚于认定日期', 'the failure cannot have occurred after the record was decided');
  if (r.effectiveOn && r.effectiveOn < r.decidedOn) refuse('effectiveOn', 'date_order', '生效日期不得早于决定日期', 'a sanction cannot take effect before it was decided');
  return out ?? ACCEPTED;
}

/** 政务失信记录: one failure determined by a competent body, with what has happened to it since. */
export const RecordSchema = refinedBy(RecordShape, recordRefusals);
/** `Record` is SPEC.md's name; `CreditRecord` avoids clashing with TypeScript's `Record`. */
export type { CreditRecord, CreditRecord as Record } from './types.generated.js';
