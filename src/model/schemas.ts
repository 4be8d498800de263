// The zod schemas of the input and output model, for hosts that validate with zod themselves: published
// together as the `schemas` export (`import { schemas } from 'gov-credit-rules'`, then
// `schemas.SubjectSchema.safeParse(x)`). parseQuery / parseSubject / parsePack are the library's own
// validation (limits, localised issues) and what a host should normally call; the JSON Schema files
// (schemas/*.json) serve hosts in other languages.
export { IdSchema, LocalizedTextSchema, MetaSchema, TextSchema } from './common.js';
export { IsoDateSchema } from './date.js';
export { LifecycleEventSchema } from './events.js';
export { RecordSchema } from './record.js';
export { CreditFileSchema, HonourSchema, SubjectSchema } from './subject.js';
export { PolicyOverridesSchema, PolicySchema } from './policy.js';
export { ConditionSchema, TopLevelConditionSchema } from './conditions.js';
export { ClauseSchema, DocumentSchema, PackSchema, RuleSchema } from './pack.js';
export { QuerySchema } from './query.js';
export {
  BenefitSchema,
  CitationSchema,
  DeadlineStateSchema,
  DecisionSchema,
  MitigationStatusSchema,
  NoteSchema,
  ObligationSchema,
  ReasonMitigationSchema,
  ReasonSchema,
  RecordSummarySchema,
} from './decision.js';
