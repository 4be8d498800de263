import type { LocalizedText, QueryInput } from '../model/index.js';
import type { Difference } from './_internal/compare.js';
import type { InvariantName } from './_internal/invariants.js';

export type { Difference, InvariantName };

/** One invariant broken on one (shrunk) input. Pure data: it can be logged, stored or compared. */
export interface Violation {
  invariant: InvariantName;
  /** Which check of the invariant failed, e.g. `record-order`, `added-record`, `clear-on-clearFrom`, `America/Los_Angeles`. */
  variant: string;
  message: LocalizedText;
  /**
   * The shrunk counterexample. `pack` is the pack's id; where the pack was passed inline
   * (`inlinePack: true`), put the pack object back in `pack` to replay it.
   */
  query: QueryInput | null;
  inlinePack: boolean;
  /** The second query the check compared with `query` (a record added, revoked, reordered, asOf moved …). */
  variantQuery?: QueryInput;
  /** Where two decisions that should be equal first differ. */
  difference?: Difference;
  /** How many generated inputs broke this invariant before shrinking. */
  failures: number;
  /**
   * Replay of fast-check's counterexample (`fc.check(property, { seed, path })`); the kit then
   * also removed what the failure did not need (counted in `shrinks`).
   */
  seed: number;
  path: string;
  shrinks: number;
}

/** How one invariant fared. */
export interface InvariantReport {
  name: InvariantName;
  status: 'passed' | 'failed' | 'skipped';
  /** Inputs the invariant was checked on. */
  runs: number;
  /** Inputs that broke it. */
  failures: number;
  /** Why it was skipped, or what the time-zone children reported. */
  note?: string;
}

/** What `checkPack` returns. */
export interface CheckPackResult {
  /** The pack's id. */
  pack: string;
  seed: number;
  numRuns: number;
  ok: boolean;
  invariants: InvariantReport[];
  violations: Violation[];
}
