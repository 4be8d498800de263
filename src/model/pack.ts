import { deepFreeze } from '../_lib/plain.js';
import * as z from 'zod';
import { LocalizedTextSchema, TextSchema } from './common.js';
import { checkConditions, TopLevelConditionSchema, type TopLevelCondition } from './conditions.js';
import { IsoDateSchema } from './date.js';
import { PACK_LIMITS } from './limits.js';
import { PolicyOverridesSchema } from './policy.js';
import {
  ACTIONS,
  BODY_KINDS,
  HANDLED_BY_KINDS,
  MITIGATION_OUTCOMES,
  OBJECTION_CHANNELS,
  OBLIGATION_KINDS,
  PERSON_KINDS,
  RECORD_KINDS,
  RULE_VERDICTS,
  SUBJECT_KINDS,
  VERIFICATIONS,
  type Action,
  type SubjectKind,
} from './vocabulary.js';

// The id patterns are this module's own: a RegExp a caller holds can be changed in place
// (`PACK_ID.compile('.*')`, `RULE_ID.test = () => true`), so hosts get functions, never the objects.
const PACK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CLAUSE_ID = /^[A-Z][A-Z0-9]*(-[0-9A-Za-z]+)+$/;

/**
 * Is `s` a valid pack id (lowercase letters and digits in hyphen-separated words, at most 60
 * characters), as `loadPack` checks it?
 * @example
 * isPackId('cn-tj-binhai'); // true
 * isPackId('CN_TJ');        // false
 */
export function isPackId(s: unknown): boolean {
  return typeof s === 'string' && s.length <= 60 && PACK_ID.test(s);
}

/**
 * Is `s` a valid rule id (lowercase letters and digits in hyphen-separated words, at most 80
 * characters), as `loadPack` checks it?
 * @example
 * isRuleId('tjb-4-excellent-bar'); // true
 */
export function isRuleId(s: unknown): boolean {
  return typeof s === 'string' && s.length <= 80 && RULE_ID.test(s);
}

/**
 * Is `s` a clause id as packs write them: an uppercase code, then hyphen-separated parts (`TH-9`,
 * `CSL-64`, `TJB-4`)?
 * @example
 * isClauseId('TH-9'); // true
 */
export function isClauseId(s: unknown): boolean {
  return typeof s === 'string' && CLAUSE_ID.test(s);
}

/** Actions that make sense for each kind of subject. */
export const ACTIONS_BY_SUBJECT: Record<SubjectKind, readonly Action[]> = /* @__PURE__ */ deepFreeze({
  'civil-servant': ACTIONS,
  'public-institution-staff': ACTIONS,
  government: ['honour-selection'],
  department: ['honour-selection'],
});

const ClauseIdSchema = z.string().regex(CLAUSE_ID);

/** A quote: at most PACK_LIMITS.quoteLength characters. */
const QuoteSchema = z.string().min(4).max(PACK_LIMITS.quoteLength);

