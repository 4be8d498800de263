/**
 * The service's parts in-process: the Fastify application through `inject` (shutting down, the
 * concurrency slot, the log's personal data switch), the NDJSON line splitter, the token check, the
 * loopback test, the JSON body parser and the status of every error code. What only a real process
 * shows (ports, signals, sockets, timeouts) is in endpoints.heavy.test.ts and serve.heavy.test.ts.
 */
import fastify, { LogController } from 'fastify';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decider } from '../../../src/cli/_internal/evaluator.js';
import { CLI_ERROR_CODES, CliError } from '../../../src/cli/_internal/exit.js';
import { runCalendar } from '../../../src/cli/_internal/schedules.js';
import { isLoopback, SERVE_DEFAULTS } from '../../../src/cli/commands/serve.js';
import { buildService, parseJsonBody, tokenChecker, type ServiceSettings } from '../../../src/cli/serve/app.js';
import { LIBRARY_ERROR_STATUS, SERVICE_ERROR_CODES, statusOf } from '../../../src/cli/serve/errors.js';
import { boundedLines } from '../../../src/cli/serve/screenStream.js';
import { Spool, spooled } from '../../../src/cli/serve/spool.js';
import { existsSync } from 'node:fs';
import { run } from '../_support.js';

function settings(over: Partial<ServiceSettings> = {}): ServiceSettings {
  return { ...SERVE_DEFAULTS, token: null, log: 'requests', logPersonalData: false, version: 'test', openapi: '{}', ...over };
}

function service(over: Partial<ServiceSettings> = {}, lines: string[] = []) {
  const stream = { write: (l: string) => lines.push(l) };
  const Logging = class extends LogController {};
  const f = (opts: Record<string, unknown>) => fastify({ ...opts, logger: { ...(opts.logger as object), stream } } as never);
  return buildService({ factory: f as never, LogController: Logging as never }, settings(over), { defaults: { policy: null, unknownYears: null }, decider: decider(), calendar: runCalendar(), hostCalendar: null });
}

