import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadExamples, expectationQuery } from '../../src/cli/_internal/examples.js';
import { expandQueries } from '../../src/cli/_internal/queries.js';
import { untyped, createEvaluator, evaluate, getPack } from '../../src/index.js';
import { repo } from './_support.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const load = (name: string) => JSON.parse(readFileSync(join(repo, 'schemas', `${name}.schema.json`), 'utf8'));
const validate = Object.fromEntries(['subject', 'query', 'decision', 'pack'].map((n) => [n, ajv.compile(load(n))]));
const errs = (name: string) => ajv.errorsText(validate[name]!.errors, { separator: '\n' });

describe('JSON Schema files', () => {
  it('are draft 2020-12, with a title', () => {
    for (const n of ['subject', 'query', 'decision', 'pack']) {
      const s = load(n);
      expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(s.title).toContain(n === 'subject' ? 'Subject' : n === 'query' ? 'Query' : n === 'decision' ? 'Decision' : 'Pack');
    }
  });

  it('accept every line of the example roster (Subject)', () => {
    const lines = readFileSync(join(repo, 'examples', 'roster.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBe(10_000);
    const bad: string[] = [];
    lines.forEach((l, i) => {
      if (!validate.subject!(JSON.parse(l))) bad.push(`line ${i + 1}: ${errs('subject')}`);
    });
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('accept every hand-written example subject, and the queries and decisions made from them', async () => {
    for (const ex of loadExamples(join(repo, 'examples', 'subjects'))) {
      expect(validate.subject!(ex.subject), `${ex.file}: ${errs('subject')}`).toBe(true);
      for (const e of ex.expect) {
        const q = expectationQuery(ex, e);
        expect(validate.query!(q), `${ex.file}: ${errs('query')}`).toBe(true);
        const d = JSON.parse(JSON.stringify(await evaluate(untyped(q))));
        expect(validate.decision!(d), `${ex.file} ${e.pack} ${e.action}: ${errs('decision')}`).toBe(true);
      }
    }
  });

  it('accept a query generated from a roster line the way `batch` builds it, and examples/query.json', () => {
    const line = readFileSync(join(repo, 'examples', 'roster.jsonl'), 'utf8').split('\n').find((l) => l.includes('"records"') && l.includes('"civil-servant"'))!;
    const { queries } = expandQueries(JSON.parse(line), { packs: ['cn-tj-binhai', 'cn-yn'], actions: 'all', asOf: '2026-11-20', year: 2026, policy: { pendingObjection: 'suspends' }, unknownYears: null });
    expect(queries.length).toBeGreaterThan(2);
    for (const q of queries) expect(validate.query!(q), errs('query')).toBe(true);
    expect(validate.query!(JSON.parse(readFileSync(join(repo, 'examples', 'query.json'), 'utf8'))), errs('query')).toBe(true);
  });

  it('accept the decisions of the compiled evaluator over roster lines', () => {
    const lines = readFileSync(join(repo, 'examples', 'roster.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 200);
    const ev = createEvaluator('cn-gd');
    for (const l of lines) {
      const subject = JSON.parse(l);
      const action = subject.kind === 'government' || subject.kind === 'department' ? 'honour-selection' : 'awards';
      const d = JSON.parse(JSON.stringify(ev.evaluate({ subject, action, asOf: '2026-11-20' })));
      expect(validate.decision!(d), errs('decision')).toBe(true);
    }
  });

  it('accept every shipped pack (Pack), and a pack given inline in a query', () => {
    for (const f of readdirSync(join(repo, 'rules')).filter((x) => x.endsWith('.json'))) {
      const pack = JSON.parse(readFileSync(join(repo, 'rules', f), 'utf8'));
      expect(validate.pack!(pack), `${f}: ${errs('pack')}`).toBe(true);
    }
    const inline = { pack: JSON.parse(JSON.stringify(getPack('cn-yn'))), subject: { id: 'a', kind: 'civil-servant' }, action: 'promotion', asOf: '2026-11-20' };
    expect(validate.query!(inline), errs('query')).toBe(true);
  });

  it('refuse what the library refuses: impossible dates, a sanction record without its sanction, unknown fields, bad conditions', () => {
    const subject = (records: unknown[]) => ({ id: 'a', kind: 'civil-servant', records });
    expect(validate.subject!(subject([{ id: 'r', kind: 'accountability', decidedOn: '2026-02-30' }]))).toBe(false);
    expect(validate.subject!(subject([{ id: 'r', kind: 'accountability', decidedOn: '26-02-03' }]))).toBe(false);
    expect(validate.subject!(subject([{ id: 'r', kind: 'disciplinary-sanction', decidedOn: '2026-02-03' }]))).toBe(false);
    expect(validate.subject!(subject([{ id: 'r', kind: 'accountability', sanction: 'warning', decidedOn: '2026-02-03' }]))).toBe(false);
    expect(validate.subject!(subject([{ id: 'r', kind: 'accountability', decidedOn: '2026-02-03', colour: 'red' }]))).toBe(false);
    expect(validate.subject!({ id: 'a\u0001', kind: 'civil-servant' })).toBe(false);
    expect(validate.subject!({ id: 'a', kind: 'civil-servant', meta: JSON.parse('{"__proto__": 1}') })).toBe(false);
    expect(validate.query!({ pack: 'cn-yn', subject: { id: 'a', kind: 'civil-servant' }, action: 'fly', asOf: '2026-11-20' })).toBe(false);
    const pack = JSON.parse(readFileSync(join(repo, 'rules', 'cn-yn.json'), 'utf8'));
    pack.rules[0].conditions = { all: [{ fact: 'record', path: 'kind', operator: 'regex', value: '.*' }] };
    expect(validate.pack!(pack)).toBe(false);
    pack.rules[0].conditions = { all: [{ fact: 'process', path: 'env', operator: 'equal', value: 1 }] };
    expect(validate.pack!(pack)).toBe(false);
  });
});
