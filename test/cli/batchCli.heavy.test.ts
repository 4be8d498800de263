import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { childEnv, cliPath, noStack, repo, run } from './_support.js';

beforeAll(async () => {
  await cliPath();
}, 120_000);

const tmp = mkdtempSync(join(tmpdir(), 'gcr-batch-'));
const roster = readFileSync(join(repo, 'examples', 'roster.jsonl'), 'utf8').split('\n').filter(Boolean);
const FLAGS = ['--pack', 'cn-jl-tonghua', '--action', 'promotion', '--as-of', '2026-11-20'];

/**
 * A roster with every kind of bad line, between good ones. Line numbers (1-based):
 *  1 good · 2 blank · 3 not JSON · 4 an array · 5 a bad date · 6 confidential (TH-6) · 7 an unknown kind
 *  8 a query line with its own pack and action · 9 a query naming an unknown pack · 10 a department:
 *  promotion does not apply (skipped, said so) · 11 good · 12 an event log out of order
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

type Line = { line: number; status: string; decisions?: { subject: { id: string }; pack: { id: string }; action: string; verdict: string }[]; skipped?: { action: string; reason: string }[]; error?: any };
const parse = (stdout: string): Line[] => stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Line);
const shape = (o: Line) =>
  o.status === 'ok' ? o.decisions!.map((d) => `${o.line}:${d.subject.id}:${d.pack.id}:${d.verdict}`).join(',') : `${o.line}:${o.status}${o.skipped ? `:${o.skipped.map((s) => `${s.action}/${s.reason}`).join(',')}` : ''}`;

describe('batch: one output line per input line, with its line number', () => {
  it('decides every good line, says why others were not, never stops, exit 1', async () => {
    const r = await run(['batch', malformedFile, ...FLAGS]);
    expect(r.code).toBe(1);
    const out = parse(r.stdout);
    expect(out.map((o) => o.line)).toEqual(MALFORMED.map((_, i) => i + 1));
    expect(out.map(shape)).toEqual([
      '1:ok-1:cn-jl-tonghua:restricted',
      '2:blank',
      '3:error',
      '4:error',
      '5:error',
      '6:error',
      '7:error',
      '8:q-1:cn-yn:clear',
      '9:error',
      '10:skipped:promotion/not-applicable',
      '11:ok-2:cn-jl-tonghua:clear',
      '12:error',
    ]);
    const errors = Object.fromEntries(out.filter((o) => o.error).map((o) => [o.line, o.error]));
    expect(errors[3].code).toBe('invalid_json');
    expect(errors[5].issues[0].path).toEqual(['records', 0, 'decidedOn']);
    expect(errors[6].name).toBe('ConfidentialRecordError');
    expect(errors[7].issues[0].path).toEqual(['kind']);
    expect(errors[9].name).toBe('UnknownPackError');
    expect(errors[9].code).toBe('unknown_pack');
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

  it('the same in English; a misspelled pack in a line gets a suggestion', async () => {
    const r = await run(['batch', malformedFile, ...FLAGS, '--locale', 'en']);
    expect(r.code).toBe(1);
    for (const n of BAD) expect(r.stderr).toContain(`line ${n}: `);
    expect(r.stderr).toContain('line 6: refused: confidential or prohibited information (TH-6)');
    expect(r.stderr).toContain('7 bad lines, 1 blank');
    expect(r.stderr).toMatch(/Tonghua\s+promotion\s+0\s+1\s+0\s+1\s+2/);
    const typos = [
      { pack: 'cn-tj-binhia', action: 'promotion', asOf: '2026-11-20', subject: { id: 'a', kind: 'civil-servant' } },
      { pack: 'cn-tj-binhai', action: 'promotoin', asOf: '2026-11-20', subject: { id: 'a', kind: 'civil-servant' } },
      { pakc: 'cn-tj-binhai', action: 'promotion', asOf: '2026-11-20', subject: { id: 'a', kind: 'civil-servant' } },
    ];
    const typo = await run(['batch', '-', '--quiet', '--locale', 'en'], { input: typos.map((q) => JSON.stringify(q)).join('\n') });
    const suggested = parse(typo.stdout).map((o) => o.error.issues.map((i: { path: string[]; suggestion?: string }) => `${i.path.join('.')}→${i.suggestion}`));
    expect(suggested).toEqual([['pack→cn-tj-binhai'], ['action→promotion'], ['pack→undefined', '→pack']]);
    expect(typo.stderr.replace(/\s+/g, ' ')).toContain('did you mean "promotion"?');
  });

  it('--strict stops at the first bad line: the lines before it, its error record, exit 1', async () => {
    const r = await run(['batch', malformedFile, ...FLAGS, '--strict', '--locale', 'en']);
    expect(r.code).toBe(1);
    const out = parse(r.stdout);
    expect(out.map((o) => `${o.line}:${o.status}`)).toEqual(['1:ok', '2:blank', '3:error']);
    expect(out[2]!.error.code).toBe('invalid_json');
    expect(r.stderr).toContain('stopped at the first bad line');
    expect(r.stderr).not.toContain('line 4:');
  });

  it('--quiet drops the summary, not the bad lines', async () => {
    const r = await run(['batch', malformedFile, ...FLAGS, '--quiet', '--locale', 'en']);
    expect(r.stderr).toContain('line 3:');
    expect(r.stderr).not.toContain('bad lines');
  });

  it('several packs and actions: one line with every decision, and the actions skipped (no --year)', async () => {
    const r = await run(['batch', '-', '--pack', 'cn-yn,cn-gd', '--action', 'all', '--as-of', '2026-11-20', '--quiet'], { input: MALFORMED[0] + '\n' + MALFORMED[9] + '\n' });
    const [person, dep] = parse(r.stdout);
    expect(person!.decisions!.map((d) => `${d.pack.id}/${d.action}`)).toEqual(
      ['promotion', 'salary-step', 'appointment', 'awards', 'honour-selection', 'recruitment'].flatMap((a) => [`cn-yn/${a}`]).concat(['promotion', 'salary-step', 'appointment', 'awards', 'honour-selection', 'recruitment'].map((a) => `cn-gd/${a}`)),
    );
    expect(person!.skipped).toEqual([
      { action: 'excellent-rating', reason: 'no-assessment-year' },
      { action: 'annual-rating', reason: 'no-assessment-year' },
    ]);
    expect(dep!.decisions!.map((d) => d.action)).toEqual(['honour-selection', 'honour-selection']);
    expect(dep!.skipped).toBeUndefined();
  });
});

describe('batch: lines are what the bytes say', () => {
  it('a bare CR inside a JSON line is whitespace, not a line end; CRLF ends a line', async () => {
    const input = `{"id":"a",\r"kind":"civil-servant"}\r\n{"id":"b","kind":\r"civil-servant"}\n{"id":"c","kind":"civil-servant"}`;
    const r = await run(['batch', '-', ...FLAGS, '--quiet'], { input });
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(out.map((o) => `${o.line}:${o.decisions?.[0]?.subject.id}`)).toEqual(['1:a', '2:b', '3:c']);
  });

  it('invalid UTF-8 is a bad line naming the byte, never decoded as U+FFFD', async () => {
    const good = Buffer.from(JSON.stringify({ id: '张三', kind: 'civil-servant' }));
    const bad = Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xe5, 0xbc]), Buffer.from('","kind":"civil-servant"}')]);
    const r = await run(['batch', '-', ...FLAGS, '--locale', 'en'], { input: Buffer.concat([good, Buffer.from('\n'), bad, Buffer.from('\n'), good]) });
    expect(r.code).toBe(1);
    const out = parse(r.stdout);
    expect(out.map((o) => `${o.line}:${o.status}`)).toEqual(['1:ok', '2:error', '3:ok']);
    expect(out[1]!.error.code).toBe('invalid_utf8');
    expect(out[1]!.error.message.en).toBe('not valid UTF-8 from byte 8');
    expect(r.stdout).not.toContain('\ufffd');
    expect(r.stderr).toContain('line 2: invalid input: not valid UTF-8 from byte 8');
  });

  it('a last line without LF is a line; a file ending in LF has no extra line', async () => {
    const r = await run(['batch', '-', ...FLAGS, '--quiet'], { input: `${MALFORMED[0]}\n${MALFORMED[10]}` });
    expect(parse(r.stdout).map((o) => o.line)).toEqual([1, 2]);
    const s = await run(['batch', '-', ...FLAGS, '--quiet'], { input: `${MALFORMED[0]}\n\n` });
    expect(parse(s.stdout).map((o) => `${o.line}:${o.status}`)).toEqual(['1:ok', '2:blank']);
  });

  it('several chunks (600 lines, one thread): every line once, in order', async () => {
    const lines = [...roster.slice(0, 300), ...MALFORMED, ...roster.slice(300, 600)];
    const r = await run(['batch', '-', ...FLAGS, '--quiet'], { input: lines.join('\n') + '\n' });
    expect(r.code).toBe(1);
    const out = parse(r.stdout);
    expect(out.map((o) => o.line)).toEqual(lines.map((_, i) => i + 1));
    expect(out.filter((o) => o.status === 'error').map((o) => o.line)).toEqual(BAD.map((n) => n + 300));
  });
});

describe('batch: exit codes and option errors', () => {
  it('a clean roster is exit 0, decisions only on stdout, the summary only on stderr', async () => {
    const input = roster.slice(0, 50).join('\n') + '\n';
    const r = await run(['batch', '-', '--pack', 'cn-tj-binhai', '--action', 'excellent-rating', '--as-of', '2026-11-20', '--year', '2026', '--locale', 'en'], { input });
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(out).toHaveLength(50);
    for (const o of out) expect(o.status === 'skipped' || o.decisions![0]!.action === 'excellent-rating').toBe(true);
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
      const r = await run([...args, '--locale', 'en']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(noStack(r.stderr)).toBe(true);
    }
  });

  it('lines without pack, action or date and no flags are bad lines, not a crash', async () => {
    const r = await run(['batch', '-', '--locale', 'en', '--quiet'], { input: '{"id":"a","kind":"civil-servant"}\n' });
    expect(r.code).toBe(1);
    const e = JSON.parse(r.stdout).error;
    expect(e.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(['action', 'asOf', 'pack']);
  });

  it('--format json: bad lines and the summary on stderr are JSON objects, one per line', async () => {
    const r = await run(['batch', malformedFile, ...FLAGS, '--format', 'json']);
    expect(r.code).toBe(1);
    const events = r.stderr.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(events.filter((e) => e.error).map((e) => e.line)).toEqual(BAD);
    const summary = events.at(-1).summary;
    expect(summary).toMatchObject({ lines: 12, badLines: 7, blank: 1, skipped: { notApplicable: 1 } });
    expect(summary.counts).toEqual([{ pack: 'cn-jl-tonghua', action: 'promotion', counts: { barred: 0, restricted: 1, review: 0, clear: 1 } }, { pack: 'cn-yn', action: 'awards', counts: { barred: 0, restricted: 0, review: 0, clear: 1 } }]);
  });
});

/** Spawns the CLI and hands the child to `drive`, which decides when to close which pipe. */
function spawnCli(args: string[], drive: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return cliPath().then(
    (path) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [path, ...args], { cwd: repo, env: childEnv({ GOV_CREDIT_RULES_LOCALE: 'en' }), stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
        child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
        child.stdout!.on('error', () => {});
        child.stderr!.on('error', () => {});
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        drive(child);
      }),
  );
}

