/**
 * Starting `gov-credit-rules serve` for tests: the built CLI (as test/cli/_support.ts builds it),
 * spawned on a free loopback port (`--port 0`, the port read from its start-up log line), and
 * small HTTP helpers over node:http (full duplex, so a test can read an answer while it still sends).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { childEnv, cliPath, repo } from '../_support.js';

export { repo };

export interface Server {
  url: string;
  port: number;
  child: ChildProcess;
  /** Every stdout line so far, parsed (the JSON log). */
  log: () => Record<string, unknown>[];
  stderr: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code (SIGKILL after `ms` if it has not stopped: the test then fails on the code). */
  stop: (ms?: number) => Promise<number | null>;
}

/** Starts `serve --port 0 …args` on 127.0.0.1; rejects with its stderr if it exits first. */
export async function startServer(args: string[] = [], env: Record<string, string> = {}): Promise<Server> {
  const cli = await cliPath();
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], { cwd: repo, env: childEnv({ GOV_CREDIT_RULES_LOCALE: '', GOV_CREDIT_SCHEDULES: '', GOV_CREDIT_RULES_TOKEN: '', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const log = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const ready = log().find((l) => l.msg === 'ready');
      if (ready) {
        clearInterval(timer);
        resolve(ready.url as string);
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`serve exited (${code}) before it was ready:\n${err}\n${out}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    log,
    stderr: () => err,
    exited,
    stop: async (ms = 60_000) => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Runs `serve …args` expecting it not to start: exit code, stderr. */
export async function serveFails(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const cli = await cliPath();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'serve', ...args], { cwd: repo, env: childEnv({ GOV_CREDIT_RULES_LOCALE: '', GOV_CREDIT_SCHEDULES: '', GOV_CREDIT_RULES_TOKEN: '', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

export interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
  json: () => any;
}

/** One request: a JSON body is sent as application/json unless `type` says otherwise. */
export function call(url: string, method: string, path: string, opts: { body?: unknown; raw?: string | Buffer; type?: string | null; headers?: Record<string, string>; agent?: false } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = opts.raw !== undefined ? opts.raw : opts.body !== undefined ? JSON.stringify(opts.body) : undefined;
    const headers: Record<string, string> = { ...opts.headers };
    const type = opts.type === undefined ? (body !== undefined ? 'application/json' : null) : opts.type;
    if (type) headers['content-type'] = type;
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const req = httpRequest(new URL(path, url), { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The OpenAPI document and an ajv that knows its components (validate(name, value)). */
export function openApi(): { doc: any; validate: (schema: object, value: unknown) => string[] } {
  const doc = JSON.parse(readFileSync(join(repo, 'schemas', 'openapi.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // Components are reached as openapi.json#/components/schemas/X.
  const rewrite = (s: unknown): unknown => JSON.parse(JSON.stringify(s).replace(/"#\/components\/schemas\//g, '"openapi.json#/components/schemas/'));
  ajv.addSchema(rewrite({ $id: 'openapi.json', components: doc.components }) as object);
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  return {
    doc,
    validate: (schema, value) => {
      const key = JSON.stringify(schema);
      let v = compiled.get(key);
      if (!v) compiled.set(key, (v = ajv.compile(rewrite(schema) as object)));
      return v(value) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    },
  };
}

/** The 200 response schema of an operation. */
export function responseSchema(doc: any, method: string, path: string, status = 200): object {
  const r = doc.paths[path][method.toLowerCase()].responses[status];
  const content = r.content['application/json'] ?? r.content['application/x-ndjson'];
  return content.schema;
}
