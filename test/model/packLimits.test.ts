/**
 * Pack size limits (PACK_LIMITS, about ten times the largest shipped pack): a pack just over a
 * limit is refused with the path of what is too large; a pack at every limit at once loads, and a
 * decision under it does bounded work — counted (conditions read, days evaluated, decision size),
 * never timed.
 */
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/engine/_internal/context.js';
import { compilePack } from '../../src/engine/_internal/compiledPack.js';
import type { DayEvaluation } from '../../src/facts/_internal/dayFacts.js';
import { runWithJsonRulesEngine } from '../../src/packs/_internal/jre.js';
import { runAsync, runSync } from '../../src/engine/_internal/steps.js';
import { decisionSteps } from '../../src/engine/_internal/decide.js';
import { getPack, InvalidPackError, listPacks, loadPack, PACK_LIMITS, parseQuery } from '../../src/index.js';
import { createEvaluator, evaluate } from '../_support/untypedApi.js';

const L = PACK_LIMITS;
let seq = 0;

const leaf = { fact: 'record', path: 'isIntegrityRecord', operator: 'equal', value: true };
/** A condition `depth` deep below the top level: all → all → … → leaf. */
function nested(depth: number): Record<string, unknown> {
  let c: Record<string, unknown> = leaf;
  for (let i = 1; i < depth; i++) c = { all: [c] };
  return { all: [c] };
}
const handled = { kind: 'vocabulary', why: { 'zh-CN': '测试', en: 'test' } };

/** A host pack extending cn-national with `rules` rules, each barring promotion for any counted record. */
function pack(edit: (p: Record<string, any>) => void = () => undefined, rules = 1): Record<string, any> {
  const p = structuredClone(getPack('cn-tj-binhai')) as unknown as Record<string, any>;
  p.id = `limits-${seq++}`;
  const clauseId = p.clauses[0].id;
  p.clauses = p.clauses.map((c: Record<string, unknown>) => ({ ...c, handledBy: handled }));
  // Each rule says what it rests on and when it is triggered, as the rule schema asks.
  const { restsOn, trigger } = p.rules[0];
  p.rules = Array.from({ length: rules }, (_, i) => ({
    restsOn,
    trigger,
    id: `${p.id}-r-${i}`,
    clauses: [clauseId],
    description: { 'zh-CN': `规则 ${i}`, en: `rule ${i}` },
    subjects: ['civil-servant'],
    actions: ['promotion'],
    conditions: { all: [leaf] },
    verdict: 'barred',
  }));
  edit(p);
  return p;
}

function refusal(json: unknown): InvalidPackError {
  try {
    loadPack(json);
  } catch (e) {
    if (InvalidPackError.is(e)) return e;
    throw e;
  }
  throw new Error('loaded');
}

