/**
 * The web service as a Fastify application: the endpoints of endpoints.ts with the handlers of
 * handlers.ts, and what a long-running service needs around them — the body limit, JSON and NDJSON
 * bodies only, timeouts, a concurrency limit (503 with Retry-After), an optional bearer token
 * compared in constant time, readiness that turns 503 when shutting down, errors in the command
 * line's JSON error contract, and one JSON log line per request with no personal data unless asked.
 *
 * Fastify is an optional peer dependency: `serve` imports it and passes the factory in, so that
 * nothing else of the package loads it.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { PassThrough, type Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { GovCreditError } from '../../model/errors.js';
import { CliError, EXIT } from '../_internal/exit.js';
import { L } from '../_internal/i18n.js';
import { firstInvalidUtf8, stripBom } from '../_internal/input.js';
import { ENDPOINTS, routePath, type Endpoint } from './endpoints.js';
import { errorBody, requestError, serviceError, statusOf } from './errors.js';
import { HANDLERS, type ServiceContext } from './handlers.js';
import { ClientGone, prepareScreen, type LineSink, type ScreenCounts } from './screenStream.js';
import { spooled } from './spool.js';

/** How the service runs: `serve`'s options, checked. */
export interface ServiceSettings {
  /** Largest JSON body, and longest NDJSON line, in bytes. */
  bodyLimit: number;
  /** Requests handled at once before 503 (the operational endpoints are not counted). */
  maxConcurrent: number;
  /** A JSON request must arrive and be answered within it (ms): 408 (body not in) or 503. */
  requestTimeout: number;
  /** The request line and headers must arrive within it (ms). */
  headersTimeout: number;
  /** A connection with no bytes either way for this long is closed (ms): stalled clients, stalled streams. */
  idleTimeout: number;
  /** An idle kept-alive connection is closed after it (ms). */
  keepAliveTimeout: number;
  /** A whole request, a screened roster included, must arrive within it (ms; 0: no limit). */
  streamTimeout: number;
  /** Bytes of a roster held on disk while its answer is not being read (0: none; then the roster is not read on). */
  spoolLimit: number;
  /** The bearer token, or null for none. */
  token: string | null;
  /** Which requests get a log line. */
  log: 'requests' | 'errors' | 'none';
  /** Add the client's address and the ids of the subjects and records asked about to each log line. */
  logPersonalData: boolean;
  version: string;
  /** The OpenAPI document, serialised (schemas/openapi.json). */
  openapi: string;
}

/** Fastify as `serve` loads it: the factory, and its LogController class where the version has one (5.12 on). */
export interface FastifyModule {
  factory: (options: FastifyServerOptions) => FastifyInstance;
  LogController?: new (options: { disableRequestLogging: boolean }) => unknown;
}

export interface Service {
  app: FastifyInstance;
  /** Refuse new requests (503 shutting_down) and report not ready; the caller then closes the app. */
  beginShutdown(): void;
  /** Requests being handled now (the operational endpoints not counted). */
  inFlight(): number;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;
const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/jsonlines'];
/** Bytes of the answer a screening holds for a client that is not reading (then it waits). */
const STREAM_BUFFER = 64 * 1024;
/** Bytes of a roster held in memory before the rest waits on disk (spool.ts). */
const SPOOL_MEMORY = 1024 * 1024;

/** The media type and charset of a Content-Type header, lower-cased. */
function mediaType(header: string | undefined): { type: string; charset: string | null } {
  const [type = '', ...params] = (header ?? '').split(';').map((s) => s.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice(8).replace(/^"|"$/g, '') ?? null;
  return { type, charset };
}

/** Why a request's body is not what its endpoint takes, or null. */
function mediaProblem(e: Endpoint, header: string | undefined, encoding: string | undefined): CliError | null {
  if (e.body === 'none') return null;
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    return serviceError('unsupported_media_type', L(`不接受压缩的请求体（Content-Encoding: ${encoding}）`, `compressed request bodies are not taken (Content-Encoding: ${encoding})`));
  }
  const { type, charset } = mediaType(header);
  const ok = e.body === 'json' ? JSON_TYPE.test(type) : NDJSON_TYPES.includes(type);
  if (ok && (charset === null || charset === 'utf-8' || charset === 'utf8')) return null;
  const want = e.body === 'json' ? 'application/json' : 'application/x-ndjson';
  const got = header ? `"${header}"` : null;
  return serviceError(
    'unsupported_media_type',
    L(`${e.path} 的请求体应为 ${want}（UTF-8），收到的 Content-Type 为 ${got ?? '（无）'}`, `${e.path} takes ${want} (UTF-8), got Content-Type ${got ?? '(none)'}`),
    L(`发送 Content-Type: ${want}`, `send Content-Type: ${want}`),
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A JSON body: UTF-8 (an invalid byte named, never replaced), an optional BOM, one JSON document. */
export function parseJsonBody(bytes: Buffer): unknown {
  const bad = (code: 'invalid_json' | 'invalid_utf8', zh: string, en: string) => new CliError({ code, name: 'HttpError', text: L(zh, en), exitCode: EXIT.data });
  if (bytes.length === 0) throw bad('invalid_json', '请求体为空：应为一个 JSON 文档', 'the request body is empty: expected a JSON document');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes)) + 1;
    throw bad('invalid_utf8', `请求体不是有效的 UTF-8：第 ${at} 个字节起`, `the request body is not valid UTF-8 from byte ${at}`);
  }
  try {
    return JSON.parse(stripBom(text));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw bad('invalid_json', `请求体不是有效的 JSON（${msg}）`, `the request body is not valid JSON: ${msg}`);
  }
}

