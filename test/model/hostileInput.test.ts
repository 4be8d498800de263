/**
 * Hostile input (issue 22): limits are checked before input is walked, so a sparse array or a
 * Proxy claiming 10^9 items, or an object graph that shares nodes to look small, is refused at
 * once; a `Date` is read once, by its intrinsic time value, and anything posing as one is refused;
 * a value that throws when read is a typed error with its path. Every case goes through each
 * public path that validates a subject or a query.
 *
 * The walks are measured by the reads the input sees (a counting Proxy or getter), never by time:
 * a walk that would take minutes throws after a bounded number of reads and fails the test at once.
 */
import { describe, expect, it } from 'vitest';
import * as calendarEntry from '../../src/entries/calendar.js';
import {
  decideSubject,
  evaluateStream,
  GovCreditError,
  getPack,
  InvalidInputError,
  InvalidPackError,
  loadPack,
  parseQuery,
  parseSubject,
  screen,
} from '../../src/index.js';
import { createEvaluator, evaluate, recordState } from '../_support/untypedApi.js';

const asOf = '2026-11-21';
const person = (extra: Record<string, unknown> = {}) => ({ id: 'p1', kind: 'civil-servant', ...extra });

/** Every public path that validates a subject: the first error of each, as { path, code }. */
const PATHS: [string, (subject: unknown) => unknown][] = [
  ['parseSubject', (s) => parseSubject(s)],
  ['parseQuery', (s) => parseQuery({ pack: 'cn-national', subject: s, action: 'promotion', asOf })],
  ['evaluate', (s) => evaluate({ pack: 'cn-national', subject: s, action: 'promotion', asOf })],
  ['createEvaluator', (s) => createEvaluator('cn-national').evaluate({ subject: s, action: 'promotion', asOf })],
  ['decideSubject', (s) => decideSubject(s as never, { packs: ['cn-national'], asOf })],
  ['screen', async (s) => {
    for await (const _ of screen([s], { packs: ['cn-national'], actions: ['promotion'], asOf })) void _;
  }],
  ['evaluateStream', async (s) => {
    for await (const _ of evaluateStream([s], { pack: 'cn-national', action: 'promotion', asOf })) void _;
  }],
];

async function firstIssue(f: () => unknown): Promise<{ path: string; code: string; name: string }> {
  let e: unknown;
  try {
    await f();
  } catch (x) {
    e = x;
  }
  if (!GovCreditError.is(e)) throw e ?? new Error('accepted');
  const i = e.issues[0]!;
  return { path: i.path.join('.'), code: i.code, name: e.name };
}

/** Where a path's issue lands: under `subject` for queries, under the stream index for streams. */
function expectedPath(route: string, rel: string): string {
  if (route === 'parseSubject') return rel;
  if (route === 'screen' || route === 'evaluateStream') return `0.subject.${rel}`;
  return `subject.${rel}`;
}

/** A Proxy array claiming `length` items that counts the items read and gives up after `limit`. */
function countingArray(length: number, limit = 100_000): unknown[] {
  let reads = 0;
  return new Proxy([], {
    get(target, key) {
      if (key === 'length') return length;
      if (typeof key === 'string' && /^\d+$/.test(key)) {
        if (++reads > limit) throw new Error(`walked ${limit} items of an array claiming ${length}: limits not checked before the walk`);
        return {};
      }
      return Reflect.get(target, key);
    },
  }) as unknown[];
}

/**
 * Four-way sharing, 20 levels deep: 4^20 (10^12) paths from 21 objects. Each property is a getter
 * counting its reads; past `limit` (far more than any bounded walk reads) it throws.
 */
function sharedGraph(limit = 20_000_000): Record<string, unknown> {
  let reads = 0;
  const count = (): void => {
    if (++reads > limit) throw new Error(`read ${limit} properties of a 21-object graph: no bound on the walk`);
  };
  let node: Record<string, unknown> = {};
  for (let i = 0; i < 20; i++) {
    const child = node;
    node = {};
    for (const k of ['a', 'b', 'c', 'd']) Object.defineProperty(node, k, { enumerable: true, get: () => (count(), child) });
  }
  return node;
}

