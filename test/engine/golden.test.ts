import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluate, getPack, listPacks, untyped, type Decision } from '../../src/index.js';
import { LAW_POINTS, pointOf } from './_support/lawPoints.js';

/**
 * Golden cases: data a policy expert can read.
 *
 * - `test/cases/<pack>/<rule>.json` names one rule and the clauses it encodes, with cases that
 *   fire, do not fire, and sit on an edge (every rule of every shipped pack has one).
 * - `test/cases/law/<point>-….json` names a `topic` instead of a rule: a point of the law-semantics
 *   issues (10, 11, 12, 16; see `test/cases/_points.ts`). Each case's name starts with its point
 *   ("10.1.1 …"), and every point has a firing, a non-firing and a boundary case.
 *
 * A case runs `evaluate(query)`, or, with `host: { policy }`, a `createEvaluator(pack, { policy })`
 * (host options: their notes say `source: 'host'`). What it may expect is `Expect` below; a case
 * expecting `error` expects the query to be refused with that typed error.
 */
interface Expect {
  verdict?: string;
  reasons?: string[];
  absentReasons?: string[];
  clearFrom?: string | null;
  obligations?: string[];
  priority?: string[];
  incentives?: string[];
  mitigation?: { record: string; status: string; applied?: string | null; includes?: string[]; excludes?: string[] }[];
  reasonVerdicts?: Record<string, string>;
  /** Note codes (or the option a note is about, e.g. `combinedSanctionPeriods`) the decision carries. */
  notes?: string[];
  /** Note codes (or option names) it must not carry. */
  absentNotes?: string[];
  /** Policy notes with the source of their value: `library-default`, `pack`, `host` or `query`. */
  policyNotes?: Record<string, string>;
  /** A note (by code or option name) whose zh-CN or en text includes every string; `records` if given are its records. */
  noteText?: { note: string; includes: string[]; records?: string[] }[];
  records?: Record<string, { counted: boolean; status?: string }>;
  /** `basis`: the clause the deadline cites, where the case checks it. */
  deadlines?: { record: string; kind: string; dueOn: string; state: string; latestDueOn?: string; basis?: string }[];
  obligationDue?: Record<string, string>;
  /** Every reason of the rule cites exactly these clauses (as in force on its trigger day). */
  citations?: Record<string, string[]>;
  /** How each clause is marked where a reason cites it: verified, paraphrase or secondary. */
  verification?: Record<string, string>;
  /** Every reason of the rule is (true) or is not (false) uncertain (a combined period yet to be fixed, 政务处分法 15). */
  uncertain?: Record<string, boolean>;
  /** The query is refused: the error's class, and one issue with this code at this path (dotted). */
  error?: { class: string; code: string; path: string; includes?: string[] };
}
interface GoldenCase {
  name: string;
  kind: 'fires' | 'does-not-fire' | 'edge';
  query: Record<string, unknown>;
  host?: { policy: Record<string, unknown> };
  expect: Expect;
}
interface GoldenFile {
  pack?: string;
  rule?: string;
  topic?: string;
  title?: string;
  clauses?: string[];
  cases: GoldenCase[];
}

const root = join(import.meta.dirname, '..', 'cases');
const files: { path: string; data: GoldenFile }[] = [];
for (const dir of readdirSync(root, { withFileTypes: true })) {
  if (!dir.isDirectory()) continue;
  for (const f of readdirSync(join(root, dir.name))) {
    if (!f.endsWith('.json')) continue;
    const path = join(root, dir.name, f);
    files.push({ path: `${dir.name}/${f}`, data: JSON.parse(readFileSync(path, 'utf8')) as GoldenFile });
  }
}
const ruleFiles = files.filter((f) => f.data.rule !== undefined);
const topicFiles = files.filter((f) => f.data.topic !== undefined);

async function run(c: GoldenCase): Promise<{ d: Decision } | { error: unknown }> {
  try {
    if (c.host) {
      const { pack, ...rest } = c.query;
      return { d: createEvaluator(pack as string, { policy: c.host.policy as never }).evaluate(untyped(rest)) };
    }
    return { d: await evaluate(untyped(c.query)) };
  } catch (error) {
    return { error };
  }
}

const text = (m: { 'zh-CN': string; en: string }) => `${m['zh-CN']}\n${m.en}`;
/** A note answers to its code and, for a note about a policy option, to the option's name. */
const noteKeys = (n: Decision['notes'][number]) => (n.policy ? [n.code, n.policy] : [n.code]);

/** The rules whose note the decision carries (a rule whose only outcome is a note, e.g. GD-6's mechanism). */
function notedRules(d: Decision, pack: string | undefined): string[] {
  if (!pack) return [];
  // Only rules whose sole outcome is the note: others show in reasons or obligations (and notes may share a text).
  const rules = getPack(pack).rules.filter((r) => r.note && !r.verdict && !r.obligations?.length && !r.priority && !r.incentive);
  return rules.filter((r) => d.notes.some((n) => n.code === 'rule-note' && n.message.en === r.note!.en)).map((r) => r.id);
}

