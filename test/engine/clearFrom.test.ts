/**
 * clearFrom is found by sweeping each record over its own change days (near-linear in records and
 * change days), not by evaluating every record on every change day. Same answers: checked here on
 * generated queries against the whole-day sweep; clearFrom.heavy.test.ts runs more, with more records.
 */
import { describe, expect, it } from 'vitest';
import { getPack, loadPack, type Pack } from '../../src/index.js';
import { readsOnlyFixedSubjectFacts } from '../../src/facts/_internal/dayFacts.js';
import { resolvePack } from '../../src/packs/_internal/registry.js';
import { createEvaluator, evaluate } from '../_support/untypedApi.js';
import { compareClearFrom, withLifetimes } from './_support/clearFromDifferential.js';
import { generateQueries } from './_support/generate.js';
import { SHIPPED_PACKS } from '../_support/packs.js';

const PACKS = [...SHIPPED_PACKS];

describe('clearFrom by per-record sweep', () => {
  for (const pack of PACKS) {
    it(`equals the whole-day sweep on 300 generated queries (${pack}, 1–12 records)`, () => {
      const t = compareClearFrom(withLifetimes(generateQueries(pack, 300, 4100 + PACKS.indexOf(pack), { records: [1, 12], invalidShare: 0 })));
      expect(t.compared).toBeGreaterThan(20);
      expect(t.later).toBeGreaterThan(3);
    });
  }

  it('shipped packs are swept per record; a verdict rule reading day-varying subject facts makes every day evaluated whole', () => {
    for (const id of PACKS) expect(readsOnlyFixedSubjectFacts(resolvePack(getPack(id)).rules), id).toBe(true);
    const p = structuredClone(getPack('cn-tj-binhai')) as Pack;
    p.id = 'binhai-two-records';
    // Restricted from the second counted record on: a subject fact that changes with the other records.
    const rule = structuredClone(p.rules.find((r) => r.id === 'tjb-3-use-and-rewards-review')!);
    rule.id = 'two-records-restricted';
    rule.scope = 'subject';
    rule.restsOn = undefined as never;
    rule.trigger = undefined as never;
    rule.verdict = 'restricted';
    rule.conditions = { all: [{ fact: 'subject', path: 'countedRecords', operator: 'greaterThanInclusive', value: 2 }] } as never;
    p.rules.push(rule);
    const loaded = loadPack(p);
    expect(readsOnlyFixedSubjectFacts(resolvePack(loaded).rules.filter((r) => r.rule.subjects.includes('civil-servant')))).toBe(false);
  });

  it('with such a rule, decisions still equal the reference path and give the later clearFrom', async () => {
    // Records live three months (policy): a ends after 2026-04-10, b after 2026-05-10.
    const subject = {
      id: 'p1',
      kind: 'civil-servant',
      records: [
        { id: 'a', kind: 'administrative-penalty', decidedOn: '2026-01-10' },
        { id: 'b', kind: 'administrative-penalty', decidedOn: '2026-02-10' },
      ],
    };
    const q = { pack: 'binhai-two-records', subject, action: 'promotion', asOf: '2026-03-01', policy: { recordLifetimeMonths: 3 } };
    const d = await evaluate(q);
    expect(d.reasons.map((r) => [r.rule, r.verdict])).toContainEqual(['two-records-restricted', 'restricted']);
    // Restricted while both count, review (TJB-3) while b does, clear from the day b expires.
    expect(d.clearFrom).toBe('2026-05-11');
    const later = await evaluate({ ...q, asOf: '2026-04-20' });
    expect([later.verdict, later.clearFrom]).toEqual(['review', '2026-05-11']);
    expect(createEvaluator('binhai-two-records').evaluate(q)).toEqual(d);
  });
});