/** One clause of the source document, quoted verbatim. */
export const ClauseSchema = z.strictObject({
  /**
   * The clause's code, cited by rules and decisions: a prefix for the document and a number
   * (CSL-64 公务员法第六十四条, PSL-19, AR-29, TH-2, GD-7).
   */
  id: ClauseIdSchema,
  /** The document, where the pack draws on several (the national pack). Defaults to the pack's document. */
  document: TextSchema.optional(),
  /** Where in the document: 第六十四条, 二（一）2. */
  section: z.string().min(1).max(100),
  /** Verbatim text as it stands in the source (after whitespace normalisation), at most 1,500 characters (PACK_LIMITS.quoteLength). */
  quote: QuoteSchema,
  /** The quote in simplified characters where the source is in another script (Guangdong), at most 1,500 characters. */
  quoteSimplified: QuoteSchema.optional(),
  /**
   * The source file the quote is checked against: a path in the repository's `sources/` folder
   * (`seeds/000_….txt`, `spec/NATIONAL.md`), or `law/…` for a statute vendored in `law/`. A host
   * pack may name its own.
   */
  source: z.string().max(200).optional(),
  /** What the clause means for the library, in both languages: how it is read and encoded. */
  reading: LocalizedTextSchema,
  /**
   * How far the quote can be trusted as the law's own words: `verified` (default: verbatim, checked
   * against the text), `paraphrase` (the source the pack quotes paraphrases or abridges the article),
   * `secondary` (seen only in secondary sources, not checked against the enacted text). Docs and every
   * decision that cites the clause show anything other than `verified`.
   */
  verification: z.enum(VERIFICATIONS).default('verified'),
  /** The day this text took effect, where the source changed over time (e.g. 政务处分法 19: 2020-07-01). */
  validFrom: IsoDateSchema.optional(),
  /** The last day this text was in force, where it was replaced (e.g. 行政机关公务员处分条例 for new sanctions: 2020-06-30). */
  validUntil: IsoDateSchema.optional(),
  /** For a clause no rule encodes: where it is handled instead, and why. */
  handledBy: z
    .strictObject({
      /**
       * Where: input-validation, lifecycle, calendar, deadlines, data-duty, institutional-duty,
       * authority-decision, vocabulary, policy (an option reads it), or not-encoded (and why).
       */
      kind: z.enum(HANDLED_BY_KINDS),
      /** Why no rule encodes it, in both languages. */
      why: LocalizedTextSchema,
    })
    .optional(),
});
export type { Clause } from './types.generated.js';

const VerdictOutcome = z.enum(RULE_VERDICTS);

/** A rule: the conditions under which a clause's consequence follows, and that consequence. */
export const RuleSchema = z.strictObject({
  /** The rule's id, unique in its pack (lower-case words joined by hyphens): reasons name it. */
  id: z.string().regex(RULE_ID).max(80),
  /**
   * The clauses the rule encodes: every rule cites at least one (a rule without a clause is
   * refused at load), at most 10 (PACK_LIMITS.clausesPerRule).
   */
  clauses: z.array(ClauseIdSchema).min(1).max(PACK_LIMITS.clausesPerRule),
  /** What the rule does, in both languages: shown as the reason's text. */
  description: LocalizedTextSchema,
  /** The subject kinds the rule reaches (公务员, 事业单位人员, 人民政府, 部门). */
  subjects: z.array(z.enum(SUBJECT_KINDS)).min(1),
  /** 'record': evaluated once per counted record (a reason per record); 'subject': once per query. */
  scope: z.enum(['record', 'subject']).default('record'),
  /** The actions the rule speaks to; empty means any action (obligations). */
  actions: z.array(z.enum(ACTIONS)),
  /**
   * Which records a record-scope rule looks at: those that count under the time policy
   * (`counted`, the general rule), or every record known and not voided (`known`), for a clause
   * that sets its own time, such as 受警告处分的当年 (AR-29).
   */
  records: z.enum(['counted', 'known']).default('counted'),
  /**
   * What a record-scope rule rests on (required for record scope; refused for subject scope):
   * - `integrity-record`: the document's own definition of 政务失信记录 — its record kinds, incurred
   *   在履职过程中 (TH-1, GD-1, TJB-1, YN-1, NM-1). A record outside official duty does not reach it.
   * - `record-kind`: the rule's own text names the kind of record (YN-2 不履行人民法院生效裁决, GD-8
   *   失信被执行人, 公务员法 26): it reaches the record whatever the duty context.
   * - `sanction`: a statutory effect of a 处分 (公务员法 64, 政务处分法 19/20, 考核规定 29): it follows the
   *   sanction itself, which only the body that decided it (or a review) can revoke or change; credit
   *   objections and their outcomes do not touch it, and nothing suspends it (复核、申诉期间不停止执行).
   */
  restsOn: z.enum(['integrity-record', 'record-kind', 'sanction']).optional(),
  /**
   * The fact whose date is compared with `validFrom`/`validUntil` for non-retroactivity (required for
   * record scope; refused for subject scope):
   * - `failure`: when the failure occurred (`occurredOn`, else `decidedOn`): a rule reaches failures
   *   from its entry into force (policy `nonRetroactive`).
   * - `decision`: the day the decision took effect (`effectiveOn`, else `decidedOn`; 政务处分法 8: 自作出之日起
   *   生效): the rule governs decisions taking effect within its validity, and their effects run to their
   *   end even after the rule is replaced. For rules keyed on a sanction period.
   * - `status`: the rule reads a present status (listed as a defaulter, an open investigation, ever
   *   convicted): it applies on every day it is in force, whenever the status began.
   */
  trigger: z.enum(['failure', 'decision', 'status']).optional(),
  /** A note the decision carries whenever the rule fires (e.g. what the text leaves the host to weigh). */
  note: LocalizedTextSchema.optional(),
  /**
   * When the rule fires: json-rules-engine conditions (all/any/not of fact, path, operator, value)
   * over the facts `record`, `subject` and `query`; checked at load: at most 40 leaf conditions
   * (PACK_LIMITS.conditionsPerRule), nested at most 8 deep below the top level (conditionDepth).
   */
  conditions: z.custom<TopLevelCondition>(() => true),
  /**
   * What the rule says of the action when it fires: barred (不得), restricted (限制) or review
   * (纳为考量因素).
   */
  verdict: VerdictOutcome.optional(),
  /**
   * Duties the rule imposes on a body with a record (GD-3, GD-6, TH-5, TJB-2, YN-3), whatever the
   * action.
   */
  obligations: z.array(z.enum(OBLIGATION_KINDS)).max(10).optional(),
  /** 守信激励 (NM-3): priority for a clean file. */
  priority: z.boolean().optional(),
  /** TH-4: incentive for national or provincial honour titles. */
  incentive: z.boolean().optional(),
  /** May the pack's mitigation clause lower this rule's effect? Statutory consequences (national law) are not 失信惩戒措施 and say false. */
  mitigable: z.boolean().default(true),
  /**
   * Whether the measure has degrees, for 从轻 (lighter): `yes-no` (不得/不能/取消资格: 优秀 or not, eligible or
   * not — the text gives no lighter form, so a lighter decision applies only the measure the deciding body
   * names, `lighterTo`), or `graded` (限制, 纳为考量因素: policy lighterLowersTo lowers it). Default: `yes-no`
   * for a `barred` verdict, `graded` otherwise.
   */
  measure: z.enum(['yes-no', 'graded']).optional(),
  /**
   * The first day the rule is in force, if not the pack's (a query is answered by the rules in
   * force on asOf).
   */
  validFrom: IsoDateSchema.optional(),
  /** The last day the rule is in force, if it has one. */
  validUntil: IsoDateSchema.optional(),
});
export type { Rule, RuleInput } from './types.generated.js';
import type { Rule } from './types.generated.js';

