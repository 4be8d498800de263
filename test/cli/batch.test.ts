import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliPath, noStack, repo } from './_support.js';

beforeAll(async () => {
  await cliPath();
}, 120_000);

const tmp = mkdtempSync(join(tmpdir(), 'gcr-batch-'));
const roster = readFileSync(join(repo, 'examples', 'roster.jsonl'), 'utf8').split('\n').filter(Boolean);
const FLAGS = ['--pack', 'cn-jl-tonghua', '--action', 'promotion', '--as-of', '2026-11-20'];

/**
 * A roster with every kind of bad line, between good ones. Line numbers (1-based):
 *  1 good · 2 blank · 3 not JSON · 4 an array · 5 a bad date · 6 confidential (TH-6) · 7 an unknown kind
 *  8 a query line with its own pack and action · 9 a query naming an unknown pack · 10 good (a department:
 *  promotion does not apply, skipped and counted) · 11 good · 12 an event log out of order
 */
const MALFORMED = [
  JSON.stringify({ id: 'ok-1', kind: 'civil-servant', records: [{ id: 'r', kind: 'accountability', decidedOn: '2026-03-01' }] }),
  '',
  '{"id": "broken", "kind": ',
  '[1, 2, 3]',
  JSON.stringify({ id: 'bad-date', kind: 'civil-servant', records: [{ id: 'r', kind: 'accountability', decidedOn: '2026-02-30' }] }),
  JSON.stringify({ id: 'secret', kind: 'civil-servant', records: [{ id: 'r', kind: 'accountability', decidedOn: '2026-03-01', confidential: true }] }),
  JSON.stringify({ id: 'mayor', kind: 'mayor' }),
  JSON.stringify({ pack: 'cn-yn', action: 'awards', asOf: '2026-11-20', subject: { id: 'q-1', kind: 'civil-servant' } }),
  JSON.stringify({ pack: 'cn-qq', action: 'awards', asOf: '2026-11-20', subject: { id: 'q-2', kind: 'civil-servant' } }),
  JSON.stringify({ id: 'dep-1', kind: 'department' }),
  JSON.stringify({ id: 'ok-2', kind: 'civil-servant' }),
  JSON.stringify({
    id: 'disorder',
    kind: 'civil-servant',
    records: [{ id: 'r', kind: 'accountability', decidedOn: '2026-03-01', events: [{ type: 'repaired', date: '2026-09-01' }, { type: 'sanction-lifted', date: '2026-05-01' }] }],
  }),
];
const BAD = [3, 4, 5, 6, 7, 9, 12];
const malformedFile = join(tmp, 'malformed.jsonl');
writeFileSync(malformedFile, MALFORMED.join('\n') + '\n');

describe('batch: a roster with malformed lines', () => {
  it('decides every good line, reports every bad one with its number, never stops, exit 1', async () => {
    const r = await cli(['batch', malformedFile, ...FLAGS]);
    expect(r.code).toBe(1);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    // stdout: decisions and error records only, in input order.
    const shape = out.map((o) => (o.error ? `bad:${o.line}` : `${o.subject.id}:${o.pack.id}:${o.verdict}`));
    expect(shape).toEqual([
      'ok-1:cn-jl-tonghua:restricted',
      'bad:3',
      'bad:4',
      'bad:5',
      'bad:6',
      'bad:7',
      'q-1:cn-yn:clear',
      'bad:9',
      'ok-2:cn-jl-tonghua:clear',
      'bad:12',
    ]);
    const errors = Object.fromEntries(out.filter((o) => o.error).map((o) => [o.line, o.error]));
    expect(errors[3].code).toBe('invalid_json');
    expect(errors[5].issues[0].path).toEqual(['records', 0, 'decidedOn']);
    expect(errors[6].name).toBe('ConfidentialRecordError');
    expect(errors[7].issues[0].path).toEqual(['kind']);
    expect(errors[9].name).toBe('UnknownPackError');
    expect(errors[12].name).toBe('InvalidEventLogError');
    // stderr: each bad line by number (Chinese by default), then the summary.
    for (const n of BAD) expect(r.stderr).toContain(`第 ${n} 行`);
    expect(r.stderr).toContain('无效行 7');
    expect(r.stderr).toContain('空行 1');
    expect(r.stderr).toContain('跳过：1（事项不适用于该主体种类）');
    expect(r.stderr).toContain('无效行：3-7, 9, 12');
    expect(noStack(r.stderr)).toBe(true);
    // Not a terminal: no progress bar.
    expect(r.stderr).not.toContain('\r');
  });

  it('the same in English', async () => {
    const r = await cli(['batch', malformedFile, ...FLAGS, '--locale', 'en']);
    expect(r.code).toBe(1);
    for (const n of BAD) expect(r.stderr).toContain(`line ${n}: `);
    expect(r.stderr).toContain('line 6: refused: confidential or prohibited information (TH-6)');
    expect(r.stderr).toContain('7 bad lines, 1 blank');
    expect(r.stderr).toMatch(/cn-jl-tonghua\s+promotion\s+0\s+1\s+0\s+1\s+2/);
  });

  it('--strict stops at the first bad line: what came before it, its error record, exit 1', async () => {
    const r = await cli(['batch', malformedFile, ...FLAGS, '--strict', '--locale', 'en']);
    expect(r.code).toBe(1);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(2);
    expect(out[0].subject.id).toBe('ok-1');
    expect(out[1]).toMatchObject({ line: 3, error: { code: 'invalid_json' } });
    expect(r.stderr).toContain('stopped at the first bad line');
    expect(r.stderr).not.toContain('line 4:');
  });

  it('--quiet drops the summary, not the bad lines', async () => {
    const r = await cli(['batch', malformedFile, ...FLAGS, '--quiet', '--locale', 'en']);
    expect(r.stderr).toContain('line 3:');
    expect(r.stderr).not.toContain('bad lines');
  });

  it('reads stdin with -', async () => {
    const r = await cli(['batch', '-', ...FLAGS, '--quiet'], { input: MALFORMED.join('\n') });
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(10);
  });
});