describe('batch: readers that go away (spawned)', () => {
  const big = join(tmp, 'roster-2000.jsonl');
  writeFileSync(big, [...roster.slice(0, 1000), ...MALFORMED, ...roster.slice(1000, 2000)].join('\n') + '\n');
  const args = ['batch', big, '--pack', 'cn-jl-tonghua', '--action', 'promotion,awards', '--as-of', '2026-11-20'];

  it('stderr closed: the run finishes, stdout has every line, exit as usual (1: bad lines)', async () => {
    const r = await spawnCli(args, (child) => child.stderr!.destroy());
    expect(r.code).toBe(1);
    const out = parse(r.stdout);
    expect(out).toHaveLength(2012);
    expect(out.map((o) => o.line)).toEqual(Array.from({ length: 2012 }, (_, i) => i + 1));
  });

  it('stdout closed: the run stops cleanly with exit 4 and says so on stderr, no crash', async () => {
    const r = await spawnCli(args, (child) => child.stdout!.once('data', () => child.stdout!.destroy()));
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/batch stopped at input line [\d,]+: stdout was closed by its reader, so the output is incomplete/);
    expect(noStack(r.stderr)).toBe(true);
    expect(r.stderr).not.toContain('EPIPE');
  });

  it('any command: a closed stdout is exit 4, not 0', async () => {
    const r = await spawnCli(['pack', 'show', 'cn-national'], (child) => child.stdout!.destroy());
    expect(r.code).toBe(4);
  });
});
