import * as fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileRule, compileRules } from '../../src/packs/_internal/compileConditions.js';
import { resolveDottedPath } from '../../src/packs/_internal/path.js';
import type { OwnedRule } from '../../src/packs/_internal/resolve.js';
import { untyped } from '../../src/model/untyped.js';
import {
  createEvaluator,
  evaluate,
  getPack,
  InvalidEventLogError,
  InvalidInputError,
  InvalidPackError,
  loadPack,
  OPERATORS,
  UnknownPackError,
  type GovCreditError,
  type Pack,
} from '../../src/index.js';

const casesRoot = join(import.meta.dirname, '..', 'cases');
const golden: { file: string; name: string; query: Record<string, unknown>; refused: boolean }[] = [];
for (const dir of readdirSync(casesRoot, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
  for (const f of readdirSync(join(casesRoot, dir))) {
    if (!f.endsWith('.json')) continue;
    const data = JSON.parse(readFileSync(join(casesRoot, dir, f), 'utf8')) as { cases: { name: string; query: Record<string, unknown>; expect: { error?: unknown } }[] };
    for (const c of data.cases) golden.push({ file: `${dir}/${f}`, name: c.name, query: c.query, refused: c.expect.error !== undefined });
  }
}

const person = { id: 'p1', kind: 'civil-servant' };
const warning = { id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-03-15' };
const binhaiQuery = { subject: { ...person, records: [warning] }, action: 'excellent-rating', asOf: '2026-12-20', assessmentYear: 2026 };

function errorOf(f: () => unknown): GovCreditError {
  try {
    f();
  } catch (e) {
    return e as GovCreditError;
  }
  throw new Error('expected an error');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('compiled evaluator: createEvaluator', () => {
  it('compiled decisions deep-equal evaluate on every golden case (and refuse the same queries with the same issues)', async () => {
    expect(golden.length).toBeGreaterThan(50);
    const evaluators = new Map<string, ReturnType<typeof createEvaluator>>();
    const outcome = async (f: () => unknown) => {
      try {
        return { decision: await f() };
      } catch (e) {
        // createEvaluator takes the pack as its argument: its issues are not under `pack`.
        const err = e as GovCreditError;
        return { error: err.name, issues: err.issues?.map((i) => ({ path: i.path[0] === 'pack' ? i.path.slice(1) : i.path, code: i.code })) };
      }
    };
    for (const c of golden) {
      // A case may carry its own (host) pack object: compile that one, not a shared evaluator.
      const pack = c.query.pack as string | Pack;
      const key = typeof pack === 'string' ? pack : null;
      const reference = await outcome(() => evaluate(untyped(c.query)));
      const compiled = await outcome(() => {
        let ev = key ? evaluators.get(key) : undefined;
        if (!ev) {
          ev = createEvaluator(pack);
          if (key) evaluators.set(key, ev);
        }
        return ev.evaluate(untyped(c.query));
      });
      expect(compiled, `${c.file}: ${c.name}`).toStrictEqual(reference);
    }
  });

  it('compiled evaluate is synchronous and never runs json-rules-engine', async () => {
    const run = vi.spyOn(Engine.prototype, 'run');
    const ev = createEvaluator('cn-tj-binhai');
    const d = ev.evaluate(untyped(binhaiQuery));
    expect(d).not.toBeInstanceOf(Promise);
    expect(d.verdict).toBe('barred');
    expect(d.reasons.map((r) => r.rule)).toEqual(['ar-29-warning-year-excellent-bar', 'tjb-4-excellent-bar']);
    ev.evaluateMany([untyped(binhaiQuery), untyped(binhaiQuery)]);
    expect(run).not.toHaveBeenCalled();
    await evaluate(untyped({ ...binhaiQuery, pack: 'cn-tj-binhai' }));
    expect(run).toHaveBeenCalled(); // the spy works: the reference path does run the engine
  });

  it('compiled queries may omit pack or name the same pack; another pack is refused', async () => {
    const ev = createEvaluator('cn-tj-binhai');
    const reference = await evaluate(untyped({ ...binhaiQuery, pack: 'cn-tj-binhai' }));
    expect(ev.evaluate(untyped(binhaiQuery))).toStrictEqual(reference);
    expect(ev.evaluate(untyped({ ...binhaiQuery, pack: 'cn-tj-binhai' }))).toStrictEqual(reference);
    expect(ev.evaluate(untyped({ ...binhaiQuery, pack: ev.pack }))).toStrictEqual(reference);
    const e = errorOf(() => ev.evaluate(untyped({ ...binhaiQuery, pack: 'cn-gd' })));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.issues[0]!.path).toEqual(['pack']);
    expect(e.issues[0]!.message.en).toContain('cn-tj-binhai');
  });

  it('compiled evaluator validates every query like evaluate (same error class and issues)', async () => {
    const ev = createEvaluator('cn-tj-binhai');
    const bad: unknown[] = [
      null,
      'cn-tj-binhai',
      { ...binhaiQuery, asOf: '2026-02-30' },
      { ...binhaiQuery, assessmentYear: undefined },
      { ...binhaiQuery, subject: { ...person, records: [{ ...warning, confidential: true }] } },
      { ...binhaiQuery, subject: { ...person, records: [{ ...warning, events: [{ type: 'objection-replied', outcome: 'upheld', date: '2026-04-01' }] }] } },
      { ...binhaiQuery, subject: JSON.parse('{"id":"p1","kind":"civil-servant","__proto__":{"x":1}}') },
      { ...binhaiQuery, policy: { strictness: 'high' } },
    ];
    for (const q of bad) {
      const expected = await evaluate(untyped(q && typeof q === 'object' ? { ...q, pack: 'cn-tj-binhai' } : q)).then(
        () => null,
        (e: GovCreditError) => e,
      );
      const actual = errorOf(() => ev.evaluate(untyped(q)));
      expect(expected, JSON.stringify(q)).not.toBeNull();
      expect(actual.constructor).toBe(expected!.constructor);
      expect(actual.issues).toStrictEqual(expected!.issues);
    }
  });

  it('compiled evaluator: the host policy option applies to every query, the query’s own keys win', async () => {
    const ev = createEvaluator('cn-tj-binhai', { policy: { annualReviewWindow: 'assessment-date', pendingObjection: 'suspends' } });
    const q = { ...binhaiQuery, asOf: '2026-12-31', policy: { pendingObjection: 'counts' as const } };
    const expected = await evaluate(untyped({ ...q, pack: 'cn-tj-binhai', policy: { annualReviewWindow: 'assessment-date', pendingObjection: 'counts' } }));
    const { notes: gotNotes, ...got } = ev.evaluate(untyped(q));
    const { notes: expectedNotes, ...rest } = expected;
    expect(got).toStrictEqual(rest);
    // The same options, each noted with where it came from: the evaluator's (host) or the query's own.
    expect(gotNotes.map((n) => n.policy ?? n.code)).toEqual(expectedNotes.map((n) => n.policy ?? n.code));
    expect(gotNotes.find((n) => n.policy === 'annualReviewWindow')?.source).toBe('host');
    expect(expectedNotes.find((n) => n.policy === 'annualReviewWindow')?.source).toBe('query');
    expect(() => createEvaluator('cn-tj-binhai', { policy: { lighterLowersTo: { barred: 'barred', restricted: 'barred', review: 'review' } } })).toThrow(InvalidInputError);
  });

  it('compiled evaluateMany: each decision as evaluate; the first invalid query throws with its index in the paths', async () => {
    const ev = createEvaluator('cn-jl-tonghua');
    const qs = golden.filter((c) => c.query.pack === 'cn-jl-tonghua' && !c.refused).map((c) => c.query);
    const many = ev.evaluateMany(qs.map(untyped));
    expect(many).toHaveLength(qs.length);
    for (let i = 0; i < qs.length; i++) expect(many[i]).toStrictEqual(await evaluate(untyped(qs[i])));
    const broken = [...qs.slice(0, 2), { ...qs[0], subject: { ...person, records: [{ ...warning, events: [{ type: 'repaired', date: '2020-01-01' }] }] } }];
    const e = errorOf(() => ev.evaluateMany(broken.map(untyped)));
    expect(e).toBeInstanceOf(InvalidEventLogError);
    expect(e.issues[0]!.path).toEqual([2, 'subject', 'records', 0, 'events', 0]);
  });

  it('compiled evaluator takes a pack object: a loaded one, or an unregistered one validated at creation', async () => {
    const json = structuredClone(getPack('cn-tj-binhai')) as unknown as Record<string, unknown>;
    json.id = 'compiled-inline';
    const inline = createEvaluator(json as unknown as Pack);
    const expected = await evaluate(untyped({ ...binhaiQuery, pack: json }));
    expect(inline.evaluate(untyped(binhaiQuery))).toStrictEqual(expected);
    expect(inline.evaluate(untyped(binhaiQuery)).pack.id).toBe('compiled-inline');
    // The very object the evaluator was made from names its pack (it was validated into a copy).
    expect(inline.evaluate(untyped({ ...binhaiQuery, pack: json }))).toStrictEqual(expected);
    expect(() => inline.evaluate(untyped({ ...binhaiQuery, pack: structuredClone(json) }))).toThrow(InvalidInputError);

    const loaded = loadPack({ ...json, id: 'compiled-loaded' });
    expect(createEvaluator(loaded).evaluate(untyped(binhaiQuery))).toStrictEqual(await evaluate(untyped({ ...binhaiQuery, pack: 'compiled-loaded' })));
    expect(createEvaluator('compiled-loaded').pack).toBe(loaded);

    expect(() => createEvaluator({ ...json, rules: 'none' } as unknown as Pack)).toThrow(InvalidPackError);
    expect(() => createEvaluator('cn-atlantis')).toThrow(UnknownPackError);
  });
});

describe('compiled evaluator refuses at compile time what it does not compile', () => {
  // The loader already refuses all of these, and a loaded pack is frozen, so no pack the library
  // holds can carry one. The compiler refuses them too, by name, should a pack ever reach it
  // without the loader: it is given the rules of an unfrozen copy here.
  const constructs: [string, (rule: Record<string, any>) => void, RegExp, (string | number)[]][] = [
    ['fact params', (r) => (r.conditions.all[0].params = { year: 2026 }), /fact params/, ['all', 0, 'params']],
    ['a shared condition reference', (r) => (r.conditions.all[0] = { condition: 'sharedCheck' }), /shared condition reference/, ['all', 0, 'condition']],
    ['a fact reference as the value', (r) => (r.conditions.all[0].value = { fact: 'subject', path: 'kind' }), /fact reference/, ['all', 0, 'value']],
    ['a JSONPath path', (r) => (r.conditions.all[0].path = '$.isIntegrityRecord'), /JSONPath/, ['all', 0, 'path']],
    ['a decorated operator', (r) => (r.conditions.all[0].operator = 'not:equal'), /decorated operator "not:equal"/, ['all', 0, 'operator']],
    ['an operator it does not know', (r) => (r.conditions.all[0].operator = 'startsWith'), /operator "startsWith"/, ['all', 0, 'operator']],
    ['an empty any', (r) => (r.conditions = { any: [] }), /empty "any"/, ['any']],
    ['an unknown fact', (r) => (r.conditions.all[0].fact = 'almanac'), /fact "almanac"/, ['all', 0, 'fact']],
    ['a condition priority', (r) => (r.conditions.all[0].priority = 2), /condition key "priority"/, ['all', 0, 'priority']],
    ['a __proto__ path step', (r) => (r.conditions.all[0].path = 'kind.__proto__'), /forbidden key "__proto__"/, ['all', 0, 'path']],
    ['a top-level leaf', (r) => (r.conditions = r.conditions.all[0]), /top-level condition/, []],
    ['a non-array in', (r) => (r.conditions.all[0] = { fact: 'record', path: 'kind', operator: 'in', value: 'accountability' }), /non-array value for in/, ['all', 0, 'value']],
  ];
  /** The rules of an unfrozen copy of Binhai, as the engine hands them to the compiler. */
  const ownedRules = (pack: Pack): OwnedRule[] => pack.rules.map((rule, order) => ({ rule, pack, order }));
  let n = 0;
  for (const [name, mutate, message, at] of constructs) {
    it(`compiled: refuses ${name}, naming the construct, pack and rule`, () => {
      const json = structuredClone(getPack('cn-tj-binhai')) as unknown as Record<string, any>;
      json.id = `compiled-refusal-${n++}`;
      const pack = structuredClone(loadPack(json));
      mutate(pack.rules[2] as unknown as Record<string, any>);
      const e = errorOf(() => compileRules(ownedRules(pack)));
      expect(e).toBeInstanceOf(InvalidPackError);
      expect(e.issues).toHaveLength(1);
      const [i] = e.issues;
      expect(i!.code).toBe('unsupported_construct');
      expect(i!.path).toEqual(['rules', 2, 'conditions', ...at]);
      expect(i!.message.en).toMatch(message);
      expect(i!.message.en).toContain(`pack ${pack.id}: rule tjb-4-excellent-bar`);
      expect(i!.message['zh-CN']).toContain('tjb-4-excellent-bar');
      // The loaded pack itself cannot be changed, and its evaluator compiles.
      const loaded = getPack(pack.id) as unknown as Record<string, any>;
      expect(() => mutate(loaded.rules[2])).toThrow(TypeError);
      expect(() => createEvaluator(pack.id)).not.toThrow();
      // The same construct in a pack given as an object is refused at creation (by the loader).
      const again = structuredClone(json);
      again.id = `${json.id}-object`;
      mutate(again.rules[2]);
      expect(() => createEvaluator(again as unknown as Pack)).toThrow(InvalidPackError);
    });
  }

  it('compiled: every rule of the extends chain is compiled, and all refusals are reported together', () => {
    const pack = structuredClone(getPack('cn-tj-binhai'));
    (pack.rules[0] as any).conditions.all[0].params = {};
    (pack.rules[1] as any).conditions.all[0].operator = 'regex';
    const e = errorOf(() => compileRules([...ownedRules(getPack('cn-national')), ...ownedRules(pack)]));
    expect(e.issues.map((i) => i.message.en.match(/rule (\S+):/)?.[1])).toEqual(['tjb-2-unit-honour-bar', 'tjb-3-use-and-rewards-review']);
  });
});

describe('compiled conditions agree with json-rules-engine on arbitrary conditions and fact values', () => {
  // Condition trees over every operator and fact values of every type, including the ones the
  // shipped packs never produce (numeric strings, arrays, null, missing fields): the compiled
  // predicate must answer exactly what json-rules-engine answers.
  const values = fc.oneof(
    fc.constantFrom(null, true, false, 0, 1, -1, 2.5, '', '1', '2.5', 'a', 'warning', 'x1', ' 3'),
    fc.integer({ min: -3, max: 3 }),
  );
  const factValue = fc.oneof(values, fc.array(values, { maxLength: 3 }), fc.constant(undefined));
  const field = fc.constantFrom('a', 'b', 'c', 'nested.a', 'a.length', 'missing');
  const leaf = fc.record({
    fact: fc.constantFrom('record', 'subject', 'query'),
    path: field,
    operator: fc.constantFrom(...OPERATORS),
    value: values,
    list: fc.array(values, { minLength: 1, maxLength: 4 }),
  }).map(({ list, ...l }) => (l.operator === 'in' || l.operator === 'notIn' ? { ...l, value: list } : l));
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('node')),
    node: fc.oneof(
      fc.record({ all: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }) }),
      fc.record({ any: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }) }),
      fc.record({ not: tie('tree') }),
    ),
  }));
  const top = fc.oneof(
    fc.record({ all: fc.array(tree, { minLength: 1, maxLength: 4 }) }),
    fc.record({ any: fc.array(tree, { minLength: 1, maxLength: 4 }) }),
    fc.record({ not: tree }),
  );
  const facts = fc.record({ a: factValue, b: factValue, c: factValue, nested: fc.oneof(fc.record({ a: factValue }), fc.constant(null), fc.constant('s')) });

  it('compiled == json-rules-engine for 600 random condition trees × fact values', async () => {
    const engine = (conditions: unknown) => {
      const e = new Engine([], { allowUndefinedFacts: false, pathResolver: resolveDottedPath });
      e.addRule({ conditions: structuredClone(conditions) as never, event: { type: 'fired' } });
      return e;
    };
    await fc.assert(
      fc.asyncProperty(top, facts, facts, facts, async (conditions, record, subject, query) => {
        const owned = { rule: { id: 'r', scope: 'record', conditions }, pack: { id: 'p', rules: [] }, order: 0 } as unknown as OwnedRule;
        const c = compileRule(owned);
        if (!c.ok) throw new Error(c.issue.message.en);
        const { events } = await engine(conditions).run({ record, subject, query });
        const expected = events.length === 1;
        return isDeepStrictEqual(c.predicate(record as never, subject as never, query as never), expected);
      }),
      { numRuns: 600, seed: 4242 },
    );
  });
});