describe('a pack just over a limit is refused, naming what is too large', () => {
  const clauses = (n: number, quote = '第一条 测试条款原文。') => (p: Record<string, any>) => {
    p.clauses = Array.from({ length: n }, (_, i) => ({ id: `LIM-${i + 1}`, section: `第${i + 1}条`, quote, reading: { 'zh-CN': '测试', en: 'test' }, handledBy: handled }));
    p.recordKinds.clauses = ['LIM-1'];
    p.mitigation.clauses = ['LIM-1'];
    for (const r of p.rules) r.clauses = ['LIM-1'];
  };
  const cases: [string, number, (n: number) => Record<string, any>, (string | number)[], string][] = [
    ['rules', L.rules, (n) => pack(undefined, n), ['rules'], 'too_big'],
    ['clauses', L.clauses, (n) => pack(clauses(n)), ['clauses'], 'too_big'],
    ['clause ids in a rule', L.clausesPerRule, (n) => pack((p) => { clauses(n)(p); p.rules[0].clauses = p.clauses.map((c: { id: string }) => c.id); }), ['rules', 0, 'clauses'], 'too_big'],
    ['conditions in a rule', L.conditionsPerRule, (n) => pack((p) => (p.rules[0].conditions = { all: Array.from({ length: n }, () => leaf) })), ['rules', 0, 'conditions', 'all', L.conditionsPerRule], 'too_many'],
    ['condition depth', L.conditionDepth, (n) => pack((p) => (p.rules[0].conditions = nested(n))), ['rules', 0, 'conditions', ...Array.from({ length: L.conditionDepth + 1 }, () => ['all', 0]).flat()], 'too_deep'],
    ['values in an in list', L.valuesPerCondition, (n) => pack((p) => (p.rules[0].conditions = { all: [leaf, { fact: 'subject', path: 'countedRecords', operator: 'in', value: Array.from({ length: n }, (_, i) => i) }] })), ['rules', 0, 'conditions', 'all', 1, 'value'], 'too_many'],
    ['quote length', L.quoteLength, (n) => pack(clauses(3, '条'.repeat(n))), ['clauses', 0, 'quote'], 'too_big'],
    ['text length', L.textLength, (n) => pack((p) => (p.rules[0].description.en = 'x'.repeat(n))), ['rules', 0, 'description', 'en'], 'too_big'],
  ];
  it.each(cases)('%s: %i loads, one more is refused', (_name, limit, make, path, code) => {
    const at = make(limit);
    expect(() => loadPack(at)).not.toThrow();
    const e = refusal(make(limit + 1));
    expect(e.issues.map((i) => [i.path, i.code])).toContainEqual([path, code]);
    expect(e.issues.every((i) => i.message.en.startsWith('pack limits-'))).toBe(true);
  });

  it(`an extends chain of more than ${L.chainPacks} packs, or ${L.chainRules} rules together, is refused at the pack that would exceed it`, () => {
    // cn-national (5 rules) + 9 host packs = 10 packs.
    let parent = 'cn-national';
    for (let i = 0; i < L.chainPacks - 1; i++) parent = loadPack(pack((p) => (p.extends = [parent]))).id;
    const e = refusal(pack((p) => (p.extends = [parent])));
    expect(e.issues[0]).toMatchObject({ path: ['extends'], code: 'too_many' });
    expect(e.issues[0]!.message.en).toContain(`${L.chainPacks + 1} packs`);

    // cn-national + a parent + a child of L.rules rules: exactly L.chainRules loads, one more is refused.
    const nationalRules = getPack('cn-national').rules.length;
    const fits = loadPack(pack(undefined, L.chainRules - L.rules - nationalRules)).id;
    expect(() => loadPack(pack((p) => (p.extends = [fits]), L.rules))).not.toThrow();
    const over = loadPack(pack(undefined, L.chainRules - L.rules - nationalRules + 1)).id;
    const f = refusal(pack((p) => (p.extends = [over]), L.rules));
    expect(f.issues[0]).toMatchObject({ path: ['rules'], code: 'too_many' });
    expect(f.issues[0]!.message.en).toContain(`${L.chainRules + 1} rules`);
  });

  // The limits are about ten times the largest shipped pack; a pack that grows past a fifth of one
  // should make someone look at the limits again.
  it('the shipped packs are well inside every limit (at most a fifth)', () => {
    for (const { id } of listPacks().filter((s) => s.shipped)) {
      const p = getPack(id);
      expect(p.rules.length * 5, id).toBeLessThanOrEqual(L.rules);
      expect(p.clauses.length * 5, id).toBeLessThanOrEqual(L.clauses);
      for (const c of p.clauses) expect(c.quote.length * 5, `${id} ${c.id}`).toBeLessThanOrEqual(L.quoteLength);
      for (const r of p.rules) expect(r.description.en.length * 5, `${id} ${r.id}`).toBeLessThanOrEqual(L.textLength);
    }
  });
});

