/**
 * 条例 10 ②: before 2020-07-01, a sanction taking effect during a running period (of another
 * decision) runs for the remainder of that period plus its own, at most 48 months. Planned in order
 * of effective day, so that a chain extends the extended period.
 *
 * Why a class: the timeline learns a subject's sanctions one by one, mostly in the order they take
 * effect. What a sanction's plan depends on is only the sanctions taking effect before it, so a
 * sanction that sorts after every one already planned is planned from where the chain stopped
 * (`append`), and a change elsewhere re-plans the chain from the first sanction it moves or changes
 * (`rechain`). Each step is linear in the
 * sanctions and in the `combinedWith` lists it builds (issue 25): the latest certain and longest ends
 * so far are running maxima, and the list of running periods is filtered only where a remainder is
 * built from it.
 */
import { addMonthsIso, minIso } from '../../_lib/days.js';
import { REG07_FACTS, statuteBasis } from '../../model/statutes.js';
import { CAP_MONTHS, regimeOf, type Live, type PeriodPlan } from './sanctionAsKnown.js';

/** What a remainder period cites (条例 10 ②、③), built once from the statute facts and shared by every plan. */
const REMAINDER_BASIS = Object.freeze(statuteBasis(REG07_FACTS, 'successivePeriodClause'));

const byEffectiveDay = (a: Live, b: Live): number => (a.s.effectiveOn < b.s.effectiveOn ? -1 : a.s.effectiveOn > b.s.effectiveOn ? 1 : a.id < b.id ? -1 : 1);

export class RemainderChain {
  /** The sanctions planned, by effective day then id. */
  private byDay: Live[] = [];
  /** Sanctions before the next one to plan whose period may still run (id order, as `combinedWith` lists them). */
  private running: Live[] = [];
  private certainMax = '';
  private latestMax = '';
  /** `byDay[0 .. folded)` are in the maxima and (if still running when folded) in `running`. */
  private folded = 0;

  /** @param plans - each sanction's plan before any remainder in, its chained plan out (replaced where a remainder applies). */
  constructor(private readonly plans: Map<string, PeriodPlan>) {}

  /** Plans every sanction of `early` (group plans in `plans`) from the start; returns their ids. */
  reset(early: readonly Live[]): string[] {
    this.byDay = [...early].sort(byEffectiveDay);
    this.running = [];
    this.certainMax = '';
    this.latestMax = '';
    this.folded = 0;
    return this.planFrom(0);
  }

  /**
   * Plans the chain again after some of its sanctions changed: `all` is every chained sanction now,
   * `changed` the ids whose record or group plan changed, `base(id)` a sanction's plan before any
   * remainder. A sanction's remainder depends only on the sanctions before it, so those before the
   * first place where the order differs or a changed one stands keep their chained plans, and the
   * chain is planned from there (folding the earlier ones in again, as `planFrom` does). Returns the
   * ids planned again.
   */
  rechain(all: readonly Live[], changed: ReadonlySet<string>, base: (id: string) => PeriodPlan): string[] {
    const next = [...all].sort(byEffectiveDay);
    let from = 0;
    while (from < next.length && from < this.byDay.length && next[from]!.id === this.byDay[from]!.id && next[from]!.s === this.byDay[from]!.s && !changed.has(next[from]!.id)) from++;
    this.byDay = next;
    this.running = [];
    this.certainMax = '';
    this.latestMax = '';
    this.folded = 0;
    for (let k = from; k < next.length; k++) this.plans.set(next[k]!.id, base(next[k]!.id));
    return this.planFrom(from);
  }

  /**
   * Whether `added` (new sanctions, group plans in `plans`) all sort after every sanction planned,
   * so that `append` can plan them from where the chain stopped.
   */
  canAppend(added: readonly Live[]): boolean {
    const last = this.byDay[this.byDay.length - 1];
    return !last || added.every((a) => byEffectiveDay(last, a) < 0);
  }

  /** Plans `added` after the sanctions already planned (`canAppend` must hold); returns their ids. */
  append(added: readonly Live[]): string[] {
    const start = this.byDay.length;
    for (const a of [...added].sort(byEffectiveDay)) this.byDay.push(a);
    return this.planFrom(start);
  }

  private planFrom(start: number): string[] {
    const { byDay, plans } = this;
    const planned: string[] = [];
    for (let k = start; k < byDay.length; k++) {
      const b = byDay[k]!;
      const e = b.s.effectiveOn;
      // Fold in the sanctions that took effect before this one: a period that has ended by one day
      // has ended by every later one, so one that has ended is never listed as running.
      while (this.folded < k && byDay[this.folded]!.s.effectiveOn < e) {
        const a = byDay[this.folded++]!;
        const p = plans.get(a.id)!;
        if (p.lastDay > this.certainMax) this.certainMax = p.lastDay;
        const end = p.latestLastDay ?? p.lastDay;
        if (end > this.latestMax) this.latestMax = end;
        if (end >= e) insertById(this.running, a);
      }
      planned.push(b.id);
      if (regimeOf(e) !== 'reg07' || b.s.periodMonths !== undefined) continue;
      // Nothing still running on its day: the longest end so far has passed.
      if (this.latestMax < e) continue;
      this.running = this.running.filter((a) => {
        const p = plans.get(a.id)!;
        return (p.latestLastDay ?? p.lastDay) >= e;
      });
      const planB = plans.get(b.id)!;
      const months = planB.months!;
      const cap = addMonthsIso(e, CAP_MONTHS);
      // The latest certain end among the running periods: the maximum so far, where it has not passed.
      const certainEnd = this.certainMax >= e ? this.certainMax : '';
      const ownLatest = planB.latestLastDay;
      const lastDay = certainEnd ? minIso(addMonthsIso(certainEnd, months), cap) : planB.lastDay;
      const latestFromRunning = minIso(addMonthsIso(this.latestMax, ownLatest ? monthsBetweenPlan(planB) : months), cap);
      const latestLastDay = latestFromRunning > lastDay ? latestFromRunning : ownLatest && ownLatest > lastDay ? ownLatest : null;
      plans.set(b.id, {
        ...planB,
        months: null,
        lastDay: lastDay > planB.lastDay ? lastDay : planB.lastDay,
        latestLastDay,
        determination: 'remainder',
        basis: REMAINDER_BASIS,
        combinedWith: mergeIds(planB.combinedWith, this.running),
      });
    }
    return planned;
  }
}

/** Inserts `a` into `list`, kept in id order. */
function insertById(list: Live[], a: Live): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.id < a.id) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, a);
}

/** The sorted union of a group's ids and the running sanctions' ids (id order), without repeats. */
function mergeIds(group: readonly string[], running: readonly Live[]): string[] {
  // A group lists its members in the order they were given (id order from the reducer); sorted here if not.
  let a = group;
  for (let k = 1; k < a.length; k++) {
    if (a[k - 1]! > a[k]!) {
      a = [...group].sort();
      break;
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < running.length) {
    const x = i < a.length ? a[i]! : null;
    const y = j < running.length ? running[j]!.id : null;
    const next = y === null || (x !== null && x < y) ? x! : y;
    if (next === x) i++;
    if (next === y) j++;
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/** The longest months a to-be-fixed plan allows (its latest last day counted from its effective day). */
function monthsBetweenPlan(p: PeriodPlan): number {
  const a = p.effectiveOn;
  const b = p.latestLastDay!;
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + (Number(b.slice(5, 7)) - Number(a.slice(5, 7)));
}
