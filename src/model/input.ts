/**
 * The input types of the public functions: a host's data as it may pass it (dates as `YYYY-MM-DD`
 * or `Date`, read in Asia/Shanghai; arrays may be readonly). Generated with the output types from
 * the schemas (types.generated.ts).
 */
export type { CreditRecordInput, LifecycleEventInput, PackInput, QueryInput, SubjectInput } from './types.generated.js';
