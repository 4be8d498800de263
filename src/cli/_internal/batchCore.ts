import type { Decision } from '../../model/decision.js';
import { GovCreditError } from '../../model/errors.js';
import { decider, type Decider } from './evaluator.js';
import { CliError, errorJson } from './exit.js';
import { expandQueries, isBareSubject, relativeToSubject, type QueryDefaults } from './queries.js';

/** A run of input lines, decided together (in a worker thread or in the main thread). */
export interface ChunkTask {
  lines: string[];
  /** 1-based line number of `lines[0]`. */
  first: number;
  defaults: QueryDefaults;
  /** Stop at the first bad line (`--strict`). */
  strict: boolean;
  /** Return the decisions as JSON Lines; false: counts only (the demo's summary). */
  emit: boolean;
}

export interface BadLine {
  line: number;
  error: ReturnType<typeof errorJson>;
  /** Index in `out` of this line's error record. */
  outIndex: number;
}

export interface ChunkResult {
  /** JSON Lines to write, in input order: a decision, or `{"line":n,"error":{…}}` for a bad line. */
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

let shared: Decider | null = null;

/**
 * Decides every query of every line of the chunk. A line that is not JSON, is not a subject or a
 * query, or that the library refuses, becomes an error record with its line number: never
 * dropped, never fatal (unless strict). Anything else thrown is a bug and propagates.
 */
export async function processChunk(task: ChunkTask, d: Decider = (shared ??= decider())): Promise<ChunkResult> {
  const r = emptyResult();
  for (let i = 0; i < task.lines.length; i++) {
    const raw = task.lines[i]!;
    const lineNo = task.first + i;
    r.lines++;
    if (raw.trim() === '') {
      r.blank++;
      continue;
    }
    const out: string[] = [];
    try {
      let doc: unknown;
      try {
        doc = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        throw new LineSyntaxError(msg);
      }
      const ex = expandQueries(doc, task.defaults);
      r.notApplicable += ex.notApplicable;
      r.noYear += ex.noYear;
      const decisions: Decision[] = [];
      try {
        for (const q of ex.queries) decisions.push(await d.decide(q as never));
      } catch (e) {
        if (e instanceof GovCreditError && isBareSubject(doc)) throw relativeToSubject(e);
        throw e;
      }
      for (const dec of decisions) {
        if (task.emit) out.push(JSON.stringify(dec));
        const k = countKey(dec);
        r.counts[k] = (r.counts[k] ?? 0) + 1;
      }
      r.decisions += decisions.length;
      r.out.push(...out);
    } catch (e) {
      if (!(e instanceof GovCreditError || e instanceof LineSyntaxError || e instanceof CliError)) throw e;
      const error = e instanceof LineSyntaxError ? e.json() : errorJson(e);
      r.bad.push({ line: lineNo, error, outIndex: r.out.length });
      r.out.push(JSON.stringify({ line: lineNo, error }));
      if (task.strict) {
        r.stopped = true;
        return r;
      }
    }
  }
  return r;
}

/** A line that is not JSON at all. */
export class LineSyntaxError extends Error {
  override readonly name = 'LineSyntaxError';
  json(): ReturnType<typeof errorJson> {
    return {
      name: 'InvalidInputError',
      code: 'invalid_json',
      issues: [{ path: [], code: 'invalid_json', message: { 'zh-CN': `不是有效的 JSON：${this.message}`, en: `not valid JSON: ${this.message}` } }],
    };
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
