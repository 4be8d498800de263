/**
 * Service section: `gov-credit-rules serve` (the CLI built as the package builds it) on a free
 * loopback port, loaded with autocannon from this process — requests/s and p50/p99 latency of
 * POST /v1/evaluate and POST /v1/decide-subject at several concurrencies, each body a different
 * subject of examples/roster.jsonl, with the HTTP floor beside them (GET /healthz: a request that
 * decides nothing) and the library's own rate in-process on the same questions. Then the check:
 * the service's answers equal the library's on examples/roster.jsonl (every subject screened,
 * decide-subject and evaluate on a sample). Loopback only; every run bounded in time.
 *
 * The client and the server share the machine's cores, so the figures are those of one machine
 * doing both: a floor for what a separate client would see, not a ceiling.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import autocannon from 'autocannon';
import { createEvaluator, decideSubject, evaluate, listPacks, screen } from '../src/index.js';
import { int, loadAverage, ratio, secs, type Figure } from './harness.js';

export interface ServiceOptions {
  /** The built CLI. */
  cliScript: string;
  /** examples/roster.jsonl, parsed. */
  roster: readonly Record<string, unknown>[];
  asOf: string;
  year: number;
  /** Connections of each load run. */
  concurrencies: readonly number[];
  /** Seconds of each load run. */
  seconds: number;
  /** Subjects asked through decide-subject and evaluate in the check (all are screened). */
  checkSample: number;
}

const PACKS = listPacks()
  .filter((p) => p.shipped)
  .map((p) => p.id);

interface Started {
  url: string;
  child: ChildProcess;
  stop(): Promise<number | null>;
}

