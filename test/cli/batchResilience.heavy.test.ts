/**
 * batch under memory pressure and signals (issue 22), spawned: the built CLI in its own process.
 *
 * Memory: with NODE_OPTIONS=--max-old-space-size=200, a line of 6 million `{}` (18 MB) aborted the
 * whole process (SIGABRT, exit 134, no message, lines after 128 lost), with one worker thread or
 * two. Now a line that cannot be decided is answered with an error line — measured before it is
 * parsed (`input_too_large`, `out_of_memory`), or, when deciding it runs its worker thread out of
 * memory, asked again alone and answered `out_of_memory` — every other line is decided, exit 1.
 *
 * Signals: SIGINT/SIGTERM exited 130/143 with nothing on stderr, and into a slow pipe left a cut
 * line. Now the run stops after whole lines, says on stderr the last line written, and
 * `--from-line` resumes it.
 *
 * No assertion depends on how long anything takes; waits are for events, and kills are bounds.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { childEnv, cliPath, repo } from './_support.js';

beforeAll(async () => {
  await cliPath();
}, 120_000);

const tmp = mkdtempSync(join(tmpdir(), 'gcr-batch-resilience-'));
const roster = readFileSync(join(repo, 'examples', 'roster.jsonl'), 'utf8').split('\n').filter(Boolean);
const warned = (id: string) =>
  JSON.stringify({ id, kind: 'civil-servant', records: [{ id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-03-15' }] });

interface Spawned {
  child: ChildProcessWithoutNullStreams;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** The CLI spawned; killed after `bound` ms if it has not ended (a bound on a hang, not a speed test). */
