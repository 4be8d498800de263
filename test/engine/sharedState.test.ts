/**
 * Shared state: packs the library holds, hands out or is given cannot be changed by a caller, and
 * no object a caller receives (a pack, a summary, a decision) is shared with later decisions.
 * Re-registering a pack id is refused unless `replace: true`, which packs that extend it follow.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import {
  DEFAULT_POLICY,
  explain,
  getPack,
  InvalidInputError,
  InvalidPackError,
  LABELS,
  listPacks,
  loadPack,
  type Pack,
} from '../../src/index.js';
import { createEvaluator, evaluate } from '../_support/untypedApi.js';
import { requireBuild } from '../_support/built.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Needs the build (`npm test` makes it first): without it the file fails, saying so, rather than skipping.
requireBuild('index.cjs');

const person = { id: 'p1', kind: 'civil-servant' };
const warning = { id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-03-15' };
const national = { pack: 'cn-national', subject: { ...person, records: [warning] }, action: 'promotion', asOf: '2026-06-01' };

/** The national decision and its compiled twin, as JSON (what must not change). */
async function nationalDecisions(): Promise<string> {
  return JSON.stringify([await evaluate(national), createEvaluator('cn-national').evaluate(national)]);
}

/** Rule ids of a host pack: a copy of Binhai under another id, extending cn-national. */
function hostPack(id: string, edit: (p: Pack) => void = () => undefined): Pack {
  const p = structuredClone(getPack('cn-tj-binhai'));
  p.id = id;
  edit(p);
  return p;
}

describe('packs the library holds or hands out are frozen', () => {
  it("getPack('cn-national').rules[0].verdict = 'review' throws (strict mode) and changes no later decision", async () => {
    const before = await nationalDecisions();
    expect(JSON.parse(before)[0].verdict).toBe('barred');
    const p = getPack('cn-national') as unknown as Record<string, any>;
    const attacks: (() => void)[] = [
      () => (p.rules[0].verdict = 'review'),
      () => (p.rules[0].conditions.all[0].value = 'nothing'),
      () => (p.rules[0].subjects.length = 0),
      () => p.rules.splice(0, p.rules.length),
      () => p.rules.push({ id: 'x' }),
      () => (p.clauses[0].quote = 'forged'),
      () => (p.policy.sanctionPeriodAutoLift = false),
      () => delete p.rules[0].actions,
      () => (p.extends = ['cn-gd']),
      () => (p.recordKinds.kinds[0] = 'arrears'),
    ];
    for (const attack of attacks) expect(attack).toThrow(TypeError);
    expect(Object.isFrozen(p) && Object.isFrozen(p.rules[0].conditions.all[0]) && Object.isFrozen(p.document)).toBe(true);
    expect(await nationalDecisions()).toBe(before);
  });

  it('in sloppy mode the same assignments are ignored silently, and decisions hold', async () => {
    const before = await nationalDecisions();
    // Code built with `Function` is sloppy-mode: assignment to a frozen object does not throw.
    const sloppy = new Function('lib', "var p = lib.getPack('cn-national'); p.rules[0].verdict = 'review'; p.rules[0].conditions.all = []; p.rules.length = 0; return p.rules.length;");
    expect(sloppy(lib)).toBeGreaterThan(0);
    expect(getPack('cn-national').rules[0]!.verdict).toBe('barred');
    expect(await nationalDecisions()).toBe(before);
  });

  it('in a sloppy-mode CommonJS program using dist/index.cjs, too', () => {
    const program = `
      const lib = require(${JSON.stringify(join(root, 'dist', 'index.cjs'))});
      const q = ${JSON.stringify(national)};
      (async () => {
        const before = JSON.stringify(await lib.evaluate(q));
        const p = lib.getPack('cn-national');
        p.rules[0].verdict = 'review';
        p.rules[0].conditions.all[0].operator = 'bogus';
        p.rules.length = 0;
        lib.createEvaluator('cn-national').pack.rules[0].verdict = 'clear';
        const after = JSON.stringify(await lib.evaluate(q));
        const fast = JSON.stringify(lib.createEvaluator('cn-national').evaluate(q));
        process.stdout.write(JSON.stringify({ same: before === after && fast === after, verdict: JSON.parse(after).verdict, rule: p.rules[0].verdict }));
      })();`;
    const r = spawnSync(process.execPath, ['-e', program], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ same: true, verdict: 'barred', rule: 'barred' });
  });

  it('every shipped pack, the packs of listPacks, an evaluator’s pack and a loaded pack are frozen', () => {
    for (const s of listPacks()) expect(Object.isFrozen(getPack(s.id).rules), s.id).toBe(true);
    expect(Object.isFrozen(createEvaluator('cn-gd').pack.clauses[0])).toBe(true);
    const loaded = loadPack(hostPack('frozen-host'));
    expect(Object.isFrozen(loaded.rules[0]!.conditions)).toBe(true);
    // An evaluator made from an unregistered pack object holds a frozen copy, not the object.
    const obj = hostPack('frozen-inline');
    const ev = createEvaluator(obj);
    expect(ev.pack).not.toBe(obj);
    expect(Object.isFrozen(ev.pack.rules)).toBe(true);
  });

  it('a listPacks summary is the caller’s own', () => {
    const s = listPacks()[0]!;
    s.name.en = 'changed';
    s.extends.push('x');
    expect(listPacks()[0]!.name.en).not.toBe('changed');
    expect(getPack(s.id).name.en).not.toBe('changed');
  });
});