function check(c: GoldenCase, d: Decision, rule: string | undefined, pack?: string): void {
  const e = c.expect;
  const fired = d.reasons.map((r) => r.rule);
  if (e.verdict !== undefined) expect(d.verdict).toBe(e.verdict);
  for (const r of e.reasons ?? []) expect(fired).toContain(r);
  for (const r of e.absentReasons ?? []) expect(fired).not.toContain(r);
  if (rule && c.kind === 'fires') {
    expect([...fired, ...d.priority.map((p) => p.rule), ...d.incentives.map((p) => p.rule), ...d.obligations.map((o) => o.rule), ...notedRules(d, pack)]).toContain(rule);
  }
  if (rule && c.kind === 'does-not-fire') {
    expect(fired).not.toContain(rule);
    expect(notedRules(d, pack)).not.toContain(rule);
    expect(d.obligations.map((o) => o.rule)).not.toContain(rule);
    expect([...d.priority, ...d.incentives].map((p) => p.rule)).not.toContain(rule);
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
    for (const s of m.includes ?? []) expect(text(got!.message)).toContain(s);
    for (const s of m.excludes ?? []) expect(text(got!.message)).not.toContain(s);
  }
  for (const [r, v] of Object.entries(e.reasonVerdicts ?? {})) {
    expect(d.reasons.filter((x) => x.rule === r).map((x) => x.verdict)).toContain(v);
  }
  const notes = d.notes.flatMap(noteKeys);
  for (const code of e.notes ?? []) expect(notes).toContain(code);
  for (const code of e.absentNotes ?? []) expect(notes).not.toContain(code);
  for (const [key, source] of Object.entries(e.policyNotes ?? {})) {
    const n = d.notes.find((x) => x.code === 'policy' && x.policy === key);
    expect(n, `policy note ${key}`).toBeDefined();
    expect(n!.source, `source of ${key}`).toBe(source);
  }
  for (const t of e.noteText ?? []) {
    const candidates = d.notes.filter((n) => noteKeys(n).includes(t.note));
    expect(candidates.length, `note ${t.note}`).toBeGreaterThan(0);
    const match = candidates.find((n) => t.includes.every((s) => text(n.message).includes(s)) && (!t.records || JSON.stringify(n.records ?? []) === JSON.stringify(t.records)));
    expect(match, `a ${t.note} note with ${JSON.stringify(t.includes)}${t.records ? ` about ${t.records.join(', ')}` : ''}; got:\n${candidates.map((n) => text(n.message)).join('\n')}`).toBeDefined();
  }
  for (const [id, r] of Object.entries(e.records ?? {})) {
    const got = d.records.find((x) => x.id === id);
    expect(got, `record ${id}`).toBeDefined();
    expect(got!.counted).toBe(r.counted);
    if (r.status) expect(got!.status).toBe(r.status);
  }
  for (const dl of e.deadlines ?? []) {
    const got = d.deadlines.map(({ record, kind, dueOn, state, latestDueOn, basis }) => ({
      record,
      kind,
      dueOn,
      state,
      ...(dl.latestDueOn !== undefined ? { latestDueOn } : {}),
      ...(dl.basis !== undefined ? { basis: basis.clause } : {}),
    }));
    expect(got).toContainEqual(dl);
  }
  for (const [kind, due] of Object.entries(e.obligationDue ?? {})) {
    expect(d.obligations.find((o) => o.kind === kind)?.dueOn).toBe(due);
  }
  for (const [r, clauses] of Object.entries(e.citations ?? {})) {
    const reasons = d.reasons.filter((x) => x.rule === r);
    expect(reasons.length, `reasons of ${r}`).toBeGreaterThan(0);
    for (const x of reasons) expect(x.clauses.map((q) => q.clause).sort(), `clauses cited by ${r}`).toEqual([...clauses].sort());
  }
  for (const [clause, mark] of Object.entries(e.verification ?? {})) {
    const cited = d.reasons.flatMap((r) => r.clauses).filter((q) => q.clause === clause);
    expect(cited.length, `a reason citing ${clause}`).toBeGreaterThan(0);
    for (const q of cited) expect(q.verification, `${clause}`).toBe(mark);
  }
  for (const [r, yes] of Object.entries(e.uncertain ?? {})) {
    const reasons = d.reasons.filter((x) => x.rule === r);
    expect(reasons.length, `reasons of ${r}`).toBeGreaterThan(0);
    for (const x of reasons) {
      expect(x.uncertain !== null, `${r} uncertain`).toBe(yes);
      if (yes) expect(x.verdict === 'review' || x.verdict === 'clear', `${r}: an uncertain reason is at most review`).toBe(true);
    }
  }
  // Every non-clear verdict is explained by a reason citing a clause with its quote.
  if (d.verdict !== 'clear') {
    expect(d.reasons.some((r) => r.verdict === d.verdict && r.clauses.length > 0 && r.clauses.every((q) => q.quote.length > 0))).toBe(true);
  }
}