async function start(args: string[], env: Record<string, string> = {}, bound = 300_000): Promise<Spawned> {
  const child = spawn(process.execPath, [await cliPath(), ...args], { cwd: repo, env: childEnv({ GOV_CREDIT_RULES_LOCALE: '', GOV_CREDIT_SCHEDULES: '', ...env }), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  child.stdin.on('error', () => undefined);
  const timer = setTimeout(() => child.kill('SIGKILL'), bound);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

type Line = { line: number; status: string; error?: { code: string } };
const lines = (stdout: string): Line[] => stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Line);

describe('memory: a line that cannot be decided is an error line; the run goes on (NODE_OPTIONS=--max-old-space-size=200)', () => {
  const LOW_HEAP = { NODE_OPTIONS: '--max-old-space-size=200' };
  // The roster: 301 lines, line 151 an 18 MB `meta` array of 6 million `{}`; line 152 has
  // 1.9 million, few enough values for the library, too many for what the heap has left.
  const file = join(tmp, 'oom-roster.jsonl');
  const input: string[] = [];
  for (let i = 1; i <= 302; i++) {
    if (i === 151) input.push(`{"id":"p151","kind":"civil-servant","meta":{"x":[${new Array(6_000_000).fill('{}').join(',')}]}}`);
    else if (i === 152) input.push(`{"id":"p152","kind":"civil-servant","meta":{"x":[${new Array(1_900_000).fill('{}').join(',')}]}}`);
    else input.push(warned(`p${i}`));
  }
  writeFileSync(file, input.join('\n') + '\n');

  for (const workers of ['1', '2']) {
    it(`--workers ${workers}: lines measured before they are parsed (before: SIGABRT, exit 134, 128 of 301 lines)`, async () => {
      const { done } = await start(['batch', file, '--pack', 'cn-national', '--action', 'promotion', '--as-of', '2026-06-01', '--workers', workers, '--max-line-bytes', '64M', '--format', 'json'], LOW_HEAP);
      const r = await done;
      expect(r.stderr).not.toContain('FATAL');
      expect([r.code, r.signal]).toEqual([1, null]);
      const out = lines(r.stdout);
      expect(out.map((l) => l.line)).toEqual(Array.from({ length: 302 }, (_, i) => i + 1));
      expect(out[150]!.error!.code).toBe('input_too_large');
      expect(out[151]!.error!.code).toBe('out_of_memory');
      expect(out.filter((l) => l.status === 'ok')).toHaveLength(300);
    });
  }

  it('without a larger --max-line-bytes the 18 MB line is over the 16 MiB default: line_too_long', async () => {
    const { done } = await start(['batch', file, '--pack', 'cn-national', '--action', 'promotion', '--as-of', '2026-06-01', '--quiet'], LOW_HEAP);
    const r = await done;
    expect(r.code).toBe(1);
    expect(lines(r.stdout)[150]!.error!.code).toBe('line_too_long');
  });

  // A valid subject with 10,000 records asked every pack × every action with full decisions: more
  // than 200 MB while deciding it. Its worker thread is stopped; the line is asked again alone and
  // answered out_of_memory; the lines around it are decided.
  const heavy = join(tmp, 'heavy-subject.jsonl');
  const records = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-03-15' }));
  writeFileSync(heavy, [...Array.from({ length: 5 }, (_, i) => warned(`a${i}`)), JSON.stringify({ id: 'heavy', kind: 'civil-servant', records }), ...Array.from({ length: 5 }, (_, i) => warned(`b${i}`))].join('\n') + '\n');

  for (const workers of ['1', '2']) {
    it(`--workers ${workers}: a line whose deciding runs its worker thread out of memory (before: exit 134 with one thread, exit 3 and no line with two)`, async () => {
      const { done } = await start(['batch', heavy, '--pack', 'all', '--action', 'all', '--as-of', '2026-06-01', '--year', '2026', '--workers', workers, '--quiet'], LOW_HEAP);
      const r = await done;
      expect(r.stderr).not.toContain('FATAL');
      expect([r.code, r.signal]).toEqual([1, null]);
      const out = lines(r.stdout);
      expect(out.map((l) => [l.line, l.status, l.error?.code])).toEqual(
        Array.from({ length: 11 }, (_, i) => (i === 5 ? [6, 'error', 'out_of_memory'] : [i + 1, 'ok', undefined])),
      );
    });
  }
});

describe('signals: stop after whole lines, say where, resume with --from-line', () => {
  const file = join(tmp, 'roster-2x.jsonl');
  writeFileSync(file, [...roster, ...roster].join('\n') + '\n');
  // Verdicts only: lines of a few hundred bytes, a pipe buffer holds a few hundred of them.
  const args = ['batch', file, '--pack', 'all', '--action', 'all', '--as-of', '2026-11-20', '--year', '2026', '--decisions', 'none', '--format', 'json'];

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} into a pipe that is not being read: exit ${code}, whole lines, the last one named on stderr`, async () => {
      const { child, done } = await start(args);
      // Output has started (the handlers are in place); then the reader stops and the pipe fills.
      await new Promise<void>((res) => child.stdout.once('data', () => res()));
      child.stdout.pause();
      await new Promise((res) => setTimeout(res, 1000));
      child.kill(signal);
      child.stdout.resume();
      const r = await done;
      expect([r.code, r.signal]).toEqual([code, null]);
      expect(r.stdout.endsWith('\n')).toBe(true);
      const out = lines(r.stdout);
      const last = out.at(-1)!.line;
      expect(out.map((l) => l.line)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
      const said = JSON.parse(r.stderr.trimEnd().split('\n').at(-1)!) as { error: { code: string; signal: string; lastLine: number; resumeFrom: number; exitCode: number } };
      expect(said.error).toMatchObject({ code: 'interrupted', signal, lastLine: last, resumeFrom: last + 1, exitCode: code });
      expect(last).toBeLessThan(roster.length * 2);

      if (signal === 'SIGINT') {
        // Resumed from the next line, the two runs write every line once, as one run does.
        const rest = await (await start([...args, '--from-line', String(last + 1), '--quiet'])).done;
        expect(rest.code).toBe(0);
        const more = lines(rest.stdout);
        expect(more[0]!.line).toBe(last + 1);
        expect(more.at(-1)!.line).toBe(roster.length * 2);
        expect(more).toHaveLength(roster.length * 2 - last);
      }
    });
  }

  it('SIGINT while waiting for stdin: exit 130, the lines written so far named', async () => {
    const { child, done } = await start(['batch', '-', '--pack', 'cn-national', '--action', 'promotion', '--as-of', '2026-06-01', '--format', 'json']);
    // One chunk (64 lines) is decided and written; stdin stays open.
    child.stdin.write(Array.from({ length: 64 }, (_, i) => warned(`s${i}`)).join('\n') + '\n');
    await new Promise<void>((res) => child.stdout.once('data', () => res()));
    await new Promise((res) => setTimeout(res, 500));
    child.kill('SIGINT');
    const r = await done;
    expect([r.code, r.signal]).toEqual([130, null]);
    expect(lines(r.stdout)).toHaveLength(64);
    expect(JSON.parse(r.stderr.trimEnd().split('\n').at(-1)!).error).toMatchObject({ code: 'interrupted', lastLine: 64, resumeFrom: 65 });
  });
});
