/**
 * Files the CLI reads (issue 22): configuration files (--schedule, GOV_CREDIT_SCHEDULES, --load,
 * --policy @file, pack show and diff files) are regular files of at most 16 MiB; a FIFO, a device
 * (/dev/zero) or a socket is refused before anything is read (`file_not_regular`, exit 2), a
 * larger file by its size (`file_too_large`). Input (`evaluate <file|->`, `batch <file|->`) may also
 * come from a pipe, and a document is capped the same way (exit 1). Before, a FIFO hung `deadline`
 * and /dev/zero grew to gigabytes: those cases run in a child process killed after a generous bound
 * (here GOV_CREDIT_SCHEDULES; --schedule, --load, --policy @file, pack show, evaluate and batch in
 * files.heavy.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, spawned, type Run } from './_support.js';

const dir = mkdtempSync(join(tmpdir(), 'gcr-files-'));
const fifo = join(dir, 'fifo');
execFileSync('mkfifo', [fifo]);

const errorOf = (r: Run) => (JSON.parse(r.stderr.trim().split('\n').at(-1)!) as { error: { code: string; exitCode: number; file?: string } }).error;

describe('configuration files: regular files only, capped', () => {
  const deadline = ['deadline', '--from', '2026-09-28', '--working-days', '15', '--format', 'json'];

  it('GOV_CREDIT_SCHEDULES naming a FIFO or /dev/zero: refused at once (before: a FIFO hung, /dev/zero grew to 5 GB)', async () => {
    for (const bad of [fifo, '/dev/zero']) {
      const r = await spawned(deadline, { env: { GOV_CREDIT_SCHEDULES: bad } });
      expect(r.killed, bad).toBe(false);
      expect(r.code, `${bad}: ${r.stderr}`).toBe(2);
      expect(errorOf(r).code, bad).toBe(bad === dir ? 'file_unreadable' : 'file_not_regular');
    }
  }, 120_000);

  it('a folder is not a file (in-process: it never hung)', async () => {
    const folder = await run([...deadline, '--schedule', dir]);
    expect([folder.code, errorOf(folder).code]).toEqual([2, 'file_unreadable']);
  });

  it('a configuration file over 16 MiB: file_too_large, exit 2, naming it', async () => {
    const big = join(dir, 'big-policy.json');
    writeFileSync(big, `{"pendingObjection":"counts"${' '.repeat(16 * 1024 * 1024)}}`);
    const r = await run(['evaluate', 'examples/query.json', '--policy', `@${big}`, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(errorOf(r)).toMatchObject({ code: 'file_too_large', exitCode: 2, file: big });
    const s = await run([...deadline, '--schedule', big]);
    expect([s.code, errorOf(s).code]).toEqual([2, 'file_too_large']);
  });
});

describe('input: a regular file or a pipe, capped', () => {
  it('evaluate: a document over 16 MiB, from a file or stdin, is input refused (exit 1)', async () => {
    const big = join(dir, 'big-query.json');
    writeFileSync(big, `{"pack":"cn-gd"${' '.repeat(16 * 1024 * 1024)}}`);
    const f = await run(['evaluate', big, '--format', 'json']);
    expect([f.code, errorOf(f).code]).toEqual([1, 'file_too_large']);
    const s = await run(['evaluate', '-', '--format', 'json'], { input: `${' '.repeat(16 * 1024 * 1024 + 1)}{}` });
    expect([s.code, errorOf(s).code]).toEqual([1, 'file_too_large']);
  });

});
