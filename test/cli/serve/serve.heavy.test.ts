/**
 * Fault tests of `gov-credit-rules serve` on loopback, bounded in count and time (npm run test:heavy):
 * slow clients (headers and bodies dribbled, connections that say nothing) are cut off while others
 * are served; SIGTERM under load loses no answer that was given and garbles none; a client that goes
 * away mid-stream and sends the rest again gets every line exactly once; a client that sends its
 * whole roster before it reads gets every line (the roster waits on disk); a client that stops
 * reading stops the service reading once the spool is full (back-pressure), without losing a line. No assertion is about speed:
 * waits are generous bounds, never measurements.
 */
import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideSubject, evaluate, listPacks, screen } from '../../../src/index.js';
import { call, repo, startServer, type Server } from './_serve.js';

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const roster = readFileSync(join(repo, 'examples', 'roster.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A raw connection: what it was sent back, and when it was closed. */
function rawClient(port: number): { socket: Socket; received: () => string; closed: Promise<void> } {
  const socket = connect(port, '127.0.0.1');
  let got = '';
  socket.setEncoding('utf8').on('data', (c: string) => (got += c));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return { socket, received: () => got, closed };
}

/** Waits for `p` at most `ms`: true if it settled. */
async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const r = await Promise.race([p.then(() => true), new Promise<boolean>((res) => (timer = setTimeout(() => res(false), ms)))]);
  clearTimeout(timer);
  return r;
}

describe('slow clients do not hold sockets', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startServer(['--headers-timeout', '2000', '--request-timeout', '2000', '--idle-timeout', '5000']);
  }, 120_000);
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it('slow-loris: 20 connections dribbling headers, 20 dribbling bodies, 10 silent — each answered 408 or closed, while others are served', async () => {
    const clients: { kind: string; c: ReturnType<typeof rawClient>; timer: NodeJS.Timeout }[] = [];
    for (let i = 0; i < 20; i++) {
      const c = rawClient(s.port);
      c.socket.write('POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      // A header byte every 300 ms: the headers never end.
      const timer = setInterval(() => c.socket.writable && c.socket.write('X'), 300);
      clients.push({ kind: 'headers', c, timer });
    }
    for (let i = 0; i < 20; i++) {
      const c = rawClient(s.port);
      c.socket.write('POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{');
      // A body byte every 300 ms: it never arrives whole.
      const timer = setInterval(() => c.socket.writable && c.socket.write(' '), 300);
      clients.push({ kind: 'body', c, timer });
    }
    for (let i = 0; i < 10; i++) clients.push({ kind: 'silent', c: rawClient(s.port), timer: setInterval(() => {}, 1000) });
    // Others are served meanwhile.
    for (let i = 0; i < 20; i++) {
      expect((await call(s.url, 'GET', '/v1/calendar/add-working-days?date=2026-09-28&n=15')).status).toBe(200);
      await sleep(50);
    }
    const all = await within(Promise.all(clients.map((x) => x.c.closed)), 90_000);
    for (const x of clients) clearInterval(x.timer);
    expect(all, 'every slow connection was closed by the server').toBe(true);
    for (const x of clients.filter((y) => y.kind !== 'silent')) {
      const text = x.c.received();
      expect(text, x.kind).toMatch(/^HTTP\/1\.1 408 /);
      expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)).error.code).toBe('request_timeout');
    }
    expect((await call(s.url, 'GET', '/healthz')).status).toBe(200);
  });
});

describe('SIGTERM under load', () => {
  it('every answer given is whole and right; the rest are 503 shutting_down or refused connections; exit 0', async () => {
    const s = await startServer(['--shutdown-timeout', '60000']);
    const packs = listPacks().map((p) => p.id);
    const subjects = roster.slice(0, 200).map((l) => JSON.parse(l));
    const expected = new Map<number, unknown>();
    for (let i = 0; i < subjects.length; i++) expected.set(i, plain(decideSubject(subjects[i], { packs, asOf: '2026-11-20', assessmentYear: 2026 })));
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const outcomes: { status: number | string; ok: boolean }[] = [];
    let sent = 0;
    const one = (i: number) =>
      new Promise<void>((resolve) => {
        const body = JSON.stringify({ subject: subjects[i % subjects.length], packs, asOf: '2026-11-20', assessmentYear: 2026 });
        const req = httpRequest(new URL('/v1/decide-subject', s.url), { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res: IncomingMessage) => {
          let text = '';
          res.setEncoding('utf8').on('data', (c: string) => (text += c));
          res.on('end', () => {
            const status = res.statusCode!;
            let ok = false;
            try {
              const j = JSON.parse(text);
              ok = status === 200 ? JSON.stringify(j) === JSON.stringify(expected.get(i % subjects.length)) : status === 503 && j.error.code === 'shutting_down';
            } catch {
              ok = false;
            }
            outcomes.push({ status, ok });
            resolve();
          });
          res.on('error', () => {
            outcomes.push({ status: 'cut', ok: false });
            resolve();
          });
        });
        req.on('error', (e: NodeJS.ErrnoException) => {
          outcomes.push({ status: e.code ?? e.message, ok: ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(e.code ?? '') || e.message === 'socket hang up' });
          resolve();
        });
        req.end(body);
      });
    const TOTAL = 1500;
    const workers = Array.from({ length: 16 }, async () => {
      while (sent < TOTAL) {
        const i = sent++;
        if (i === 400) s.child.kill('SIGTERM');
        await one(i);
      }
    });
    await Promise.all(workers);
    agent.destroy();
    expect(outcomes).toHaveLength(TOTAL);
    const bad = outcomes.filter((o) => !o.ok);
    expect(bad, JSON.stringify(bad.slice(0, 5))).toEqual([]);
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThanOrEqual(400);
    expect(await s.exited).toBe(0);
    expect(s.log().at(-1)).toMatchObject({ msg: 'stopped', forced: false });
  });
});