describe('loadPack copies the caller’s object before validating it', () => {
  it('changing the object afterwards changes nothing (once: "Error: Unknown operator")', async () => {
    const json = hostPack('copy-host') as unknown as Record<string, any>;
    const pack = loadPack(json);
    const q = { ...national, pack: 'copy-host', action: 'excellent-rating', asOf: '2026-12-20', assessmentYear: 2026 };
    const before = JSON.stringify(await evaluate(q));
    json.rules[2].conditions.all[0].operator = 'bogus';
    json.rules[2].verdict = 'review';
    json.rules.length = 0;
    json.id = 'other';
    expect(pack.rules).toHaveLength(3);
    expect(JSON.stringify(await evaluate(q))).toBe(before);
    expect(JSON.stringify(createEvaluator('copy-host').evaluate(q))).toBe(before);
  });

  it('reads each field once: a getter that answers differently later changes nothing', async () => {
    const json = hostPack('getter-host') as unknown as Record<string, any>;
    let reads = 0;
    const leaf = json.rules[2].conditions.all[0];
    const operator = leaf.operator;
    Object.defineProperty(leaf, 'operator', { enumerable: true, get: () => (reads++ === 0 ? operator : 'bogus') });
    loadPack(json);
    expect(reads).toBe(1);
    const q = { ...national, pack: 'getter-host', action: 'excellent-rating', asOf: '2026-12-20', assessmentYear: 2026 };
    expect((await evaluate(q)).verdict).toBe('barred');
    expect(createEvaluator('getter-host').evaluate(q).verdict).toBe('barred');
  });

  it('refuses what is not JSON data, and cycles, with a path', () => {
    const fn = hostPack('not-json') as unknown as Record<string, any>;
    fn.rules[0].description.en = () => 'x';
    expect(() => loadPack(fn)).toThrow(InvalidPackError);
    try {
      loadPack(fn);
    } catch (e) {
      expect((e as InvalidPackError).issues[0]).toMatchObject({ path: ['rules', 0, 'description', 'en'], code: 'invalid_type' });
    }
    const cyclic = hostPack('cyclic') as unknown as Record<string, any>;
    cyclic.document.self = cyclic;
    let e: unknown;
    try {
      loadPack(cyclic);
    } catch (x) {
      e = x;
    }
    expect(InvalidPackError.is(e) && e.issues[0]!.code).toBe('too_deep');
  });

  it('an inline pack in a query is copied too', async () => {
    // A second copy of TJB-4 comes into force in 2027: json-rules-engine first reads its conditions
    // while clearFrom is searched, after the evaluation has yielded to the caller.
    const inline = hostPack('inline-copy', (p) => {
      const tjb4 = p.rules.find((r) => r.id === 'tjb-4-excellent-bar')!;
      p.rules.push({ ...structuredClone(tjb4), id: 'later-rule', validFrom: '2027-01-01' });
    }) as unknown as Record<string, any>;
    const q = { ...national, pack: inline, action: 'excellent-rating', asOf: '2026-12-20', assessmentYear: 2026 };
    const expected = JSON.stringify(await evaluate(structuredClone(q)));
    const pending = evaluate(q);
    // Changed while the (async) reference evaluation runs.
    inline.rules.at(-1).conditions.all[0].operator = 'bogus';
    inline.rules.at(-1).verdict = 'review';
    expect(JSON.stringify(await pending)).toBe(expected);
  });
});