/** The document a pack encodes: its 文号, title, issuer and dates. */
export const DocumentSchema = z.strictObject({
  /** 文号. */
  number: z.string().min(1).max(100),
  /** The document's title (《…》). */
  title: z.string().min(1).max(300),
  /** Who issued it (印发机关), e.g. 通化市人民政府办公室. */
  issuer: z.string().min(1).max(200),
  /** The day it was issued (印发). */
  issuedOn: IsoDateSchema,
  /** The day it took effect (施行); rules do not reach failures before it (policy nonRetroactive). */
  effectiveOn: IsoDateSchema,
  /** Where the text comes from: a path in the repository's `sources/` folder (as a clause's `source`). */
  source: z.string().min(1).max(300),
  /** The higher-level documents it implements (上位文件), by title or 文号. */
  parents: z.array(z.string().max(200)).max(20).optional(),
  /**
   * Anything a reader should know about the source, in both languages (e.g. the Guangdong seed's
   * script).
   */
  note: LocalizedTextSchema.optional(),
});

export const PackSchema = z
  .strictObject({
    /** The JSON Schema the pack file follows (ignored; lets editors validate the file). */
    $schema: z.string().max(300).optional(),
    /**
     * The pack's id (lower-case words joined by hyphens, e.g. cn-jl-tonghua): queries name the
     * pack by it.
     */
    id: z.string().regex(PACK_ID).max(60),
    /**
     * The pack's version (major.minor.patch); decisions carry it, so a host knows which rules
     * decided.
     */
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    /** The jurisdiction's name, in both languages (吉林省通化市, Tonghua, Jilin). */
    name: LocalizedTextSchema,
    /** GB/T 2260 division code; null for the national pack. */
    division: z.string().regex(/^\d{6}$/).nullable(),
    /** The source document: 文号, title, issuer, dates. */
    document: DocumentSchema,
    /**
     * Packs whose rules apply too (every local pack extends cn-national): their clauses and
     * rules join this pack's. The chain (this pack and every pack it extends) holds at most 10 packs
     * (PACK_LIMITS.chainPacks) and 200 rules together (PACK_LIMITS.chainRules).
     */
    extends: z.array(z.string().regex(PACK_ID)).max(PACK_LIMITS.chainPacks - 1),
    /** The first day the pack is in force. */
    validFrom: IsoDateSchema,
    /** The last day the pack is in force, if it has one. */
    validUntil: IsoDateSchema.optional(),
    /**
     * National law: its rules are statutory consequences, which no pack's policy may lower (except
     * where the law itself leaves the choice open, e.g. 政务处分法 15) and no local mitigation clause
     * may lighten.
     */
    statutory: z.boolean().default(false),
    /** What this document counts as 政务失信记录, and the clauses that say so. */
    recordKinds: z.strictObject({
      /** The record kinds the document names; records of other kinds count only under policy unlistedRecordKinds. */
      kinds: z.array(z.enum(RECORD_KINDS)),
      /** The clauses that name them. */
      clauses: z.array(ClauseIdSchema),
      /** Kinds that are records of some subjects only (NM-7: 政府拖欠工程款和农民工工资 is a record of bodies). */
      only: z.partialRecord(z.enum(RECORD_KINDS), z.array(z.enum(SUBJECT_KINDS)).min(1)).optional(),
    }),
    /**
     * Every clause of the document, quoted verbatim; each is encoded by a rule or says where it is
     * handled (handledBy). At most 500 (PACK_LIMITS.clauses).
     */
    clauses: z.array(ClauseSchema).min(1).max(PACK_LIMITS.clauses),
    /** The rules, in json-rules-engine's condition format, each citing its clauses. At most 150 (PACK_LIMITS.rules). */
    rules: z.array(RuleSchema).max(PACK_LIMITS.rules),
    /** What self-correction permits (可从轻或免于…); `permits: []` with the clause that only encourages it (GD-5). */
    mitigation: z.strictObject({
      /** What the authority may decide: lighter (从轻), exempt (免于/减免); empty when the document only encourages self-correction. */
      permits: z.array(z.enum(MITIGATION_OUTCOMES)),
      /** The subject kinds the mitigation clause reaches. */
      subjects: z.array(z.enum(SUBJECT_KINDS)),
      /** The mitigation clauses (TH-3/7, TJB-5, YN-6, NM-5; GD-5 permits none). */
      clauses: z.array(ClauseIdSchema),
      /** How the clause is read, in both languages. */
      reading: LocalizedTextSchema.optional(),
    }),
    /** The objection procedure and any deadlines the document fixes (TH-8..10). */
    objections: z
      .strictObject({
        /** The clauses of the objection procedure (TH-8..10). */
        clauses: z.array(ClauseIdSchema).min(1),
        /** Where an objection may be lodged: determining-department (认定部门), credit-platform (信用平台). */
        channels: z.array(z.enum(OBJECTION_CHANNELS)).optional(),
        /** The reply deadline the document fixes (TH-9: 15 working days from receipt). */
        replyWorkingDays: z
          .strictObject({
            /** Working days, counted on the calendar with 调休, the day of receipt not counted. */
            days: z.number().int().min(1).max(365),
            /** The clause that fixes it. */
            clause: ClauseIdSchema,
          })
          .optional(),
        /** The deadline to report a correction to the provincial platform (TH-10: 5 working days). */
        platformReportWorkingDays: z
          .strictObject({
            /** Working days, counted on the calendar with 调休, the day of the correction not counted. */
            days: z.number().int().min(1).max(365),
            /** The clause that fixes it. */
            clause: ClauseIdSchema,
          })
          .optional(),
        /** Does a correction or revocation lift the sanctions (TH-10)? */
        liftOnCorrection: ClauseIdSchema.optional(),
      })
      .optional(),
    /** Credit files (诚信档案): whether the document requires one (GD-2) or requires checking it (NM-3). */
    creditFile: z
      .strictObject({
        /** True when the document requires every subject to have one (a missing file is noted, not a clean record). */
        required: z.boolean(),
        /** The clauses about credit files (GD-2, NM-3). */
        clauses: z.array(ClauseIdSchema).min(1),
      })
      .optional(),
    /** Records the library derives (GD-7: a missed rectification becomes a record of the unit and the person). */
    derivations: z
      .array(
        z.strictObject({
          /** The kind of record derived: rectification-overdue (未按时完成整改), from the day after the missed due date. */
          kind: z.literal('rectification-overdue'),
          /** The clauses that derive it (GD-7). */
          clauses: z.array(ClauseIdSchema).min(1),
        }),
      )
      .max(5)
      .optional(),
    /** Pack defaults for the open choices; a query may override them. */
    policy: PolicyOverridesSchema,
  })
  .superRefine((pack, ctx) => {
    const add = (path: (string | number)[], zh: string, en: string, code: string) =>
      ctx.addIssue({ code: 'custom', path, params: { zh, en, code } });
    const clauseIds = new Set<string>();
    pack.clauses.forEach((c, i) => {
      if (clauseIds.has(c.id)) add(['clauses', i, 'id'], `条款 ${c.id} 重复`, `duplicate clause ${c.id}`, 'duplicate_id');
      clauseIds.add(c.id);
    });
    const cited = new Set<string>();
    const cite = (ids: string[], path: (string | number)[]) =>
      ids.forEach((id, i) => {
        cited.add(id);
        if (!clauseIds.has(id)) add([...path, i], `未知条款 ${id}`, `unknown clause id ${id}`, 'unknown_clause');
      });
    cite(pack.recordKinds.clauses, ['recordKinds', 'clauses']);
    cite(pack.mitigation.clauses, ['mitigation', 'clauses']);
    if (pack.objections) {
      cite(pack.objections.clauses, ['objections', 'clauses']);
      if (pack.objections.replyWorkingDays) cite([pack.objections.replyWorkingDays.clause], ['objections', 'replyWorkingDays', 'clause']);
      if (pack.objections.platformReportWorkingDays)
        cite([pack.objections.platformReportWorkingDays.clause], ['objections', 'platformReportWorkingDays', 'clause']);
      if (pack.objections.liftOnCorrection) cite([pack.objections.liftOnCorrection], ['objections', 'liftOnCorrection']);
    }
    if (pack.creditFile) cite(pack.creditFile.clauses, ['creditFile', 'clauses']);
    (pack.derivations ?? []).forEach((d, i) => cite(d.clauses, ['derivations', i, 'clauses']));
    const ruleIds = new Set<string>();
    pack.rules.forEach((rule, i) => {
      const at = ['rules', i];
      if (ruleIds.has(rule.id)) add([...at, 'id'], `规则 ${rule.id} 重复`, `duplicate rule ${rule.id}`, 'duplicate_id');
      ruleIds.add(rule.id);
      cite(rule.clauses, [...at, 'clauses']);
      for (const is of checkConditions(rule.conditions, [...at, 'conditions'], rule.scope)) {
        add(is.path, `规则 ${rule.id}：${is.message['zh-CN']}`, `rule ${rule.id}: ${is.message.en}`, is.code);
      }
      const hasOutcome = rule.verdict || rule.obligations?.length || rule.priority || rule.incentive || rule.note;
      if (!hasOutcome) add(at, `规则 ${rule.id} 没有任何结果`, `rule ${rule.id} has no outcome (verdict, obligations, priority, incentive or note)`, 'no_outcome');
      for (const is of checkRuleReach(rule, pack.statutory)) add([...at, ...is.path], `规则 ${rule.id}：${is.message['zh-CN']}`, `rule ${rule.id}: ${is.message.en}`, is.code);
      if (rule.verdict && rule.actions.length === 0)
        add([...at, 'actions'], `规则 ${rule.id} 有结论但未列明事项`, `rule ${rule.id} has a verdict but lists no actions`, 'missing_actions');
      rule.actions.forEach((a, j) => {
        const fits = rule.subjects.some((s) => ACTIONS_BY_SUBJECT[s].includes(a));
        if (!fits) add([...at, 'actions', j], `事项 ${a} 不适用于规则的主体`, `action ${a} applies to none of the rule's subjects`, 'not_applicable');
      });
      if (rule.validFrom && rule.validUntil && rule.validFrom > rule.validUntil)
        add([...at, 'validUntil'], 'validUntil 早于 validFrom', 'validUntil is before validFrom', 'date_order');
    });
    for (const [kind] of Object.entries(pack.recordKinds.only ?? {})) {
      if (!pack.recordKinds.kinds.includes(kind as (typeof RECORD_KINDS)[number]))
        add(['recordKinds', 'only', kind], `记录种类 ${kind} 不在 kinds 中`, `record kind ${kind} is not among kinds`, 'invalid_value');
    }
    pack.clauses.forEach((c, i) => {
      if (c.validFrom && c.validUntil && c.validFrom > c.validUntil)
        add(['clauses', i, 'validUntil'], 'validUntil 早于 validFrom', 'validUntil is before validFrom', 'date_order');
    });
    pack.clauses.forEach((c, i) => {
      if (!cited.has(c.id) && !c.handledBy) {
        add(['clauses', i], `条款 ${c.id} 既无规则编码也未说明原因（handledBy）`, `clause ${c.id} is encoded by no rule and says not why (handledBy)`, 'unaccounted_clause');
      }
    });
    if (pack.extends.includes(pack.id)) add(['extends'], '规则包不能扩展自身', 'a pack cannot extend itself', 'cycle');
    if (pack.validUntil && pack.validUntil < pack.validFrom) add(['validUntil'], 'validUntil 早于 validFrom', 'validUntil is before validFrom', 'date_order');
    pack.mitigation.subjects.forEach((s, i) => {
      if (!PERSON_KINDS.includes(s) && !BODY_KINDS.includes(s)) add(['mitigation', 'subjects', i], '未知主体', 'unknown subject kind', 'invalid_value');
    });
  });
