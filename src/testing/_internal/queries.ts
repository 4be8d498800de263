import type * as fc from 'fast-check';
import type { QueryInput } from '../../model/index.js';
import type { QueryArbOptions } from '../arbitraryOptions.js';
import { packHints, type PackRef } from './hints.js';
import { DEFAULT_DATE_RANGE, interpretQuery, queryPlanArb, type QueryPlanOptions } from './plans.js';

/** The plan options of a query arbitrary. */
export function queryPlanOptions(options: QueryArbOptions): QueryPlanOptions {
  return {
    actions: options.actions,
    subjectKinds: options.subjectKinds,
    kinds: options.kinds,
    range: options.dateRange ?? DEFAULT_DATE_RANGE,
    maxRecords: options.maxRecords ?? 4,
    maxEvents: options.maxEvents ?? 3,
    policy: options.policy ?? true,
  };
}

/** queryArb, leaning toward the edges of more packs than the one queried (diffPacks uses both sides). */
export function queryArbWith(options: QueryArbOptions, extraPacks: readonly PackRef[]): fc.Arbitrary<QueryInput> {
  const pack = options.pack ?? 'cn-national';
  const hints = packHints([pack, ...extraPacks]);
  const opts = queryPlanOptions(options);
  return queryPlanArb(hints, opts).map((plan) => interpretQuery(plan, pack as QueryInput['pack'], opts, hints));
}
