import type * as z from 'zod';

/**
 * What a refinement found wrong with a value that has the right shape: where (relative to the
 * refined value), a stable code, and the message in both languages.
 */
export interface Refusal {
  path?: (string | number)[];
  code: string;
  zh: string;
  en: string;
}

/** A refinement as a plain function: the refusals of a value already of the schema's shape. */
export type Refinement<T> = (value: T) => readonly Refusal[];

const NONE: readonly Refusal[] = Object.freeze([]);
/** No refusal: what a refinement returns for a good value (shared, so nothing is allocated). */
export const ACCEPTED = NONE;

// The plain function behind each refinement, by the zod check that runs it: the compiled validator
// (compileSchema.ts) calls the same function zod does, so the two cannot disagree on a refinement.
const plain = new WeakMap<object, Refinement<never>>();

/**
 * `schema.superRefine(…)` with the refinement written as a plain function, registered so that the
 * compiled validator runs the very same function. Each refusal becomes a custom zod issue carrying
 * both messages and the code (`issuesFromZod` turns it into the library's issue).
 */
export function refinedBy<S extends z.ZodType>(schema: S, refinement: Refinement<z.output<S>>): S {
  const out = schema.superRefine((value, ctx) => {
    // zod extends an issue's path in place: each issue gets its own copy.
    for (const r of refinement(value)) {
      ctx.addIssue({ code: 'custom', ...(r.path ? { path: [...r.path] } : {}), params: { zh: r.zh, en: r.en, code: r.code } });
    }
  }) as S;
  const checks = (out as unknown as { _zod: { def: { checks?: object[] } } })._zod.def.checks ?? [];
  plain.set(checks[checks.length - 1]!, refinement as Refinement<never>);
  return out;
}

/** The plain function of a check made by `refinedBy`; undefined for any other check. */
export function refinementOf(check: object): Refinement<unknown> | undefined {
  return plain.get(check) as Refinement<unknown> | undefined;
}
