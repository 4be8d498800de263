/**
 * Counts the work a call does in arrays and collections, without a clock: every element an
 * `Array.prototype` scan visits (`includes`, `indexOf`, `filter`, `find`, `some`, `map`, `reduce`,
 * `sort`, …: the receiver's length, `n log n` for `sort`), every `Map`/`Set` lookup, and every
 * element `Set` construction copies. A hidden quadratic loop (`list.includes(x)` per record, a list
 * re-filtered per change) shows as work per record growing with the records; no test here depends
 * on speed (issue 25: the per-record cost ratio is bounded by counting, not timing).
 */
import { vi } from 'vitest';

const SCANS = ['includes', 'indexOf', 'lastIndexOf', 'filter', 'find', 'findIndex', 'some', 'every', 'map', 'forEach', 'reduce', 'join', 'slice', 'concat', 'flatMap'] as const;

const SITES = process.env.ARRAY_WORK_SITES === '1';
export const sites = new Map<string, number>();
function site(name: string, n: number): void {
  const at = (new Error().stack ?? '').split('\n').slice(3, 5).map((l) => l.trim().replace(/\(.*\/src\//, '(')).join(' < ');
  sites.set(`${name} ${at}`, (sites.get(`${name} ${at}`) ?? 0) + n);
}

export interface Work {
  /** Elements visited by array scans (sorting not included). */
  elements: number;
  /** Sorting: n log2 n per sort of n elements. */
  sorted: number;
  /** The same, by method (`filter`, `sort`, …): where a ratio goes wrong. */
  byMethod: Record<string, number>;
  /** Map and Set lookups and insertions. */
  lookups: number;
}

/** Runs `fn` with the counters on; returns its result and the work counted. */
export function countWork<T>(fn: () => T): { result: T; work: Work } {
  const { work, stop } = startCounting();
  try {
    return { result: fn(), work };
  } finally {
    stop();
  }
}

/**
 * The same for an async `fn`: the counters stay on until its promise settles, so the work after each
 * `await` is counted too (and nothing of it runs after the test has ended).
 */
export async function countWorkAsync<T>(fn: () => Promise<T>): Promise<{ result: T; work: Work }> {
  const { work, stop } = startCounting();
  try {
    return { result: await fn(), work };
  } finally {
    stop();
  }
}

function startCounting(): { work: Work; stop: () => void } {
  const work: Work = { elements: 0, sorted: 0, lookups: 0, byMethod: {} };
  const spies: { mockRestore(): void }[] = [];
  for (const name of SCANS) {
    const orig = Array.prototype[name] as (...a: unknown[]) => unknown;
    spies.push(
      vi.spyOn(Array.prototype, name).mockImplementation(function (this: unknown[], ...args: unknown[]) {
        work.elements += this.length;
        work.byMethod[name] = (work.byMethod[name] ?? 0) + this.length;
        if (SITES && this.length > 20) site(name, this.length);
        return orig.apply(this, args);
      } as never),
    );
  }
  const sort = Array.prototype.sort;
  spies.push(
    vi.spyOn(Array.prototype, 'sort').mockImplementation(function (this: unknown[], ...args: unknown[]) {
      const n = this.length > 1 ? Math.ceil(this.length * Math.log2(this.length)) : this.length;
      work.sorted += n;
      work.byMethod.sort = (work.byMethod.sort ?? 0) + n;
      if (SITES && this.length > 20) site('sort', n);
      return sort.apply(this, args as never);
    } as never),
  );
  for (const proto of [Map.prototype, Set.prototype] as const) {
    for (const name of ['get', 'has', 'set', 'add'] as const) {
      if (!(name in proto)) continue;
      const orig = (proto as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
      spies.push(
        (vi.spyOn as unknown as (o: object, k: string) => { mockImplementation(f: never): { mockRestore(): void } })(proto, name).mockImplementation(function (this: unknown, ...args: unknown[]) {
          work.lookups++;
          return orig.apply(this, args);
        } as never),
      );
    }
  }
  return { work, stop: () => spies.forEach((s) => s.mockRestore()) };
}

/**
 * Work per record at the larger size over that at the smaller (1: linear): scans and lookups per
 * record, sorting per `n log2 n` (sorting the records is allowed to grow as n log n, no faster).
 */
export function perRecordRatio(small: { n: number; work: Work }, large: { n: number; work: Work }): { elements: number; sorted: number; lookups: number } {
  const nlogn = (n: number) => n * Math.log2(n);
  return {
    elements: large.work.elements / large.n / (small.work.elements / small.n),
    sorted: large.work.sorted / nlogn(large.n) / (small.work.sorted / nlogn(small.n)),
    lookups: large.work.lookups / large.n / (small.work.lookups / small.n),
  };
}
