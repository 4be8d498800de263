import type { Calendar } from '../../calendar/types.js';
import type { Decision } from '../../model/decision.js';
import { hostCalendar } from './schedules.js';
import { GovCreditError } from '../../model/errors.js';
import { decider, type Decider } from './evaluator.js';
import { CliError, errorJson, type ErrorJson } from './exit.js';
import type { InputLine } from './input.js';
import { expandQueries, refusedInput, type Expanded, type QueryDefaults } from './queries.js';

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
}

export interface BadLine {
  line: number;
  error: ErrorJson;
  /** Index in `out` of this line's output record. */
  outIndex: number;
}

export interface ChunkResult {
  /**
   * One JSON line per input line, in input order, each with its 1-based `line` and a `status`:
   * `ok` (its decisions), `skipped` (no action asked applies), `blank`, or `error`.
   */
  out: string[];
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

export function countKey(d: Pick<Decision, 'pack' | 'action' | 'verdict'>): string {
  return `${d.pack.id}\t${d.action}\t${d.verdict}`;
}

let shared: { decider: Decider; calendar: Calendar | null } | null = null;

/** One decider per process and calendar: compiled evaluators are cached inside it, per pack. */
function sharedDecider(): Decider {
  const calendar = hostCalendar();
  if (!shared || shared.calendar !== calendar) shared = { decider: decider(), calendar };
  return shared.decider;
}

/** The output record of a line that was read and decided (or whose every action was skipped). */
function decidedLine(line: number, decisions: Decision[], skipped: Expanded['skipped']): string {
  const status = decisions.length === 0 && skipped.length > 0 ? 'skipped' : 'ok';
  // Decisions are serialised once, straight into the line.
  let s = `{"line":${line},"status":"${status}","decisions":[${decisions.map((d) => JSON.stringify(d)).join(',')}]`;
  if (skipped.length) s += `,"skipped":${JSON.stringify(skipped)}`;
  return `${s}}`;
}

/**
 * Decides every query of every line of the chunk. Every input line gets exactly one output line
 * carrying its line number: its decisions, the actions skipped for it, `blank`, or its error. A line
 * that is not UTF-8, not JSON, not a subject or a query, or that the library refuses, is an error
 * record: never dropped, never fatal (unless strict). Anything else thrown is a bug and propagates.
 */
export async function processChunk(task: ChunkTask, d: Decider = sharedDecider()): Promise<ChunkResult> {
  const r = emptyResult();
  for (let i = 0; i < task.lines.length; i++) {
    const raw = task.lines[i]!;
    const lineNo = task.first + i;
    r.lines++;
    if (typeof raw === 'string' && raw.trim() === '') {
      r.blank++;
      if (task.emit) r.out.push(`{"line":${lineNo},"status":"blank","decisions":[]}`);
      continue;
    }
    try {
      if (typeof raw !== 'string') throw new LineError('invalid_utf8', `不是有效的 UTF-8：第 ${raw.invalidUtf8.byte + 1} 个字节起`, `not valid UTF-8 from byte ${raw.invalidUtf8.byte + 1}`);
      let doc: unknown;
      try {
        doc = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        throw new LineError('invalid_json', `不是有效的 JSON：${msg}`, `not valid JSON: ${msg}`);
      }
      const decisions: Decision[] = [];
      let query: unknown = doc;
      let ex: Expanded;
      try {
        ex = expandQueries(doc, task.defaults);
        let together: Decision[] | null = null;
        if (ex.together && d.decideTogether) {
          try {
            together = d.decideTogether(ex.together);
          } catch (e) {
            // Asked again one by one below, which finds the question that fails and its error.
            if (!(e instanceof GovCreditError)) throw e;
          }
        }
        if (together) decisions.push(...together);
        else {
          for (const q of ex.queries) {
            query = q;
            decisions.push(await d.decide(q as never));
          }
        }
      } catch (e) {
        if (e instanceof GovCreditError) throw refusedInput(e, doc, query);
        throw e;
      }
      r.notApplicable += ex.notApplicable;
      r.noYear += ex.noYear;
      for (const dec of decisions) {
        const k = countKey(dec);
        r.counts[k] = (r.counts[k] ?? 0) + 1;
      }
      r.decisions += decisions.length;
      if (task.emit) r.out.push(decidedLine(lineNo, decisions, ex.skipped));
    } catch (e) {
      if (!(e instanceof GovCreditError || e instanceof LineError || e instanceof CliError)) throw e;
      const error = e instanceof LineError ? e.json() : errorJson(e);
      r.bad.push({ line: lineNo, error, outIndex: r.out.length });
      r.out.push(JSON.stringify({ line: lineNo, status: 'error', error }));
      if (task.strict) {
        r.stopped = true;
        return r;
      }
    }
  }
  return r;
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
