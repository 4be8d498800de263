import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliPath, repo } from './_support.js';

// The spawn-heavy batch runs (`npm run test:heavy`): 700 subjects × every pack × every action,
// worker threads, the demo's 10,000-subject roster. No assertion depends on how long they take.

beforeAll(async () => {
  await cliPath();
}, 120_000);

const tmp = mkdtempSync(join(tmpdir(), 'gcr-batch-heavy-'));
const roster = readFileSync(join(repo, 'examples', 'roster.jsonl'), 'utf8').split('\n').filter(Boolean);
const MALFORMED = ['', '{"id": "broken", "kind": ', '[1, 2, 3]', JSON.stringify({ id: 'mayor', kind: 'mayor' })];

describe('batch: many packs and actions, worker threads', () => {
  const sample = join(tmp, 'roster-700.jsonl');
  // 700 good lines and bad ones in the middle: several chunks, bad lines inside one.
  writeFileSync(sample, [...roster.slice(0, 350), ...MALFORMED, ...roster.slice(350, 700)].join('\n') + '\n');
  const args = ['batch', sample, '--pack', 'all', '--action', 'all', '--as-of', '2026-11-20', '--year', '2026', '--quiet'];

  it('--workers 2 writes exactly what one thread writes, one line per input line, in order', async () => {
    const one = await cli(args);
    const two = await cli([...args, '--workers', '2']);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    const lines = one.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; decisions?: unknown[] });
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: 704 }, (_, i) => i + 1));
    expect(lines.reduce((n, l) => n + (l.decisions?.length ?? 0), 0)).toBeGreaterThan(700 * 6);
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
    expect(r.stderr).toMatch(/(compiled evaluator|json-rules-engine reference evaluator), 2 threads/);
    expect(r.stderr).toMatch(/Binhai New Area\s+promotion/);
    expect(r.stderr).toMatch(/\s+honour-selection/);
    expect(r.stderr).toMatch(/Yunnan\s+promotion/);
  });

  it('worker threads count on the same schedule files as the main thread', async () => {
    const fixture = join(repo, 'test', 'fixtures', 'holidays-2027.illustrative.json');
    const subject = { id: 'p', kind: 'civil-servant', records: [{ id: 'r1', kind: 'administrative-penalty', decidedOn: '2026-11-02', events: [{ type: 'objection-filed', date: '2026-12-15', channel: 'credit-platform' }] }] };
    const file = join(tmp, 'objections.jsonl');
    writeFileSync(file, Array.from({ length: 600 }, (_, i) => JSON.stringify({ ...subject, id: `p${i}` })).join('\n'));
    const r = await cli(['batch', file, '--pack', 'cn-jl-tonghua', '--action', 'promotion', '--as-of', '2026-12-20', '--schedule', fixture, '--workers', '2', '--quiet']);
    expect(r.code).toBe(0);
    const dues = new Set(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).decisions[0].deadlines.find((d: { kind: string }) => d.kind === 'objection-reply').dueOn));
    expect([...dues]).toEqual(['2027-01-06']);
  });
});

describe('demo with its roster summary', () => {
  it('every expected verdict holds; the roster of 10,000 through two threads', async () => {
    const r = await cli(['demo', '--workers', '2', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/expected verdicts: (\d+) checked, \1 hold/);
    expect(r.stdout).toMatch(/10,000 subjects, [\d,]+ decisions, 0 bad lines/);
  });
});