async function startService(cliScript: string): Promise<Started> {
  // The log is on (one line per request, as a host would run it), read and dropped here.
  const child = spawn(process.execPath, [cliScript, 'serve', '--port', '0', '--max-concurrent', '1000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let buf = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      if (buf === null) return;
      buf += c;
      const ready = buf.split('\n').find((l) => l.includes('"msg":"ready"'));
      if (ready) {
        resolve(JSON.parse(ready).url as string);
        buf = '';
      }
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}) before it was ready`)));
  });
  return {
    url,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

function post(url: string, path: string, body: string, type = 'application/json'): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, url), { method: 'POST', headers: { 'content-type': type, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const actionOf = (s: Record<string, unknown>) => (s.kind === 'civil-servant' || s.kind === 'public-institution-staff' ? 'promotion' : 'honour-selection');

interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** One autocannon run: `bodies` sent in turn (each connection cycles through them). */
async function load(url: string, path: string, method: 'GET' | 'POST', bodies: readonly string[], connections: number, seconds: number): Promise<Load> {
  let next = 0;
  const r = await autocannon({
    url: `${url}${path}`,
    connections,
    duration: seconds,
    method,
    headers: method === 'POST' ? { 'content-type': 'application/json' } : {},
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => (bodies.length ? { ...req, body: bodies[next++ % bodies.length] } : req),
      },
    ],
  });
  const ok = r['2xx'] ?? 0;
  return { rps: ok / r.duration, p50: r.latency.p50, p99: r.latency.p99, requests: ok, non2xx: r.non2xx, errors: r.errors };
}

const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;

/** The check: the service's answers equal the library's on the roster; the number that differ. */
async function check(url: string, o: ServiceOptions): Promise<{ screened: number; decided: number; evaluated: number; differ: string[] }> {
  const differ: string[] = [];
  // Every subject screened, every pack and action, the Decision where not clear.
  const q = `packs=all&actions=all&asOf=${o.asOf}&assessmentYear=${o.year}&decisions=not-clear`;
  const res = await post(url, `/v1/screen?${q}`, o.roster.map((s) => JSON.stringify(s)).join('\n') + '\n', 'application/x-ndjson');
  const lines = res.text.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; subject: unknown; results: unknown });
  let i = 0;
  for await (const s of screen(o.roster, { packs: PACKS, asOf: o.asOf, assessmentYear: o.year })) {
    const got = lines[i];
    if (!got || got.line !== i + 1 || JSON.stringify({ subject: got.subject, results: got.results }) !== JSON.stringify({ subject: s.subject, results: s.results })) differ.push(`screen line ${i + 1}`);
    i++;
  }
  if (lines.length !== o.roster.length) differ.push(`screen: ${lines.length} lines for ${o.roster.length}`);
  const stride = Math.max(1, Math.floor(o.roster.length / o.checkSample));
  let decided = 0;
  let evaluated = 0;
  for (let k = 0; k < o.roster.length && decided < o.checkSample; k += stride) {
    const subject = o.roster[k]!;
    const d = await post(url, '/v1/decide-subject', JSON.stringify({ subject, packs: PACKS, asOf: o.asOf, assessmentYear: o.year }));
    if (d.text !== JSON.stringify(decideSubject(subject as never, { packs: PACKS, asOf: o.asOf, assessmentYear: o.year }))) differ.push(`decide-subject ${String(subject.id)}`);
    decided++;
    const query = { pack: PACKS[k % PACKS.length], subject, action: actionOf(subject), asOf: o.asOf };
    const e = await post(url, '/v1/evaluate', JSON.stringify(query));
    if (e.text !== JSON.stringify(await evaluate(query as never))) differ.push(`evaluate ${String(subject.id)}`);
    evaluated++;
  }
  return { screened: o.roster.length, decided, evaluated, differ };
}

export async function serviceSection(o: ServiceOptions): Promise<Figure[]> {
  console.log(`\n== service: gov-credit-rules serve on loopback, autocannon from this process (${o.seconds} s a run); load average ${loadAverage()}`);
  const svc = await startService(o.cliScript);
  const figures: Figure[] = [];
  try {
    const sample = o.roster.slice(0, 500);
    const evaluateBodies = sample.map((subject, k) => JSON.stringify({ pack: PACKS[k % PACKS.length], subject, action: actionOf(subject), asOf: o.asOf }));
    const decideBodies = sample.map((subject) => JSON.stringify({ subject, packs: PACKS, asOf: o.asOf, assessmentYear: o.year }));
    // Warm-up: the packs compiled, the JIT warm.
    await load(svc.url, '/v1/evaluate', 'POST', evaluateBodies, 4, 1);
    await load(svc.url, '/v1/decide-subject', 'POST', decideBodies, 4, 1);

    // The library in-process on the same questions: what the HTTP layer is added to.
    const evaluators = new Map(PACKS.map((p) => [p, createEvaluator(p)]));
    const t0 = performance.now();
    let n = 0;
    // Reading the body and writing the answer included, as the service does them.
    while (performance.now() - t0 < 1000) for (const b of evaluateBodies) {
      const q = JSON.parse(b);
      JSON.stringify(evaluators.get(q.pack)!.evaluate(q));
      n++;
    }
    const libEvaluate = (n * 1000) / (performance.now() - t0);
    const t1 = performance.now();
    let m = 0;
    while (performance.now() - t1 < 1000) for (const b of decideBodies) {
      const { subject, ...opts } = JSON.parse(b);
      JSON.stringify(decideSubject(subject, opts));
      m++;
    }
    const libDecide = (m * 1000) / (performance.now() - t1);

    const floor = await load(svc.url, '/healthz', 'GET', [], 8, o.seconds);
    console.log(`  GET /healthz (the HTTP floor), 8 connections: ${int(floor.rps)} req/s, p50 ${ms(floor.p50)}, p99 ${ms(floor.p99)}`);
    figures.push({ label: 'service GET /healthz (HTTP floor), 8 connections', value: `${int(floor.rps)} req/s; p50 ${ms(floor.p50)}; p99 ${ms(floor.p99)}`, target: null, status: 'info' });
    for (const [name, path, bodies, lib] of [
      ['evaluate', '/v1/evaluate', evaluateBodies, libEvaluate],
      ['decide-subject', '/v1/decide-subject', decideBodies, libDecide],
    ] as const) {
      let at8: Load | null = null;
      for (const c of o.concurrencies) {
        const r = await load(svc.url, path, 'POST', bodies, c, o.seconds);
        if (c === 8) at8 = r;
        const bad = r.non2xx + r.errors;
        console.log(`  POST ${path}, ${c} connection${c === 1 ? '' : 's'}: ${int(r.rps)} req/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)} (${int(r.requests)} requests${bad ? `, ${bad} not 2xx or failed` : ''})`);
        figures.push({
          label: `service ${name}, ${c} connection${c === 1 ? '' : 's'}`,
          value: `${int(r.rps)} req/s; p50 ${ms(r.p50)}; p99 ${ms(r.p99)}`,
          target: null,
          status: bad ? 'missed' : 'info',
          ...(bad ? { note: `${bad} answers not 2xx or failed` } : {}),
        });
      }
      const best = at8 ?? (await load(svc.url, path, 'POST', bodies, 8, o.seconds));
      console.log(`  ${name}: the library in-process ${int(lib)}/s on one thread (JSON in and out included); the service at 8 connections ${ratio(best.rps / lib)} of it, ${ratio(best.rps / floor.rps)} of the HTTP floor`);
      figures.push({
        label: `service ${name} vs the library in-process`,
        value: ratio(best.rps / lib),
        target: null,
        status: 'info',
        note: `${int(best.rps)} req/s over HTTP (8 connections) vs ${int(lib)}/s in-process; the HTTP floor (GET /healthz) ${int(floor.rps)} req/s`,
      });
    }

    const t = performance.now();
    const c = await check(svc.url, o);
    const same = c.differ.length === 0;
    console.log(
      `  check: the service's answers ${same ? 'equal' : 'DIFFER FROM'} the library's on examples/roster.jsonl: screen ${int(c.screened)} subjects (every pack and action), decide-subject ${int(c.decided)}, evaluate ${int(c.evaluated)} — ${c.differ.length} differ (${secs(performance.now() - t)})`,
    );
    if (!same) console.log(`    first: ${c.differ.slice(0, 5).join('; ')}`);
    figures.push({
      label: 'service answers equal the library\'s [examples/roster.jsonl]',
      value: `${c.differ.length} of ${int(c.screened + c.decided + c.evaluated)} differ`,
      target: '0 differ',
      status: same ? 'met' : 'missed',
      note: `screen ${int(c.screened)}, decide-subject ${int(c.decided)}, evaluate ${int(c.evaluated)}`,
    });
  } finally {
    const code = await svc.stop();
    if (code !== 0) console.log(`  warning: serve exited with ${code} after SIGTERM`);
  }
  return figures;
}
