import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import pkg from '../../../package.json';
import { listPacks } from '../../packs/listPacks.js';
import { flag, noExtraPositionals, nonNegativeInt, oneOf, parseCommand, positiveInt, str, type Parsed } from '../_internal/args.js';
import type { Ctx } from '../_internal/context.js';
import { decider } from '../_internal/evaluator.js';
import { CliError, EXIT, usageError } from '../_internal/exit.js';
import { L } from '../_internal/i18n.js';
import { packageRoot } from '../_internal/packageRoot.js';
import { hostCalendar, runCalendar } from '../_internal/schedules.js';
import { buildService, type FastifyModule, type ServiceSettings } from '../serve/app.js';
import { CALENDAR_OPTIONS, queryDefaults } from './common.js';

export const SERVE_OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string' },
  'token-file': { type: 'string' },
  'body-limit': { type: 'string' },
  'max-concurrent': { type: 'string' },
  'request-timeout': { type: 'string' },
  'headers-timeout': { type: 'string' },
  'idle-timeout': { type: 'string' },
  'keep-alive-timeout': { type: 'string' },
  'stream-timeout': { type: 'string' },
  'shutdown-timeout': { type: 'string' },
  'spool-limit': { type: 'string' },
  log: { type: 'string' },
  'log-personal-data': { type: 'boolean' },
  format: { type: 'string' },
  policy: { type: 'string' },
  load: { type: 'string', multiple: true },
  ...CALENDAR_OPTIONS,
} as const;

/** Defaults of the service's limits (docs/service.md). */
export const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  bodyLimit: 1_048_576,
  maxConcurrent: 64,
  requestTimeout: 30_000,
  headersTimeout: 10_000,
  idleTimeout: 60_000,
  keepAliveTimeout: 72_000,
  streamTimeout: 3_600_000,
  shutdownTimeout: 30_000,
  spoolLimit: 1_073_741_824,
} as const;

/** The environment variable holding the bearer token (never an option: a command line is visible to every user of the machine). */
export const TOKEN_ENV = 'GOV_CREDIT_RULES_TOKEN';
const MIN_TOKEN = 16;

/** 127.0.0.0/8, ::1 and localhost: no other machine can connect. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return /^::ffff:127\./.test(h);
}

/** The bearer token from GOV_CREDIT_RULES_TOKEN or --token-file, checked; required beyond loopback. */
function tokenArg(p: Parsed, host: string, env: NodeJS.ProcessEnv): string | null {
  const file = str(p, 'token-file');
  const fromEnv = env[TOKEN_ENV];
  if (file !== undefined && fromEnv) throw usageError(`访问令牌只能给一处：--token-file 或环境变量 ${TOKEN_ENV}`, `give the token one way: --token-file or ${TOKEN_ENV}`);
  let token: string | null = fromEnv ? fromEnv.trim() : null;
  if (file !== undefined) {
    try {
      token = readFileSync(file, 'utf8').trim();
    } catch (e) {
      throw new CliError({ code: (e as { code?: string }).code === 'ENOENT' ? 'file_not_found' : 'file_unreadable', text: L(`无法读取令牌文件 ${file}`, `cannot read the token file ${file}`), exitCode: EXIT.usage, file });
    }
  }
  if (token !== null && (token.length < MIN_TOKEN || /\s/.test(token))) {
    throw usageError(`访问令牌应至少 ${MIN_TOKEN} 个字符且不含空白（如 openssl rand -hex 32 生成的）`, `the token must be at least ${MIN_TOKEN} characters without spaces (such as one from openssl rand -hex 32)`);
  }
  if (token === null && !isLoopback(host)) {
    throw usageError(
      `在 ${host} 上监听（本机以外可以连接）须设访问令牌：环境变量 ${TOKEN_ENV} 或 --token-file <文件>`,
      `listening on ${host} (reachable from other machines) needs a token: ${TOKEN_ENV} or --token-file <file>`,
      { hint: L('只给本机用时去掉 --host（默认 127.0.0.1）', 'for this machine only, leave out --host (default 127.0.0.1)') },
    );
  }
  return token;
}

/** Fastify, the optional peer dependency only `serve` loads; a clear exit 2 when it is not installed. */
async function loadFastify(): Promise<FastifyModule> {
  // A computed specifier keeps the bundler from inlining the optional dependency.
  const name = 'fastify';
  try {
    const mod = (await import(name)) as { default?: unknown; fastify?: unknown; LogController?: unknown };
    const f = mod.fastify ?? mod.default;
    if (typeof f !== 'function') throw new Error('no fastify export');
    const LogController = mod.LogController ?? (f as { LogController?: unknown }).LogController;
    return { factory: f as FastifyModule['factory'], ...(typeof LogController === 'function' ? { LogController: LogController as FastifyModule['LogController'] } : {}) };
  } catch (e) {
    throw new CliError({
      code: 'missing_dependency',
      text: L(`serve 需要 fastify 5（可选依赖，未安装：${(e as Error).message.split('\n')[0]}）`, `serve needs fastify 5 (an optional dependency, not installed: ${(e as Error).message.split('\n')[0]})`),
      hint: L('npm install gov-credit-rules fastify@5（或 npx -p gov-credit-rules -p fastify@5 gov-credit-rules serve）', 'npm install gov-credit-rules fastify@5 (or npx -p gov-credit-rules -p fastify@5 gov-credit-rules serve)'),
      exitCode: EXIT.usage,
    });
  }
}

/** The OpenAPI document shipped with the package (schemas/openapi.json, generated by npm run docs). */
function openApiText(): string {
  const root = packageRoot();
  const path = root ? join(root, 'schemas', 'openapi.json') : null;
  try {
    if (!path) throw new Error('the package folder cannot be found');
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError({ code: 'file_not_found', text: L(`找不到本包的 schemas/openapi.json（${(e as Error).message}）`, `cannot find the package's schemas/openapi.json (${(e as Error).message})`), exitCode: EXIT.usage });
  }
}

