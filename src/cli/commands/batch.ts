import { availableParallelism } from 'node:os';
import { listPacks } from '../../packs/listPacks.js';
import { ACTIONS, VERDICTS, type Verdict } from '../../model/vocabulary.js';
import { flag, noExtraPositionals, oneOf, parseCommand, positiveInt } from '../_internal/args.js';
import { addInto, BATCH_DECISIONS, emptyResult, joinResults, lostLine, processChunkBytes, type BadLine, type BatchDecisions, type ChunkResult, type ChunkTask } from '../_internal/batchCore.js';
import { writeOut, type Ctx, type Out } from '../_internal/context.js';
import { deciderKind, type DeciderKind } from '../_internal/evaluator.js';
import { EXIT, errorLabel, headed, issueLines, usageError } from '../_internal/exit.js';
import { num, type Locale } from '../_internal/i18n.js';
import { MAX_FILE_BYTES, openLines, type InputLine } from '../_internal/input.js';
import { openPool, type Pool, type WorkerSetup } from '../_internal/pool.js';
import { Progress } from '../_internal/progress.js';
import type { QueryDefaults } from '../_internal/queries.js';
import { label } from '../../model/labels.js';
import { actionLabel, packName, verdictLabel } from '../_internal/render.js';
import { printable, table, wrap, wrapHanging, wrapLines } from '../_internal/text.js';
import { QUERY_OPTIONS, queryDefaults } from './common.js';

export const BATCH_OPTIONS = {
  ...QUERY_OPTIONS,
  workers: { type: 'string' },
  strict: { type: 'boolean' },
  progress: { type: 'boolean' },
  quiet: { type: 'boolean' },
  format: { type: 'string' },
  decisions: { type: 'string' },
  'max-line-bytes': { type: 'string' },
  'from-line': { type: 'string' },
} as const;

/**
 * Lines per chunk (the unit sent to a worker thread). 64 rather than 256: the same speed, half the
 * peak RSS (a chunk's decisions and their JSON are alive until it is written; bench, 10,000 lines ×
 * all packs × all actions: 198 MB vs 397 MB on one thread).
 */
const CHUNK_LINES = 64;
/** Bad lines printed one by one on stderr; beyond this they are counted (their error records are on stdout). */
const BAD_LINES_SHOWN = 100;

export interface BatchRun {
  input: string;
  defaults: QueryDefaults;
  workers: number;
  strict: boolean;
  /** Draw the progress bar (only if stderr is a terminal). */
  progress: boolean;
  /** What each worker thread needs first: host packs (--load) and schedules (--schedule). */
  setup: WorkerSetup;
  /** Where decisions go; null: count only (the demo). */
  sink: Out | null;
  /** What each decided line carries (`--decisions`); default `all`. */
  decisions?: BatchDecisions;
  /** Bytes one input line may have (`--max-line-bytes`); default MAX_FILE_BYTES (16 MiB). */
  maxLineBytes?: number;
  /** The first line to decide (`--from-line`, to resume a run): earlier lines are read and skipped, line numbers kept. */
  fromLine?: number;
  /**
   * Decide in worker threads even with one (the CLI's own process, which worker threads can load):
   * a thread lost while deciding (out of memory) then costs the line it was deciding, not the run.
   */
  isolate?: boolean;
  /** Stop after whole lines on SIGINT/SIGTERM and say where (the CLI's own process). */
  handleSignals?: boolean;
}

export interface BatchReport {
  total: ChunkResult;
  badShown: BadLine[];
  badCount: number;
  seconds: number;
  evaluator: DeciderKind;
  threads: number;
  /** Why --workers fell back to one thread. */
  fallback: string | null;
  /** --workers asked for more threads than the machine has cores: the run used `cores`. */
  capped: { asked: number; cores: number } | null;
  /** The output's reader went away (EPIPE): the run stopped early; the output is incomplete. */
  outputClosed: boolean;
  /** The last input line whose output line was written whole (0: none). */
  lastLine: number;
  /** The run stopped on a signal, after whole lines: `lastLine` says where to resume. */
  interrupted: 'SIGINT' | 'SIGTERM' | null;
}

