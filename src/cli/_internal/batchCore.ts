import { jsonSyntaxError } from './jsonSyntax.js';
import type { Calendar } from '../../calendar/types.js';
import type { Decision } from '../../model/decision.js';
import type { ScreenResult } from '../../engine/screen.js';
import { hostCalendar } from './schedules.js';
import { GovCreditError } from '../../model/errors.js';
import { decider, type Decider } from './evaluator.js';
import { CliError, errorJson, type ErrorJson } from './exit.js';
import type { InputLine } from './input.js';
import { expandQueries, refusedInput, type Expanded, type QueryDefaults, type SubjectQuestions } from './queries.js';

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
}

export function emptyResult(): ChunkResult {
  return { out: [], bad: [], counts: {}, lines: 0, blank: 0, decisions: 0, notApplicable: 0, noYear: 0, stopped: false };
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
function decidedLine(line: number, key: 'decisions' | 'results', answers: readonly (Decision | ScreenResult)[], skipped: Expanded['skipped']): string {
  const status = answers.length === 0 && skipped.length > 0 ? 'skipped' : 'ok';
  // One JSON.stringify for the whole line: the native serialiser writes it in one pass (about 40 %
  // faster than serialising each answer and joining the strings).
  const record: Record<string, unknown> = { line, status, [key]: answers };
  if (skipped.length) record.skipped = skipped;
  return JSON.stringify(record);
}

/**
 * Decides every query of every line of the chunk. Every input line gets exactly one output line
 * carrying its line number: its decisions, the actions skipped for it, `blank`, or its error. A line
 * that is not UTF-8, not JSON, not a subject or a query, or that the library refuses, is an error
 * record: never dropped, never fatal (unless strict). Anything else thrown is a bug and propagates.
 */
export async function processChunk(task: ChunkTask, d: Decider = sharedDecider()): Promise<ChunkResult> {
  const r = emptyResult();
  const mode = task.decisions ?? 'all';
  // `--decisions all` keeps today's records byte for byte; the other modes put `results` where `decisions` was.
  const key = mode === 'all' ? 'decisions' : 'results';
  for (let i = 0; i < task.lines.length; i++) {
    const raw = task.lines[i]!;
    const lineNo = task.first + i;
    r.lines++;
    if (typeof raw === 'string' && raw.trim() === '') {
      r.blank++;
      if (task.emit) r.out.push(`{"line":${lineNo},"status":"blank","${key}":[]}`);
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
      if (task.emit) r.out.push(decidedLine(lineNo, key, answers, ex.skipped));
    } catch (e) {
      if (!(e instanceof GovCreditError || e instanceof LineError || e instanceof CliError)) throw e;
      const error = e instanceof LineError ? e.json() : errorJson(e);
      r.bad.push({ line: lineNo, error });
      r.out.push(JSON.stringify({ line: lineNo, status: 'error', error }));
      if (task.strict) {
        r.stopped = true;
        return r;
      }
    }
  }
  return r;
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

/** A non-blank line's JSON document; a line that is not UTF-8 or not JSON throws its LineError (batch and the web service's screen). */
export function lineDocument(raw: InputLine): unknown {
  if (typeof raw !== 'string') throw new LineError('invalid_utf8', `不是有效的 UTF-8：第 ${raw.invalidUtf8.byte + 1} 个字节起`, `not valid UTF-8 from byte ${raw.invalidUtf8.byte + 1}`);
  try {
    return JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
  } catch {
    // Where and what, in both languages (V8's message is English only).
    const why = jsonSyntaxError(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw, { line: false });
    throw new LineError('invalid_json', `不是有效的 JSON：${why['zh-CN']}`, `not valid JSON: ${why.en}`);
  }
}

/** A line that cannot be read as JSON at all: not UTF-8, or not JSON. */
export class LineError extends Error {
  override readonly name = 'LineError';
  constructor(
    readonly code: 'invalid_json' | 'invalid_utf8',
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
}

const utf8 = new TextEncoder();

/** A chunk's result with its output lines as one UTF-8 buffer (`bytes`), for the trip back from a worker thread. */
export function withOutputBytes(r: ChunkResult): ChunkResult {
  if (r.out.length === 0) return r;
  return { ...r, out: [], bytes: utf8.encode(r.out.join('\n') + '\n') };
}
