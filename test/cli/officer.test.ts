/**
 * The CLI in an officer's words (issue 23), each point spawned as a user runs it (the variations
 * in-process, the same code): the 「最早解除」 column, the
 * disciplinary period's citation, Chinese punctuation and labels, JSON syntax errors in Chinese,
 * stderr within 100 columns, exit 2 for a command-line mistake, one convention for end days.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { disciplinaryPeriod } from '../../src/index.js';
import { width } from '../../src/cli/_internal/text.js';
import { cli, run } from './_support.js';

const tmp = mkdtempSync(join(tmpdir(), 'gcr-officer-'));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

/** A 记过 revoked by its deciding body, and a 警告 that runs 2026-03-15 … 2026-09-15. */
const revoked = file(
  'revoked.json',
  JSON.stringify({
    pack: 'cn-tj-binhai',
    action: 'promotion',
    asOf: '2026-06-01',
    subject: {
      id: 'p1',
      kind: 'civil-servant',
      records: [
        { id: 'r1', kind: 'disciplinary-sanction', sanction: 'demerit', occurredOn: '2026-01-10', decidedOn: '2026-02-01', events: [{ type: 'sanction-revoked', date: '2026-04-01', by: '市监委' }] },
        { id: 'r2', kind: 'disciplinary-sanction', sanction: 'warning', occurredOn: '2026-01-10', decidedOn: '2026-03-15' },
      ],
    },
  }),
);

/** ASCII punctuation next to a Chinese character, or an English id doubled as in 「警告 (warning)」. */
const ASCII_NEXT_TO_CJK = /[\u3400-\u9fff\uff00-\uffef] ?[,;:()]|[,;:()] ?[\u3400-\u9fff]/;

describe('evaluate: the 最早解除 column', () => {
  it('is empty for clear rows and a date or 无 for the others, as the decisions say (11-objection-pending, Tonghua and national)', async () => {
    const args = ['evaluate', 'examples/subjects/11-objection-pending.json', '--pack', 'cn-jl-tonghua,cn-national', '--action', 'all'];
    const [table, json] = await Promise.all([cli(args), run([...args, '--format', 'json'])]);
    expect(table.code).toBe(0);
    const decisions = JSON.parse(json.stdout) as { verdict: string; clearFrom: string | null; asOf: string }[];
    const rows = table.stdout.split('\n').slice(2, 2 + decisions.length);
    expect(rows).toHaveLength(16);
    decisions.forEach((d, i) => {
      const row = rows[i]!.trimEnd();
      if (d.verdict === 'clear') {
        expect(row, row).toMatch(/无限制$/);
        expect(row).not.toContain(d.asOf);
      } else expect(row.endsWith(`  ${d.clearFrom ?? '无'}`), row).toBe(true);
    });
    // Both kinds occur: restricted under Tonghua (a pending objection: nothing known ends it), clear nationally.
    expect(decisions.some((d) => d.verdict !== 'clear' && d.clearFrom === null)).toBe(true);
    expect(decisions.some((d) => d.verdict === 'clear')).toBe(true);
  });

  it('a single clear decision has no 最早解除日期 row; a barred one has its date', async () => {
    const clear = await run(['evaluate', 'examples/subjects/01-clean-civil-servant.json', '--pack', 'cn-gd', '--action', 'promotion']);
    expect(clear.stdout).toContain('无限制');
    expect(clear.stdout).not.toContain('最早解除日期');
    const barred = await run(['evaluate', revoked]);
    expect(barred.stdout).toMatch(/最早解除日期\s+2026-09-16/);
  });
});

describe('deadline --sanction', () => {
  it('cites what disciplinaryPeriod() cites for the same question, in Chinese punctuation, without the English id', async () => {
    const lib = disciplinaryPeriod('warning', '2026-03-15');
    const [zh, en, json] = await Promise.all([
      run(['deadline', '--sanction', 'warning', '--effective-on', '2026-03-15']),
      run(['deadline', '--sanction', 'warning', '--effective-on', '2026-03-15', '--locale', 'en']),
      run(['deadline', '--sanction', 'warning', '--effective-on', '2026-03-15', '--format', 'json']),
    ]);
    expect(JSON.parse(json.stdout).disciplinaryPeriod).toEqual(lib);
    expect(lib.basis.clause).toBe('PSL-8');
    expect(zh.stdout).toMatch(/依据\s+PSL-8 公职人员政务处分法（2020） 第八条/);
    expect(en.stdout).toMatch(/Basis\s+PSL-8 /);
    expect(zh.stdout).toMatch(/处分\s+警告，6 个月/);
    expect(zh.stdout).not.toContain('(warning)');
    expect(en.stdout).toMatch(/Sanction\s+warning, 6 months/);
    expect(en.stdout).not.toContain('warning (warning)');
    expect(zh.stdout).toMatch(/处分期最后一日\s+2026-09-15/);
    expect(zh.stdout).toMatch(/限制解除日\s+2026-09-16/);
    for (const line of zh.stdout.split('\n')) expect(line, line).not.toMatch(ASCII_NEXT_TO_CJK);
  });
});