function checkError(c: GoldenCase, error: unknown): void {
  const want = c.expect.error!;
  const err = error as { name?: string; issues?: { path: (string | number)[]; code: string; message: { 'zh-CN': string; en: string } }[] };
  expect(err?.name, `error class (${String(error)})`).toBe(want.class);
  const issues = err.issues ?? [];
  const hit = issues.find((i) => i.code === want.code && i.path.join('.') === want.path);
  expect(hit, `an issue ${want.code} at ${want.path}; got ${JSON.stringify(issues.map((i) => ({ code: i.code, path: i.path.join('.') })))}`).toBeDefined();
  for (const s of want.includes ?? []) expect(text(hit!.message)).toContain(s);
}

function runCase(c: GoldenCase, rule: string | undefined, pack?: string): void {
  it(`${c.kind}: ${c.name}`, async () => {
    const out = await run(c);
    if (c.expect.error) {
      expect('error' in out, 'the query is refused').toBe(true);
      if ('error' in out) checkError(c, out.error);
      return;
    }
    if ('error' in out) throw out.error;
    check(c, out.d, rule, pack);
  });
}

/** A firing case asserts something that is there (not only what is absent); a non-firing case something that is not. */
const ABSENCES: (keyof Expect)[] = ['absentReasons', 'absentNotes'];
const NEGATIVE: (keyof Expect)[] = ['absentReasons', 'absentNotes', 'verdict', 'records', 'uncertain', 'clearFrom', 'mitigation', 'error', 'obligations', 'priority', 'incentives'];
/** Given, and not an empty list of absences (`obligations: []` does assert something: none are owed). */
const given = (e: Expect, k: keyof Expect) => e[k] !== undefined && !(ABSENCES.includes(k) && (e[k] as unknown[]).length === 0);

describe('golden cases', () => {
  it('cover every rule of every shipped pack with a firing, a non-firing and an edge case', () => {
    const missing: string[] = [];
    for (const p of listPacks().filter((x) => x.shipped)) {
      for (const rule of getPack(p.id).rules) {
        const file = ruleFiles.find((f) => f.data.pack === p.id && f.data.rule === rule.id);
        const kinds = new Set(file?.data.cases.map((c) => c.kind));
        if (!file || file.data.cases.length < 3 || !kinds.has('fires') || !kinds.has('does-not-fire') || !kinds.has('edge')) {
          missing.push(`${p.id}/${rule.id}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('cover every point of the law-semantics issues with a firing, a non-firing and a boundary case, named for the point', () => {
    const kinds = new Map<string, Set<string>>();
    const misnamed: string[] = [];
    for (const f of topicFiles) {
      for (const c of f.data.cases) {
        const point = pointOf(c.name);
        if (!point) misnamed.push(`${f.path}: ${c.name}`);
        else kinds.set(point, (kinds.get(point) ?? new Set()).add(c.kind));
      }
    }
    expect(misnamed).toEqual([]);
    const missing = Object.keys(LAW_POINTS).filter((p) => !['fires', 'does-not-fire', 'edge'].every((k) => kinds.get(p)?.has(k)));
    expect(missing).toEqual([]);
  });

  for (const { path, data } of ruleFiles) {
    describe(path, () => {
      it("names a rule of its pack and that rule's clauses", () => {
        const rule = getPack(data.pack!).rules.find((r) => r.id === data.rule);
        expect(rule, `rule ${data.rule} in ${data.pack}`).toBeDefined();
        expect([...(data.clauses ?? [])].sort()).toEqual([...rule!.clauses].sort());
      });
      for (const c of data.cases) runCase(c, data.rule, data.pack);
    });
  }

  for (const { path, data } of topicFiles) {
    describe(`${path} (${data.topic})`, () => {
      it('every case asserts something specific: a firing case a positive expectation, a non-firing case a negative one', () => {
        for (const c of data.cases) {
          const keys = Object.keys(c.expect) as (keyof Expect)[];
          if (c.kind === 'fires') expect(keys.some((k) => !ABSENCES.includes(k) && given(c.expect, k)), c.name).toBe(true);
          if (c.kind === 'does-not-fire') expect(NEGATIVE.some((k) => given(c.expect, k)), c.name).toBe(true);
          expect(Object.keys(c.expect).length, c.name).toBeGreaterThan(0);
        }
      });
      for (const c of data.cases) runCase(c, undefined);
    });
  }
});
