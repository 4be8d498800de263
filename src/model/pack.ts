import * as z from 'zod';
import { TextSchema } from './common.js';
import { checkConditions, TopLevelConditionSchema, type TopLevelCondition } from './conditions.js';
import { IsoDateSchema } from './date.js';
import { PACK_LIMITS } from './limits.js';
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

/** A pack's text in both languages (descriptions, readings, notes), bounded by PACK_LIMITS.textLength. */
const PackTextSchema = z.strictObject({
  'zh-CN': z.string().min(1).max(PACK_LIMITS.textLength),
  en: z.string().min(1).max(PACK_LIMITS.textLength),
});
const QuoteSchema = z.string().min(4).max(PACK_LIMITS.quoteLength);

/** One clause of the source document, quoted verbatim. */
export const ClauseSchema = z.strictObject({
  id: ClauseIdSchema,
  /** The document, where the pack draws on several (the national pack). Defaults to the pack's document. */
  document: TextSchema.optional(),
  section: z.string().min(1).max(100),
  /** Verbatim text as it stands in the source (after whitespace normalisation). */
  quote: QuoteSchema.meta({ description: `Verbatim text of the clause, at most ${PACK_LIMITS.quoteLength} characters (PACK_LIMITS.quoteLength).` }),
  /** The quote in simplified characters where the source is in another script (Guangdong). */
  quoteSimplified: QuoteSchema.meta({
    description: `The quote in simplified characters where the source is in another script, at most ${PACK_LIMITS.quoteLength} characters.`,
  }).optional(),
  /** The source file the quote is checked against, relative to the shared folder (e.g. `seeds/000_….txt`). */
  source: z.string().max(200).optional(),
  reading: PackTextSchema,
  /** For a clause no rule encodes: where it is handled instead, and why. */
  handledBy: z
    .strictObject({
      kind: z.enum(['input-validation', 'lifecycle', 'calendar', 'deadlines', 'data-duty', 'institutional-duty', 'authority-decision', 'vocabulary']),
      why: PackTextSchema,
    })
    .optional(),
});
export type Clause = z.infer<typeof ClauseSchema>;

const VerdictOutcome = z.enum(['barred', 'restricted', 'review']);

/** A rule: the conditions under which a clause's consequence follows, and that consequence. */
export const RuleSchema = z.strictObject({
  id: z.string().regex(RULE_ID).max(80),
  clauses: z
    .array(ClauseIdSchema)
    .min(1)
    .max(PACK_LIMITS.clausesPerRule)
    .meta({ description: `The clauses the rule encodes, at most ${PACK_LIMITS.clausesPerRule} (PACK_LIMITS.clausesPerRule).` }),
  description: PackTextSchema,
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
  conditions: z.custom<TopLevelCondition>(() => true),
  verdict: VerdictOutcome.optional(),
  obligations: z.array(z.enum(OBLIGATION_KINDS)).max(10).optional(),
  /** 守信激励 (NM-3): priority for a clean file. */
  priority: z.boolean().optional(),
  /** TH-4: incentive for national or provincial honour titles. */
  incentive: z.boolean().optional(),
  /** May the pack's mitigation clause lower this rule's effect? Statutory consequences (national law) are not 失信惩戒措施 and say false. */
  mitigable: z.boolean().default(true),
  validFrom: IsoDateSchema.optional(),
  validUntil: IsoDateSchema.optional(),
});
export type Rule = z.infer<typeof RuleSchema>;

export const DocumentSchema = z.strictObject({
  /** 文号. */
  number: z.string().min(1).max(100),
  title: z.string().min(1).max(300),
  issuer: z.string().min(1).max(200),
  issuedOn: IsoDateSchema,
  effectiveOn: IsoDateSchema,
  /** Where the text comes from (seed file or law corpus). */
  source: z.string().min(1).max(300),
  parents: z.array(z.string().max(200)).max(20).optional(),
  note: PackTextSchema.optional(),
});

export const PackSchema = z
  .strictObject({
    $schema: z.string().max(300).optional(),
    id: z.string().regex(PACK_ID).max(60),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    name: PackTextSchema,
    /** GB/T 2260 division code; null for the national pack. */
    division: z.string().regex(/^\d{6}$/).nullable(),
    document: DocumentSchema,
    extends: z
      .array(z.string().regex(PACK_ID))
      .max(PACK_LIMITS.chainPacks - 1)
      .meta({
        description: `Ids of the packs this one extends. The chain (this pack and every pack it extends) holds at most ${PACK_LIMITS.chainPacks} packs and ${PACK_LIMITS.chainRules} rules together (PACK_LIMITS.chainPacks, chainRules).`,
      }),
    validFrom: IsoDateSchema,
    validUntil: IsoDateSchema.optional(),
    /** What this document counts as 政务失信记录, and the clauses that say so. */
    recordKinds: z.strictObject({ kinds: z.array(z.enum(RECORD_KINDS)), clauses: z.array(ClauseIdSchema) }),
    clauses: z
      .array(ClauseSchema)
      .min(1)
      .max(PACK_LIMITS.clauses)
      .meta({ description: `The document's clauses, at most ${PACK_LIMITS.clauses} (PACK_LIMITS.clauses).` }),
    rules: z
      .array(RuleSchema)
      .max(PACK_LIMITS.rules)
      .meta({
        description: `The rules, at most ${PACK_LIMITS.rules} (PACK_LIMITS.rules); each rule's conditions hold at most ${PACK_LIMITS.conditionsPerRule} leaf conditions, nested at most ${PACK_LIMITS.conditionDepth} deep below the top level, with at most ${PACK_LIMITS.valuesPerCondition} values in an in/notIn list.`,
      }),
    /** What self-correction permits (可从轻或免于…); `permits: []` with the clause that only encourages it (GD-5). */
    mitigation: z.strictObject({
      permits: z.array(z.enum(MITIGATION_OUTCOMES)),
      subjects: z.array(z.enum(SUBJECT_KINDS)),
      clauses: z.array(ClauseIdSchema),
      reading: PackTextSchema.optional(),
    }),
    /** The objection procedure and any deadlines the document fixes (TH-8..10). */
    objections: z
      .strictObject({
        clauses: z.array(ClauseIdSchema).min(1),
        channels: z.array(z.enum(OBJECTION_CHANNELS)).optional(),
        replyWorkingDays: z.strictObject({ days: z.number().int().min(1).max(365), clause: ClauseIdSchema }).optional(),
        platformReportWorkingDays: z.strictObject({ days: z.number().int().min(1).max(365), clause: ClauseIdSchema }).optional(),
        /** Does a correction or revocation lift the sanctions (TH-10)? */
        liftOnCorrection: ClauseIdSchema.optional(),
      })
      .optional(),
    /** Credit files (诚信档案): whether the document requires one (GD-2) or requires checking it (NM-3). */
    creditFile: z
      .strictObject({ required: z.boolean(), clauses: z.array(ClauseIdSchema).min(1) })
      .optional(),
    /** Records the library derives (GD-7: a missed rectification becomes a record of the unit and the person). */
    derivations: z
      .array(z.strictObject({ kind: z.literal('rectification-overdue'), clauses: z.array(ClauseIdSchema).min(1) }))
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
export type Pack = z.infer<typeof PackSchema>;
export type PackInput = z.input<typeof PackSchema>;

/** Structural JSON Schema view of rule conditions (load-time checks are stricter). */
export { TopLevelConditionSchema };
