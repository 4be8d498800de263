import { addInto, emptyResult, joinResults, lostLine, processChunkBytes, type BadLine, type BatchDecisions, type ChunkResult, type ChunkTask } from './batchCore.js';
import { writeOut, type Ctx, type Out } from './context.js';
import { EXIT } from './exit.js';
import type { LineSource, InputLine } from './input.js';
import type { Pool } from './pool.js';
import type { Progress } from './progress.js';
import type { QueryDefaults } from './queries.js';
import { printable, wrapLines } from './text.js';

/**
 * Lines per chunk (the unit sent to a worker thread). 64 rather than 256: the same speed, half the
 * peak RSS (a chunk's decisions and their JSON are alive until it is written; bench, 10,000 lines ×
 * all packs × all actions: 198 MB vs 397 MB on one thread).
 */
const CHUNK_LINES = 64;
/** Bad lines printed one by one on stderr; beyond this they are counted (their error records are on stdout). */
const BAD_LINES_SHOWN = 100;

export const INTERRUPTED: unique symbol = Symbol('interrupted');
const HEAD_DONE: unique symbol = Symbol('head-done');

export type Signal = 'SIGINT' | 'SIGTERM';

/** What the loop needs from the run: where lines go, how they are decided, where to start. */
export interface LoopSettings {
  defaults: QueryDefaults;
  strict: boolean;
  sink: Out | null;
  decisions: BatchDecisions;
  fromLine: number;
  handleSignals: boolean;
  /** Renders a bad line for stderr in the run's locale. */
  badLineText: (b: BadLine) => string;
}

/** What the loop leaves behind for the report. */
export interface LoopOutcome {
  total: ChunkResult;
  badShown: BadLine[];
  badCount: number;
  lastLine: number;
  interrupted: Signal | null;
}

/**
 * SIGINT/SIGTERM while a batch runs: the first stops taking lines and writes nothing more (the run then
 * says where its output ends); a second stops the process at once, saying which lines were whole.
 */
class Interruption {
  signal: Signal | null = null;
  /** Resolves with INTERRUPTED on the first signal. */
  readonly promise: Promise<typeof INTERRUPTED>;
  private wake: () => void = () => undefined;
  private readonly listener = (sig: Signal): void => this.onSignal(sig);

  constructor(
    private readonly enabled: boolean,
    private readonly ctx: Ctx,
    private readonly lastLine: () => number,
    private readonly onStop: () => void,
  ) {
    this.promise = new Promise((res) => (this.wake = () => res(INTERRUPTED)));
  }

  install(): void {
    if (!this.enabled) return;
    process.on('SIGINT', this.listener);
    process.on('SIGTERM', this.listener);
  }

  remove(): void {
    if (!this.enabled) return;
    process.removeListener('SIGINT', this.listener);
    process.removeListener('SIGTERM', this.listener);
  }

  /** `p`, or INTERRUPTED as soon as a signal comes (p's later failure is then ignored). */
  unless<T>(p: Promise<T>): Promise<T | typeof INTERRUPTED> {
    if (!this.enabled) return p;
    p.catch(() => undefined);
    return this.signal ? Promise.resolve(INTERRUPTED) : Promise.race([p, this.promise]);
  }

  private onSignal(sig: Signal): void {
    if (this.signal) this.stopNow(sig);
    this.signal = sig;
    this.onStop();
    this.wake();
  }

  /** A second signal: stop now (a line being written may be cut), saying so. */
  private stopNow(sig: Signal): never {
    const lastLine = this.lastLine();
    const message = {
      'zh-CN': `批处理再次收到 ${sig}，立即停止：第 ${lastLine} 行及以前已完整写出，其后一行可能不完整`,
      en: `batch stopped at once on a second ${sig}: the lines up to ${lastLine} were written whole, a later one may be cut`,
    };
    const code = sig === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
    const error = { name: 'CliError', code: 'interrupted', message, issues: [], signal: sig, lastLine, resumeFrom: lastLine + 1, exitCode: code };
    this.ctx.stderr.write((this.ctx.jsonErrors ? JSON.stringify({ error }) : message[this.ctx.locale]) + '\n');
    process.exit(code);
  }
}

/**
 * One pass of a roster through the deciders: chunks of lines go to worker threads (or are decided
 * here), results are written in input order as they complete, bad lines are reported as they are met.
 * At most two chunks per thread are in flight, so memory stays bounded whatever the roster's length.
 */
export class BatchLoop {
  private readonly total = emptyResult();
  private readonly badShown: BadLine[] = [];
  private badCount = 0;
  private readonly inflight: { result: Promise<ChunkResult>; first: number }[] = [];
  private readonly maxInflight: number;
  private stop = false;
  private lastLine: number;
  private readonly interruption: Interruption;
  private readonly lines: AsyncIterator<InputLine[]>;

  constructor(
    private readonly s: LoopSettings,
    private readonly src: LineSource,
    private readonly pool: Pool | null,
    private readonly progress: Progress,
    private readonly ctx: Ctx,
  ) {
    this.maxInflight = pool ? pool.threads * 2 : 1;
    this.lastLine = s.fromLine - 1;
    this.interruption = new Interruption(s.handleSignals, ctx, () => this.lastLine, () => (this.stop = true));
    this.lines = src.lines[Symbol.asyncIterator]();
  }