describe('decisions share nothing with the library or with each other', () => {
  it('changing a decision’s descriptions, notes and mitigation messages changes no later decision', async () => {
    const record = { id: 'r1', kind: 'administrative-penalty', decidedOn: '2026-03-01', occurredOn: '2026-02-01' };
    // A department under Binhai (TJB-2: a bar and four duties); a Tonghua civil servant whose
    // restriction (TH-2) the authority lightened (从轻, policy lighterLowersTo).
    const department = { pack: 'cn-tj-binhai', subject: { id: 'd1', kind: 'department', records: [record] }, action: 'honour-selection', asOf: '2026-06-01' };
    const lightened = {
      pack: 'cn-jl-tonghua',
      subject: { ...person, records: [{ ...record, mitigation: { date: '2026-04-01', outcome: 'lighter', by: 'a1', actions: ['promotion'] }, selfCorrection: { date: '2026-03-20', measures: ['recovered-losses'] } }] },
      action: 'promotion',
      asOf: '2026-06-01',
    };
    for (const q of [department, lightened]) {
      const first = await evaluate(q);
      const before = JSON.stringify(first);
      for (const r of first.reasons) r.description.en = 'changed';
      for (const o of first.obligations) o.description.en = 'changed';
      for (const m of first.mitigation) m.message.en = 'changed';
      for (const n of first.notes) if (n.value && typeof n.value === 'object') (n.value as Record<string, string>).restricted = 'clear';
      expect(JSON.stringify(await evaluate(q))).toBe(before);
      expect(JSON.stringify(createEvaluator(q.pack).evaluate(q))).toBe(before);
      expect(explain(await evaluate(q), { locale: 'en' })).not.toContain('changed');
    }
    const d = await evaluate(department);
    expect(d.obligations).toHaveLength(4);
    expect((await evaluate(lightened)).verdict).toBe('review');
  });

  it('the library defaults and labels cannot be changed', () => {
    expect(() => ((DEFAULT_POLICY.lighterLowersTo as Record<string, string>).barred = 'clear')).toThrow(TypeError);
    expect(() => ((LABELS.verdict.barred as Record<string, string>).en = 'fine')).toThrow(TypeError);
  });

  it('no exported constant can be changed: vocabularies, the action table, severities, facts, legal bases', async () => {
    const constants = Object.entries(lib).filter(([name, v]) => /^[A-Z][A-Z_]+$/.test(name) && v !== null && typeof v === 'object' && !(v instanceof RegExp));
    expect(constants.length).toBeGreaterThan(30);
    const deepFrozen = (v: unknown, seen = new Set<unknown>()): boolean => {
      if (v === null || typeof v !== 'object' || seen.has(v)) return true;
      seen.add(v);
      return Object.isFrozen(v) && Object.values(v).every((x) => deepFrozen(x, seen));
    };
    for (const [name, v] of constants) expect(deepFrozen(v), name).toBe(true);
    // What a careless host might do, each once a way to change every later decision.
    const before = (await evaluate(national)).verdict;
    expect(() => (lib.ACTIONS_BY_SUBJECT.government as string[]).push('promotion')).toThrow(TypeError);
    expect(() => (lib.VERDICTS as unknown as string[]).sort()).toThrow(TypeError);
    expect(() => ((lib.VERDICT_SEVERITY as Record<string, number>).clear = 9)).toThrow(TypeError);
    expect(() => ((lib.LEGAL_BASES['TH-9'] as { section: string }).section = '一')).toThrow(TypeError);
    expect((await evaluate(national)).verdict).toBe(before);
    await expect(evaluate({ ...national, subject: JSON.parse('{"id":"p","kind":"civil-servant","__proto__":{"x":1}}') })).rejects.toThrow(InvalidInputError);
  });
});

