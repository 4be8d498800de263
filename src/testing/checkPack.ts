import * as fc from 'fast-check';
import { CHECK_PACK_KEYS, checkOptions, checkPackRef } from './_internal/args.js';
import type { QueryInput } from '../model/index.js';
import { INVARIANT_NAMES, auxArb, checkCase, type CaseInput, type CheckEnv, type Finding, type InvariantName, type Reference } from './_internal/invariants.js';
import { chainOf, packHints, packOf, type PackRef } from './_internal/hints.js';
import { listPacks } from './_internal/lib.js';
import { queryArbWith } from './_internal/queries.js';
import { libraryCreateEvaluator, referenceOf, type CreateEvaluator } from './_internal/reference.js';
import { shrinkAt, visitAll } from './_internal/search.js';
import { simplify } from './_internal/simplify.js';
import { ZoneEvaluator, defaultChildEntry, type ChildEntry } from './_internal/zones.js';
import type { QueryArbOptions } from './arbitraries.js';
import type { CheckPackResult, InvariantReport, Violation } from './types.js';

/** Options of {@link checkPack}. */
export interface CheckPackOptions extends Omit<QueryArbOptions, 'pack'> {
  /** Generated queries. Default 200. */
  numRuns?: number;
  /** fast-check seed. Default: a fresh one, reported in the result (pass it back to replay). */
  seed?: number;
  /** Only these invariants. Default: all. */
  invariants?: readonly InvariantName[];
  /**
   * Process time zones for the `timezone` invariant: each runs the library in a child process
   * with that `TZ`, and every decision must equal this process's. Default
   * `['America/Los_Angeles', 'Pacific/Kiritimati']`; `false` skips the invariant.
   */
  timeZones?: readonly string[] | false;
  /**
   * On how many of the generated queries the time zones are checked (the first ones; a seeded
   * sample). Default 250: child processes are the slow part, and TZ bugs show on most queries.
   */
  timeZoneRuns?: number;
  /** How the children load the library. Default: the main entry beside the kit (or `src/index.ts` with tsx from source). */
  childEntry?: ChildEntry;
  /**
   * The fast evaluator to check against `evaluate`: `createEvaluator` (or a compatible function),
   * `'auto'` (default: the library's own `createEvaluator` if this version exports it), or `null`.
   */
  reference?: CreateEvaluator | 'auto' | null;
}

const DEFAULT_ZONES = ['America/Los_Angeles', 'Pacific/Kiritimati'];

function shownQuery(q: QueryInput): { query: QueryInput; inline: boolean } {
  if (typeof q.pack === 'string') return { query: q, inline: false };
  return { query: { ...q, pack: (q.pack as { id: string }).id }, inline: true };
}

/**
 * Runs every invariant on `numRuns` generated queries for a pack and returns the violations, each
 * shrunk to a small counterexample. The invariants (docs/testing.md):
 *
 * - `evaluates`: every valid query is answered (no error).
 * - `determinism`: the same decision on a re-run (deep-equal) and when the query is written
 *   differently: records reordered and same-day events reordered where the log allows it (the
 *   same decision up to the order of lists), shorthands written as events (deep-equal); the input
 *   is not modified.
 * - `timezone`: the same decision, deep-equal, in child processes under other `TZ`s (on the
 *   first `timeZoneRuns` queries, default 250).
 * - `monotonicity`: adding a record known on asOf never lowers the verdict; revoking one, or the
 *   authority exempting it or deciding 从轻, never raises it; no reason's mitigation raises it.
 * - `explanation`: a non-clear verdict has a reason; the verdict is the most severe reason's;
 *   every reason, priority and incentive cites clauses its rule encodes, of the pack or its
 *   parents, with the pack's own quote, section and document; obligations name their rule.
 * - `clear-from`: clear ⇒ clearFrom = asOf; otherwise, with the knowledge of asOf fixed (facts
 *   dated later removed, which must not change the answer), the query is clear on clearFrom and
 *   not clear the day before; a null clearFrom stays not clear decades ahead.
 * - `reference`: the compiled evaluator deep-equals `evaluate` (skipped when none is available).
 *
 * @param pack - a shipped or loaded pack's id, or a pack object (evaluated inline).
 * @param options - `numRuns` (200), `seed`, `invariants`, `timeZones`, `reference`, and the query
 *   options of `queryArb` (`actions`, `dateRange`, `maxRecords`, `policy`, …).
 * @returns pure data: `ok`, one report per invariant, the violations with shrunk queries, and the seed.
 * @example
 * const result = await checkPack('cn-tj-binhai', { numRuns: 1000, seed: 20261122 });
 * if (!result.ok) console.error(formatCheck(result));
 */
