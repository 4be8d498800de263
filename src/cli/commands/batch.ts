import { availableParallelism } from 'node:os';
import { listPacks } from '../../packs/listPacks.js';
import { ACTIONS, VERDICTS, type Verdict } from '../../model/vocabulary.js';
import { flag, noExtraPositionals, oneOf, parseCommand, positiveInt } from '../_internal/args.js';
import { BATCH_DECISIONS, type BadLine, type BatchDecisions, type ChunkResult } from '../_internal/batchCore.js';
import { BatchLoop, type LoopSettings, type Signal } from '../_internal/batchRun.js';
import { writeOut, type Ctx, type Out } from '../_internal/context.js';
import { deciderKind, type DeciderKind } from '../_internal/evaluator.js';
import { EXIT, errorLabel, headed, issueLines, usageError } from '../_internal/exit.js';
import { num, type Locale } from '../_internal/i18n.js';
import { MAX_FILE_BYTES, openLines } from '../_internal/input.js';
import { openPool, type Pool, type WorkerSetup } from '../_internal/pool.js';
import { Progress } from '../_internal/progress.js';
import type { QueryDefaults } from '../_internal/queries.js';
import { label } from '../../model/labels.js';
import { actionLabel, packName, verdictLabel } from '../_internal/render.js';
import { printable, table, wrapHanging } from '../_internal/text.js';
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
  interrupted: Signal | null;
}

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
  // A missing file fails before any worker starts; the stream is not read until the loop runs.
  const src = openLines(run.input, ctx.stdin, run.maxLineBytes ?? MAX_FILE_BYTES);
  const threads = await openThreads(run, ctx);
  const progress = new Progress(ctx.stderr, run.progress && ctx.stderr.isTTY === true && !ctx.jsonErrors, ctx.locale, src.totalBytes);
  const started = performance.now();
  const settings: LoopSettings = {
    defaults: run.defaults,
    strict: run.strict,
    sink: run.sink,
    decisions: run.decisions ?? 'all',
    fromLine: run.fromLine ?? 1,
    handleSignals: run.handleSignals === true,
    badLineText: (b) => badLineText(b, ctx.locale),
  };
  const loop = new BatchLoop(settings, src, threads.pool, progress, ctx);
  const outcome = await loop.run();
  return {
    ...outcome,
    seconds: (performance.now() - started) / 1000,
    evaluator: deciderKind(),
    threads: threads.pool ? threads.pool.threads : 1,
    fallback: threads.fallback,
    capped: threads.capped,
    outputClosed: loop.sinkGone,
  };
}

/**
 * The worker threads a run decides in: none for one thread (unless `isolate`), capped at the cores
 * (more threads than cores only adds contention: docs/performance.md). When the pool cannot be loaded
 * the run warns and goes on in this thread.
 */
async function openThreads(run: BatchRun, ctx: Ctx): Promise<{ pool: Pool | null; fallback: string | null; capped: BatchReport['capped'] }> {
  const cores = availableParallelism();
  const capped = run.workers > cores ? { asked: run.workers, cores } : null;
  const workers = Math.min(run.workers, cores);
  if (!(workers > 1 || (run.isolate && !process.env.GOV_CREDIT_RULES_NO_WORKERS))) return { pool: null, fallback: null, capped };
  const o = await openPool(workers, run.setup);
  if (o.pool) return { pool: o.pool, fallback: null, capped };
  if (workers <= 1) return { pool: null, fallback: null, capped };
  await report(
    ctx,
    { warning: 'workers_unavailable', workers: run.workers, reason: o.reason },
    ctx.locale === 'en'
      ? `warning: --workers ${run.workers}: cannot load the worker pool (piscina, an optional dependency): ${o.reason}. Running on 1 thread.`
      : `警告：--workers ${run.workers}：无法载入工作线程池（piscina，可选依赖）：${o.reason}。改用 1 个线程运行。`,
  );
  return { pool: null, fallback: o.reason, capped };
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
