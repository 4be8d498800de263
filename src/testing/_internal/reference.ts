import type { Decision, Pack, QueryInput } from '../../model/index.js';
import type { PackRef } from './hints.js';
import { library } from './lib.js';
import type { Reference } from './invariants.js';

/** The shape of the library's compiled evaluator (`createEvaluator(pack).evaluate(query)`). */
export type CreateEvaluator = (pack: string | Pack) => { evaluate(query: unknown): Decision | Promise<Decision> };

/** The library's `createEvaluator`, when this version exports one; null otherwise. */
export function libraryCreateEvaluator(): CreateEvaluator | null {
  const f = (library as Record<string, unknown>)['createEvaluator'];
  return typeof f === 'function' ? (f as CreateEvaluator) : null;
}

/** A reference runner over `createEvaluator`: one evaluator per pack, each query's `pack` left out. */
export function referenceOf(create: CreateEvaluator): Reference {
  const byId = new Map<string, ReturnType<CreateEvaluator>>();
  const byObject = new WeakMap<object, ReturnType<CreateEvaluator>>();
  const evaluatorFor = (ref: PackRef) => {
    if (typeof ref === 'string') {
      let e = byId.get(ref);
      if (!e) byId.set(ref, (e = create(ref)));
      return e;
    }
    let e = byObject.get(ref);
    if (!e) byObject.set(ref, (e = create(ref)));
    return e;
  };
  return (query: QueryInput) => {
    const { pack, ...rest } = query;
    return evaluatorFor(pack as PackRef).evaluate(rest);
  };
}