export async function checkPack(pack: PackRef, options: CheckPackOptions = {}): Promise<CheckPackResult> {
  checkPackRef(pack, ['pack']);
  checkOptions(options, CHECK_PACK_KEYS);
  // A pack object is validated first, as loadPack validates it: an invalid one is an InvalidPackError.
  packOf(pack);
  const numRuns = options.numRuns ?? 200;
  const seed = options.seed ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const only = new Set<InvariantName>(options.invariants ?? INVARIANT_NAMES);
  const packId = typeof pack === 'string' ? pack : pack.id;
  const reports = new Map<InvariantName, InvariantReport>(
    INVARIANT_NAMES.filter((n) => only.has(n)).map((n) => [n, { name: n, status: 'passed', runs: 0, failures: 0 }]),
  );
  const violations: Violation[] = [];
  const skip = (n: InvariantName, note: string) => {
    const r = reports.get(n);
    if (r) Object.assign(r, { status: 'skipped', note });
  };

  // Reference evaluator.
  let reference: Reference | null = null;
  if (only.has('reference')) {
    const create = options.reference === undefined || options.reference === 'auto' ? libraryCreateEvaluator() : options.reference;
    if (!create) skip('reference', 'no fast evaluator: this version of the library exports no createEvaluator');
    else {
      try {
        create(pack);
        reference = referenceOf(create);
      } catch (e) {
        const r = reports.get('reference')!;
        Object.assign(r, { status: 'failed', note: `createEvaluator refused the pack: ${(e as Error).message}` });
        violations.push({
          invariant: 'reference',
          variant: 'compile',
          message: { 'zh-CN': `快速求值器无法编译该规则包：${(e as Error).message}`, en: `the fast evaluator cannot compile the pack: ${(e as Error).message}` },
          query: null,
          inlinePack: typeof pack !== 'string',
          failures: 1,
          seed,
          path: '',
          shrinks: 0,
        });
      }
    }
  }

  // Other time zones, in child processes.
  const zones = only.has('timezone') ? await startZones(pack, options, reports, skip) : [];

  const env: CheckEnv = { reference, zones, only: new Set([...only].filter((n) => reports.get(n)?.status !== 'skipped' && !(n === 'reference' && !reference))) };
  const hints = packHints([pack]);
  const arb: fc.Arbitrary<CaseInput> = fc.record({ query: queryArbWith({ ...options, pack }, []), aux: auxArb(hints) });
  try {
    const firstFailure = new Map<InvariantName, { index: number; finding: Finding; input: CaseInput }>();
    const tzRuns = options.timeZoneRuns ?? 250;
    await visitAll(arb, numRuns, seed, async (input, index) => {
      const withZones = index < tzRuns;
      const findings = await checkCase(input, withZones ? env : { ...env, zones: [] });
      const broke = new Set(findings.map((f) => f.invariant));
      for (const n of env.only!) {
        const r = reports.get(n)!;
        if (broke.has('evaluates') && n !== 'evaluates') continue;
        if (n === 'timezone' && !withZones) continue;
        r.runs++;
        if (broke.has(n)) {
          r.failures++;
          r.status = 'failed';
        }
      }
      for (const f of findings) if (!firstFailure.has(f.invariant)) firstFailure.set(f.invariant, { index, finding: f, input });
    });

    for (const [name, { index, finding, input }] of firstFailure) {
      const same = (f: Finding) => f.invariant === name && f.variant === finding.variant;
      const focus: CheckEnv = { ...env, only: new Set([name]) };
      const fails = async (v: CaseInput) => (await checkCase(v, focus)).some(same);
      const shrunk = await shrinkAt(arb, seed, index, fails);
      // fast-check shrinks fields left to right; remove what is still not needed.
      const start = shrunk?.value ?? input;
      const clean = await simplify(start.query, (query) => fails({ query, aux: start.aux }));
      const value: CaseInput = { query: clean.query, aux: start.aux };
      const final = (await checkCase(value, focus)).find(same) ?? finding;
      const q = shownQuery(value.query);
      violations.push({
        invariant: name,
        variant: final.variant,
        message: final.message,
        query: q.query,
        inlinePack: q.inline,
        ...(final.variantQuery ? { variantQuery: shownQuery(final.variantQuery).query } : {}),
        ...(final.difference ? { difference: final.difference } : {}),
        failures: reports.get(name)?.failures ?? 1,
        seed,
        path: shrunk?.path ?? String(index),
        shrinks: (shrunk?.shrinks ?? 0) + clean.steps,
      });
    }
  } finally {
    for (const z of zones) z.stop();
  }
  violations.sort((a, b) => INVARIANT_NAMES.indexOf(a.invariant) - INVARIANT_NAMES.indexOf(b.invariant));
  const invariants = [...reports.values()];
  return { pack: packId, seed, numRuns, ok: violations.length === 0 && invariants.every((r) => r.status !== 'failed'), invariants, violations };
}

/** Child processes in other time zones, started with the packs they do not ship; skipped, with why, when none can start. */
async function startZones(pack: PackRef, options: CheckPackOptions, reports: Map<InvariantName, InvariantReport>, skip: (n: InvariantName, note: string) => void): Promise<ZoneEvaluator[]> {
  const zones: ZoneEvaluator[] = [];
  const list = options.timeZones === false ? [] : (options.timeZones ?? DEFAULT_ZONES);
  const entry = options.childEntry ?? defaultChildEntry();
  if (list.length === 0) skip('timezone', 'no time zones given');
  else if (!entry) skip('timezone', 'cannot locate the library entry for the child processes (pass childEntry)');
  else {
    const shipped = new Set(listPacks().filter((p) => p.shipped).map((p) => p.id));
    const chain = chainOf(pack);
    // The children know the shipped packs; parents loaded by the host (and the pack itself, if named by id) are sent.
    const toLoad = chain.filter((p) => !shipped.has(p.id) && (typeof pack === 'string' || p !== pack));
    for (const z of list) zones.push(new ZoneEvaluator(z, entry));
    try {
      await Promise.all(zones.map((z) => z.start(toLoad)));
      const r = reports.get('timezone')!;
      r.note = zones.map((z) => `${z.zone}: child reports ${z.reported?.zone} (UTC offset ${-(z.reported?.offset ?? 0) / 60}h)`).join('; ');
    } catch (e) {
      for (const z of zones) z.stop();
      zones.length = 0;
      skip('timezone', (e as Error).message);
    }
  }
  return zones;
}
