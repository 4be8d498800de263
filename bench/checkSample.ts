/**
 * Queries the benchmark checks before it times anything: the differential-test generator's queries
 * (test/engine/_support/generate.ts: every record kind and sanction, objections, corrections,
 * revocations, changes, liftings, rectification, same-day sanctions, policy overrides, ~1 % invalid),
 * with what that generator does not yet draw added on top: 在履职过程中 (`inOfficialDuty`), severities
 * and lifetimes by severity, 政务处分法 20 roles, organs, decided combined periods (some out of bounds),
 * and `asOf` inside the open part of a combined period (政务处分法 15: certain to one period, at most to
 * the capped sum). Seeded: the same queries every run.
 */
import { addDaysIso, addMonthsIso } from '../src/_lib/days.js';
import type { Decision } from '../src/model/decision.js';
import { generateQueries, Rng } from '../test/engine/_support/generate.js';

const SINGLE_MONTHS: Record<string, number> = { warning: 6, demerit: 12, 'major-demerit': 18, demotion: 24, removal: 24 };

type Obj = Record<string, unknown>;

/** Adds the fields the generator lacks to one query, in place. */
function augment(rng: Rng, q: Obj): void {
  const subject = q.subject as Obj | undefined;
  if (!subject || typeof subject !== 'object') return;
  const records = (Array.isArray(subject.records) ? subject.records : []) as Obj[];
  for (const r of records) {
    const u = rng.next();
    if (u < 0.15) r.inOfficialDuty = false;
    else if (u < 0.3) r.inOfficialDuty = true;
    if (rng.bool(0.15)) r.severity = rng.pick(['minor', 'general', 'serious'] as const);
  }
  if (subject.kind === 'public-institution-staff' && subject.managedUnderCivilServantLaw !== true && rng.bool(0.4)) {
    subject.publicServiceRole = rng.pick(['institution-manager', 'authorised-organisation'] as const);
  }
  if (subject.kind === 'civil-servant' && rng.bool(0.25)) subject.organ = rng.pick(['administrative', 'other'] as const);

  // A 处分 lifted: at its period's end, within the open part of a combined period, or early (refused).
  for (const r of records) {
    if (r.kind !== 'disciplinary-sanction' || typeof r.sanction !== 'string' || !(r.sanction in SINGLE_MONTHS) || !rng.bool(0.12)) continue;
    const events = ((r.events as Obj[] | undefined) ?? []);
    if (events.some((e) => e.type === 'sanction-revoked' || e.type === 'sanction-lifted')) continue;
    const from = (r.effectiveOn as string | undefined) ?? (r.decidedOn as string);
    const end = addDaysIso(addMonthsIso(from, SINGLE_MONTHS[r.sanction]!), 1);
    const date = rng.pick([end, end, addDaysIso(end, rng.int(1, 400)), addDaysIso(end, -rng.int(1, 60))]);
    const last = events.length ? (events[events.length - 1]!.date as string) : (r.decidedOn as string);
    if (date < last || date < (r.decidedOn as string)) continue;
    r.events = [...events, { type: 'sanction-lifted', date }];
  }

  // Same-kind sanctions taking effect together: sometimes the decided period, sometimes asOf in the open part.
  const groups = new Map<string, Obj[]>();
  for (const r of records) {
    if (r.kind !== 'disciplinary-sanction' || typeof r.sanction !== 'string' || !(r.sanction in SINGLE_MONTHS)) continue;
    const key = `${r.sanction}|${(r.effectiveOn as string | undefined) ?? (r.decidedOn as string)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const [sanction, effectiveOn] = key.split('|') as [string, string];
    const single = SINGLE_MONTHS[sanction]!;
    const max = Math.min(48, single * group.length);
    const u = rng.next();
    if (u < 0.2) {
      // Decided: within the bounds, or (rarely) outside them, which is an InvalidInputError.
      const months = rng.bool(0.9) ? rng.int(single, max) : rng.pick([single - 1 >= 6 ? single - 1 : 49, max + 1 <= 48 ? max + 1 : 49]);
      for (const r of rng.bool(0.5) ? group : group.slice(0, 1)) r.periodMonths = months;
    } else if (u < 0.6 && typeof q.asOf === 'string') {
      const certain = addMonthsIso(effectiveOn, single);
      const latest = addMonthsIso(effectiveOn, max);
      const span = Math.max(0, Math.round((Date.parse(latest) - Date.parse(certain)) / 86_400_000));
      q.asOf = addDaysIso(certain, rng.int(0, span + 1));
      const year = Number((q.asOf as string).slice(0, 4));
      if (q.assessmentYear !== undefined) q.assessmentYear = rng.bool(0.7) ? year : year - 1;
    }
  }
  if (rng.bool(0.15)) {
    const policy = ((q.policy as Obj | undefined) ??= {});
    const u = rng.next();
    if (u < 0.4) policy.unknownDutyContext = rng.pick(['in-duty', 'not-in-duty'] as const);
    else if (u < 0.7) policy.recordLifetimeMonths = 'by-severity';
    else if (u < 0.85) policy.recordLifetimeMonths = { minor: rng.int(1, 3), general: rng.int(3, 12), serious: rng.int(12, 36) };
    else policy.combinedSanctionPeriods = rng.pick(['to-be-fixed', 'sum-capped-48', 'longest'] as const);
  }
}

/** `count` seeded queries for `pack`, augmented as above. */
export function checkQueries(pack: string, count: number, seed = 15_2026): Obj[] {
  const queries = generateQueries(pack, count, seed);
  const rng = new Rng(seed ^ 0x5eed);
  for (const q of queries) augment(rng, q);
  return queries;
}

/** What a checked sample covered: the shapes the new semantics added, counted over the decisions. */
export interface Coverage {
  queries: number;
  errors: number;
  nonClear: number;
  uncertainReasons: number;
  periodToBeFixed: number;
  outsideDuty: number;
  sanctionChanged: number;
  sanctionRevoked: number;
  creditCorrected: number;
  beforeRule: number;
  mitigationApplied: number;
  clearFromLater: number;
}

export function emptyCoverage(): Coverage {
  return {
    queries: 0,
    errors: 0,
    nonClear: 0,
    uncertainReasons: 0,
    periodToBeFixed: 0,
    outsideDuty: 0,
    sanctionChanged: 0,
    sanctionRevoked: 0,
    creditCorrected: 0,
    beforeRule: 0,
    mitigationApplied: 0,
    clearFromLater: 0,
  };
}

/** Counts, per decision, whether it shows each shape (a decision counts once per shape). */
export function cover(c: Coverage, d: Decision | null): void {
  c.queries++;
  if (!d) {
    c.errors++;
    return;
  }
  const codes = new Set(d.notes.map((n) => n.code));
  if (d.verdict !== 'clear') c.nonClear++;
  if (d.reasons.some((r) => r.uncertain)) c.uncertainReasons++;
  if (codes.has('period-to-be-fixed')) c.periodToBeFixed++;
  if (codes.has('outside-official-duty')) c.outsideDuty++;
  if (codes.has('sanction-changed')) c.sanctionChanged++;
  if (codes.has('sanction-revoked')) c.sanctionRevoked++;
  if (codes.has('credit-corrected-sanction-stands')) c.creditCorrected++;
  if (codes.has('before-rule')) c.beforeRule++;
  if (d.mitigation.some((m) => m.applied)) c.mitigationApplied++;
  if (d.verdict !== 'clear' && d.clearFrom !== null && d.clearFrom > d.asOf) c.clearFromLater++;
}

export function formatCoverage(c: Coverage): string {
  return (
    `${c.queries.toLocaleString('en-US')} queries: ${c.nonClear} not clear, ${c.clearFromLater} with a later clearFrom, ${c.uncertainReasons} with uncertain reasons (open combined periods), ` +
    `${c.periodToBeFixed} period-to-be-fixed, ${c.outsideDuty} outside official duty, ${c.sanctionChanged} sanction-changed, ${c.sanctionRevoked} sanction-revoked, ` +
    `${c.creditCorrected} credit corrected with the sanction standing, ${c.beforeRule} before-rule, ${c.mitigationApplied} mitigation applied, ${c.errors} errors (same error both ways)`
  );
}