/** A bearer token check in constant time (both sides hashed to the same length first). */
export function tokenChecker(token: string): (header: string | undefined) => boolean {
  const want = createHash('sha256').update(token).digest();
  return (header) => {
    const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
    const got = createHash('sha256').update(m?.[1] ?? '').digest();
    return timingSafeEqual(got, want) && m !== null;
  };
}

/** Ends a connection after its answer is out: the write side first, so the answer is not lost to a reset. */
function closeAfter(reply: FastifyReply): void {
  reply.header('connection', 'close');
  const socket = reply.raw.socket as Socket | null;
  reply.raw.once('finish', () => {
    socket?.end();
    setTimeout(() => socket?.destroy(), 2000).unref();
  });
}

/** What one request's log line says, gathered while it is handled. */
interface RequestInfo {
  endpoint: Endpoint | null;
  error?: string;
  screen?: ScreenCounts;
  /** The most of a screened roster held at once, in memory and on disk (bytes). */
  spoolPeakBytes?: () => number;
  /** Ids of the subject or record asked about (logged only with --log-personal-data). */
  subjects?: string[];
  /** The request reached its handler: its body had arrived (a timeout after that is not the client's). */
  handled?: boolean;
}

function idsOf(body: unknown): string[] | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const b = body as { subject?: { id?: unknown }; record?: { id?: unknown } };
  const ids = [b.subject?.id, b.record?.id].filter((x): x is string => typeof x === 'string');
  return ids.length ? ids : undefined;
}

/** A request Node refused before it reached Fastify (headers too slow or too large, not HTTP): answered in the same JSON. */
function clientError(settings: ServiceSettings, log: { info: (o: object, msg: string) => void }, err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout' : err.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : 'bad_request';
  const e = serviceError(code);
  const status = statusOf(e);
  const body = JSON.stringify(errorBody(e));
  if (settings.log !== 'none') log.info({ reqId: null, method: null, path: null, status, error: code }, 'request');
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}

/** One JSON line per request, when its connection is done with it (answered, refused or cut short). */
function logLine(settings: ServiceSettings, info: WeakMap<FastifyRequest, RequestInfo>, request: FastifyRequest, reply: FastifyReply): void {
  const i = info.get(request);
  const raw = reply.raw as ServerResponse;
  // Cut short: the answer was never ended (the client went away, or a stream broke off).
  const aborted = !raw.writableEnded;
  const status = raw.statusCode;
  if (settings.log === 'none' || (settings.log === 'errors' && status < 400 && !aborted)) return;
  const line: Record<string, unknown> = {
    method: request.method,
    path: request.url.split('?')[0],
    operation: i?.endpoint?.operationId ?? null,
    status,
    ms: Math.round(reply.elapsedTime * 10) / 10,
  };
  const bytesIn = Number(request.headers['content-length']);
  if (Number.isFinite(bytesIn)) line.bytesIn = bytesIn;
  const bytesOut = Number(raw.getHeader('content-length'));
  if (Number.isFinite(bytesOut)) line.bytesOut = bytesOut;
  if (i?.error) line.error = i.error;
  if (i?.screen) line.lines = i.screen;
  if (i?.spoolPeakBytes) line.spoolPeakBytes = i.spoolPeakBytes();
  if (aborted) line.aborted = true;
  if (settings.logPersonalData) {
    line.remoteAddress = request.ip;
    if (i?.subjects) line.subjects = i.subjects;
  }
  request.log.info(line, 'request');
}

