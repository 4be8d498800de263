import * as z from 'zod';
import { IdSchema, MetaSchema, TextSchema } from './common.js';
import { IsoDateSchema } from './date.js';
import { RecordSchema } from './record.js';
import { ACCEPTED, refinedBy, type Refusal } from './_internal/refine.js';
import { HONOUR_LEVELS, ORGANS, PUBLIC_SERVICE_ROLES, SUBJECT_KINDS } from './vocabulary.js';

/** 荣誉称号 (TH-1 records honours; TH-4 rewards national and provincial ones). */
export const HonourSchema = z.strictObject({
  /** The title as awarded, e.g. 全国优秀公务员. */
  title: TextSchema.min(1),
  /**
   * Who awarded it: national, provincial, municipal, county or other. TH-4 gives an incentive for
   * national and provincial titles.
   */
  level: z.enum(HONOUR_LEVELS),
  /** The day it was awarded; it counts for queries asked on or after it. */
  date: IsoDateSchema,
});
export type { CreditFile, CreditFileInput, Honour, HonourInput } from './types.generated.js';

/** 公务员诚信档案 / 信用档案 (GD-2, NM-3): a reference to the subject's credit file in the host's system. */
export const CreditFileSchema = z.strictObject({
  /** The host's reference to the file (its number or key); the library never reads the file itself. */
  ref: IdSchema,
  /** When the file was opened, if the host knows. */
  openedOn: IsoDateSchema.optional(),
});

/** The subject's fields, before the checks across them (subjectRefusals). */
const SubjectShape = z.strictObject({
  /** The host's id of the person or body; echoed in decisions, never interpreted. */
  id: IdSchema,
  /**
   * civil-servant (公务员), public-institution-staff (事业单位人员), government (人民政府) or department (部门,
   * incl. 功能区 and 街镇). Decides which rules reach the subject and which actions apply.
   */
  kind: z.enum(SUBJECT_KINDS),
  /** A display name; carried, never interpreted. */
  name: TextSchema.optional(),
  /** GB/T 2260 division code of the subject's jurisdiction. */
  division: z.string().regex(/^\d{6}$/).optional(),
  /**
   * 参照公务员法管理: public-institution staff managed under the Civil Servant Law. National rules
   * (公务员法 64, 政务处分法 19) reach them only when this is true.
   */
  managedUnderCivilServantLaw: z.boolean().optional(),
  /**
   * For public-institution staff not managed under the Civil Servant Law: the role that brings them
   * under 政务处分法 第二十条 — `institution-manager` (公办的教育、科研、文化、医疗卫生、体育等单位中从事
   * 管理的人员) or `authorised-organisation` (法律、法规授权或者受国家机关依法委托管理公共事务的组织中
   * 从事公务的人员). Absent: neither.
   */
  publicServiceRole: z.enum(PUBLIC_SERVICE_ROLES).optional(),
  /**
   * For civil servants: the organ they serve in. 行政机关公务员处分条例 (2007), the rule for sanctions
   * decided before 政务处分法 took effect (2020-07-01), reaches civil servants of administrative organs
   * (`administrative`: people's governments and their departments). Absent: assumed administrative,
   * and the decision notes it where that regulation is cited.
   */
  organ: z.enum(ORGANS).optional(),
  /** The credit file; `null` says the host knows there is none (a data gap under GD-2, not a clean record). */
  creditFile: CreditFileSchema.nullable().optional(),
  /** Honour titles (荣誉称号) of a person (TH-1, TH-4); bodies have none in this model. */
  honours: z.array(HonourSchema).max(1000).optional(),
  /** For bodies: the principal responsible person (主要负责人), by the host's id. */
  principal: IdSchema.optional(),
  /**
   * The 政务失信记录 and other records the host holds, in any order: a decision depends on the set,
   * not the order.
   */
  records: z.array(RecordSchema).max(10000).optional(),
  /** Host data carried along and never read (keys such as __proto__ are refused). */
  meta: MetaSchema.optional(),
});

/** A subject's refusals beyond its shape: fields that do not apply to its kind, duplicate record ids. */
function subjectRefusals(s: z.output<typeof SubjectShape>): readonly Refusal[] {
  let out: Refusal[] | null = null;
  const refuse = (path: (string | number)[], code: string, zh: string, en: string) => (out ??= []).push({ path, code, zh, en });
  const isBody = s.kind === 'government' || s.kind === 'department';
  if (s.managedUnderCivilServantLaw !== undefined && isBody) {
    refuse(['managedUnderCivilServantLaw'], 'not_applicable', '只有人员才能参照公务员法管理', 'only persons can be managed under the Civil Servant Law');
  }
  if (s.kind === 'civil-servant' && s.managedUnderCivilServantLaw === false) {
    refuse(['managedUnderCivilServantLaw'], 'contradiction', '公务员当然适用公务员法', 'a civil servant is always under the Civil Servant Law');
  }
  if (s.publicServiceRole !== undefined && s.kind !== 'public-institution-staff') {
    refuse(['publicServiceRole'], 'not_applicable', '只有事业单位人员才有政务处分法第二十条所指的岗位', 'only public-institution staff have a 政务处分法 20 role');
  }
  if (s.organ !== undefined && s.kind !== 'civil-servant') {
    refuse(['organ'], 'not_applicable', '只有公务员才注明所在机关类别', 'only civil servants have an organ');
  }
  // Honours of bodies are not modelled by any document; refuse rather than ignore them.
  if (isBody && s.honours && s.honours.length > 0) refuse(['honours'], 'not_applicable', '机关单位的荣誉不在本库范围内', 'honours of bodies are not modelled');
  const records = s.records;
  if (records && records.length > 1) {
    const seen = new Map<string, number>();
    for (let i = 0; i < records.length; i++) {
      const id = records[i]!.id;
      const prev = seen.get(id);
      if (prev !== undefined) refuse(['records', i, 'id'], 'duplicate_id', `记录标识"${id}"重复（另见第 ${prev} 条）`, `duplicate record id "${id}" (also at ${prev})`);
      else seen.set(id, i);
    }
  }
  return out ?? ACCEPTED;
}

/**
 * Who a question is about: a person (公务员, 事业单位人员) or a body (人民政府; 部门, including
 * 功能区 and 街镇), with the records and honours the host holds for it.
 */
export const SubjectSchema = refinedBy(SubjectShape, subjectRefusals);
export type { Subject } from './types.generated.js';
