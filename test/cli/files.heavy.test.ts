/**
 * Files the CLI reads (issue 22), the rest of files.test.ts's spawned cases: configuration files (--schedule, GOV_CREDIT_SCHEDULES, --load,
 * --policy @file, pack show and diff files) are regular files of at most 16 MiB; a FIFO, a device
 * (/dev/zero) or a socket is refused before anything is read (`file_not_regular`, exit 2), a
 * larger file by its size (`file_too_large`). Input (`evaluate <file|->`, `batch <file|->`) may also
 * come from a pipe, and a document is capped the same way (exit 1). Before, a FIFO hung `deadline`
 * and /dev/zero grew to gigabytes: those cases run in a child process killed after a generous bound
 * (here GOV_CREDIT_SCHEDULES; --schedule, --load, --policy @file, pack show, evaluate and batch in
 * files.heavy.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawned, type Run } from './_support.js';

const dir = mkdtempSync(join(tmpdir(), 'gcr-files-'));
const fifo = join(dir, 'fifo');
execFileSync('mkfifo', [fifo]);
/** /dev/zero under a name `pack show` reads as a file. */
const zeroJson = join(dir, 'zero.json');
symlinkSync('/dev/zero', zeroJson);

const errorOf = (r: Run) => (JSON.parse(r.stderr.trim().split('\n').at(-1)!) as { error: { code: string; exitCode: number; file?: string } }).error;

const deadline = ['deadline', '--from', '2026-09-28', '--working-days', '15', '--format', 'json'];

describe('configuration files: regular files only', () => {
  it('--schedule, --load, --policy @file, pack show and serve --token-file naming a FIFO or /dev/zero', async () => {
    for (const args of [
      [...deadline, '--schedule', fifo],
      ['packs', '--load', '/dev/zero', '--format', 'json'],
      ['evaluate', 'examples/query.json', '--policy', `@${fifo}`, '--format', 'json'],
      ['pack', 'show', zeroJson, '--format', 'json'],
      ['serve', '--token-file', fifo, '--format', 'json'],
    ]) {
      const r = await spawned(args);
      expect(r.killed, args.join(' ')).toBe(false);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(errorOf(r).code, args.join(' ')).toBe('file_not_regular');
    }
  }, 240_000);

});

describe('input: a regular file or a pipe', () => {
  it('evaluate and batch: /dev/zero refused at once; a FIFO with a writer read', async () => {
    for (const args of [['evaluate', '/dev/zero', '--format', 'json'], ['batch', '/dev/zero', '--pack', 'cn-gd', '--action', 'promotion', '--as-of', '2026-06-01', '--format', 'json']]) {
      const r = await spawned(args);
      expect(r.killed).toBe(false);
      expect([r.code, errorOf(r).code]).toEqual([2, 'file_not_regular']);
    }
    // A FIFO with a writer (as `evaluate <(…)` gives a pipe): read whole.
    const query = JSON.stringify({ pack: 'cn-gd', subject: { id: 'p1', kind: 'civil-servant' }, action: 'promotion', asOf: '2026-06-01' });
    const input = join(dir, 'input-fifo');
    execFileSync('mkfifo', [input]);
    const pending = spawned(['evaluate', input, '--format', 'json']);
    await writeFile(input, query);
    const r = await pending;
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).verdict).toBe('clear');
  }, 120_000);
});
