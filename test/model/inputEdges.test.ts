/**
 * Input edges: null and foreign arguments are typed errors naming the argument (never a
 * TypeError); unknown locales are refused; inputs nested deeper than the documented bound are
 * refused (no depth below which `__proto__` goes unchecked); ids refuse control and bidi characters.
 */
import { describe, expect, it } from 'vitest';
import {
  explain,
  getPack,
  InvalidInputError,
  loadPack,
  moreSevere,
  UnknownPackError,
  type GovCreditError,
} from '../../src/index.js';
import { createEvaluator, derivedRecords, evaluate, recordState, timeline } from '../_support/untypedApi.js';

const person = { id: 'p1', kind: 'civil-servant' };
const query = { pack: 'cn-tj-binhai', subject: person, action: 'promotion', asOf: '2026-06-01' };
const record = { id: 'r1', kind: 'accountability', decidedOn: '2026-03-01' };

async function refused(f: () => unknown): Promise<GovCreditError> {
  let e: unknown;
  try {
    await f();
  } catch (x) {
    e = x;
  }
  expect(e).not.toBeInstanceOf(TypeError);
  expect(InvalidInputError.is(e), String(e)).toBe(true);
  return e as GovCreditError;
}

describe('null and foreign arguments are typed errors, naming the argument', () => {
  it.each([
    ['timeline(s, null)', () => timeline(person, null as never), ['options']],
    ['timeline(s, 5)', () => timeline(person, 5 as never), ['options']],
    ['timeline(s, {}) (no from)', () => timeline(person, {} as never), ['from']],
    ['timeline with an unknown option', () => timeline(person, { from: '2026-01-01', to: '2026-02-01', action: 'promotion', pack: 'cn-gd', form: 1 } as never), ['options', 'form']],
    ["createEvaluator('cn-gd', null)", () => createEvaluator('cn-gd', null as never), ['options']],
    ["createEvaluator('cn-gd', 'x')", () => createEvaluator('cn-gd', 'x' as never), ['options']],
    ['evaluateMany(null)', () => createEvaluator('cn-gd').evaluateMany(null as never), ['queries']],
    ['evaluateMany({ length: 2 })', () => createEvaluator('cn-gd').evaluateMany({ length: 2 } as never), ['queries']],
    ['explain(null)', () => explain(null as never), ['decision']],
    ['recordState(r, d, null)', () => recordState(record, '2026-06-01', null as never), ['options']],
    ['recordState with a calendar that is not one', () => recordState(record, '2026-06-01', { calendar: {} as never }), ['options', 'calendar']],
    ['derivedRecords(s, null)', () => derivedRecords(person, null as never), ['options']],
    ['loadPack(p, null)', () => loadPack({}, null as never), ['options']],
    ['getPack(Object.create(null))', () => getPack(Object.create(null)), ['id']],
    ['getPack(5)', () => getPack(5 as never), ['id']],
    ["moreSevere(null, 'clear')", () => moreSevere(null as never, 'clear'), [0]],
    ["moreSevere('barred', Object.create(null))", () => moreSevere('barred', Object.create(null)), [1]],
    ["moreSevere('clear', 'worse')", () => moreSevere('clear', 'worse' as never), [1]],
  ] as const)('%s', async (_label, f, path) => {
    const e = await refused(f);
    expect(e.issues[0]!.path).toEqual(path);
  });

  it('explain({}) names the missing fields of a Decision', async () => {
    const e = await refused(() => explain({} as never));
    const paths = e.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('decision.verdict');
    expect(paths).toContain('decision.reasons');
  });

  it("explain(d, { locale: 'fr' }) is refused, naming the locales; 'en' and the default work", async () => {
    const d = await evaluate(query);
    const e = await refused(() => explain(d, { locale: 'fr' as never }));
    expect(e.issues[0]).toMatchObject({ path: ['options', 'locale'], code: 'invalid_locale' });
    expect(e.issues[0]!.message.en).toContain('zh-CN, en');
    expect(explain(d, { locale: 'en' })).toContain('as of 2026-06-01');
    expect(explain(d)).toContain('截至 2026-06-01');
    expect(explain(JSON.parse(JSON.stringify(d)), { locale: 'en' })).toBe(explain(d, { locale: 'en' }));
    expect(explain(d, { locale: 'en' })).not.toContain('undefined');
  });
});