  /** Reads, decides and writes every line (or until stopped), then closes what it opened. */
  async run(): Promise<LoopOutcome> {
    this.interruption.install();
    try {
      await this.readAll();
    } finally {
      for (const x of this.inflight) x.result.catch(() => undefined);
      const signal = this.interruption.signal;
      if (this.stop || signal) this.src.close(signal !== null);
      if (this.pool) await this.pool.close().catch(() => undefined);
      this.interruption.remove();
    }
    this.progress.update(this.total.lines, this.total.decisions, this.src.bytesRead(), true);
    this.progress.done();
    return { total: this.total, badShown: this.badShown, badCount: this.badCount, lastLine: this.lastLine, interrupted: this.interruption.signal };
  }

  get sinkGone(): boolean {
    return this.s.sink?.gone === true;
  }

  /** Cuts the input into chunks from `fromLine` on, keeping at most `maxInflight` of them undecided. */
  private async readAll(): Promise<void> {
    let buf: InputLine[] = [];
    let first = this.s.fromLine;
    let lineNo = 0;
    for (;;) {
      const n = await this.readNext();
      if (n === INTERRUPTED || n.done) break;
      for (const line of n.value) {
        lineNo++;
        if (lineNo < this.s.fromLine) continue;
        if (buf.length === 0) first = lineNo;
        buf.push(line);
        if (buf.length < CHUNK_LINES) continue;
        this.submit(buf, first);
        buf = [];
        while (this.inflight.length >= this.maxInflight && !this.stop) await this.settleNext();
        if (this.stop) return;
      }
    }
    if (!this.stop && buf.length) this.submit(buf, first);
    while (this.inflight.length && !this.stop) await this.settleNext();
  }

  /**
   * The next lines read; while they are awaited, chunks already decided are written (a roster piped
   * in line by line gets its answers without waiting for more input). INTERRUPTED on a signal.
   */
  private async readNext(): Promise<IteratorResult<InputLine[]> | typeof INTERRUPTED> {
    const next = this.lines.next();
    next.catch(() => undefined);
    for (;;) {
      const head = this.inflight[0];
      const waits: Promise<unknown>[] = [next];
      if (head) waits.push(head.result.then(() => HEAD_DONE, () => HEAD_DONE));
      if (this.s.handleSignals) waits.push(this.interruption.promise);
      const w = await Promise.race(waits);
      if (w === INTERRUPTED) return INTERRUPTED;
      if (w !== HEAD_DONE) return w as IteratorResult<InputLine[]>;
      await this.settleNext();
      if (this.stop) return INTERRUPTED;
    }
  }

  /** Sends a chunk to be decided; the mode travels with it, so worker threads answer as this thread would. */
  private submit(lines: InputLine[], first: number): void {
    const s = this.s;
    const task: ChunkTask = { lines, first, defaults: s.defaults, strict: s.strict, emit: s.sink !== null, decisions: s.decisions };
    this.inflight.push({ result: this.decide(task), first });
  }

  /**
   * A chunk decided by a worker thread that was lost (out of memory, or crashed) is asked again line
   * by line, so that only a line that cannot be decided is lost, and it is answered with an error.
   */
  private async decide(task: ChunkTask): Promise<ChunkResult> {
    if (!this.pool) return processChunkBytes(task);
    try {
      return await this.pool.run(task);
    } catch (e) {
      if (this.interruption.signal) return emptyResult();
      if (task.lines.length === 1) return lostLine(task, e);
      const parts = await Promise.all(task.lines.map((line, i) => this.decide({ ...task, lines: [line], first: task.first + i })));
      return joinResults(parts, task.strict);
    }
  }

  /** Waits for the oldest chunk in flight and writes it. */
  private async settleNext(): Promise<void> {
    const next = this.inflight.shift()!;
    const r = await this.interruption.unless(next.result);
    if (r !== INTERRUPTED) await this.settle(r, next.first);
  }

  /** Writes a decided chunk whole, then reports its bad lines and counts it. */
  private async settle(r: ChunkResult, first: number): Promise<void> {
    if (this.stop) return;
    // A chunk stops at its first bad line under --strict, so its output ends with that line's record.
    const output = r.bytes ?? (r.out.length ? r.out.join('\n') + '\n' : null);
    // Handed to the stream whole: the lines of this chunk are written, whatever comes next.
    const written = this.s.sink && output ? writeOut(this.s.sink, output) : null;
    this.lastLine = first + r.lines - 1;
    if (written) await this.interruption.unless(written);
    if (this.sinkGone) {
      addInto(this.total, { ...r, bad: [] });
      this.stop = true;
      return;
    }
    for (const b of r.bad) await this.reportBadLine(b);
    addInto(this.total, { ...r, bad: [] });
    if (r.stopped) this.stop = true;
    this.progress.update(this.total.lines, this.total.decisions, this.src.bytesRead());
  }

  /** The first BAD_LINES_SHOWN bad lines go to stderr as they are met; the rest are counted. */
  private async reportBadLine(b: BadLine): Promise<void> {
    this.badCount++;
    if (this.badShown.length >= BAD_LINES_SHOWN) return;
    this.badShown.push(b);
    if (this.ctx.jsonErrors) await writeOut(this.ctx.stderr, JSON.stringify({ line: b.line, error: b.error }) + '\n');
    else await writeOut(this.ctx.stderr, `${this.progress.interrupt()}${printable(wrapLines(this.s.badLineText(b), this.ctx.width))}\n`);
  }
}