describe('limits are checked before the input is walked', () => {
  it.each(PATHS)('%s: a sparse `records` of length 10^9, and of 2^32−1, is too_big at once', async (route, f) => {
    for (const n of [1e9, 2 ** 32 - 1]) {
      const records: unknown[] = [];
      records.length = n;
      expect(await firstIssue(() => f(person({ records })))).toMatchObject({ path: expectedPath(route, 'records'), code: 'too_big', name: 'InvalidInputError' });
    }
  }, 60_000);

  it.each(PATHS)('%s: a Proxy array claiming 10^7 items in `meta` is too_big before one item is read', async (route, f) => {
    expect(await firstIssue(() => f(person({ meta: { rows: countingArray(1e7) } })))).toMatchObject({ path: expectedPath(route, 'meta.rows'), code: 'too_big' });
    expect(await firstIssue(() => f(person({ records: countingArray(1e9) })))).toMatchObject({ path: expectedPath(route, 'records'), code: 'too_big' });
  });

  // The three routes through validation (the zod pre-pass, the compiled validator, a query's): the
  // other paths reach one of them; each walk reads up to 2,000,000 entries, so not all seven.
  it.each(PATHS.filter(([route]) => ['parseSubject', 'createEvaluator', 'decideSubject'].includes(route)))('%s: an object graph sharing its nodes (10^12 paths) is input_too_large, not walked', async (route, f) => {
    const issue = await firstIssue(() => f(person({ meta: { graph: sharedGraph() } })));
    expect(issue.code).toBe('input_too_large');
    expect(issue.path.startsWith(expectedPath(route, 'meta.graph'))).toBe(true);
  }, 60_000);

  it('loadPack and an inline pack: the same limits, as InvalidPackError', async () => {
    const pack = { ...structuredClone(getPack('cn-tj-binhai')), id: 'hostile-arrays' } as Record<string, unknown>;
    const rules: unknown[] = [];
    rules.length = 1e9;
    expect(await firstIssue(() => loadPack({ ...pack, rules }))).toMatchObject({ path: 'rules', code: 'too_big', name: 'InvalidPackError' });
    expect(await firstIssue(() => loadPack({ ...pack, clauses: countingArray(1e7) }))).toMatchObject({ path: 'clauses', code: 'too_big' });
    expect((await firstIssue(() => loadPack({ ...pack, document: { ...(pack.document as object), x: sharedGraph() } }))).code).toBe('input_too_large');
    const inline = { ...pack, rules };
    expect(await firstIssue(() => evaluate({ pack: inline, subject: person(), action: 'promotion', asOf }))).toMatchObject({ path: 'pack.rules', code: 'too_big', name: 'InvalidPackError' });
  });

  it('a real subject with 10,000 records and meta is still accepted (no valid input meets a limit)', () => {
    const records = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, kind: 'accountability', decidedOn: '2020-01-01', meta: { row: i, tags: ['a', 'b'] } }));
    expect(parseSubject(person({ records, meta: { list: Array.from({ length: 10_000 }, (_, i) => i) } })).records).toHaveLength(10_000);
  });
});

