/**
 * POST /v1/screen: the library's `screen` over NDJSON, in and out.
 *
 * Every line of the request body gets exactly one line of the answer, in order, with its number:
 * `ok` with the subject's answers, `blank`, or `error`. Lines the library never sees (blank, not
 * UTF-8, not JSON, over the size limit) are answered here; subjects go to `screen` one at a time,
 * which answers each before it reads the next. The answer's lines are written with back-pressure:
 * while the client does not take them, nothing more is answered, and the roster waits (spool.ts:
 * memory, then a temporary file, then the socket). Memory stays constant whatever the roster's
 * length; a line longer than the limit is skipped as it arrives, never held whole.
 */
import { listPacks } from '../../packs/listPacks.js';
import { screen, type ScreenedSubject, type ScreenOptions } from '../../engine/screen.js';
import { InvalidInputError, issue } from '../../model/errors.js';
import { lineDocument, LineError } from '../_internal/batchCore.js';
import { errorJson, type ErrorJson } from '../_internal/exit.js';
import { decodeLine, type InputLine } from '../_internal/input.js';
import { closest } from '../_internal/suggest.js';
import { ENDPOINTS } from './endpoints.js';
import { bodyPath, requestError, serviceError } from './errors.js';
import { numberParam, type ServiceContext } from './handlers.js';
import { L } from '../_internal/i18n.js';
import { withHostPolicy } from '../_internal/queries.js';

/** Where the answer's lines go: resolves once the line is taken (back-pressure); rejects with ClientGone when nobody will take it. */
export interface LineSink {
  write(line: string): Promise<void>;
}

/** The client went away: nothing more can be written, nothing more should be read. */
export class ClientGone extends Error {
  override readonly name = 'ClientGone';
}

/** What a screening did so far, for the request's log line. */
export interface ScreenCounts {
  lines: number;
  ok: number;
  blank: number;
  errors: number;
}

/** A line over the size limit: its length in bytes (it was skipped, never held). */
interface TooLong {
  tooLong: number;
}

/**
 * Splits a byte stream into lines on LF (as the CLI's batch does: one CR before the LF dropped, a
 * last line without LF is a line), holding at most `max` bytes of one line: a longer line is
 * skipped to its end and reported by its length.
 */
export async function* boundedLines(chunks: AsyncIterable<Buffer | string>, max: number): AsyncGenerator<InputLine | TooLong> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipped = -1;
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(0x0a, start);
      const piece = buf.subarray(start, nl === -1 ? buf.length : nl);
      if (skipped >= 0) skipped += piece.length;
      else if (size + piece.length > max) {
        skipped = size + piece.length;
        parts = [];
        size = 0;
      } else if (piece.length) {
        parts.push(piece);
        size += piece.length;
      }
      if (nl === -1) break;
      yield skipped >= 0 ? { tooLong: skipped } : decodeLine(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
      parts = [];
      size = 0;
      skipped = -1;
      start = nl + 1;
    }
  }
  if (skipped >= 0) yield { tooLong: skipped };
  else if (size > 0) yield decodeLine(Buffer.concat(parts));
}

const QUERY_KEYS = (ENDPOINTS.find((e) => e.operationId === 'screen')!.parameters ?? []).map((p) => p.name);

/** The screening's questions from the query string (`packs=a,b&actions=all&asOf=…`), as screen's options. */
function screenQuestions(query: Record<string, unknown>, ctx: ServiceContext): Omit<ScreenOptions, 'onError'> {
  const issues = [];
  for (const k of Object.keys(query)) {
    if (!QUERY_KEYS.includes(k)) {
      const near = closest(k, QUERY_KEYS);
      issues.push({ ...issue([k], 'unrecognized_keys', `未知参数"${k}"`, `unknown parameter "${k}"`), ...(near ? { suggestion: near } : {}) });
    } else if (typeof query[k] !== 'string') issues.push(issue([k], 'invalid_type', `参数 ${k} 只能给一次`, `parameter ${k} is given more than once`));
  }
  if (issues.length) throw requestError(new InvalidInputError(issues));
  const q = query as Record<string, string | undefined>;
  const list = (v: string | undefined) => v?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const packs = list(q.packs);
  const actions = list(q.actions);
  let policy: unknown;
  if (q.policy !== undefined) {
    try {
      policy = JSON.parse(q.policy);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw requestError(new InvalidInputError([issue(['policy'], 'invalid_json', `policy 不是有效的 JSON：${msg}`, `policy is not valid JSON: ${msg}`)]));
    }
  }
  const withPolicy = withHostPolicy(policy, ctx.defaults);
  return {
    packs: packs?.length === 1 && packs[0] === 'all' ? listPacks().map((p) => p.id) : (packs as string[]),
    ...(actions && !(actions.length === 1 && actions[0] === 'all') ? { actions: actions as ScreenOptions['actions'] } : {}),
    asOf: q.asOf as string,
    ...(q.assessmentYear !== undefined ? { assessmentYear: numberParam(q.assessmentYear) as number } : {}),
    ...(q.decisions !== undefined ? { decisions: q.decisions as ScreenOptions['decisions'] } : {}),
    ...(withPolicy !== undefined ? { policy: withPolicy as ScreenOptions['policy'] } : {}),
    ...(ctx.hostCalendar ? { calendar: ctx.hostCalendar } : {}),
  };
}