describe('nesting deeper than 32 levels is refused, wherever it is', () => {
  const deep = (levels: number, leaf: unknown): unknown => {
    let v = leaf;
    for (let i = 0; i < levels; i++) v = { a: v };
    return v;
  };

  it('a __proto__ key 70 levels down in meta (once unchecked below 64) is refused', async () => {
    const meta = deep(70, JSON.parse('{"__proto__":{"polluted":true}}'));
    const e = await refused(() => evaluate({ ...query, subject: { ...person, meta } }));
    expect(e.issues[0]!.code).toBe('too_deep');
    expect(e.issues[0]!.path.slice(0, 3)).toEqual(['subject', 'meta', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a __proto__ key within the bound is found at its path; plain deep meta within it is accepted', async () => {
    const found = await refused(() => evaluate({ ...query, subject: { ...person, meta: deep(25, JSON.parse('{"__proto__":1}')) as Record<string, unknown> } }));
    expect(found.issues[0]!.code).toBe('forbidden_key');
    expect(found.issues[0]!.path.at(-1)).toBe('__proto__');
    // Objects at depths 0..31 (32 levels): query 0, subject 1, meta 2, and 29 more below it.
    await expect(evaluate({ ...query, subject: { ...person, meta: deep(30, 1) as Record<string, unknown> } })).resolves.toMatchObject({ verdict: 'clear' });
    const e = await refused(() => evaluate({ ...query, subject: { ...person, meta: deep(31, 1) as Record<string, unknown> } }));
    expect(e.issues[0]!.path).toHaveLength(32);
  });

  it('a cyclic subject is refused, not followed', async () => {
    const meta: Record<string, unknown> = {};
    meta.self = meta;
    const e = await refused(() => evaluate({ ...query, subject: { ...person, meta } }));
    expect(e.issues[0]!.code).toBe('too_deep');
    const fast = await refused(() => createEvaluator('cn-tj-binhai').evaluate({ ...query, subject: { ...person, meta } }));
    expect(fast.issues).toEqual(e.issues);
  });
});

describe('ids refuse control and bidirectional-text characters, with paths', () => {
  const bad = ['\u0000', '\n', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f', '\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
  it.each(bad.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, c]))('%s', async (name, c) => {
    const id = `R-1${c}gpj.exe`;
    const places: [unknown, (string | number)[]][] = [
      [{ ...query, subject: { ...person, id } }, ['subject', 'id']],
      [{ ...query, subject: { ...person, records: [{ ...record, id }] } }, ['subject', 'records', 0, 'id']],
      [{ ...query, subject: { ...person, records: [{ ...record, events: [{ type: 'repaired', date: '2026-04-01', id }] }] } }, ['subject', 'records', 0, 'events', 0, 'id']],
      [{ ...query, subject: { ...person, records: [{ ...record, mitigation: { date: '2026-04-01', outcome: 'lighter', by: id } }] } }, ['subject', 'records', 0, 'mitigation', 'by']],
      [{ ...query, subject: { ...person, creditFile: { ref: id } } }, ['subject', 'creditFile', 'ref']],
    ];
    for (const [q, path] of places) {
      const e = await refused(() => evaluate(q));
      expect(e.issues[0]).toMatchObject({ path, code: 'invalid_id' });
      // The message names the character and never carries it.
      expect(e.issues[0]!.message.en).toContain(name);
      expect(e.issues[0]!.message.en).not.toContain(c);
      expect(e.message).not.toContain(c);
    }
  });

  it('ordinary ids, Chinese and with spaces, are accepted', async () => {
    await expect(evaluate({ ...query, subject: { ...person, id: '张三 E-1024', records: [{ ...record, id: '通市信用〔2018〕2号-记录1' }] } })).resolves.toBeTruthy();
  });

  it('an unknown pack id is shown with its control characters escaped', async () => {
    let e: unknown;
    try {
      createEvaluator('cn-gd\u202e');
    } catch (x) {
      e = x;
    }
    expect(UnknownPackError.is(e)).toBe(true);
    expect((e as Error).message).toContain('cn-gd\\u202E');
    expect((e as Error).message).not.toContain('\u202e');
  });
});
