import * as z from 'zod';
import { LocalizedTextSchema, TextSchema } from './common.js';
import { checkConditions, TopLevelConditionSchema, type TopLevelCondition } from './conditions.js';
import { IsoDateSchema } from './date.js';
import { PolicyOverridesSchema } from './policy.js';
import {
  ACTIONS,
  BODY_KINDS,
  MITIGATION_OUTCOMES,
  OBJECTION_CHANNELS,
  OBLIGATION_KINDS,
  PERSON_KINDS,
  RECORD_KINDS,
  SUBJECT_KINDS,
  type Action,
  type SubjectKind,
} from './vocabulary.js';

export const PACK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const CLAUSE_ID = /^[A-Z]+(-[0-9A-Za-z]+)+$/;

/** Actions that make sense for each kind of subject. */
export const ACTIONS_BY_SUBJECT: Record<SubjectKind, readonly Action[]> = {
  'civil-servant': ACTIONS,
  'public-institution-staff': ACTIONS,
  government: ['honour-selection'],
  department: ['honour-selection'],
};

const ClauseIdSchema = z.string().regex(CLAUSE_ID);

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
  /** Verbatim text as it stands in the source (after whitespace normalisation). */
  quote: z.string().min(4).max(2000),
  /** The quote in simplified characters where the source is in another script (Guangdong). */
  quoteSimplified: z.string().min(4).max(2000).optional(),
  /** The source file the quote is checked against, relative to the shared folder (e.g. `seeds/000_….txt`). */
  source: z.string().max(200).optional(),
  /** What the clause means for the library, in both languages: how it is read and encoded. */
  reading: LocalizedTextSchema,
  /** For a clause no rule encodes: where it is handled instead, and why. */
  handledBy: z
    .strictObject({
      /**
       * Where: input-validation, lifecycle, calendar, deadlines, data-duty, institutional-duty,
       * authority-decision or vocabulary.
       */
      kind: z.enum(['input-validation', 'lifecycle', 'calendar', 'deadlines', 'data-duty', 'institutional-duty', 'authority-decision', 'vocabulary']),
      /** Why no rule encodes it, in both languages. */
      why: LocalizedTextSchema,
    })
    .optional(),
});
export type { Clause } from './types.generated.js';

const VerdictOutcome = z.enum(['barred', 'restricted', 'review']);

/** A rule: the conditions under which a clause's consequence follows, and that consequence. */
export const RuleSchema = z.strictObject({
  /** The rule's id, unique in its pack (lower-case words joined by hyphens): reasons name it. */
  id: z.string().regex(RULE_ID).max(80),
  /**
   * The clauses the rule encodes: every rule cites at least one (a rule without a clause is
   * refused at load).
   */
  clauses: z.array(ClauseIdSchema).min(1).max(20),
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
   * When the rule fires: json-rules-engine conditions (all/any/not of fact, path, operator, value)
   * over the facts `record`, `subject` and `query`; checked at load.
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
   * The first day the rule is in force, if not the pack's (a query is answered by the rules in
   * force on asOf).
   */
  validFrom: IsoDateSchema.optional(),
  /** The last day the rule is in force, if it has one. */
  validUntil: IsoDateSchema.optional(),
});
export type { Rule, RuleInput } from './types.generated.js';

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
  /** Where the text comes from (seed file or law corpus). */
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
     * Packs whose rules apply too (the five local packs extend cn-national): their clauses and
     * rules join this pack's.
     */
    extends: z.array(z.string().regex(PACK_ID)).max(10),
    /** The first day the pack is in force. */
    validFrom: IsoDateSchema,
    /** The last day the pack is in force, if it has one. */
    validUntil: IsoDateSchema.optional(),
    /** What this document counts as 政务失信记录, and the clauses that say so. */
    recordKinds: z.strictObject({
      /** The record kinds the document names; records of other kinds count only under policy unlistedRecordKinds. */
      kinds: z.array(z.enum(RECORD_KINDS)),
      /** The clauses that name them. */
      clauses: z.array(ClauseIdSchema),
    }),
    /**
     * Every clause of the document, quoted verbatim; each is encoded by a rule or says where it is
     * handled (handledBy).
     */
    clauses: z.array(ClauseSchema).min(1).max(500),
    /** The rules, in json-rules-engine's condition format, each citing its clauses. */
    rules: z.array(RuleSchema).max(500),
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
      const hasOutcome = rule.verdict || rule.obligations?.length || rule.priority || rule.incentive;
      if (!hasOutcome) add(at, `规则 ${rule.id} 没有任何结果`, `rule ${rule.id} has no outcome (verdict, obligations, priority or incentive)`, 'no_outcome');
      if (rule.verdict && rule.actions.length === 0)
        add([...at, 'actions'], `规则 ${rule.id} 有结论但未列明事项`, `rule ${rule.id} has a verdict but lists no actions`, 'missing_actions');
      rule.actions.forEach((a, j) => {
        const fits = rule.subjects.some((s) => ACTIONS_BY_SUBJECT[s].includes(a));
        if (!fits) add([...at, 'actions', j], `事项 ${a} 不适用于规则的主体`, `action ${a} applies to none of the rule's subjects`, 'not_applicable');
      });
      if (rule.validFrom && rule.validUntil && rule.validFrom > rule.validUntil)
        add([...at, 'validUntil'], 'validUntil 早于 validFrom', 'validUntil is before validFrom', 'date_order');
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

/** Structural JSON Schema view of rule conditions (load-time checks are stricter). */
export { TopLevelConditionSchema };