/** POST /v1/screen: the roster streamed in, spooled while the answer is not read, decided line by line and streamed out. */
function screenRoute(settings: ServiceSettings, ctx: ServiceContext, info: WeakMap<FastifyRequest, RequestInfo>, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { run, counts } = prepareScreen(request.query as Record<string, unknown>, ctx, settings.bodyLimit);
  const out = new PassThrough({ highWaterMark: STREAM_BUFFER });
  const sink: LineSink = {
    async write(line) {
      if (out.destroyed) throw new ClientGone();
      if (!out.write(line + '\n')) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            out.off('drain', done);
            out.off('close', done);
            resolve();
          };
          out.on('drain', done);
          out.on('close', done);
        });
      }
      if (out.destroyed) throw new ClientGone();
    },
  };
  const body = request.body as Readable;
  info.get(request)!.screen = counts;
  reply.type('application/x-ndjson; charset=utf-8').send(out);
  // The roster waits in memory, then on disk, while the answer is not being read (spool.ts).
  const roster = spooled(body, SPOOL_MEMORY, settings.spoolLimit);
  info.get(request)!.spoolPeakBytes = () => roster.peakHeldBytes;
  run(roster, sink).then(
    () => out.end(),
    (e: unknown) => {
      // The client went away (stopped reading, or its upload broke off): stop reading, say nothing more.
      body.destroy();
      void roster.close();
      if (e instanceof ClientGone || out.destroyed || request.raw.destroyed || (e as { code?: string }).code === 'ECONNRESET' || (e as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') {
        out.destroy();
        return;
      }
      request.log.error({ err: e }, 'screen failed');
      out.destroy(e as Error);
    },
  );
  return reply;
}

/** Builds the service (not yet listening). */
export function buildService(fastify: FastifyModule, settings: ServiceSettings, ctx: ServiceContext): Service {
  let shuttingDown = false;
  let inFlight = 0;
  const info = new WeakMap<FastifyRequest, RequestInfo>();
  const authorized = settings.token ? tokenChecker(settings.token) : null;

  const app = fastify.factory({
    logger: {
      level: 'info',
      base: null,
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label: string) => ({ level: label }) },
    },
    // Fastify's own two lines per request are off: logLine writes one.
    ...(fastify.LogController ? { logController: new fastify.LogController({ disableRequestLogging: true }) } : { disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    bodyLimit: settings.bodyLimit,
    connectionTimeout: settings.idleTimeout,
    keepAliveTimeout: settings.keepAliveTimeout,
    requestTimeout: settings.streamTimeout,
    http: { headersTimeout: settings.headersTimeout, connectionsCheckingInterval: Math.min(30_000, Math.max(250, Math.floor(settings.headersTimeout / 4))) },
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    clientErrorHandler: (err: NodeJS.ErrnoException, socket: Socket) => clientError(settings, app.log, err, socket),
  } as unknown as FastifyServerOptions);

  function sendError(request: FastifyRequest, reply: FastifyReply, e: unknown): FastifyReply {
    const status = statusOf(e);
    const body = errorBody(e);
    const i = info.get(request);
    if (i) i.error = body.error.code;
    if (status === 503) reply.header('retry-after', '1');
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    // The body may not have been read: the connection cannot carry another request.
    if (!request.raw.complete) closeAfter(reply);
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  }

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(JSON_TYPE, { parseAs: 'buffer' }, (_req: FastifyRequest, body: Buffer, done: (err: Error | null, body?: unknown) => void) => {
    try {
      done(null, parseJsonBody(body));
    } catch (e) {
      done(e as Error);
    }
  });
  // NDJSON is read as a stream by its endpoint, line by line (no whole-body limit: each line has one).
  app.addContentTypeParser(NDJSON_TYPES, (_req: FastifyRequest, payload: IncomingMessage, done: (err: Error | null, body?: unknown) => void) => done(null, payload));

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const endpoint = (request.routeOptions.config as { endpoint?: Endpoint } | undefined)?.endpoint ?? null;
    info.set(request, { endpoint });
    reply.header('x-request-id', request.id);
    reply.raw.once('close', () => logLine(settings, info, request, reply));
    if (endpoint?.open) return;
    if (shuttingDown) return sendError(request, reply, serviceError('shutting_down'));
    if (inFlight >= settings.maxConcurrent) {
      return sendError(request, reply, serviceError('overloaded', L(`同时处理的请求已达上限 ${settings.maxConcurrent}（--max-concurrent），请稍后重试`, `${settings.maxConcurrent} requests are being handled (--max-concurrent): retry later`)));
    }
    inFlight++;
    reply.raw.once('close', () => inFlight--);
    if (authorized && !authorized(request.headers.authorization)) return sendError(request, reply, serviceError('unauthorized'));
    if (endpoint) {
      const problem = mediaProblem(endpoint, request.headers['content-type'], request.headers['content-encoding']);
      if (problem) return sendError(request, reply, problem);
    }
  });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    const i = info.get(request);
    if (i) i.handled = true;
  });

  app.setErrorHandler((err: Error & { code?: string; statusCode?: number }, request: FastifyRequest, reply: FastifyReply) => {
    let e: unknown = err;
    if (err instanceof CliError) e = err;
    else if (err instanceof GovCreditError) e = requestError(err);
    else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      e = serviceError('body_too_large', L(`请求体超过 ${settings.bodyLimit} 字节的上限（--body-limit）`, `the request body is over the limit of ${settings.bodyLimit} bytes (--body-limit)`));
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') e = serviceError('unsupported_media_type');
    else if (err.code === 'FST_ERR_HANDLER_TIMEOUT') {
      e = info.get(request)?.handled
        ? serviceError('timeout', L(`请求未在 ${settings.requestTimeout} 毫秒内处理完（--request-timeout）`, `the request was not answered within ${settings.requestTimeout} ms (--request-timeout)`))
        : serviceError('request_timeout', L(`请求体未在 ${settings.requestTimeout} 毫秒内收完（--request-timeout）`, `the request body did not arrive within ${settings.requestTimeout} ms (--request-timeout)`));
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      e = serviceError('bad_request', L(`HTTP 请求有误：${err.message}`, `a malformed HTTP request: ${err.message}`));
    } else {
      request.log.error({ err }, 'internal error');
      e = serviceError('internal');
    }
    if (reply.raw.headersSent) {
      reply.raw.destroy();
      return;
    }
    return sendError(request, reply, e);
  });

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
    sendError(
      request,
      reply,
      serviceError('not_found', L(`没有接口 ${request.method} ${request.url.split('?')[0]}`, `no endpoint ${request.method} ${request.url.split('?')[0]}`), L('接口一览见 GET /openapi.json', 'the endpoints are listed by GET /openapi.json')),
    ),
  );

  registerEndpoints(app, settings, ctx, info, sendError, () => shuttingDown);

  return {
    app,
    beginShutdown: () => {
      shuttingDown = true;
    },
    inFlight: () => inFlight,
  };
}