/**
 * `serve`: the library as a web service until SIGTERM or SIGINT, then a graceful stop (requests in
 * flight finish, new ones get 503, connections left after --shutdown-timeout are closed). Exit 0
 * after a stop; 2 when it cannot start.
 */
export async function runServe(argv: string[], _ctx: Ctx, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const p = parseCommand(argv, SERVE_OPTIONS);
  noExtraPositionals(p, 0, 'serve');
  // `--format json`: errors at start-up as JSON on stderr (main reads it); the log is JSON either way.
  oneOf(p, 'format', ['json'] as const, 'json');
  const host = str(p, 'host') ?? SERVE_DEFAULTS.host;
  const port = nonNegativeInt(p, 'port', 65_535) ?? SERVE_DEFAULTS.port;
  const token = tokenArg(p, host, env);
  const ms = (name: string, fallback: number, max = 86_400_000) => positiveInt(p, name, max) ?? fallback;
  const settings: ServiceSettings = {
    bodyLimit: positiveInt(p, 'body-limit', 1_073_741_824) ?? SERVE_DEFAULTS.bodyLimit,
    maxConcurrent: positiveInt(p, 'max-concurrent', 100_000) ?? SERVE_DEFAULTS.maxConcurrent,
    requestTimeout: ms('request-timeout', SERVE_DEFAULTS.requestTimeout),
    headersTimeout: ms('headers-timeout', SERVE_DEFAULTS.headersTimeout),
    idleTimeout: ms('idle-timeout', SERVE_DEFAULTS.idleTimeout),
    keepAliveTimeout: ms('keep-alive-timeout', SERVE_DEFAULTS.keepAliveTimeout),
    streamTimeout: nonNegativeInt(p, 'stream-timeout', 86_400_000) ?? SERVE_DEFAULTS.streamTimeout,
    spoolLimit: nonNegativeInt(p, 'spool-limit', 1_099_511_627_776) ?? SERVE_DEFAULTS.spoolLimit,
    token,
    log: oneOf(p, 'log', ['requests', 'errors', 'none'] as const, 'requests'),
    logPersonalData: flag(p, 'log-personal-data'),
    version: pkg.version,
    openapi: '',
  };
  if (settings.streamTimeout > 0 && settings.streamTimeout < settings.headersTimeout) {
    throw usageError('--stream-timeout 不能小于 --headers-timeout', '--stream-timeout cannot be less than --headers-timeout');
  }
  const shutdownTimeout = ms('shutdown-timeout', SERVE_DEFAULTS.shutdownTimeout);
  // The host options, read and checked as every command reads them: --load, --schedule, --unknown-years, --policy.
  const { defaults } = queryDefaults(p, { yearFromInput: true });
  settings.openapi = openApiText();
  const Fastify = await loadFastify();
  const service = buildService(Fastify, settings, {
    defaults: { policy: defaults.policy, unknownYears: defaults.unknownYears },
    decider: decider(),
    calendar: runCalendar(),
    hostCalendar: hostCalendar(),
  });
  const { app } = service;
  let url: string;
  try {
    await app.listen({ host, port, listenTextResolver: (address: string) => `listening at ${address}` } as never);
    const a = app.server.address();
    const bound = a && typeof a === 'object' ? a : { address: host, port };
    url = `http://${bound.address.includes(':') ? `[${bound.address}]` : bound.address}:${bound.port}`;
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    throw new CliError({
      code: 'cannot_listen',
      text: L(`无法在 ${host}:${port} 上监听（${code || (e as Error).message}）`, `cannot listen on ${host}:${port} (${code || (e as Error).message})`),
      exitCode: EXIT.usage,
      ...(code === 'EADDRINUSE' ? { hint: L('端口已被占用：换一个 --port（0 为任选空闲端口）', 'the port is in use: choose another --port (0 picks a free one)') } : {}),
    });
  }
  const coverage = runCalendar().coverage();
  app.log.info(
    {
      url,
      openapi: `${url}/openapi.json`,
      version: pkg.version,
      token: token !== null,
      packs: listPacks().map((x) => x.id),
      calendar: { official: [coverage.officialYears[0], coverage.officialYears.at(-1)], hostYears: coverage.hostYears, unknownYears: coverage.unknownYears },
      limits: { bodyLimit: settings.bodyLimit, maxConcurrent: settings.maxConcurrent, requestTimeout: settings.requestTimeout, headersTimeout: settings.headersTimeout, idleTimeout: settings.idleTimeout, streamTimeout: settings.streamTimeout, spoolLimit: settings.spoolLimit, shutdownTimeout },
    },
    'ready',
  );

  // Until a signal: then refuse new requests, let those in flight finish, and stop.
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const on = (s: NodeJS.Signals) => {
      process.off('SIGTERM', on);
      process.off('SIGINT', on);
      resolve(s);
    };
    process.on('SIGTERM', on);
    process.on('SIGINT', on);
  });
  service.beginShutdown();
  const inFlight = service.inFlight();
  app.log.info({ signal, inFlight, shutdownTimeout }, 'shutting down');
  let forced = false;
  const force = () => {
    forced = true;
    app.server.closeAllConnections();
  };
  const timer = setTimeout(force, shutdownTimeout);
  // A second signal: stop now.
  const again = () => force();
  process.once('SIGTERM', again);
  process.once('SIGINT', again);
  await app.close();
  clearTimeout(timer);
  process.off('SIGTERM', again);
  process.off('SIGINT', again);
  app.log.info({ forced }, 'stopped');
  return EXIT.ok;
}
