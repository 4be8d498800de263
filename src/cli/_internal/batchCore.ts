import { jsonSyntaxError } from './jsonSyntax.js';
import type { Calendar } from '../../calendar/types.js';
import type { Decision } from '../../model/decision.js';
import type { ScreenResult } from '../../engine/screen.js';
import { hostCalendar } from './schedules.js';
import { GovCreditError } from '../../model/errors.js';
import { decider, type Decider } from './evaluator.js';
import { CliError, errorJson, type ErrorJson } from './exit.js';
import { getHeapStatistics } from 'node:v8';
import { MAX_INPUT_ENTRIES } from '../../_lib/plain.js';
import type { InputLine, InvalidUtf8Line, TooLongLine } from './input.js';
import { expandQueries, refusedInput, type Expanded, type QueryDefaults, type SubjectQuestions } from './queries.js';
import { JsonLinesWriter } from './jsonWriter.js';

/** A run of input lines, decided together (in a worker thread or in the main thread). */
export interface ChunkTask {
  lines: InputLine[];
  /** 1-based line number of `lines[0]`. */
  first: number;
  defaults: QueryDefaults;
  /** Stop at the first bad line (`--strict`). */
  strict: boolean;
  /** Return the output lines; false: counts only (the demo's summary). */
  emit: boolean;
  /**
   * What a decided line's record carries (`--decisions`): `all` (default): every full Decision under
   * `decisions`; `not-clear`: `results` (verdict and clearFrom per pack × action), the Decision only
   * for answers that are not clear; `none`: `results` without any Decision.
   */
  decisions?: BatchDecisions;
}

export type BatchDecisions = 'all' | 'not-clear' | 'none';
export const BATCH_DECISIONS: readonly BatchDecisions[] = ['all', 'not-clear', 'none'];

export interface BadLine {
  line: number;
  error: ErrorJson;
}

export interface ChunkResult {
  /**
   * One JSON line per input line, in input order, each with its 1-based `line` and a `status`:
   * `ok` (its decisions, or its results), `skipped` (no action asked applies), `blank`, or `error`.
   */
  out: string[];
  /**
   * The output lines joined and UTF-8 encoded, each ending in a newline, in place of `out` (from a
   * worker thread: one buffer to copy to the main thread instead of a string per line).
   */
  bytes?: Uint8Array;
  bad: BadLine[];
  /** `pack \t action \t verdict` → count. */
  counts: Record<string, number>;
  lines: number;
  blank: number;
  decisions: number;
  notApplicable: number;
  noYear: number;
  /** In strict mode, the chunk stopped at its first bad line. */
  stopped: boolean;
  /** Lines answered with an internal error (a bug, or a worker thread lost while deciding them). */
  internal: number;
}

export function emptyResult(): ChunkResult {
  return { out: [], bad: [], counts: {}, lines: 0, blank: 0, decisions: 0, notApplicable: 0, noYear: 0, stopped: false, internal: 0 };
}

/** The summary's key of one answer: `pack \t action \t verdict`. */
export function countKey(packId: string, action: string, verdict: string): string {
  return `${packId}\t${action}\t${verdict}`;
}

/** A Decision as a screening answer (screen's ScreenResult): the Decision kept where `decisions` asks. */
export function screenResultOf(d: Decision, decisions: 'not-clear' | 'none'): ScreenResult {
  const r: ScreenResult = { pack: d.pack.id, action: d.action, verdict: d.verdict, clearFrom: d.clearFrom };
  if (decisions === 'not-clear' && d.verdict !== 'clear') r.decision = d;
  return r;
}

let shared: { decider: Decider; calendar: Calendar | null } | null = null;

/** One decider per process and calendar: compiled evaluators are cached inside it, per pack. */
function sharedDecider(): Decider {
  const calendar = hostCalendar();
  if (!shared || shared.calendar !== calendar) shared = { decider: decider(), calendar };
  return shared.decider;
}

/**
 * The output record of a line that was read and decided (or whose every action was skipped): its
 * answers under `decisions` (full Decisions) or `results` (screening answers).
 */
function decidedLine(line: number, key: 'decisions' | 'results', answers: readonly (Decision | ScreenResult)[], skipped: Expanded['skipped']): Record<string, unknown> {
  const status = answers.length === 0 && skipped.length > 0 ? 'skipped' : 'ok';
  const record: Record<string, unknown> = { line, status, [key]: answers };
  if (skipped.length) record.skipped = skipped;
  return record;
}