/** Every endpoint of the OpenAPI document, routed to its handler (health, readiness, the document and the screen are the service's own). */
function registerEndpoints(
  app: ReturnType<FastifyModule['factory']>,
  settings: ServiceSettings,
  ctx: ServiceContext,
  info: WeakMap<FastifyRequest, RequestInfo>,
  sendError: (request: FastifyRequest, reply: FastifyReply, e: unknown) => FastifyReply,
  isShuttingDown: () => boolean,
): void {
for (const endpoint of ENDPOINTS) {
  const handler = HANDLERS[endpoint.operationId];
  const own = ['healthz', 'readyz', 'openApiDocument', 'screen'].includes(endpoint.operationId);
  if (!handler && !own) throw new Error(`no handler for ${endpoint.operationId}`);
  app.route({
    method: endpoint.method,
    url: routePath(endpoint.path),
    config: { endpoint },
    // A screened roster streams for as long as it takes (bounded by --stream-timeout and --idle-timeout).
    ...(endpoint.body === 'ndjson' ? {} : { handlerTimeout: settings.requestTimeout }),
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      switch (endpoint.operationId) {
        case 'healthz':
          return { status: 'ok', version: settings.version };
        case 'readyz':
          if (isShuttingDown()) return sendError(request, reply, serviceError('shutting_down'));
          return { status: 'ready', version: settings.version };
        case 'openApiDocument':
          return reply.type('application/json; charset=utf-8').send(settings.openapi);
        case 'screen':
          return screenRoute(settings, ctx, info, request, reply);
      }
      const i = info.get(request);
      if (i && settings.logPersonalData) {
        const ids = idsOf(request.body);
        if (ids) i.subjects = ids;
      }
      const result = await handler!({ body: request.body, params: request.params as Record<string, string>, query: request.query as Record<string, unknown> }, ctx);
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(result));
    },
  });
}
}