describe('re-registering a pack id', () => {
  it('is refused without replace: true (already_loaded, at id); a shipped id never', () => {
    loadPack(hostPack('twice'));
    let e: unknown;
    try {
      loadPack(hostPack('twice'));
    } catch (x) {
      e = x;
    }
    expect(InvalidPackError.is(e) && e.issues[0]).toMatchObject({ path: ['id'], code: 'already_loaded' });
    expect((e as Error).message).toContain('replace: true');
    expect(() => loadPack(getPack('cn-gd'), { replace: true })).toThrow(/taken by a shipped pack/);
    expect(() => loadPack(hostPack('opt'), { replace: 'yes' } as never)).toThrow(InvalidInputError);
    expect(() => loadPack(hostPack('opt2'), { force: true } as never)).toThrow(InvalidInputError);
  });

  it('with replace: true, packs that extend it follow the new version; evaluators made before keep theirs', async () => {
    // parent-a: a host pack; child-a extends it and adds nothing that decides excellent-rating.
    loadPack(hostPack('parent-a'));
    const child = hostPack('child-a', (p) => {
      p.extends = ['parent-a'];
      p.rules = [];
      p.clauses = p.clauses.map((c) => ({ ...c, handledBy: { kind: 'vocabulary', why: { 'zh-CN': '见上级', en: 'see parent' } } }));
    });
    loadPack(child);
    const q = { subject: { ...person, records: [warning] }, action: 'excellent-rating', asOf: '2026-12-20', assessmentYear: 2026 } as const;
    const verdictOf = async (pack: string) => (await evaluate({ ...q, pack })).verdict;
    const early = createEvaluator('child-a');
    expect(await verdictOf('child-a')).toBe('barred');

    // The parent's TJB-4 is weakened to review; the child (never reloaded) follows it.
    loadPack(hostPack('parent-a', (p) => (p.rules.find((r) => r.id === 'tjb-4-excellent-bar')!.verdict = 'review')), { replace: true });
    expect(getPack('parent-a').rules.find((r) => r.id === 'tjb-4-excellent-bar')!.verdict).toBe('review');
    const reasons = (await evaluate({ ...q, pack: 'child-a' })).reasons.filter((r) => r.rule === 'tjb-4-excellent-bar');
    expect(reasons.map((r) => r.verdict)).toEqual(['review']);
    expect(createEvaluator('child-a').evaluate(q).reasons.filter((r) => r.rule === 'tjb-4-excellent-bar').map((r) => r.verdict)).toEqual(['review']);
    // An evaluator made before the replacement decides as it did, and does not fail.
    expect(early.evaluate(q).reasons.filter((r) => r.rule === 'tjb-4-excellent-bar').map((r) => r.verdict)).toEqual(['barred']);
  });

  it('a replacement that would break a pack extending it is refused, and nothing is replaced', async () => {
    loadPack(hostPack('parent-b'));
    loadPack(
      hostPack('child-b', (p) => {
        p.extends = ['parent-b'];
        p.rules = [{ ...p.rules[0]!, id: 'child-rule' }];
        p.clauses = p.clauses.map((c) => ({ ...c, handledBy: { kind: 'vocabulary', why: { 'zh-CN': '见上级', en: 'see parent' } } }));
      }),
    );
    // The new parent has a rule with the child's rule id: the child's chain would hold it twice.
    const clash = hostPack('parent-b', (p) => (p.rules[0] = { ...p.rules[0]!, id: 'child-rule' }));
    let e: unknown;
    try {
      loadPack(clash, { replace: true });
    } catch (x) {
      e = x;
    }
    expect(InvalidPackError.is(e) && e.issues[0]).toMatchObject({ path: ['id'], code: 'breaks_dependent' });
    expect((e as Error).message).toContain('child-b');
    expect(getPack('parent-b').rules[0]!.id).toBe('tjb-2-unit-honour-bar');
    // A cycle through the child is refused as well.
    expect(() => loadPack(hostPack('parent-b', (p) => (p.extends = ['child-b'])), { replace: true })).toThrow(/cycle/);
    expect((await evaluate({ ...national, pack: 'child-b' })).verdict).toBe('barred');
  });
});