describe('Chinese tables: labels, punctuation, one convention for end days', () => {
  it('a revoked sanction reads 处分已撤销; a record in effect runs 2026-03-15 至 2026-09-15, the deadline table\'s last day', async () => {
    const r = await run(['evaluate', revoked]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/r1\s+纪律处分\s+否\s+处分已撤销/);
    expect(r.stdout).toMatch(/r2\s+纪律处分\s+是\s+有效\s+2026-03-15 至 2026-09-15/);
    expect(r.stdout).toMatch(/处分期\s+r2\s+2026-03-15\s+2026-09-15\s+进行中/);
    // No English id where a label exists: statuses, kinds, events.
    const tables = r.stdout.slice(0, r.stdout.indexOf('说明'));
    expect(tables).not.toMatch(/sanction-revoked|in-effect|disciplinary-sanction|\brunning\b/);
    for (const line of tables.split('\n')) expect(line, line).not.toMatch(ASCII_NEXT_TO_CJK);
    const en = await run(['evaluate', revoked, '--locale', 'en']);
    expect(en.stdout).toMatch(/r1\s+disciplinary sanction\s+no\s+sanction revoked/);
    expect(en.stdout).toMatch(/2026-03-15 to 2026-09-15/);
  });
});

describe('errors', () => {
  it('bad JSON: where and what, in Chinese, without the engine\'s English message', async () => {
    const bad = file('bad.json', '{\n  "pack": "cn-gd",\n  "subject": {"id": "p1",}\n}\n');
    const [zh, en] = await Promise.all([cli(['evaluate', bad]), run(['evaluate', bad, '--locale', 'en'])]);
    expect(zh.code).toBe(1);
    expect(zh.stderr.replace(/\s+/g, '')).toContain('不是有效的JSON：第3行第26列：应为带双引号的字段名，此处是"}"');
    expect(zh.stderr).not.toMatch(/Unexpected|Expected|position|JSON input|property name/);
    expect(en.stderr.replace(/\s+/g, ' ')).toContain('is not valid JSON: line 3, column 26: expected a field name in double quotes, found "}"');
  });

  it('evaluate without --pack or --action is a command-line mistake: exit 2, as --help says', async () => {
    const [text, json] = await Promise.all([
      run(['evaluate', 'examples/subjects/11-objection-pending.json']),
      run(['evaluate', 'examples/subjects/11-objection-pending.json', '--pack', 'cn-gd', '--format', 'json']),
    ]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('缺少选项 --pack、--action');
    expect(json.code).toBe(2);
    const { error } = JSON.parse(json.stderr) as { error: { code: string; exitCode: number; issues: { path: string[] }[] } };
    expect(error).toMatchObject({ code: 'invalid_option', exitCode: 2 });
    expect(error.issues.map((i) => i.path)).toEqual([['--action']]);
  });

  it('no stderr line is wider than 100 columns, in either language', async () => {
    const roster = file('roster.jsonl', ['{"id":"p1","kind":"civil-servant"', JSON.stringify({ id: 'p2', kind: 'civil-servant', records: [{ id: 'r', kind: 'x' }] }), 'not json'].join('\n'));
    const runs: string[][] = [
      ['batch', roster, '--pack', 'cn-gd', '--action', 'promotion', '--as-of', '2026-01-01'],
      ['evaluate', 'examples/subjects/11-objection-pending.json'],
      ['evaluate', 'examples/subjects/11-objection-pending.json', '--pack', 'cn-tj-binhia', '--action', 'all'],
      ['evaluate', revoked, '--as-of', '2027-06-01', '--policy', '{"pendingObjection":"x","foo":1}'],
      ['deadline', '--objection-received', '2026-12-20', '--pack', 'cn-jl-tonghua'],
      ['deadline'],
    ];
    // The batch's bad-line reports and summary (where a line was 101 columns) spawned; the rest in-process, the same code.
    const results = await Promise.all(runs.flatMap((args, i) => (i === 0 ? [cli(args), cli([...args, '--locale', 'en'])] : [run(args), run([...args, '--locale', 'en'])])));
    for (const r of results) {
      expect(r.code).not.toBe(0);
      expect(r.stderr.length).toBeGreaterThan(0);
      for (const line of r.stderr.split('\n')) expect(width(line), line).toBeLessThanOrEqual(100);
    }
  });
});
