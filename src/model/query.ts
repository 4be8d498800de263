import * as z from 'zod';
import { IsoDateSchema } from './date.js';
import { PackSchema } from './pack.js';
import { PolicyOverridesSchema } from './policy.js';
import { SubjectSchema } from './subject.js';
import { ACTIONS } from './vocabulary.js';
import { ASSESSMENT_YEARS, QUERY_PACK_ID_MAX } from './_internal/queryLimits.js';

/** A question: may this subject have this action, under this pack, as of this date? */
export const QuerySchema = z.strictObject({
  /** A shipped or loaded pack id (e.g. `cn-tj-binhai`), or a whole pack object. */
  pack: z.union([z.string().min(1).max(QUERY_PACK_ID_MAX), z.lazy(() => PackSchema)]),
  /** Who the question is about, with the records and honours the host holds for it. */
  subject: SubjectSchema,
  /** What is asked: excellent-rating (年度考核优秀等次), annual-rating, promotion (晋升/提拔), salary-step, appointment (任用), awards (评优评先), honour-selection (荣誉评选) or recruitment (录用). */
  action: z.enum(ACTIONS),
  /** The day the question is asked: records and events known on this day are used. */
  asOf: IsoDateSchema,
  /** The year under review, required for `excellent-rating` and `annual-rating`. */
  assessmentYear: z.number().int().min(ASSESSMENT_YEARS.min).max(ASSESSMENT_YEARS.max).optional(),
  /** Host overrides of the pack's policy. */
  policy: PolicyOverridesSchema.optional(),
});
/** `Query` is a validated query; `QueryInput` a query as a host passes it (dates as `YYYY-MM-DD` or `Date`). */
export type { Query, QueryInput } from './types.generated.js';
