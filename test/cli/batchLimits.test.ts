/**
 * batch: a line that cannot be decided is answered with an error line and the run goes on (issue 22).
 * A line over --max-line-bytes (default 16 MiB) is skipped unread (`line_too_long`; before: one
 * 240 MB line ran past 500 s at 7 GB); a long line is measured before JSON.parse builds it
 * (`input_too_large`); a line whose deciding throws something that is not the input's fault is an
 * internal error line (exit 3 once the run is done, not a stop); --from-line resumes a run.
 * The out-of-memory and signal cases are spawned in batchResilience.heavy.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { emptyResult, joinResults, lostLine, oversizedLine, processChunk, type ChunkTask } from '../../src/cli/_internal/batchCore.js';
import { decider, type Decider } from '../../src/cli/_internal/evaluator.js';
import { splitLines } from '../../src/cli/_internal/input.js';
import { chunkTask } from './_batchLines.js';
import { run } from './_support.js';

const FLAGS = ['--pack', 'cn-jl-tonghua', '--action', 'promotion', '--as-of', '2026-11-20'];
const person = (id: string, extra: Record<string, unknown> = {}) => JSON.stringify({ id, kind: 'civil-servant', ...extra });
type Line = { line: number; status: string; error?: { code: string; message: { en: string } } };
const parse = (stdout: string): Line[] => stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Line);

describe('--max-line-bytes', () => {
  it('a line over the limit is an error line naming its size; the lines around it are decided; exit 1', async () => {
    const long = person('long', { meta: { pad: 'x'.repeat(3000) } });
    const input = [person('a'), long, person('b'), `${long}\r`, person('c'), long].join('\n');
    const r = await run(['batch', '-', ...FLAGS, '--max-line-bytes', '2K', '--format', 'json'], { input });
    expect(r.code).toBe(1);
    const out = parse(r.stdout);
    expect(out.map((l) => [l.line, l.status])).toEqual([[1, 'ok'], [2, 'error'], [3, 'ok'], [4, 'error'], [5, 'ok'], [6, 'error']]);
    expect(out[1]!.error).toMatchObject({ code: 'line_too_long' });
    expect(out[1]!.error!.message.en).toContain(`${Buffer.byteLength(long).toLocaleString('en-US')} bytes`);
    expect(out[1]!.error!.message.en).toContain('2,048 bytes per line');
  });

  it('the default limit is 16 MiB: a 20 MB line is skipped unread, the next line decided', async () => {
    const huge = `{"id":"huge","kind":"civil-servant","meta":{"x":[${'{},'.repeat(7_000_000)}{}]}}`;
    const r = await run(['batch', '-', ...FLAGS, '--quiet'], { input: `${huge}\n${person('after')}\n` });
    expect(r.code).toBe(1);
    const out = parse(r.stdout);
    expect(out.map((l) => [l.line, l.status, l.error?.code])).toEqual([[1, 'error', 'line_too_long'], [2, 'ok', undefined]]);
  });

  it('option values: bytes with K, M or G; anything else is a usage error (exit 2)', async () => {
    for (const ok of ['1K', '64M', '1048576', '512M', '1KiB']) expect((await run(['batch', '-', ...FLAGS, '--max-line-bytes', ok, '--quiet'], { input: person('a') })).code, ok).toBe(0);
    for (const bad of ['0', '12', 'lots', '-5M', '1G', '600M']) expect((await run(['batch', '-', ...FLAGS, '--max-line-bytes', bad])).code, bad).toBe(2);
  });

  it('splitLines keeps no more than the limit of a line in memory, whatever the chunking', async () => {
    const chunks = ['ab', 'cdefgh', 'ij\nk', 'l\r\n', 'x'.repeat(50), '\nlast-too-long-line'];
    const lines: unknown[] = [];
    for await (const batch of splitLines((async function* () {
      for (const c of chunks) yield Buffer.from(c);
    })(), 8)) lines.push(...batch);
    expect(lines).toEqual([{ tooLong: { bytes: 10, limit: 8 } }, 'kl', { tooLong: { bytes: 50, limit: 8 } }, { tooLong: { bytes: 18, limit: 8 } }]);
  });
});

describe('a long line is measured before it is parsed', () => {
  it('more values than the library accepts: input_too_large, without JSON.parse', () => {
    const line = `{"id":"p","kind":"civil-servant","meta":{"x":[${'[],'.repeat(2_100_000)}[]]}}`;
    const parse = JSON.parse;
    JSON.parse = () => {
      throw new Error('parsed');
    };
    try {
      expect(oversizedLine(line)?.code).toBe('input_too_large');
    } finally {
      JSON.parse = parse;
    }
  });

  it('commas and brackets inside strings are not values; short lines are not measured', () => {
    expect(oversizedLine(person('p', { meta: { text: ',[{'.repeat(100_000) } }))).toBeNull();
    expect(oversizedLine(person('p', { meta: { text: 'a\\",[{'.repeat(30_000) } }))).toBeNull();
    expect(oversizedLine('[' + '1,'.repeat(1000) + '1]')).toBeNull();
  });
});

describe('a line that cannot be decided does not stop the run', () => {
  it('a decider that throws something other than a library error: that line is an internal error line, the others decided', async () => {
    const real = decider();
    let calls = 0;
    const flaky: Decider = {
      kind: real.kind,
      decide: (q) => {
        if (++calls === 2) throw new TypeError('a bug');
        return real.decide(q);
      },
    };
    const lines = ['a', 'b', 'c'].map((id) => JSON.stringify({ pack: 'cn-gd', action: 'promotion', asOf: '2026-06-01', subject: { id, kind: 'civil-servant' } }));
    const r = await processChunk(chunkTask(lines, {}), flaky);
    expect(r.out.map((l) => JSON.parse(l).status)).toEqual(['ok', 'error', 'ok']);
    expect(r.bad[0]!.error).toMatchObject({ name: 'InternalError', code: 'internal' });
    expect(r.internal).toBe(1);
  });

  it('a line whose worker thread ran out of memory: out_of_memory; joined with the chunk’s other lines in order; --strict stops there', () => {
    const task: ChunkTask = chunkTask(['x'], {}, { first: 7 });
    const oom = lostLine(task, Object.assign(new Error('Worker terminated due to reaching memory limit'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }));
    expect(oom.bad[0]).toMatchObject({ line: 7, error: { code: 'out_of_memory' } });
    expect(oom.internal).toBe(0);
    const crash = lostLine(task, new Error('exited'));
    expect([crash.bad[0]!.error.code, crash.internal]).toEqual(['internal', 1]);
    const ok = { ...emptyResult(), lines: 1, out: ['{"line":6,"status":"ok"}'] };
    const joined = joinResults([ok, oom, { ...ok, out: ['{"line":8,"status":"ok"}'] }], false);
    expect(new TextDecoder().decode(joined.bytes!).trimEnd().split('\n').map((l) => JSON.parse(l).line)).toEqual([6, 7, 8]);
    expect(joined.lines).toBe(3);
    const strict = joinResults([ok, lostLine({ ...task, strict: true }, new Error('x')), ok], true);
    expect([strict.lines, strict.stopped]).toEqual([2, true]);
  });
});

describe('--from-line', () => {
  it('skips the lines before it and keeps the line numbers (a run resumed after a signal)', async () => {
    const input = ['a', 'b', 'c', 'd', 'e'].map((id) => person(id)).join('\n');
    const r = await run(['batch', '-', ...FLAGS, '--from-line', '4', '--format', 'json'], { input });
    expect(r.code).toBe(0);
    expect(parse(r.stdout).map((l) => l.line)).toEqual([4, 5]);
    expect(JSON.parse(r.stderr.trim()).summary).toMatchObject({ lines: 2, lastLine: 5 });
    expect((await run(['batch', '-', ...FLAGS, '--from-line', '0'])).code).toBe(2);
  });
});