const INTERRUPTED: unique symbol = Symbol('interrupted');
const HEAD_DONE: unique symbol = Symbol('head-done');

/**
 * Streams a roster through the deciders: chunks of lines go to worker threads (or are decided here),
 * results are written in input order as they complete, bad lines are reported as they are met.
 * Every input line gets one output line: a line too long, too large, or that cannot be decided
 * (its worker thread ran out of memory; asked again alone, it did again) is answered with an error
 * line and the run goes on. When stdout's reader goes away the run stops (nothing more can be
 * delivered); when only stderr's does, it finishes, since stdout still carries every line. On
 * SIGINT or SIGTERM (with `handleSignals`) it stops after the last whole line written and reports
 * it (`lastLine`); a second signal stops it at once.
 */
export async function runBatch(run: BatchRun, ctx: Ctx): Promise<BatchReport> {
  const L = ctx.locale;
  // A missing file fails before any worker starts; the stream is not read until the loop below.
  const src = openLines(run.input, ctx.stdin, run.maxLineBytes ?? MAX_FILE_BYTES);
  let pool: Pool | null = null;
  let fallback: string | null = null;
  // More threads than cores only adds contention (the bench: docs/performance.md).
  const cores = availableParallelism();
  const capped = run.workers > cores ? { asked: run.workers, cores } : null;
  const workers = Math.min(run.workers, cores);
  if (workers > 1 || (run.isolate && !process.env.GOV_CREDIT_RULES_NO_WORKERS)) {
    const o = await openPool(workers, run.setup);
    if (o.pool) pool = o.pool;
    else if (workers > 1) {
      fallback = o.reason;
      await report(
        ctx,
        { warning: 'workers_unavailable', workers: run.workers, reason: o.reason },
        L === 'en'
          ? `warning: --workers ${run.workers}: cannot load the worker pool (piscina, an optional dependency): ${o.reason}. Running on 1 thread.`
          : `警告：--workers ${run.workers}：无法载入工作线程池（piscina，可选依赖）：${o.reason}。改用 1 个线程运行。`,
      );
    }
  }
  const progress = new Progress(ctx.stderr, run.progress && ctx.stderr.isTTY === true && !ctx.jsonErrors, L, src.totalBytes);
  const total = emptyResult();
  const badShown: BadLine[] = [];
  let badCount = 0;
  const started = performance.now();
  const inflight: { result: Promise<ChunkResult>; first: number }[] = [];
  const maxInflight = pool ? pool.threads * 2 : 1;
  let stop = false;
  const sinkGone = (): boolean => run.sink?.gone === true;
  const fromLine = run.fromLine ?? 1;
  let lastLine = fromLine - 1;

  // SIGINT/SIGTERM: stop taking lines, write nothing more, say where the output ends.
  let interrupted: 'SIGINT' | 'SIGTERM' | null = null;
  let wake = (): void => undefined;
  const interruption = new Promise<typeof INTERRUPTED>((res) => (wake = () => res(INTERRUPTED)));
  const onSignal = (sig: 'SIGINT' | 'SIGTERM'): void => {
    if (interrupted) {
      // A second signal: stop now (a line being written may be cut), saying so.
      const message = {
        'zh-CN': `批处理再次收到 ${sig}，立即停止：第 ${lastLine} 行及以前已完整写出，其后一行可能不完整`,
        en: `batch stopped at once on a second ${sig}: the lines up to ${lastLine} were written whole, a later one may be cut`,
      };
      const code = sig === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
      ctx.stderr.write((ctx.jsonErrors ? JSON.stringify({ error: { name: 'CliError', code: 'interrupted', message, issues: [], signal: sig, lastLine, resumeFrom: lastLine + 1, exitCode: code } }) : message[L]) + '\n');
      process.exit(code);
    }
    interrupted = sig;
    stop = true;
    wake();
  };
  if (run.handleSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  /** `p`, or INTERRUPTED as soon as a signal comes (p's later failure is then ignored). */
  const unlessInterrupted = <T>(p: Promise<T>): Promise<T | typeof INTERRUPTED> => {
    if (!run.handleSignals) return p;
    p.catch(() => undefined);
    return interrupted ? Promise.resolve(INTERRUPTED) : Promise.race([p, interruption]);
  };

  const settle = async (r: ChunkResult, first: number): Promise<void> => {
    if (stop) return;
    // A chunk stops at its first bad line under --strict, so its output ends with that line's record.
    const output = r.bytes ?? (r.out.length ? r.out.join('\n') + '\n' : null);
    // Handed to the stream whole: the lines of this chunk are written, whatever comes next.
    const written = run.sink && output ? writeOut(run.sink, output) : null;
    lastLine = first + r.lines - 1;
    if (written) await unlessInterrupted(written);
    if (sinkGone()) {
      addInto(total, { ...r, bad: [] });
      stop = true;
      return;
    }
    for (const b of r.bad) {
      badCount++;
      if (badShown.length < BAD_LINES_SHOWN) {
        badShown.push(b);
        if (ctx.jsonErrors) await writeOut(ctx.stderr, JSON.stringify({ line: b.line, error: b.error }) + '\n');
        else await writeOut(ctx.stderr, `${progress.interrupt()}${printable(wrapLines(badLineText(b, L), ctx.width))}\n`);
      }
    }
    addInto(total, { ...r, bad: [] });
    if (r.stopped) stop = true;
    progress.update(total.lines, total.decisions, src.bytesRead());
  };

  // A chunk decided by a worker thread that was lost (out of memory, or crashed) is asked again line
  // by line, so that only a line that cannot be decided is lost, and it is answered with an error.
  const decide = async (task: ChunkTask): Promise<ChunkResult> => {
    if (!pool) return processChunkBytes(task);
    try {
      return await pool.run(task);
    } catch (e) {
      if (interrupted) return emptyResult();
      if (task.lines.length === 1) return lostLine(task, e);
      const parts = await Promise.all(task.lines.map((line, i) => decide({ ...task, lines: [line], first: task.first + i })));
      return joinResults(parts, task.strict);
    }
  };
  const emit = run.sink !== null;
  // The mode travels with each chunk, so worker threads answer as this thread would.
  const decisions = run.decisions ?? 'all';
  const submit = (buf: InputLine[], first: number): void => {
    inflight.push({ result: decide({ lines: buf, first, defaults: run.defaults, strict: run.strict, emit, decisions }), first });
  };
  const settleNext = async (): Promise<void> => {
    const next = inflight.shift()!;
    const r = await unlessInterrupted(next.result);
    if (r !== INTERRUPTED) await settle(r, next.first);
  };
  const lines = src.lines[Symbol.asyncIterator]();
  /**
   * The next lines read; while they are awaited, chunks already decided are written (a roster piped
   * in line by line gets its answers without waiting for more input). INTERRUPTED on a signal.
   */
  const readNext = async (): Promise<IteratorResult<InputLine[]> | typeof INTERRUPTED> => {
    const next = lines.next();
    next.catch(() => undefined);
    for (;;) {
      const head = inflight[0];
      const waits: Promise<unknown>[] = [next];
      if (head) waits.push(head.result.then(() => HEAD_DONE, () => HEAD_DONE));
      if (run.handleSignals) waits.push(interruption);
      const w = await Promise.race(waits);
      if (w === INTERRUPTED) return INTERRUPTED;
      if (w !== HEAD_DONE) return w as IteratorResult<InputLine[]>;
      await settleNext();
      if (stop) return INTERRUPTED;
    }
  };
  try {
    let buf: InputLine[] = [];
    let first = fromLine;
    let lineNo = 0;
    outer: for (;;) {
      const n = await readNext();
      if (n === INTERRUPTED || n.done) break;
      for (const line of n.value) {
        lineNo++;
        if (lineNo < fromLine) continue;
        if (buf.length === 0) first = lineNo;
        buf.push(line);
        if (buf.length < CHUNK_LINES) continue;
        submit(buf, first);
        buf = [];
        while (inflight.length >= maxInflight && !stop) await settleNext();
        if (stop) break outer;
      }
    }
    if (!stop && buf.length) submit(buf, first);
    while (inflight.length && !stop) await settleNext();
  } finally {
    for (const x of inflight) x.result.catch(() => undefined);
    if (stop || interrupted) src.close(interrupted !== null);
    if (pool) await pool.close().catch(() => undefined);
    if (run.handleSignals) {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
  }
  progress.update(total.lines, total.decisions, src.bytesRead(), true);
  progress.done();
  return {
    total,
    badShown,
    badCount,
    seconds: (performance.now() - started) / 1000,
    evaluator: deciderKind(),
    threads: pool ? pool.threads : 1,
    fallback,
    capped,
    outputClosed: sinkGone(),
    lastLine,
    interrupted,
  };
}

/** A message for stderr: a JSON object with `--format json`, else the text. */
async function report(ctx: Ctx, json: Record<string, unknown>, text: string): Promise<void> {
  await writeOut(ctx.stderr, (ctx.jsonErrors ? JSON.stringify(json) : printable(text)) + '\n');
}

/** `line 12: invalid input: subject.kind: …`, in the locale. */
export function badLineText(b: BadLine, locale: Locale): string {
  const en = locale === 'en';
  const issues = issueLines(b.error.issues, locale);
  const label = errorLabel(b.error.name, locale);
  const line = en ? `line ${b.line}: ` : `第 ${b.line} 行：`;
  return issues.length === 1 ? `${line}${headed(label, issues[0]!, en ? ': ' : '：')}` : [`${line}${label}`, ...issues.map((x) => `  ${x}`)].join('\n');
}

/** The summary printed on stderr at the end: counts, rate, and pack × action × verdict. */
export function summaryText(rep: BatchReport, input: string, locale: Locale, width = 100): string {
  const en = locale === 'en';
  const evaluator = label('evaluator', rep.evaluator, locale);
  const t = rep.total;
  const rate = rep.seconds > 0 ? t.decisions / rep.seconds : 0;
  const head = en
    ? [
        `batch ${input}: ${num(t.lines)} lines, ${num(t.decisions)} decisions, ${num(rep.badCount)} bad lines, ${num(t.blank)} blank`,
        `  skipped: ${num(t.notApplicable)} (action does not apply to the subject's kind), ${num(t.noYear)} (annual review without --year)`,
        `  ${rep.seconds.toFixed(1)} s, ${num(rate)} decisions/s, ${evaluator}, ${rep.threads} thread${rep.threads > 1 ? 's' : ''}${rep.capped ? ` (--workers ${rep.capped.asked} capped at the machine's ${rep.capped.cores} cores)` : ''}`,
      ]
    : [
        `批处理 ${input}：${num(t.lines)} 行，${num(t.decisions)} 个决定，无效行 ${num(rep.badCount)}，空行 ${num(t.blank)}`,
        `  跳过：${num(t.notApplicable)}（事项不适用于该主体种类），${num(t.noYear)}（年度考核事项未给 --year）`,
        `  用时 ${rep.seconds.toFixed(1)} 秒，每秒 ${num(rate)} 个决定，${evaluator}，${rep.threads} 个线程${rep.capped ? `（--workers ${rep.capped.asked} 超过本机 ${rep.capped.cores} 个核心，按核心数运行）` : ''}`,
      ];
  if (rep.badCount > rep.badShown.length) {
    head.push(
      en
        ? `  ${num(rep.badCount - rep.badShown.length)} more bad lines not shown here: their error records are on stdout`
        : `  另有 ${num(rep.badCount - rep.badShown.length)} 个无效行未在此列出：其错误记录在标准输出中`,
    );
  }
  if (rep.badCount > 0) head.push(en ? `  bad lines: ${lineRanges(rep.badShown.map((b) => b.line))}` : `  无效行：${lineRanges(rep.badShown.map((b) => b.line))}`);
  const rows = countsRows(t.counts);
  const text = head.flatMap((l) => wrapHanging(l, width, 4));
  if (!rows.length) return text.join('\n');
  return [...text, '', countsTable(rows, locale, width)].join('\n');
}

export interface CountsRow {
  pack: string;
  action: string;
  counts: Record<Verdict, number>;
}

/** Counts keyed `pack\taction\tverdict`, as rows in pack order (as listed) and action order. */
export function countsRows(counts: Record<string, number>): CountsRow[] {
  const rows = new Map<string, CountsRow>();
  for (const [k, n] of Object.entries(counts)) {
    const [pack, action, verdict] = k.split('\t') as [string, string, Verdict];
    const key = `${pack}\t${action}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { pack, action, counts: { barred: 0, restricted: 0, review: 0, clear: 0 } }));
    row.counts[verdict] += n;
  }
  const packOrder = listPacks().map((p) => p.id);
  const rank = (id: string) => (packOrder.includes(id) ? packOrder.indexOf(id) : packOrder.length);
  return [...rows.values()].sort(
    (a, b) => rank(a.pack) - rank(b.pack) || a.pack.localeCompare(b.pack) || ACTIONS.indexOf(a.action as never) - ACTIONS.indexOf(b.action as never),
  );
}

/** Pack × action × verdict counts, pack names and actions in the locale. */
export function countsTable(rows: CountsRow[], locale: Locale, width = 100): string {
  const en = locale === 'en';
  const header = [en ? 'pack' : '规则包', en ? 'action' : '事项', ...VERDICTS.map((v) => verdictLabel(v, locale)), en ? 'total' : '合计'];
  let last = '';
  const body = rows.map((r) => {
    const total = VERDICTS.reduce((s, v) => s + r.counts[v], 0);
    const pack = r.pack === last ? '' : packName(r.pack, locale);
    last = r.pack;
    return [pack, actionLabel(r.action, locale), ...VERDICTS.map((v) => num(r.counts[v])), num(total)];
  });
  return table(header, body, { right: [2, 3, 4, 5, 6], maxWidth: width });
}

/** 1-3, 7, 9-12 */
export function lineRanges(lines: number[]): string {
  const s = [...lines].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j]! + 1) j++;
    parts.push(i === j ? `${s[i]}` : `${s[i]}-${s[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** The summary as one JSON object (stderr with `--format json`). */
export function summaryJson(rep: BatchReport, input: string): Record<string, unknown> {
  const t = rep.total;
  return {
    summary: {
      input,
      lines: t.lines,
      decisions: t.decisions,
      badLines: rep.badCount,
      blank: t.blank,
      skipped: { notApplicable: t.notApplicable, noAssessmentYear: t.noYear },
      evaluator: rep.evaluator,
      threads: rep.threads,
      ...(rep.capped ? { workersCapped: rep.capped } : {}),
      stopped: t.stopped,
      outputClosed: rep.outputClosed,
      lastLine: rep.lastLine,
      interrupted: rep.interrupted,
      internalErrors: t.internal,
      counts: countsRows(t.counts),
    },
  };
}

/** `--max-line-bytes 64M`: bytes, with an optional K, M or G (×1024). */
function byteSizeOption(p: ReturnType<typeof parseCommand>, name: string, fallback: number): number {
  const v = p.values[name];
  if (v === undefined) return fallback;
  const m = typeof v === 'string' ? /^(\d+)([KMG]i?B?)?$/i.exec(v) : null;
  const n = m ? Number(m[1]) * 1024 ** ({ k: 1, m: 2, g: 3 }[(m[2] ?? '')[0]?.toLowerCase() as 'k' | 'm' | 'g'] ?? 0) : Number.NaN;
  if (!(n >= 1024 && n <= MAX_LINE_BYTES_LIMIT)) {
    throw usageError(
      `--${name} 应为 1K 到 512M 之间的字节数（可带 K、M、G），收到"${String(v)}"`,
      `--${name} must be a number of bytes from 1K to 512M (K, M or G allowed), got "${String(v)}"`,
    );
  }
  return n;
}

/** The largest --max-line-bytes: V8 holds no longer string. */
const MAX_LINE_BYTES_LIMIT = 512 * 1024 * 1024;

/** `batch <roster.jsonl|->`. */
export async function runBatchCommand(argv: string[], ctx: Ctx): Promise<number> {
  const p = parseCommand(argv, BATCH_OPTIONS);
  noExtraPositionals(p, 1, 'batch');
  const input = p.positionals[0];
  if (!input) throw usageError('batch 需要一个 JSON Lines 文件（或 - 表示标准输入）', 'batch needs a JSON Lines file (or - for stdin)', { code: 'missing_argument' });
  oneOf(p, 'format', ['jsonl', 'json'] as const, 'jsonl');
  const decisions = oneOf(p, 'decisions', BATCH_DECISIONS, 'all');
  const workers = positiveInt(p, 'workers', 256) ?? 1;
  const maxLineBytes = byteSizeOption(p, 'max-line-bytes', MAX_FILE_BYTES);
  const fromLine = positiveInt(p, 'from-line', Number.MAX_SAFE_INTEGER) ?? 1;
  const { defaults, setup } = queryDefaults(p);
  const rep = await runBatch(
    {
      input,
      defaults,
      workers,
      strict: flag(p, 'strict'),
      progress: p.values.progress !== false,
      setup,
      sink: ctx.stdout,
      decisions,
      maxLineBytes,
      fromLine,
      isolate: ctx.cliProcess === true,
      handleSignals: ctx.cliProcess === true,
    },
    ctx,
  );
  if (rep.outputClosed && !rep.interrupted) {
    await report(
      ctx,
      { error: { name: 'CliError', code: 'output_closed', message: { 'zh-CN': '标准输出的读取方提前关闭：输出不完整', en: 'stdout was closed by its reader: the output is incomplete' }, issues: [], exitCode: EXIT.outputClosed } },
      ctx.locale === 'en'
        ? `batch stopped at input line ${num(rep.total.lines)}: stdout was closed by its reader, so the output is incomplete`
        : `批处理在第 ${num(rep.total.lines)} 行停止：标准输出的读取方已关闭，输出不完整`,
    );
    return EXIT.outputClosed;
  }
  if (!flag(p, 'quiet')) await writeOut(ctx.stderr, (ctx.jsonErrors ? JSON.stringify(summaryJson(rep, input)) : printable(summaryText(rep, input, ctx.locale, ctx.width))) + '\n');
  if (rep.interrupted) {
    const exitCode = rep.interrupted === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
    const n = rep.lastLine;
    const message = {
      'zh-CN': n > 0 ? `批处理因 ${rep.interrupted} 停止：输出到第 ${n} 行为止（均为整行）；用 --from-line ${n + 1} 接着运行` : `批处理因 ${rep.interrupted} 停止：尚未写出任何行；用 --from-line ${n + 1} 重新运行`,
      en: n > 0 ? `batch stopped on ${rep.interrupted}: the output ends with line ${n} (whole lines only); resume with --from-line ${n + 1}` : `batch stopped on ${rep.interrupted}: no line was written; run again with --from-line ${n + 1}`,
    };
    // The last thing on stderr, as one JSON object with --format json: where to resume.
    await report(ctx, { error: { name: 'CliError', code: 'interrupted', message, issues: [], signal: rep.interrupted, lastLine: n, resumeFrom: n + 1, exitCode } }, message[ctx.locale]);
    return exitCode;
  }
  if (rep.total.stopped && !ctx.jsonErrors) {
    await writeOut(ctx.stderr, ctx.locale === 'en' ? 'stopped at the first bad line (--strict)\n' : '遇到第一个无效行即停止（--strict）\n');
  }
  if (rep.total.internal > 0) return EXIT.internal;
  return rep.badCount > 0 ? EXIT.data : EXIT.ok;
}