const query = { pack: 'cn-tj-binhai', subject: { id: 'p-1024', kind: 'civil-servant', records: [{ id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-08-10' }] }, action: 'promotion', asOf: '2026-11-20' };

describe('the application (inject)', () => {
  it('once shutting down: not ready, and every request but health is a 503 with Retry-After', async () => {
    const svc = service();
    expect((await svc.app.inject({ url: '/readyz' })).statusCode).toBe(200);
    svc.beginShutdown();
    const ready = await svc.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.code).toBe('shutting_down');
    const a = await svc.app.inject({ method: 'POST', url: '/v1/evaluate', payload: query });
    expect(a.statusCode).toBe(503);
    expect(a.headers['retry-after']).toBe('1');
    expect(a.json().error).toMatchObject({ code: 'shutting_down', status: 503, name: 'HttpError' });
    expect((await svc.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    await svc.app.close();
  });

  it('a slot is taken per request and given back when it is answered', async () => {
    const svc = service({ maxConcurrent: 1 });
    for (let i = 0; i < 5; i++) expect((await svc.app.inject({ method: 'POST', url: '/v1/evaluate', payload: query })).statusCode).toBe(200);
    expect(svc.inFlight()).toBe(0);
    await svc.app.close();
  });

  it('personal data reaches the log only with --log-personal-data; --log errors and none', async () => {
    for (const [over, has, count] of [
      [{}, false, 1],
      [{ logPersonalData: true }, true, 1],
      [{ log: 'errors' as const }, false, 0],
      [{ log: 'none' as const }, false, 0],
    ] as const) {
      const lines: string[] = [];
      const svc = service(over, lines);
      await svc.app.inject({ method: 'POST', url: '/v1/evaluate', payload: query, remoteAddress: '10.1.2.3' });
      await svc.app.close();
      const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
      expect(requests).toHaveLength(count);
      const text = JSON.stringify(requests);
      expect(text.includes('p-1024'), JSON.stringify(over)).toBe(has);
      expect(text.includes('10.1.2.3')).toBe(has);
    }
    const lines: string[] = [];
    const svc = service({ log: 'errors' }, lines);
    await svc.app.inject({ method: 'POST', url: '/v1/evaluate', payload: { ...query, pack: 'nope' } });
    await svc.app.close();
    expect(lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request')).toMatchObject([{ status: 404, error: 'unknown_pack' }]);
  });

  it('a request not answered within --request-timeout is a 503 timeout (the body was in) with Retry-After', async () => {
    const svc = service({ requestTimeout: 50 });
    svc.app.get('/slow', { handlerTimeout: 50 }, async () => {
      await new Promise((r) => setTimeout(r, 300));
      return {};
    });
    const a = await svc.app.inject({ url: '/slow' });
    await svc.app.close();
    expect(a.statusCode).toBe(503);
    expect(a.headers['retry-after']).toBe('1');
    expect(a.json().error).toMatchObject({ code: 'timeout', status: 503 });
  });

  it('an internal error is a 500 without its message or stack; the log has them', async () => {
    const lines: string[] = [];
    const svc = service({}, lines);
    svc.app.get('/boom', async () => {
      throw new Error('secret detail');
    });
    const a = await svc.app.inject({ url: '/boom' });
    await svc.app.close();
    expect(a.statusCode).toBe(500);
    expect(a.json().error).toMatchObject({ code: 'internal', status: 500 });
    expect(a.body).not.toContain('secret detail');
    expect(lines.join('\n')).toContain('secret detail');
  });
});

describe('NDJSON lines, bounded', () => {
  const split = async (chunks: (string | Buffer)[], max = 10) => {
    const out: unknown[] = [];
    for await (const l of boundedLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), max)) out.push(l);
    return out;
  };
  it('splits on LF across chunks; one CR before LF dropped; a last line without LF is a line; a final LF adds none', async () => {
    expect(await split(['ab', 'c\nde\r', '\n\nf'])).toEqual(['abc', 'de', '', 'f']);
    expect(await split(['a\n'])).toEqual(['a']);
    expect(await split([])).toEqual([]);
  });
  it('a line over the limit is skipped to its end and reported by its length, never held', async () => {
    expect(await split(['0123456789', 'abc\nok\n', 'x'.repeat(25)])).toEqual([{ tooLong: 13 }, 'ok', { tooLong: 25 }]);
    expect(await split(['0123456789\n'])).toEqual(['0123456789']);
  });
  it('invalid UTF-8 is reported with its byte, not replaced', async () => {
    expect(await split([Buffer.from([0x61, 0xff, 0x0a])])).toEqual([{ invalidUtf8: { byte: 1 } }]);
  });
});

describe('the spool: memory, then a temporary file, then the socket', () => {
  const chunks = (n: number, size: number) => Array.from({ length: n }, (_, i) => Buffer.alloc(size, 65 + (i % 26)));

  it('gives back every byte in order, through memory and the file; the file is removed', async () => {
    const spool = new Spool(1000, 20_000);
    const input = chunks(50, 300);
    const writing = (async () => {
      for (const c of input) await spool.push(c);
      spool.end();
    })();
    // Nothing is read until everything is pushed: 15,000 bytes, 1,000 in memory and the rest in the file.
    await writing;
    expect(spool.peakDiskBytes).toBe(14_100);
    const out: Buffer[] = [];
    for await (const c of spool) out.push(c);
    expect(Buffer.concat(out).equals(Buffer.concat(input))).toBe(true);
    expect(spool.tempDir).toMatch(/gov-credit-rules-roster-/);
    expect(existsSync(spool.tempDir!)).toBe(false);
  });

  it('waits when memory and file are full, and goes on as the reader takes', async () => {
    const spool = new Spool(1000, 2000);
    let pushed = 0;
    const writing = (async () => {
      for (const c of chunks(40, 250)) {
        await spool.push(c);
        pushed++;
      }
      spool.end();
    })();
    await new Promise((r) => setTimeout(r, 100));
    expect(pushed).toBeLessThanOrEqual(12);
    let bytes = 0;
    for await (const c of spool) bytes += c.length;
    await writing;
    expect([pushed, bytes]).toEqual([40, 10_000]);
  });

  it('a reader that keeps up never touches the disk; a failed source fails the reader', async () => {
    const spool = spooled(Readable.from(chunks(100, 500)), 1000, 1_000_000);
    let bytes = 0;
    for await (const c of spool) bytes += c.length;
    expect(bytes).toBe(50_000);
    expect(spool.peakDiskBytes).toBeLessThan(50_000);
    const broken = spooled(
      (async function* () {
        yield Buffer.from('a');
        throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
      })(),
      1000,
      1000,
    );
    await expect(async () => {
      for await (const _ of broken) void _;
    }).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});

describe('small parts', () => {
  it('the token check: the bearer scheme, the exact token', () => {
    const ok = tokenChecker('0123456789abcdef');
    expect(ok('Bearer 0123456789abcdef')).toBe(true);
    expect(ok('bearer 0123456789abcdef ')).toBe(true);
    for (const h of [undefined, '', 'Bearer', 'Bearer 0123456789abcde', 'Bearer 0123456789abcdef0', 'Basic 0123456789abcdef', '0123456789abcdef', 'Bearer 0123456789abcdef x']) expect(ok(h), String(h)).toBe(false);
  });

  it('loopback: 127.0.0.0/8, ::1, localhost; nothing else', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.1', 'example.org', '128.0.0.1', '::ffff:10.0.0.1']) expect(isLoopback(h), h).toBe(false);
  });

  it('a JSON body: UTF-8 with an optional BOM; empty, invalid UTF-8 and bad JSON are typed errors', () => {
    expect(parseJsonBody(Buffer.from('\ufeff{"a":1}'))).toEqual({ a: 1 });
    const code = (b: Buffer) => {
      try {
        parseJsonBody(b);
        return 'parsed';
      } catch (e) {
        return (e as CliError).code;
      }
    };
    expect(code(Buffer.alloc(0))).toBe('invalid_json');
    expect(code(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]))).toBe('invalid_utf8');
    expect(code(Buffer.from('{"a":'))).toBe('invalid_json');
    expect(code(Buffer.from('{"__proto__":{"x":1}}'))).toBe('parsed');
  });

  it('every error code has its status: the service\'s own, the library\'s 404 and 422, the rest 400', () => {
    for (const [code, { status }] of Object.entries(SERVICE_ERROR_CODES)) expect(statusOf(new CliError({ code, text: { 'zh-CN': '', en: '' } }))).toBe(status);
    expect(LIBRARY_ERROR_STATUS).toEqual({ unknown_pack: 404, confidential_record: 422, calendar_coverage: 422 });
    for (const code of Object.keys(CLI_ERROR_CODES).filter((c) => c !== 'internal')) expect(statusOf(new CliError({ code, text: { 'zh-CN': '', en: '' } })), code).toBe(400);
    expect(statusOf(new Error('x'))).toBe(500);
  });

  it('serve\'s start-up refusals, in-process (nothing is bound): a bad port, a short token, a token two ways, no token beyond loopback', async () => {
    expect((await run(['serve', '--port', '70000'])).code).toBe(2);
    expect((await run(['serve', '--port', 'x', '--locale', 'en'])).stderr).toMatch(/--port must be an integer/);
    const short = await run(['serve', '--format', 'json'], { env: { GOV_CREDIT_RULES_TOKEN: 'abc' } });
    expect([short.code, JSON.parse(short.stderr).error.code]).toEqual([2, 'invalid_option']);
    const twice = await run(['serve', '--token-file', 'package.json', '--locale', 'en'], { env: { GOV_CREDIT_RULES_TOKEN: '0123456789abcdef0' } });
    expect(twice.stderr).toMatch(/one way/);
    const open = await run(['serve', '--host', '0.0.0.0', '--locale', 'en']);
    expect(open.code).toBe(2);
    expect(open.stderr).toMatch(/needs a token/);
    const file = await run(['serve', '--token-file', 'no-such-token-file', '--format', 'json']);
    expect(JSON.parse(file.stderr).error).toMatchObject({ code: 'file_not_found', exitCode: 2 });
    expect((await run(['serve', '--stream-timeout', '5', '--headers-timeout', '10'])).code).toBe(2);
    expect((await run(['serve', '--log', 'loud'])).code).toBe(2);
  });
});