/**
 * Where a chunk's output lines go: strings in `out` (one JSON.stringify per line: the native
 * serialiser writes a line in one pass), or UTF-8 bytes in a writer (`bytes`, issue 25).
 */
class ChunkOutput {
  constructor(
    private readonly r: ChunkResult,
    private readonly writer: JsonLinesWriter | null,
  ) {}
  record(value: Record<string, unknown>): void {
    if (this.writer) this.writer.line(value);
    else this.r.out.push(JSON.stringify(value));
  }
  text(json: string): void {
    if (this.writer) this.writer.text(json);
    else this.r.out.push(json);
  }
  done(): ChunkResult {
    if (this.writer && this.writer.length > 0) this.r.bytes = this.writer.take();
    return this.r;
  }
}

// One writer per thread: its buffer and its cache of encoded texts serve every chunk.
let threadWriter: JsonLinesWriter | null = null;

/**
 * `processChunk` with the output lines as UTF-8 bytes (`bytes`, `out` empty), written directly by
 * this thread's JSON Lines writer: byte for byte what `out.join('\n') + '\n'` encodes to. What the
 * batch (worker threads and the main thread) uses.
 */
export function processChunkBytes(task: ChunkTask, d: Decider = sharedDecider()): Promise<ChunkResult> {
  threadWriter ??= new JsonLinesWriter();
  return processChunk(task, d, threadWriter);
}

/**
 * Decides every query of every line of the chunk. Every input line gets exactly one output line
 * carrying its line number: its decisions, the actions skipped for it, `blank`, or its error. A line
 * that is not UTF-8, not JSON, not a subject or a query, or that the library refuses, is an error
 * record: never dropped, never fatal (unless strict). So is a line too long (`--max-line-bytes`),
 * one whose JSON would build more than the library accepts or than the memory left can hold
 * (measured before JSON.parse builds it: `oversizedLine`), and one whose deciding throws anything
 * else (a bug: `internal`, counted so that the run exits 3 once every line is answered).
 */
export async function processChunk(task: ChunkTask, d: Decider = sharedDecider(), writer: JsonLinesWriter | null = null): Promise<ChunkResult> {
  const r = emptyResult();
  const out = new ChunkOutput(r, writer);
  const mode = task.decisions ?? 'all';
  // `--decisions all` keeps today's records byte for byte; the other modes put `results` where `decisions` was.
  const key = mode === 'all' ? 'decisions' : 'results';
  for (let i = 0; i < task.lines.length; i++) {
    const raw = task.lines[i]!;
    const lineNo = task.first + i;
    r.lines++;
    if (typeof raw === 'string' && raw.trim() === '') {
      r.blank++;
      if (task.emit) out.text(`{"line":${lineNo},"status":"blank","${key}":[]}`);
      continue;
    }
    try {
      const doc = lineDocument(raw);
      let query: unknown = doc;
      let ex: Expanded;
      let answers: Decision[] | ScreenResult[];
      try {
        ex = expandQueries(doc, task.defaults);
        const asking = (q: unknown): unknown => (query = q);
        answers =
          mode === 'all'
            ? await answerLine(ex, d.decideTogether ? (qs) => d.decideTogether!(qs) : null, (q) => d.decide(q as never), asking)
            : // Screened together: no composition for clear answers; else each query decided and projected.
              await answerLine(ex, d.screenTogether ? (qs) => d.screenTogether!(qs, mode) : null, async (q) => screenResultOf(await d.decide(q as never), mode), asking);
      } catch (e) {
        if (e instanceof GovCreditError) throw refusedInput(e, doc, query);
        throw e;
      }
      r.notApplicable += ex.notApplicable;
      r.noYear += ex.noYear;
      for (const a of answers) {
        const k = countKey(typeof a.pack === 'string' ? a.pack : a.pack.id, a.action, a.verdict);
        r.counts[k] = (r.counts[k] ?? 0) + 1;
      }
      r.decisions += answers.length;
      if (task.emit) out.record(decidedLine(lineNo, key, answers, ex.skipped));
    } catch (e) {
      // Anything else is a bug: the line is answered with an internal error and the run goes on
      // (the batch then exits 3); the error keeps its message, and its stack under --debug.
      const internal = !(e instanceof GovCreditError || e instanceof LineError || e instanceof CliError);
      if (internal) r.internal++;
      const error = e instanceof LineError ? e.json() : internal ? internalErrorJson(e) : errorJson(e);
      r.bad.push({ line: lineNo, error });
      out.record({ line: lineNo, status: 'error', error });
      if (task.strict) {
        r.stopped = true;
        return out.done();
      }
    }
  }
  return out.done();
}