describe('batch: exit codes and option errors', () => {
  it('a clean roster is exit 0, decisions only on stdout, the summary only on stderr', async () => {
    const input = roster.slice(0, 50).join('\n') + '\n';
    const r = await cli(['batch', '-', '--pack', 'cn-tj-binhai', '--action', 'excellent-rating', '--as-of', '2026-11-20', '--year', '2026', '--locale', 'en'], { input });
    expect(r.code).toBe(0);
    for (const l of r.stdout.trimEnd().split('\n')) expect(JSON.parse(l).action).toBe('excellent-rating');
    expect(r.stderr).toContain('batch -: 50 lines');
    expect(r.stderr).not.toContain('{');
  });

  it('could not run: missing file, unknown pack, unknown action, bad --workers: exit 2, nothing on stdout', async () => {
    for (const args of [
      ['batch', 'nope.jsonl', ...FLAGS],
      ['batch', malformedFile, '--pack', 'cn-qq', '--action', 'promotion', '--as-of', '2026-11-20'],
      ['batch', malformedFile, '--pack', 'cn-yn', '--action', 'fly', '--as-of', '2026-11-20'],
      ['batch', malformedFile, ...FLAGS, '--workers', '0'],
      ['batch', malformedFile, ...FLAGS, '--as-of', '20261120'],
      ['batch'],
    ]) {
      const r = await cli([...args, '--locale', 'en']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(noStack(r.stderr)).toBe(true);
    }
  });

  it('lines without pack, action or date and no flags are bad lines, not a crash', async () => {
    const r = await cli(['batch', '-', '--locale', 'en', '--quiet'], { input: '{"id":"a","kind":"civil-servant"}\n' });
    expect(r.code).toBe(1);
    const e = JSON.parse(r.stdout).error;
    expect(e.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(['action', 'asOf', 'pack']);
  });
});

describe('batch: many packs and actions, worker threads', () => {
  const sample = join(tmp, 'roster-700.jsonl');
  // 700 good lines and the malformed ones in the middle: several chunks, bad lines inside one.
  writeFileSync(sample, [...roster.slice(0, 350), ...MALFORMED, ...roster.slice(350, 700)].join('\n') + '\n');
  const args = ['batch', sample, '--pack', 'all', '--action', 'all', '--as-of', '2026-11-20', '--year', '2026', '--quiet'];

  it('--workers 2 writes exactly what one thread writes, in the same order', async () => {
    const one = await cli(args);
    const two = await cli([...args, '--workers', '2']);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    const lines = one.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(700 * 6);
  });

  it('without piscina (simulated), --workers warns and runs on one thread', async () => {
    const r = await cli([...args, '--workers', '2', '--locale', 'en'], { env: { GOV_CREDIT_RULES_NO_WORKERS: '1' } });
    expect(r.stderr).toContain('warning: --workers 2: cannot load the worker pool');
    expect(r.stderr).toContain('Running on 1 thread');
    const one = await cli(args);
    expect(r.stdout).toBe(one.stdout);
  });

  it('the summary counts pack × action × verdict, with the evaluator and threads', async () => {
    const r = await cli(['batch', sample, '--pack', 'cn-tj-binhai,cn-yn', '--action', 'promotion,honour-selection', '--as-of', '2026-11-20', '--workers', '2', '--locale', 'en']);
    expect(r.stderr).toMatch(/evaluator (compiled|json-rules-engine), 2 threads/);
    expect(r.stderr).toMatch(/cn-tj-binhai\s+promotion/);
    expect(r.stderr).toMatch(/\s+honour-selection/);
    expect(r.stderr).toMatch(/cn-yn\s+promotion/);
  });
});
