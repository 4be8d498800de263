import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectationQuery, loadExamples, mismatches } from '../../src/cli/_internal/examples.js';
import { untyped, ACTIONS_BY_SUBJECT, createEvaluator, evaluate, listPacks } from '../../src/index.js';
import { rosterText, ROSTER_PATH, ROSTER_SIZE } from '../../scripts/gen-examples.js';
import { repo } from './_support.js';

const examples = loadExamples(join(repo, 'examples', 'subjects'));

describe('examples/subjects: each hand-written subject gets the verdicts it states', () => {
  for (const ex of examples) {
    describe(ex.file, () => {
      it('states its situation in both languages and at least one expectation', () => {
        expect(ex.title['zh-CN'] && ex.title.en && ex.situation['zh-CN'] && ex.situation.en).toBeTruthy();
        expect(ex.expect.length).toBeGreaterThan(0);
      });
      for (const e of ex.expect) {
        it(`${e.pack} ${e.action}${e.asOf ? ` as of ${e.asOf}` : ''}: ${e.verdict}`, async () => {
          const q = expectationQuery(ex, e);
          const d = await evaluate(untyped(q));
          expect(mismatches(d, e)).toEqual([]);
          // The compiled evaluator (used by batch and the demo's roster) decides the same.
          expect(createEvaluator(e.pack).evaluate(untyped(q))).toEqual(d);
        });
      }
    });
  }

  it('together they cover every shipped pack, persons and bodies, and every verdict', () => {
    const packs = new Set(examples.flatMap((ex) => ex.expect.map((e) => e.pack)));
    for (const p of listPacks().filter((x) => x.shipped)) expect(packs.has(p.id), p.id).toBe(true);
    const kinds = new Set(examples.map((ex) => ex.subject.kind));
    for (const k of Object.keys(ACTIONS_BY_SUBJECT)) expect(kinds.has(k), k).toBe(true);
    const verdicts = new Set(examples.flatMap((ex) => ex.expect.map((e) => e.verdict)));
    expect([...verdicts].sort()).toEqual(['barred', 'clear', 'restricted', 'review']);
  });
});

describe('examples/roster.jsonl', () => {
  it('is what scripts/gen-examples.ts generates from its seed (regenerated identically)', () => {
    const text = rosterText();
    expect(text.split('\n').filter(Boolean)).toHaveLength(ROSTER_SIZE);
    expect(readFileSync(ROSTER_PATH, 'utf8') === text, 'examples/roster.jsonl is out of date: run `npx tsx scripts/gen-examples.ts`').toBe(true);
  });

  it('has the mix it claims: kinds, clean majority, records of every kind, lifecycle events', () => {
    const subjects = readFileSync(ROSTER_PATH, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const count = (f: (s: any) => boolean) => subjects.filter(f).length;
    expect(count((s) => s.kind === 'civil-servant')).toBeGreaterThan(6000);
    expect(count((s) => s.kind === 'public-institution-staff' && s.managedUnderCivilServantLaw)).toBeGreaterThan(300);
    expect(count((s) => s.kind === 'government')).toBeGreaterThan(200);
    expect(count((s) => s.kind === 'department')).toBeGreaterThan(500);
    expect(count((s) => !s.records)).toBeGreaterThan(6000);
    const records = subjects.flatMap((s) => s.records ?? []);
    const kinds = new Set(records.map((r) => r.kind));
    for (const k of ['disciplinary-sanction', 'administrative-penalty', 'accountability', 'judicial-judgment', 'unfulfilled-court-judgment', 'judgment-defaulter', 'arrears', 'under-investigation']) {
      expect(kinds.has(k), k).toBe(true);
    }
    const events = records.flatMap((r) => r.events ?? []);
    const types = new Set(events.map((e: { type: string }) => e.type));
    for (const t of ['objection-filed', 'objection-replied', 'reported-to-provincial-platform', 'self-correction', 'mitigation-decided', 'rectification-ordered', 'rectification-completed', 'repaired', 'sanction-changed', 'sanction-revoked', 'investigation-closed']) {
      expect(types.has(t), t).toBe(true);
    }
    const outcomes = new Set(events.filter((e: { type: string }) => e.type === 'objection-replied').map((e: { outcome: string }) => e.outcome));
    expect([...outcomes].sort()).toEqual(['corrected', 'revoked', 'upheld']);
    expect(records.some((r) => r.selfCorrection) && records.some((r) => r.mitigation)).toBe(true);
    expect(records.some((r) => r.confidential)).toBe(false);
  });
});