/** Paths of screen's option errors as query parameters (`options.packs` → `packs`; an unknown pack names `packs`). */
const queryPath = (p: readonly (string | number)[]): (string | number)[] => {
  const q = bodyPath('options')(p);
  return q[0] === 'pack' ? ['packs', ...q.slice(1)] : q;
};

/**
 * Checks the questions now (a bad one is a 400 before any line is read: screen checks its options
 * at creation) and returns what runs the screening once the answer's stream is open.
 */
export function prepareScreen(
  query: Record<string, unknown>,
  ctx: ServiceContext,
  maxLineBytes: number,
): { run: (input: AsyncIterable<Buffer | string>, sink: LineSink) => Promise<ScreenCounts>; counts: ScreenCounts } {
  const options = screenQuestions(query, ctx);
  const counts: ScreenCounts = { lines: 0, ok: 0, blank: 0, errors: 0 };
  let input: AsyncIterable<Buffer | string> | null = null;
  let sink: LineSink | null = null;
  /** The line of the subject screen is answering (one at a time). */
  let current = 0;
  /** A refusal screen reported (onError) for `current`: written before the next line is read. */
  let refused: string | null = null;

  const errorLine = (line: number, error: ErrorJson): string => {
    counts.errors++;
    return JSON.stringify({ line, status: 'error', error });
  };
  const flush = async (): Promise<void> => {
    if (refused === null) return;
    const line = refused;
    refused = null;
    await sink!.write(line);
  };

  async function* subjects(): AsyncGenerator<unknown> {
    for await (const raw of boundedLines(input!, maxLineBytes)) {
      const n = ++counts.lines;
      await flush();
      if (typeof raw === 'object' && 'tooLong' in raw) {
        const e = serviceError('line_too_long', L(`第 ${n} 行有 ${raw.tooLong} 字节，超过上限 ${maxLineBytes} 字节（--body-limit）`, `line ${n} has ${raw.tooLong} bytes, over the limit of ${maxLineBytes} (--body-limit)`));
        await sink!.write(errorLine(n, errorJson(e)));
        continue;
      }
      if (typeof raw === 'string' && raw.trim() === '') {
        counts.blank++;
        await sink!.write(`{"line":${n},"status":"blank"}`);
        continue;
      }
      let doc: unknown;
      try {
        doc = lineDocument(raw);
      } catch (e) {
        if (!(e instanceof LineError)) throw e;
        await sink!.write(errorLine(n, e.json()));
        continue;
      }
      current = n;
      yield doc;
    }
    await flush();
  }

  // Refusals are the line's own: its issues' paths are relative to its subject (screen puts the
  // subject's index and `subject` first), as batch reports a line that is a subject.
  const onError = (e: unknown): void => {
    refused = errorLine(current, errorJson(requestError(e, (p) => (p[1] === 'subject' ? p.slice(2) : p.slice(1)))));
  };
  const screened: AsyncIterable<ScreenedSubject> = (() => {
    try {
      return screen(subjects(), { ...options, onError } as ScreenOptions);
    } catch (e) {
      throw requestError(e, queryPath);
    }
  })();

  const run = async (body: AsyncIterable<Buffer | string>, out: LineSink): Promise<ScreenCounts> => {
    input = body;
    sink = out;
    for await (const s of screened) {
      await flush();
      counts.ok++;
      await out.write(JSON.stringify({ line: current, status: 'ok', subject: s.subject, results: s.results }));
    }
    await flush();
    return counts;
  };
  return { run, counts };
}