/**
 * A line's answers: its questions together where the line allows it and the decider can, else
 * query by query (`asking` is told each query, so that an error is reported against the query
 * that failed).
 */
async function answerLine<T>(ex: Expanded, together: ((qs: SubjectQuestions) => T[]) | null, one: (q: Record<string, unknown>) => T | Promise<T>, asking: (q: unknown) => void): Promise<T[]> {
  if (ex.together && together) {
    try {
      return together(ex.together);
    } catch (e) {
      // Asked again one by one below, which finds the question that fails and its error.
      if (!(e instanceof GovCreditError)) throw e;
    }
  }
  const out: T[] = [];
  for (const q of ex.queries) {
    asking(q);
    out.push(await one(q));
  }
  return out;
}

/** The error of a line that was never read as text: not UTF-8, or longer than the per-line limit. */
function unreadLine(raw: InvalidUtf8Line | TooLongLine): LineError {
  if ('invalidUtf8' in raw) return new LineError('invalid_utf8', `不是有效的 UTF-8：第 ${raw.invalidUtf8.byte + 1} 个字节起`, `not valid UTF-8 from byte ${raw.invalidUtf8.byte + 1}`);
  const { bytes, limit } = raw.tooLong;
  return new LineError(
    'line_too_long',
    `此行有 ${num(bytes)} 字节，超过每行 ${num(limit)} 字节的上限（--max-line-bytes）；未读取`,
    `the line has ${num(bytes)} bytes, over the limit of ${num(limit)} bytes per line (--max-line-bytes); not read`,
  );
}

const num = (n: number): string => n.toLocaleString('en-US');

/** Lines shorter than this cannot hold enough JSON to matter (at most ~32,000 values, a few MB parsed). */
const MEASURE_FROM = 64 * 1024;

/**
 * A long line measured before JSON.parse builds it, in one pass over its characters: the values it
 * holds (commas and containers outside strings) and about how much memory parsing and validating it
 * take. Refused, without being parsed, when it holds more entries than the library accepts
 * (`input_too_large`, as the library would answer after building it) or needs more memory than the
 * heap has left (`out_of_memory`): JSON.parse allocates natively, and a heap exhausted there aborts
 * the whole process (any thread), so this is the one place the line can be refused safely.
 */
export function oversizedLine(raw: string): LineError | null {
  if (raw.length < MEASURE_FROM) return null;
  let containers = 0;
  let commas = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: the next character is escaped
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 44) commas++;
    else if (c === 123 || c === 91) containers++;
  }
  // Every entry but the first of a container follows a comma, and every container but the top is
  // an entry: entries ≥ (commas + containers − 1) / 2.
  if (commas + containers > 2 * MAX_INPUT_ENTRIES + 1) {
    return new LineError(
      'input_too_large',
      `此行的 JSON 有 ${num(commas + containers)} 个以上的值，超过 ${num(MAX_INPUT_ENTRIES)} 个数组项与对象属性的上限；未解析`,
      `the line's JSON holds over ${num(commas + containers)} values, more than the limit of ${num(MAX_INPUT_ENTRIES)} array items and object properties; not parsed`,
    );
  }
  // Measured on V8 (Node 20): an object or array about 64 bytes, each further entry 16, text about
  // its length; twice that for the validated copy.
  const need = 2 * (containers * 64 + commas * 16 + raw.length);
  const heap = getHeapStatistics();
  const free = heap.heap_size_limit - heap.used_heap_size;
  if (need > free) {
    const mb = (n: number): string => num(Math.ceil(n / 1024 / 1024));
    return new LineError(
      'out_of_memory',
      `此行约需 ${mb(need)} MB 内存才能读取，剩余不足 ${mb(free)} MB；未解析（可用 NODE_OPTIONS=--max-old-space-size=… 增加内存）`,
      `reading the line would take about ${mb(need)} MB of memory, more than the ${mb(free)} MB left; not parsed (raise it with NODE_OPTIONS=--max-old-space-size=…)`,
    );
  }
  return null;
}

/**
 * A non-blank line's JSON document (batch and the web service's screen); a line that cannot be read
 * throws its LineError: not UTF-8, over the per-line limit, too large to parse (measured first:
 * `oversizedLine`), or not JSON.
 */