export type { Pack, PackDocument, PackDocumentInput } from './types.generated.js';

/** Facts whose value depends on when a decision took effect (a rule reading one has `trigger: 'decision'`). */
const DECISION_FACTS = new Set(['inSanctionPeriod', 'sanctionedInAssessmentYear', 'sanctionSpansAssessmentYear', 'decidedInAssessmentYear', 'decisionInEffect', 'yearsAfterDecision']);
/**
 * A status that began with a decision (立案: the case opened on the record's decidedOn): a rule reading it
 * may date itself by that decision (政务处分法 52 for cases opened from 2020-07-01, 条例 38 before) or by
 * the day asked (考核规定 28: the review held while the case is open).
 */
const DECISION_OR_STATUS_FACTS = new Set(['investigationOpen']);
const SANCTION_TIME_FACTS = new Set(['inSanctionPeriod', 'sanctionedInAssessmentYear', 'sanctionSpansAssessmentYear']);

/** `record.<field>` paths a condition tree reads. */
function recordFieldsRead(cond: unknown, out = new Set<string>()): Set<string> {
  if (cond === null || typeof cond !== 'object') return out;
  const c = cond as Record<string, unknown>;
  if (Array.isArray(c.all)) for (const x of c.all) recordFieldsRead(x, out);
  if (Array.isArray(c.any)) for (const x of c.any) recordFieldsRead(x, out);
  if (c.not) recordFieldsRead(c.not, out);
  if (c.fact === 'record' && typeof c.path === 'string') out.add(c.path);
  return out;
}