describe('a pack at every limit at once loads and decides in bounded work', () => {
  // 150 rules of 40 conditions, one nested 8 deep; 500 clauses with 1,500-character quotes; every
  // rule cites 10 of them; in-lists of 50 values.
  const quote = '第'.repeat(L.quoteLength);
  const big = pack((p) => {
    p.clauses = Array.from({ length: L.clauses }, (_, i) => ({ id: `BIG-${i + 1}`, section: `第${i + 1}条`, quote, reading: { 'zh-CN': '测', en: 't' }, handledBy: handled }));
    p.recordKinds.clauses = ['BIG-1'];
    p.mitigation.clauses = ['BIG-1'];
    p.rules.forEach((r: Record<string, any>, i: number) => {
      r.clauses = Array.from({ length: L.clausesPerRule }, (_, k) => `BIG-${((i * L.clausesPerRule + k) % L.clauses) + 1}`);
      const leaves: Record<string, unknown>[] = Array.from({ length: L.conditionsPerRule - 2 }, () => leaf);
      leaves.push({ fact: 'subject', path: 'countedRecords', operator: 'notIn', value: Array.from({ length: L.valuesPerCondition }, (_, v) => 1000 + v) });
      r.conditions = i === 0 ? { all: [...leaves, (nested(L.conditionDepth).all as unknown[])[0]] } : { all: [...leaves, leaf] };
    });
  }, L.rules);

  it('loads, compiles, and both paths decide alike', async () => {
    const loaded = loadPack(big);
    expect(loaded.rules).toHaveLength(L.rules);
    const records = Array.from({ length: 3 }, (_, i) => ({ id: `r${i}`, kind: 'administrative-penalty', decidedOn: `2026-0${i + 1}-10` }));
    const q = { pack: loaded.id, subject: { id: 'p1', kind: 'civil-servant', records }, action: 'promotion', asOf: '2026-06-01' };
    const chainRules = L.rules + getPack('cn-national').rules.length;

    // Count what the compiled predicates read: each leaf reads one fact field.
    const compiled = compilePack(loaded.id);
    let reads = 0;
    let days = 0;
    let candidates = 0;
    const counting = <T extends object>(o: T): T => new Proxy(o, { get: (t, k, r) => (reads++, Reflect.get(t, k, r)) });
    const run = (day: DayEvaluation): boolean[] => {
      days++;
      candidates += day.candidates.length;
      return compiled.run({ ...day, records: day.records.map((r) => ({ ...r, facts: counting(r.facts) })), subject: counting(day.subject), query: counting(day.query) });
    };
    const decision = runSync(decisionSteps(buildContext(parseQuery(q))), run);

    expect(decision.verdict).toBe('barred');
    expect(decision.reasons.length).toBeGreaterThanOrEqual(L.rules * records.length);
    // Bounded work: days evaluated ≤ 1 + the days a record or rule changes; candidates per day ≤
    // rules in the chain × records; conditions read ≤ candidates × conditions per rule.
    expect(days).toBeLessThanOrEqual(1 + 2 * records.length + chainRules);
    expect(candidates).toBeLessThanOrEqual(days * chainRules * records.length);
    expect(reads).toBeLessThanOrEqual(candidates * L.conditionsPerRule);
    expect(reads).toBeGreaterThan(0);
    // Bounded size: every reason cites at most clausesPerRule clauses of at most quoteLength characters.
    const size = JSON.stringify(decision).length;
    expect(size).toBeLessThanOrEqual(decision.reasons.length * L.clausesPerRule * (L.quoteLength + 200) + 100_000);

    // The reference path (json-rules-engine) on the same query gives the same decision.
    expect(await runAsync(decisionSteps(buildContext(parseQuery(q))), runWithJsonRulesEngine)).toEqual(decision);
    expect(await evaluate(q)).toEqual(createEvaluator(loaded.id).evaluate(q));
  });
});

describe('the limits are what the pack format documents', () => {
  it('PACK_LIMITS is frozen and each limit is in the pack JSON Schema description', async () => {
    expect(Object.isFrozen(PACK_LIMITS)).toBe(true);
    const { readFileSync } = await import('node:fs');
    const schema = readFileSync(new URL('../../schemas/pack.schema.json', import.meta.url), 'utf8');
    for (const [name, value] of Object.entries(PACK_LIMITS)) {
      if (name === 'textLength') continue; // a maxLength on every text, not a description
      expect(schema, name).toContain(String(value));
    }
    // The table of limits for pack authors (moved from the README with issue 23).
    const doc = readFileSync(new URL('../../docs/packs-and-policy.md', import.meta.url), 'utf8');
    for (const value of Object.values(PACK_LIMITS)) expect(doc).toContain(value.toLocaleString('en-US'));
  });
});