describe('dates: genuine Dates only, read once by their intrinsic time value', () => {
  const warningOn = (decidedOn: unknown) => person({ records: [{ id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn }] });

  it('a Date whose valueOf, getTime or Symbol.toPrimitive lies is read by its time value: the 警告 of 2026-11-20 still bars promotion', async () => {
    const real = () => new Date('2026-11-20T04:00:00Z');
    const lyingValueOf = Object.assign(real(), { valueOf: () => Date.UTC(2020, 0, 1) });
    const lyingGetTime = Object.assign(real(), { getTime: () => Date.UTC(2020, 0, 1) });
    const throwingPrimitive = real();
    Object.defineProperty(throwingPrimitive, Symbol.toPrimitive, { value: () => { throw new RangeError('no'); } });
    class Sub extends Date {}
    for (const d of [lyingValueOf, lyingGetTime, throwingPrimitive, new Sub('2026-11-20T04:00:00Z')]) {
      const q = { pack: 'cn-national', subject: warningOn(d), action: 'promotion', asOf };
      expect((await evaluate(q)).verdict).toBe('barred');
      expect(createEvaluator('cn-national').evaluate(q).verdict).toBe('barred');
      expect(decideSubject(q.subject as never, { packs: ['cn-national'], actions: ['promotion'], asOf })['cn-national']!.promotion!.verdict).toBe('barred');
      expect(parseSubject(q.subject).records![0]!.decidedOn).toBe('2026-11-20');
      expect(calendarEntry.addWorkingDays(d, 1)).toBe('2026-11-23');
    }
  });

  const forged: [string, () => unknown][] = [
    ['Object.create(Date.prototype)', () => Object.create(Date.prototype)],
    ['new Proxy(new Date(), {})', () => new Proxy(new Date('2026-11-20'), {})],
    ['a revoked Proxy', () => {
      const r = Proxy.revocable(new Date('2026-11-20'), {});
      r.revoke();
      return r.proxy;
    }],
    ['a Proxy whose getPrototypeOf throws', () => new Proxy(new Date('2026-11-20'), { getPrototypeOf: () => { throw new Error('trap'); } })],
  ];

  it.each(forged)('%s is a typed error with its path on every path that reads a subject or a query', async (_label, make) => {
    for (const [route, f] of PATHS) {
      const issue = await firstIssue(() => f(warningOn(make())));
      expect(issue.name, route).toBe('InvalidInputError');
      expect(issue.path, route).toBe(expectedPath(route, 'records.0.decidedOn'));
      expect(['invalid_date', 'unreadable'], route).toContain(issue.code);
    }
    expect(await firstIssue(() => evaluate({ pack: 'cn-national', subject: person(), action: 'promotion', asOf: make() }))).toMatchObject({ path: 'asOf' });
    expect((await firstIssue(() => recordState({ id: 'r1', kind: 'accountability', decidedOn: '2026-01-01' }, make()))).code).toBe('invalid_date');
  });

  it.each(forged)('%s: every function of the calendar entry that takes a date answers with InvalidInputError', (_label, make) => {
    let tried = 0;
    for (const [name, f] of Object.entries(calendarEntry)) {
      if (typeof f !== 'function' || /^[A-Z]/.test(name)) continue;
      for (const args of [[make()], [make(), 1], [make(), 1, {}], ['2026-01-01', make()], [make(), make()]]) {
        try {
          (f as (...a: unknown[]) => unknown)(...args);
        } catch (e) {
          expect(InvalidInputError.is(e), `${name}(${args.length} args): ${String(e)}`).toBe(true);
        }
      }
      tried++;
    }
    expect(tried).toBeGreaterThan(10);
    expect(() => calendarEntry.addWorkingDays(make() as Date, 1)).toThrow(/genuine Date|invalid date/);
  });
});

describe('a value that throws when read is a typed error with its path', () => {
  it.each(PATHS)('%s: a getter that throws, a Proxy whose ownKeys trap throws', async (route, f) => {
    const getter = person();
    Object.defineProperty(getter, 'meta', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(await firstIssue(() => f(getter))).toMatchObject({ code: 'unreadable', path: expectedPath(route, 'meta') });
    const trap = person({ meta: new Proxy({}, { ownKeys: () => { throw new Error('trap'); } }) });
    expect(await firstIssue(() => f(trap))).toMatchObject({ code: 'unreadable', path: expectedPath(route, 'meta') });
  });

  it('loadPack: a getter that throws is an InvalidPackError naming the field', async () => {
    const pack = { ...structuredClone(getPack('cn-tj-binhai')), id: 'throwing-getter' } as Record<string, unknown>;
    Object.defineProperty(pack, 'name', { enumerable: true, get: () => { throw new Error('boom'); } });
    let e: unknown;
    try {
      loadPack(pack);
    } catch (x) {
      e = x;
    }
    expect(InvalidPackError.is(e) && e.issues[0]).toMatchObject({ path: ['name'], code: 'unreadable' });
  });
});