/**
 * A record-scope rule says what it rests on and what triggers it, and its conditions agree:
 * reading `isIntegrityRecord` is resting on the documents' definition; reading a sanction-period
 * fact is being triggered by the decision. A statutory pack's rules are not mitigable and do not
 * rest on a local definition.
 */
function checkRuleReach(rule: Rule, statutory: boolean): { path: (string | number)[]; code: string; message: { 'zh-CN': string; en: string } }[] {
  const out: { path: (string | number)[]; code: string; message: { 'zh-CN': string; en: string } }[] = [];
  const add = (path: (string | number)[], code: string, zh: string, en: string) => out.push({ path, code, message: { 'zh-CN': zh, en } });
  if (rule.scope === 'subject') {
    if (rule.restsOn !== undefined) add(['restsOn'], 'not_applicable', '主体范围的规则不读取记录，不设 restsOn', 'a subject-scope rule reads no record: restsOn does not apply');
    if (rule.trigger !== undefined) add(['trigger'], 'not_applicable', '主体范围的规则不设 trigger', 'a subject-scope rule has no trigger');
    return out;
  }
  if (rule.restsOn === undefined) {
    add(['restsOn'], 'required', '须说明规则所依据的是政务失信记录的定义（integrity-record）、记录种类（record-kind）还是处分（sanction）', 'say what the rule rests on: integrity-record (the definition, 在履职过程中), record-kind, or sanction');
  }
  if (rule.trigger === undefined) {
    add(['trigger'], 'required', '须说明与施行日期比较的是失信行为（failure）、决定生效（decision）还是现时状态（status）', 'say what triggers the rule: failure, decision or status');
  }
  const read = recordFieldsRead(rule.conditions);
  if (read.has('isIntegrityRecord') && rule.restsOn !== undefined && rule.restsOn !== 'integrity-record') {
    add(['restsOn'], 'inconsistent', '读取 isIntegrityRecord 的规则依据的是政务失信记录的定义（restsOn: integrity-record）', 'a rule reading isIntegrityRecord rests on the definition (restsOn: integrity-record)');
  }
  if (rule.restsOn === 'integrity-record' && !read.has('isIntegrityRecord')) {
    add(['restsOn'], 'inconsistent', 'restsOn: integrity-record 的规则须读取 record.isIntegrityRecord', 'a rule resting on the definition must read record.isIntegrityRecord');
  }
  if (rule.restsOn === 'sanction' && !read.has('sanction')) {
    add(['restsOn'], 'inconsistent', 'restsOn: sanction 的规则须读取 record.sanction', 'a rule resting on a sanction must read record.sanction');
  }
  if ([...read].some((f) => SANCTION_TIME_FACTS.has(f)) && rule.restsOn !== undefined && rule.restsOn !== 'sanction') {
    add(['restsOn'], 'inconsistent', '读取处分期事实的规则依据的是处分（restsOn: sanction）', 'a rule reading a sanction-period fact rests on the sanction (restsOn: sanction)');
  }
  const readsDecision = [...read].some((f) => DECISION_FACTS.has(f));
  if (readsDecision && rule.trigger !== undefined && rule.trigger !== 'decision') {
    add(['trigger'], 'inconsistent', '读取处分期或决定年度事实的规则以决定生效日为准（trigger: decision）', 'a rule reading a sanction-period or decision-year fact is triggered by the decision (trigger: decision)');
  }
  if (rule.trigger === 'decision' && !readsDecision && ![...read].some((f) => DECISION_OR_STATUS_FACTS.has(f))) {
    add(['trigger'], 'inconsistent', 'trigger: decision 的规则须读取处分期或决定年度事实', 'a rule triggered by the decision must read a sanction-period or decision-year fact');
  }
  if (statutory && rule.mitigable) {
    add(['mitigable'], 'inconsistent', '法定后果不是失信惩戒措施，不能由地方减免条款减轻（mitigable: false）', 'a statutory consequence is not a credit measure a local mitigation clause can lighten (mitigable: false)');
  }
  if (statutory && rule.restsOn === 'integrity-record') {
    add(['restsOn'], 'inconsistent', '法定规则不依据地方文件对政务失信记录的定义', 'a statutory rule does not rest on a local definition of 政务失信记录');
  }
  return out;
}

/** Structural JSON Schema view of rule conditions (load-time checks are stricter). */
export { TopLevelConditionSchema };
