import * as fc from 'fast-check';

/**
 * Runs `visit` on `numRuns` values of `arb` drawn with `seed`, in order (index 0, 1, …). The
 * property never fails, so every value is visited; an index found here can be replayed and shrunk
 * with {@link shrinkAt}.
 */
export async function visitAll<T>(arb: fc.Arbitrary<T>, numRuns: number, seed: number, visit: (value: T, index: number) => Promise<void>): Promise<void> {
  let index = 0;
  let thrown: unknown = null;
  await fc.check(
    fc.asyncProperty(arb, async (value) => {
      try {
        await visit(value, index++);
      } catch (e) {
        thrown ??= e;
      }
      return true;
    }),
    { numRuns, seed },
  );
  if (thrown) throw thrown;
}

export interface Shrunk<T> {
  value: T;
  /** fast-check's replay path (`seed` + `path` give the shrunk value again). */
  path: string;
  shrinks: number;
}

/**
 * Replays value `index` of the run with `seed` and shrinks it while `fails` holds: the smallest
 * value that still fails. Null when the value no longer fails (a flaky failure).
 */
export async function shrinkAt<T>(arb: fc.Arbitrary<T>, seed: number, index: number, fails: (value: T) => Promise<boolean>): Promise<Shrunk<T> | null> {
  const details = await fc.check(
    fc.asyncProperty(arb, async (value) => !(await fails(value))),
    { seed, path: String(index), numRuns: index + 1 },
  );
  if (!details.failed || !details.counterexample) return null;
  return { value: details.counterexample[0], path: details.counterexamplePath ?? String(index), shrinks: details.numShrinks };
}