/** Streams `lines` to /v1/screen; `onLine` sees each complete answer line; `stopAfter` lines, the client goes away. */
interface StreamOptions {
  /** The client goes away after this many answer lines. */
  stopAfter?: number;
  /** The client reads nothing for this long. */
  readPausedMs?: number;
  /** The client reads nothing until it has sent the whole roster. */
  readAfterUpload?: boolean;
}

function screenStream(server: Server, query: string, lines: Iterable<string>, opts: StreamOptions = {}): Promise<{ answers: any[]; cut: boolean; bytesWritten: number; stalledAt: number | null }> {
  return new Promise((resolve) => {
    const answers: any[] = [];
    let bytesWritten = 0;
    let stalledAt: number | null = null;
    let finished = false;
    const req = httpRequest(new URL(`/v1/screen?${query}`, server.url), { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, agent: false });
    let uploaded: () => void = () => {};
    const upload = new Promise<void>((resolve) => (uploaded = resolve));
    const done = (cut: boolean) => {
      if (finished) return;
      finished = true;
      resolve({ answers, cut, bytesWritten, stalledAt });
    };
    req.on('error', () => done(true));
    req.on('response', (res) => {
      let buf = '';
      const onData = (c: string) => {
        buf += c;
        const parts = buf.split('\n');
        buf = parts.pop()!;
        for (const p of parts) {
          answers.push(JSON.parse(p));
          if (opts.stopAfter !== undefined && answers.length === opts.stopAfter) {
            req.destroy();
            res.destroy();
            done(true);
            return;
          }
        }
      };
      res.setEncoding('utf8');
      if (opts.readAfterUpload) {
        res.pause();
        void upload.then(() => {
          res.on('data', onData);
          res.resume();
        });
      } else if (opts.readPausedMs) {
        res.pause();
        setTimeout(() => {
          res.on('data', onData);
          res.resume();
        }, opts.readPausedMs);
      } else res.on('data', onData);
      res.on('end', () => done(false));
      res.on('error', () => done(true));
    });
    // Written with back-pressure: the next line only once the socket takes it.
    const it = lines[Symbol.iterator]();
    const pump = () => {
      for (;;) {
        if (finished) return;
        const n = it.next();
        if (n.done) {
          req.end(() => uploaded());
          return;
        }
        bytesWritten += Buffer.byteLength(n.value) + 1;
        if (!req.write(n.value + '\n')) {
          const stallCheck = setTimeout(() => (stalledAt ??= bytesWritten), 2000);
          req.once('drain', () => {
            clearTimeout(stallCheck);
            pump();
          });
          return;
        }
      }
    };
    pump();
  });
}

