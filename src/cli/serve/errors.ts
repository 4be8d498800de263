import { CalendarCoverageError } from '../../calendar/CalendarCoverageError.js';
import { GovCreditError, UnknownPackError } from '../../model/errors.js';
import { CliError, EXIT, errorJson, type CliIssue, type ErrorJson } from '../_internal/exit.js';
import { L, type LocalizedText } from '../_internal/i18n.js';
import { coverageError } from '../_internal/schedules.js';
import { closest, packIds } from '../_internal/suggest.js';

/**
 * The web service's own error codes (docs/service.md), beside the library's (`invalid_input`,
 * `unknown_pack`, …) and the command line's (`invalid_json`, `invalid_utf8`, …), with the HTTP
 * status each one is answered with.
 */
export const SERVICE_ERROR_CODES = {
  not_found: { status: 404, text: L('没有这个接口', 'no such endpoint') },
  unauthorized: { status: 401, text: L('缺少或错误的访问令牌（Authorization: Bearer …）', 'missing or wrong access token (Authorization: Bearer …)') },
  unsupported_media_type: { status: 415, text: L('请求体的类型不对', 'the request body is not of a type this endpoint takes') },
  body_too_large: { status: 413, text: L('请求体超过大小上限', 'the request body is over the size limit') },
  request_timeout: { status: 408, text: L('请求未在时限内收完', 'the request did not arrive in time') },
  headers_too_large: { status: 431, text: L('请求头过大', 'the request headers are too large') },
  bad_request: { status: 400, text: L('HTTP 请求格式有误', 'a malformed HTTP request') },
  overloaded: { status: 503, text: L('同时处理的请求已达上限，请稍后重试', 'too many requests at once: retry later') },
  shutting_down: { status: 503, text: L('服务正在停止，请稍后重试（或改用其他实例）', 'the service is shutting down: retry later (or on another instance)') },
  timeout: { status: 503, text: L('请求未在时限内处理完', 'the request was not answered in time') },
  line_too_long: { status: 400, text: L('一行超过大小上限', 'a line is over the size limit') },
  internal: { status: 500, text: L('内部错误', 'internal error') },
} as const satisfies Record<string, { status: number; text: LocalizedText }>;
export type ServiceErrorCode = keyof typeof SERVICE_ERROR_CODES;

/**
 * HTTP status of the errors of the library and the command line, by code; every other code of
 * theirs is a 400 (the request is wrong: invalid input, pack, event log, JSON, UTF-8, policy).
 */
export const LIBRARY_ERROR_STATUS: Record<string, number> = {
  unknown_pack: 404,
  confidential_record: 422,
  calendar_coverage: 422,
};

/** An error of the service itself (not of the library or the request's data), in the CLI's error shape. */
export function serviceError(code: ServiceErrorCode, detail?: LocalizedText, hint?: LocalizedText): CliError {
  const text = detail ?? SERVICE_ERROR_CODES[code].text;
  return new CliError({ code, name: 'HttpError', text, exitCode: EXIT.data, ...(hint ? { hint } : {}) });
}

/** The HTTP status of an error: the service's own by its code, the library's and the CLI's by theirs. */
export function statusOf(e: unknown): number {
  const code = e instanceof CliError || e instanceof GovCreditError ? e.code : 'internal';
  if (Object.hasOwn(SERVICE_ERROR_CODES, code)) return SERVICE_ERROR_CODES[code as ServiceErrorCode].status;
  return LIBRARY_ERROR_STATUS[code] ?? 400;
}

/** The body of an error response: `{"error":{name, code, message, issues, hint?, suggestion?, status}}`. */
export function errorBody(e: unknown): { error: ErrorJson & { status: number } } {
  return { error: { ...errorJson(e), status: statusOf(e) } };
}

/**
 * A library error as the service reports it: the CLI's rendering (coverage errors with the options
 * that add a year; an unknown pack with the closest id), each issue's path moved by `path` from the
 * library's argument names to where the request put the value. Anything else is returned as it is.
 */
export function requestError(e: unknown, path: (p: readonly (string | number)[]) => (string | number)[] = (p) => [...p]): unknown {
  if (e instanceof CliError) return new CliError({ code: e.code, name: e.kind, text: e.text, exitCode: e.exitCode, issues: e.issues.map((i) => ({ ...i, path: path(i.path) })), ...(e.hint ? { hint: e.hint } : {}), ...(e.suggestion ? { suggestion: e.suggestion } : {}) });
  if (!(e instanceof GovCreditError)) return e;
  const base = e instanceof CalendarCoverageError ? coverageError(e, EXIT.data) : CliError.from(e, EXIT.data);
  const near = e instanceof UnknownPackError ? closest(e.packId, packIds()) : undefined;
  const issues: CliIssue[] = base.issues.map((i) => ({ ...i, path: path(i.path), ...(near && i.code === 'unknown_pack' && !i.suggestion ? { suggestion: near } : {}) }));
  return CliError.from(e, EXIT.data, { issues, ...(base.hint ? { hint: base.hint } : {}) });
}

/** Paths of an options argument (`['options', 'packs', 0]`, `['opts', 'workingDays']`) as fields of the request body. */
export function bodyPath(argument: string): (p: readonly (string | number)[]) => (string | number)[] {
  return (p) => (p[0] === argument ? p.slice(1) : [...p]);
}
