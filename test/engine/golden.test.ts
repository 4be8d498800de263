import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { untyped, evaluate, getPack, listPacks } from '../../src/index.js';

/**
 * Golden cases: data a policy expert can read. Each file under test/cases/<pack>/<rule>.json
 * names the rule and clauses it checks and lists cases that fire, do not fire, and sit on an edge.
 */
interface GoldenCase {
  name: string;
  kind: 'fires' | 'does-not-fire' | 'edge';
  query: Record<string, unknown>;
  expect: {
    verdict?: string;
    reasons?: string[];
    absentReasons?: string[];
    clearFrom?: string | null;
    obligations?: string[];
    priority?: string[];
    incentives?: string[];
    mitigation?: { record: string; status: string; applied?: string | null }[];
    reasonVerdicts?: Record<string, string>;
    notes?: string[];
    records?: Record<string, { counted: boolean; status?: string }>;
    deadlines?: { record: string; kind: string; dueOn: string; state: string }[];
    obligationDue?: Record<string, string>;
  };
}
interface GoldenFile {
  pack: string;
  rule: string;
  clauses: string[];
  cases: GoldenCase[];
}

const root = join(import.meta.dirname, '..', 'cases');
const files: { path: string; data: GoldenFile }[] = [];
for (const dir of readdirSync(root)) {
  for (const f of readdirSync(join(root, dir))) {
    if (!f.endsWith('.json')) continue;
    const path = join(root, dir, f);
    files.push({ path: `${dir}/${f}`, data: JSON.parse(readFileSync(path, 'utf8')) as GoldenFile });
  }
}

describe('golden cases', () => {
  it('cover every rule of every shipped pack with a firing, a non-firing and an edge case', () => {
    const missing: string[] = [];
    for (const p of listPacks().filter((x) => x.shipped)) {
      for (const rule of getPack(p.id).rules) {
        const file = files.find((f) => f.data.pack === p.id && f.data.rule === rule.id);
        const kinds = new Set(file?.data.cases.map((c) => c.kind));
        if (!file || file.data.cases.length < 3 || !kinds.has('fires') || !kinds.has('does-not-fire') || !kinds.has('edge')) {
          missing.push(`${p.id}/${rule.id}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  for (const { path, data } of files) {
    describe(path, () => {
      it('names a rule of its pack and that rule\'s clauses', () => {
        const rule = getPack(data.pack).rules.find((r) => r.id === data.rule);
        expect(rule, `rule ${data.rule} in ${data.pack}`).toBeDefined();
        expect([...data.clauses].sort()).toEqual([...rule!.clauses].sort());
      });
      for (const c of data.cases) {
        it(`${c.kind}: ${c.name}`, async () => {
          const d = await evaluate(untyped(c.query));
          const e = c.expect;
          const fired = d.reasons.map((r) => r.rule);
          if (e.verdict !== undefined) expect(d.verdict).toBe(e.verdict);
          for (const r of e.reasons ?? []) expect(fired).toContain(r);
          for (const r of e.absentReasons ?? []) expect(fired).not.toContain(r);
          if (c.kind === 'fires') expect([...fired, ...d.priority.map((p) => p.rule), ...d.incentives.map((p) => p.rule), ...d.obligations.map((o) => o.rule)]).toContain(data.rule);
          if (c.kind === 'does-not-fire') {
            expect(fired).not.toContain(data.rule);
            expect(d.obligations.map((o) => o.rule)).not.toContain(data.rule);
            expect([...d.priority, ...d.incentives].map((p) => p.rule)).not.toContain(data.rule);
          }
          if (e.clearFrom !== undefined) expect(d.clearFrom).toBe(e.clearFrom);
          if (e.obligations) expect([...new Set(d.obligations.map((o) => o.kind))].sort()).toEqual([...e.obligations].sort());
          if (e.priority) expect(d.priority.map((p) => p.rule)).toEqual(e.priority);
          if (e.incentives) expect(d.incentives.map((p) => p.rule)).toEqual(e.incentives);
          for (const m of e.mitigation ?? []) {
            const got = d.mitigation.find((x) => x.record === m.record);
            expect(got, `mitigation for ${m.record}`).toBeDefined();
            expect(got!.status).toBe(m.status);
            if (m.applied !== undefined) expect(got!.applied).toBe(m.applied);
          }
          for (const [rule, v] of Object.entries(e.reasonVerdicts ?? {})) {
            expect(d.reasons.filter((r) => r.rule === rule).map((r) => r.verdict)).toContain(v);
          }
          for (const code of e.notes ?? []) expect(d.notes.map((n) => n.policy ?? n.code)).toContain(code);
          for (const [id, r] of Object.entries(e.records ?? {})) {
            const got = d.records.find((x) => x.id === id);
            expect(got, `record ${id}`).toBeDefined();
            expect(got!.counted).toBe(r.counted);
            if (r.status) expect(got!.status).toBe(r.status);
          }
          for (const dl of e.deadlines ?? []) {
            expect(d.deadlines.map(({ record, kind, dueOn, state }) => ({ record, kind, dueOn, state }))).toContainEqual(dl);
          }
          for (const [kind, due] of Object.entries(e.obligationDue ?? {})) {
            expect(d.obligations.find((o) => o.kind === kind)?.dueOn).toBe(due);
          }
          // Every non-clear verdict is explained by a reason citing a clause with its quote.
          if (d.verdict !== 'clear') {
            expect(d.reasons.some((r) => r.verdict === d.verdict && r.clauses.length > 0 && r.clauses.every((q) => q.quote.length > 0))).toBe(true);
          }
        });
      }
    });
  }
});