describe('NDJSON screening: disconnects, clients that read late', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startServer();
  }, 120_000);
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  const stream = (query: string, lines: Iterable<string>, opts: StreamOptions = {}) => screenStream(s, query, lines, opts);

  it('a client that goes away mid-stream and sends the rest again gets every line exactly once, as screen answers it', async () => {
    const subjects = roster.slice(0, 3000);
    const query = 'packs=all&actions=all&asOf=2026-11-20&assessmentYear=2026&decisions=not-clear';
    const first = await stream(query, subjects, { stopAfter: 700 });
    expect(first.cut).toBe(true);
    expect(first.answers.map((a) => a.line)).toEqual(Array.from({ length: 700 }, (_, i) => i + 1));
    expect((await call(s.url, 'GET', '/healthz')).status).toBe(200);
    const second = await stream(query, subjects.slice(700));
    expect(second.cut).toBe(false);
    expect(second.answers.map((a) => a.line)).toEqual(Array.from({ length: 2300 }, (_, i) => i + 1));
    const got = [...first.answers, ...second.answers];
    expect(new Set(got.map((a) => a.subject.id)).size).toBe(3000);
    const want: unknown[] = [];
    for await (const x of screen(
      subjects.map((l) => JSON.parse(l)),
      { packs: listPacks().map((p) => p.id), asOf: '2026-11-20', assessmentYear: 2026 },
    )) want.push(plain({ subject: x.subject, results: x.results }));
    expect(got.map((a) => ({ subject: a.subject, results: a.results }))).toEqual(want);
    // The cut-short request has its log line, marked aborted.
    await sleep(200);
    expect(s.log().filter((l) => l.operation === 'screen' && l.aborted === true).length).toBeGreaterThanOrEqual(1);
  });

  it('a client that sends the whole roster before it reads (as java.net.http and urllib do) gets every line: the roster waits on disk', async () => {
    const total = 60_000;
    const lines = function* () {
      for (let i = 0; i < total; i++) yield roster[i % roster.length]!;
    };
    const r = await stream('packs=cn-tj-binhai&actions=promotion&asOf=2026-11-20&decisions=all', lines(), { readAfterUpload: true });
    expect(r.cut).toBe(false);
    expect(r.answers.length).toBe(total);
    expect(r.answers.every((a, i) => a.line === i + 1 && a.status === 'ok' && a.subject.id === JSON.parse(roster[i % roster.length]!).id)).toBe(true);
  });

  it('answers equal the library\'s on a larger roster: 2,000 subjects screened, and evaluate on 300 queries', async () => {
    const subjects = roster.slice(3000, 5000);
    const r = await stream('packs=cn-tj-binhai,cn-jl-tonghua&actions=promotion,awards,honour-selection&asOf=2026-11-20&decisions=all', subjects);
    const want: unknown[] = [];
    for await (const x of screen(
      subjects.map((l) => JSON.parse(l)),
      { packs: ['cn-tj-binhai', 'cn-jl-tonghua'], actions: ['promotion', 'awards', 'honour-selection'], asOf: '2026-11-20', decisions: 'all' },
    )) want.push(plain({ subject: x.subject, results: x.results }));
    expect(r.answers.map((a) => ({ subject: a.subject, results: a.results }))).toEqual(want);
    for (const line of roster.slice(5000, 5300)) {
      const subject = JSON.parse(line);
      const action = subject.kind === 'civil-servant' || subject.kind === 'public-institution-staff' ? 'promotion' : 'honour-selection';
      const q = { pack: 'cn-gd', subject, action, asOf: '2026-11-20' };
      expect((await call(s.url, 'POST', '/v1/evaluate', { body: q })).json()).toEqual(plain(await evaluate(q as never)));
    }
  });
});

describe('NDJSON screening: back-pressure once the spool is full', () => {
  let b: Server;
  beforeAll(async () => {
    b = await startServer(['--spool-limit', '1000000']);
  }, 120_000);
  afterAll(async () => {
    expect(await b.stop()).toBe(0);
  });

  it('while the client does not read, the service stops reading the roster (after 1 MB in memory and 1 MB on disk); when it reads, every line comes, once, in order', async () => {
    // 60,000 lines (~12 MB) answered with full decisions (~2 kB a line): far more than the socket
    // buffers and the spool hold, so the service must stop reading long before the roster ends.
    const total = 60_000;
    const lines = function* () {
      for (let i = 0; i < total; i++) yield roster[i % roster.length]!;
    };
    const totalBytes = Array.from({ length: total }, (_, i) => Buffer.byteLength(roster[i % roster.length]!) + 1).reduce((a, b) => a + b, 0);
    const r = await screenStream(b, 'packs=cn-tj-binhai&actions=promotion&asOf=2026-11-20&decisions=all', lines(), { readPausedMs: 5000 });
    expect(r.cut).toBe(false);
    // The client sees the service stop reading: its upload stalled while it did not read, before the
    // end. Where it stalled also counts the kernel's socket buffers, which loopback autotunes (up to
    // net.ipv4.tcp_rmem's maximum, 32 MiB on some machines), so the bound on what the service itself
    // held is read from its log: at most the spool (1 MiB in memory and 1 MiB on disk) and one chunk.
    expect(r.stalledAt, 'the upload stalled while the answer was not read').not.toBeNull();
    expect(r.stalledAt!).toBeLessThan(totalBytes);
    await sleep(200);
    const logged = b.log().filter((l) => l.operation === 'screen');
    const peak = logged.at(-1)?.spoolPeakBytes as number;
    expect(peak, 'the roster waited in the spool').toBeGreaterThan(1_000_000);
    expect(peak).toBeLessThanOrEqual(2 * 1024 * 1024 + 64 * 1024);
    // Reading again let the upload go on to its end, and every line came once, in order.
    expect(r.bytesWritten).toBe(totalBytes);
    expect(r.answers.length).toBe(total);
    expect(r.answers.every((a, i) => a.line === i + 1 && a.status === 'ok' && a.subject.id === JSON.parse(roster[i % roster.length]!).id)).toBe(true);
    expect((await call(b.url, 'GET', '/healthz')).status).toBe(200);
  });
});