export function lineDocument(raw: InputLine): unknown {
  if (typeof raw !== 'string') throw unreadLine(raw);
  const oversized = oversizedLine(raw);
  if (oversized) throw oversized;
  try {
    return JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
  } catch {
    // Where and what, in both languages (V8's message is English only).
    const why = jsonSyntaxError(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw, { line: false });
    throw new LineError('invalid_json', `不是有效的 JSON：${why['zh-CN']}`, `not valid JSON: ${why.en}`);
  }
}

/** A line that cannot be read as a document: not UTF-8, not JSON, too long, too large. */
export class LineError extends Error {
  override readonly name = 'LineError';
  constructor(
    readonly code: 'invalid_json' | 'invalid_utf8' | 'line_too_long' | 'input_too_large' | 'out_of_memory',
    private readonly zh: string,
    private readonly en: string,
  ) {
    super(en);
  }
  json(): ErrorJson {
    const message = { 'zh-CN': this.zh, en: this.en };
    return { name: 'InvalidInputError', code: this.code, message, issues: [{ path: [], code: this.code, message }] };
  }
}

/** The error record of a line whose deciding failed for a reason that is not the input's (a bug). */
export function internalErrorJson(e: unknown): ErrorJson {
  const msg = e instanceof Error ? e.message : String(e);
  const message = { 'zh-CN': `内部错误：${msg}`, en: `internal error: ${msg}` };
  return { name: 'InternalError', code: 'internal', message, issues: [{ path: [], code: 'internal', message }] };
}

/**
 * The error record of a line whose worker thread ran out of memory while deciding it (asked again
 * alone, it did so again): the line cannot be decided in the memory the process has.
 */
export function outOfMemoryJson(): ErrorJson {
  const message = {
    'zh-CN': '决定此行时内存不足（工作线程已终止）；其余各行照常决定（可用 NODE_OPTIONS=--max-old-space-size=… 增加内存）',
    en: 'ran out of memory while deciding this line (its worker thread was stopped); the other lines are decided as usual (raise the memory with NODE_OPTIONS=--max-old-space-size=…)',
  };
  return { name: 'InvalidInputError', code: 'out_of_memory', message, issues: [{ path: [], code: 'out_of_memory', message }] };
}

/**
 * The answer for a line whose worker thread was lost while deciding it alone: `out_of_memory` when
 * the thread ran out of memory (input data the process cannot hold: a bad line, exit 1), else an
 * internal error (exit 3). Either way the line has its error record and the run goes on.
 */
export function lostLine(task: ChunkTask, e: unknown): ChunkResult {
  const oom = (e as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
  const r = emptyResult();
  const error = oom ? outOfMemoryJson() : internalErrorJson(e);
  r.lines = 1;
  if (!oom) r.internal = 1;
  r.bad.push({ line: task.first, error });
  r.out.push(JSON.stringify({ line: task.first, status: 'error', error }));
  r.stopped = task.strict;
  return r;
}

/** The results of consecutive single-line tasks as one chunk's (in order; under --strict up to the first bad line). */
export function joinResults(parts: readonly ChunkResult[], strict: boolean): ChunkResult {
  const total = emptyResult();
  const bytes: Uint8Array[] = [];
  for (const p of parts) {
    bytes.push(p.bytes ?? (p.out.length ? utf8.encode(p.out.join('\n') + '\n') : new Uint8Array(0)));
    addInto(total, p);
    if (strict && p.stopped) break;
  }
  const size = bytes.reduce((n, b) => n + b.length, 0);
  const joined = new Uint8Array(size);
  let at = 0;
  for (const b of bytes) {
    joined.set(b, at);
    at += b.length;
  }
  if (size > 0) total.bytes = joined;
  return total;
}

/** Adds a chunk's result into a running total (counts only; outputs are written as they come). */
export function addInto(total: ChunkResult, r: ChunkResult): void {
  total.lines += r.lines;
  total.blank += r.blank;
  total.decisions += r.decisions;
  total.notApplicable += r.notApplicable;
  total.noYear += r.noYear;
  total.bad.push(...r.bad);
  for (const [k, v] of Object.entries(r.counts)) total.counts[k] = (total.counts[k] ?? 0) + v;
  total.stopped ||= r.stopped;
  total.internal += r.internal;
}

const utf8 = new TextEncoder();
