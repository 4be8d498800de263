/**
 * Which zod schemas become which TypeScript types in src/model/types.generated.ts, and the files
 * their doc comments are read from (scripts/_shared/modelDocs.ts does the work).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as calendarSchemas from '../../src/calendar/_internal/scheduleSchema.js';
import * as conditions from '../../src/model/conditions.js';
import * as model from '../../src/model/index.js';
import * as vocabulary from '../../src/model/vocabulary.js';
import { collectModelDocs, printTypes, undocumented, type ModelDocs, type ZNode } from './modelDocs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The files whose schemas carry the comments. */
export const DOC_FILES = [
  ...readdirSync(join(root, 'src', 'model'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.generated.ts'))
    .map((f) => join(root, 'src', 'model', f)),
  join(root, 'src', 'calendar', '_internal', 'scheduleSchema.ts'),
];

const n = (s: unknown) => s as ZNode;

/** Schemas by their declaration's name (to find its comments) and the type they become. */
const NAMED: [declaration: string, schema: ZNode, type: string][] = [
  ['SubjectSchema', n(model.SubjectSchema), 'Subject'],
  ['HonourSchema', n(model.HonourSchema), 'Honour'],
  ['CreditFileSchema', n(model.CreditFileSchema), 'CreditFile'],
  ['RecordSchema', n(model.RecordSchema), 'CreditRecord'],
  ['LifecycleEventSchema', n(model.LifecycleEventSchema), 'LifecycleEvent'],
  ['QuerySchema', n(model.QuerySchema), 'Query'],
  ['DecisionSchema', n(model.DecisionSchema), 'Decision'],
  ['CitationSchema', n(model.CitationSchema), 'Citation'],
  ['ReasonSchema', n(model.ReasonSchema), 'Reason'],
  ['ReasonMitigationSchema', n(model.ReasonMitigationSchema), 'ReasonMitigation'],
  ['BenefitSchema', n(model.BenefitSchema), 'Benefit'],
  ['ObligationSchema', n(model.ObligationSchema), 'Obligation'],
  ['MitigationStatusSchema', n(model.MitigationStatusSchema), 'MitigationStatus'],
  ['DeadlineStateSchema', n(model.DeadlineStateSchema), 'DeadlineState'],
  ['NoteSchema', n(model.NoteSchema), 'Note'],
  ['RecordSummarySchema', n(model.RecordSummarySchema), 'RecordSummary'],
  ['PackSchema', n(model.PackSchema), 'Pack'],
  ['DocumentSchema', n(model.DocumentSchema), 'PackDocument'],
  ['ClauseSchema', n(model.ClauseSchema), 'Clause'],
  ['RuleSchema', n(model.RuleSchema), 'Rule'],
  ['PolicyOverridesSchema', n(model.PolicyOverridesSchema), 'PolicyOverrides'],
  ['ConditionSchema', n(conditions.ConditionSchema), 'Condition'],
  ['TopLevelConditionSchema', n(conditions.TopLevelConditionSchema), 'TopLevelCondition'],
  ['HostScheduleSchema', n(calendarSchemas.HostScheduleSchema), 'HostSchedule'],
];

/** Names of union options: events by their `type`, conditions by their key. */
function optionNames(): [ZNode, string][] {
  const out: [ZNode, string][] = [];
  const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
  for (const o of (n(model.LifecycleEventSchema)._zod.def.options as ZNode[]) ?? []) {
    const type = ((o._zod.def.shape as Record<string, ZNode>).type!._zod.def.values as string[])[0]!;
    out.push([o, `${pascal(type)}Event`]);
  }
  const condition = (n(conditions.ConditionSchema)._zod as unknown as { innerType: ZNode }).innerType;
  const byKey: Record<string, string> = { fact: 'LeafCondition', all: 'AllConditions', any: 'AnyCondition', not: 'NotCondition' };
  for (const o of condition._zod.def.options as ZNode[]) {
    const target = o._zod.def.type === 'lazy' ? (o._zod as unknown as { innerType: ZNode }).innerType : o;
    const key = Object.keys(target._zod.def.shape as object)[0]!;
    out.push([o, byKey[key]!]);
  }
  return out;
}

/** Vocabulary lists whose enums print as their type's name. */
const ENUM_NAMES: { values: readonly string[]; name: string }[] = [
  { values: vocabulary.SUBJECT_KINDS, name: 'SubjectKind' },
  { values: vocabulary.RECORD_KINDS, name: 'RecordKind' },
  { values: vocabulary.SANCTIONS, name: 'Sanction' },
  { values: vocabulary.ACTIONS, name: 'Action' },
  { values: vocabulary.VERDICTS, name: 'Verdict' },
  { values: vocabulary.SELF_CORRECTION_MEASURES, name: 'SelfCorrectionMeasure' },
  { values: vocabulary.MITIGATION_OUTCOMES, name: 'MitigationOutcome' },
  { values: vocabulary.OBLIGATION_KINDS, name: 'ObligationKind' },
  { values: vocabulary.HONOUR_LEVELS, name: 'HonourLevel' },
  { values: vocabulary.OBJECTION_CHANNELS, name: 'ObjectionChannel' },
  { values: vocabulary.OBJECTION_OUTCOMES, name: 'ObjectionOutcome' },
  { values: vocabulary.INVESTIGATION_OUTCOMES, name: 'InvestigationOutcome' },
  { values: conditions.FACT_NAMES, name: 'FactName' },
  { values: conditions.OPERATORS, name: 'Operator' },
];

function leafTypes(): Map<ZNode, { output: string; input: string }> {
  const date = { output: 'string', input: 'DateInput' };
  const rule = n(model.RuleSchema)._zod.def.shape as Record<string, ZNode>;
  return new Map([
    [n(model.IsoDateSchema), date],
    // Schedules are JSON files: their dates are strings (withSchedule reads no Date objects).
    [n(calendarSchemas.IsoDate), { output: 'string', input: 'string' }],
    [n(model.LocalizedTextSchema), { output: 'LocalizedText', input: 'LocalizedText' }],
    // Checked by checkConditions at load (messages that name the rule); typed by the condition schema.
    [rule.conditions!, { output: 'TopLevelCondition', input: 'TopLevelCondition' }],
  ]);
}

/** The comments of every model schema. */
export function modelDocs(): ModelDocs {
  return collectModelDocs(Object.fromEntries(NAMED.map(([decl, schema]) => [decl, schema])), DOC_FILES);
}

/** Type names by schema (named schemas and union options). */
export function typeNames(): Map<ZNode, string> {
  return new Map([...NAMED.map(([, s, t]): [ZNode, string] => [s, t]), ...optionNames()]);
}

/** Every field without a comment: `Subject.division (src/model/subject.ts:31)`. */
export function undocumentedFields(docs: ModelDocs = modelDocs()): string[] {
  const names = typeNames();
  return undocumented(docs, (x) => names.get(x));
}

export const GENERATED_TYPES = 'src/model/types.generated.ts';

/** The text of src/model/types.generated.ts. */
export function typesFile(docs: ModelDocs = modelDocs()): string {
  return printTypes(docs, {
    names: typeNames(),
    enumNames: ENUM_NAMES,
    leafTypes: leafTypes(),
    roots: [
      [n(model.SubjectSchema), 'Subject', 'SubjectInput'],
      [n(model.RecordSchema), 'CreditRecord', 'CreditRecordInput'],
      [n(model.LifecycleEventSchema), 'LifecycleEvent', 'LifecycleEventInput'],
      [n(model.QuerySchema), 'Query', 'QueryInput'],
      [n(model.DecisionSchema), 'Decision', null],
      [n(model.PackSchema), 'Pack', 'PackInput'],
      [n(model.PolicyOverridesSchema), 'PolicyOverrides', null],
      [n(conditions.TopLevelConditionSchema), 'TopLevelCondition', null],
      [n(conditions.ConditionSchema), 'Condition', null],
      // A schedule is JSON data (strings, plain arrays): one type for what is passed and what is kept.
      [n(calendarSchemas.HostScheduleSchema), 'HostSchedule', null],
    ],
    header: [
      '// Generated by scripts/gen-docs.ts (npm run docs) from the zod schemas of src/model and their doc',
      '// comments (scripts/_shared/modelDocs.ts). Do not edit: document a field above it in its schema.',
      '// test/model/field-docs.test.ts checks that these types are the ones zod infers.',
      "import type { DateInput } from './date.js';",
      "import type { LocalizedText } from './errors.js';",
      "import type { FactName, Operator } from './conditionTerms.js';",
      "import type { Action, HonourLevel, InvestigationOutcome, MitigationOutcome, ObjectionChannel, ObjectionOutcome, ObligationKind, RecordKind, Sanction, SelfCorrectionMeasure, SubjectKind, Verdict } from './vocabulary.js';",
    ],
  });
}
