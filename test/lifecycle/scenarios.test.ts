import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { untyped, derivedRecords, evaluate, recordState, timeline, type Action } from '../../src/index.js';

/** Scenario files walk one subject's records through their life; checks are data. */
interface Scenario {
  name: string;
  pack: string;
  subject: { id: string; records?: { id: string }[] } & Record<string, unknown>;
  checks: Check[];
}
type Check = { note?: string } & (
  | { asOf: string; record: string; state: Record<string, unknown> }
  | { asOf: string; action: Action; assessmentYear?: number; policy?: Record<string, unknown>; decision: DecisionExpect }
  | { timeline: { from: string; to: string; action: Action; assessmentYear?: number }; changes: { on: string; verdict: string; cause?: string }[] }
  | { asOf: string; derived: { subject: string[]; persons: Record<string, string[]> } }
);
interface DecisionExpect {
  verdict?: string;
  reasons?: string[];
  clearFrom?: string | null;
  notes?: string[];
  deadlines?: { record: string; kind: string; dueOn: string; state: string }[];
  records?: Record<string, { counted: boolean; status: string }>;
}

const at = (obj: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o === null || o === undefined ? undefined : (o as Record<string, unknown>)[k]), obj);

const dir = join(import.meta.dirname, 'scenarios');
const scenarios = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Scenario] as const);

describe('lifecycle scenarios', () => {
  it('has the four scenarios of the issue', () => expect(scenarios.length).toBeGreaterThanOrEqual(4));
  for (const [file, s] of scenarios) {
    describe(`${file}: ${s.name}`, () => {
      s.checks.forEach((c, i) => {
        const label = `#${i} ${'timeline' in c ? `timeline ${c.timeline.action}` : `${c.asOf} ${'record' in c ? `record ${c.record}` : 'action' in c ? c.action : 'derived'}`}${c.note ? ` — ${c.note}` : ''}`;
        it(label, async () => {
          if ('state' in c) {
            const record = s.subject.records!.find((r) => r.id === c.record);
            const st = recordState(untyped(record), c.asOf, { pack: s.pack });
            for (const [path, want] of Object.entries(c.state)) expect(at(st, path), path).toEqual(want);
          } else if ('decision' in c) {
            const d = await evaluate(untyped({ pack: s.pack, subject: s.subject, action: c.action, asOf: c.asOf, assessmentYear: c.assessmentYear, policy: c.policy }));
            const e = c.decision;
            if (e.verdict) expect(d.verdict).toBe(e.verdict);
            if (e.reasons) expect(d.reasons.map((r) => r.rule).sort()).toEqual([...e.reasons].sort());
            if (e.clearFrom !== undefined) expect(d.clearFrom).toBe(e.clearFrom);
            for (const n of e.notes ?? []) expect(d.notes.map((x) => x.policy ?? x.code)).toContain(n);
            for (const dl of e.deadlines ?? []) expect(d.deadlines.map(({ record, kind, dueOn, state }) => ({ record, kind, dueOn, state }))).toContainEqual(dl);
            for (const [id, r] of Object.entries(e.records ?? {})) expect(d.records.find((x) => x.id === id)).toMatchObject(r);
          } else if ('timeline' in c) {
            const changes = await timeline(untyped(s.subject), { ...c.timeline, pack: s.pack });
            expect(changes.map((x) => ({ on: x.on, verdict: x.verdict }))).toEqual(c.changes.map(({ on, verdict }) => ({ on, verdict })));
            c.changes.forEach((want, j) => {
              if (want.cause) expect(changes[j]!.causes.map((x) => x.kind)).toContain(want.cause);
            });
          } else {
            const got = derivedRecords(untyped(s.subject), { asOf: c.asOf, pack: s.pack });
            expect(got.subject.map((r) => r.id)).toEqual(c.derived.subject);
            expect(Object.fromEntries(Object.entries(got.persons).map(([k, v]) => [k, v.map((r) => r.id)]))).toEqual(c.derived.persons);
          }
        });
      });
    });
  }

  it('a person named on the missed rectification carries the derived record into their own decisions (GD-7 个人)', async () => {
    const [, s] = scenarios.find(([f]) => f.startsWith('guangdong'))!;
    const { persons } = derivedRecords(untyped(s.subject), { asOf: '2026-09-01', pack: 'cn-gd' });
    const person = { id: 'zhang-san', kind: 'civil-servant', creditFile: { ref: 'CF-9' }, records: persons['zhang-san'] };
    const d = await evaluate(untyped({ pack: 'cn-gd', subject: person, action: 'awards', asOf: '2026-09-02' }));
    expect(d.verdict).toBe('review');
    expect(d.reasons.map((r) => r.rule)).toEqual(['gd-4-awards-review']);
  });
});
