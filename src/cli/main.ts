#!/usr/bin/env node
/**
 * The `gov-credit-rules` command: evaluate, batch, deadline, packs, pack show, diff, demo, schedule template, serve.
 *
 * Errors go to stderr in the chosen locale (zh-CN by default, `--locale en`), without a stack
 * trace unless `--debug`; with `--format json`, each is one JSON object `{"error":{code,…}}`.
 * Exit codes: 0 ok; 1 ran, but input was refused (bad query, bad roster lines, packs that differ);
 * 2 could not run (usage, files, unknown or invalid pack or schedule); 3 internal; 4 stdout closed.
 *
 * This module is also the worker of `batch --workers N`: piscina loads it in each worker thread
 * and calls its default export with a chunk of lines.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import pkg from '../../package.json';
import { loadPack } from '../packs/loadPack.js';
import { CalendarCoverageError } from '../calendar/CalendarCoverageError.js';
import { scanOption } from './_internal/args.js';
import { processChunkBytes, type ChunkResult, type ChunkTask } from './_internal/batchCore.js';
import { transferable } from './_internal/pool.js';
import { guardStream, writeOut, writeText, type Ctx } from './_internal/context.js';
import { EXIT, errorJsonLine, exitCodeOf, formatError, usageError } from './_internal/exit.js';
import { COMMANDS, commandHelp, renderCommandHelp, renderMainHelp } from './_internal/help.js';
import { LOCALES, localeFrom, type Locale } from './_internal/i18n.js';
import type { WorkerSetup } from './_internal/pool.js';
import { configureCalendar, coverageError } from './_internal/schedules.js';
import { closest } from './_internal/suggest.js';
import { wrapLines } from './_internal/text.js';
import { runBatchCommand } from './commands/batch.js';
import { runDeadline } from './commands/deadline.js';
import { runDemo } from './commands/demo.js';
import { runDiff } from './commands/diff.js';
import { runEvaluate } from './commands/evaluate.js';
import { runPackShow, runPacks } from './commands/packs.js';
import { runServe } from './commands/serve.js';
import { runScheduleTemplate } from './commands/schedule.js';

export const VERSION: string = pkg.version;

type Runner = (argv: string[], ctx: Ctx) => Promise<number>;
const RUNNERS: Record<string, Runner> = {
  evaluate: runEvaluate,
  batch: runBatchCommand,
  deadline: runDeadline,
  packs: runPacks,
  'pack show': runPackShow,
  diff: runDiff,
  demo: runDemo,
  serve: runServe,
  'schedule template': runScheduleTemplate,
};

/** The default width of tables and wrapped text: 100 columns, whatever the terminal. */
export const DEFAULT_WIDTH = 100;

/** Global options read before the command: locale, error form, width (so even a usage error is right). */
function scanGlobals(argv: string[]): { locale: Locale; badLocale: string | null; jsonErrors: boolean; width: number; badWidth: string | null } {
  const value = scanOption(argv, 'locale');
  const locale = localeFrom(value);
  const w = scanOption(argv, 'width');
  const width = w !== undefined && /^\d{1,4}$/.test(w) && Number(w) >= 40 && Number(w) <= 1000 ? Number(w) : null;
  return {
    locale: locale ?? 'zh-CN',
    badLocale: locale ? null : (value ?? ''),
    jsonErrors: scanOption(argv, 'format') === 'json',
    width: width ?? DEFAULT_WIDTH,
    badWidth: w !== undefined && width === null ? w : null,
  };
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], io: Pick<Ctx, 'stdout' | 'stderr' | 'stdin' | 'cliProcess'>): Promise<number> {
  const g = scanGlobals(argv);
  const debug = argv.includes('--debug');
  const ctx: Ctx = { ...io, locale: g.locale, debug, jsonErrors: g.jsonErrors, width: g.width };
  const code = await dispatch(argv, g, ctx).catch((e: unknown) => reportError(e, ctx));
  // The reader of stdout went away: whatever the command did, its output is incomplete.
  return ctx.stdout.gone && code !== EXIT.internal ? EXIT.outputClosed : code;
}

/** Writes an error on stderr as the contract says (JSON with `--format json`) and returns its exit code. */
export async function reportError(e: unknown, ctx: Ctx): Promise<number> {
  const err = e instanceof CalendarCoverageError ? coverageError(e) : e;
  const code = exitCodeOf(err);
  if (ctx.jsonErrors) await writeOut(ctx.stderr, errorJsonLine(err, code) + '\n');
  else await writeText(ctx.stderr, wrapLines(formatError(err, ctx.locale), ctx.width) + '\n');
  if (ctx.debug && e instanceof Error && e.stack) await writeOut(ctx.stderr, e.stack + '\n');
  else if (code === EXIT.internal && !ctx.jsonErrors) {
    await writeOut(ctx.stderr, ctx.locale === 'en' ? '(rerun with --debug for the stack trace)\n' : '（加 --debug 重新运行可看到堆栈）\n');
  }
  return code;
}

async function dispatch(argv: string[], g: ReturnType<typeof scanGlobals>, ctx: Ctx): Promise<number> {
  const { locale } = ctx;
  if (g.badLocale !== null) {
    throw usageError(`--locale 应为 zh-CN 或 en，收到"${g.badLocale}"`, `--locale must be zh-CN or en, got "${g.badLocale}"`, closest(g.badLocale, LOCALES) ? { suggestion: closest(g.badLocale, LOCALES)! } : {});
  }
  if (g.badWidth !== null) throw usageError(`--width 应为 40 到 1000 之间的整数，收到"${g.badWidth}"`, `--width must be an integer from 40 to 1000, got "${g.badWidth}"`);
  // Global options before the command.
  const rest = [...argv];
  while (rest.length && rest[0]!.startsWith('-')) {
    const a = rest.shift()!;
    if (a === '--locale' || a === '--width' || a === '--format') rest.shift();
    else if (a === '--version' || a === '-v') {
      await writeOut(ctx.stdout, `${VERSION}\n`);
      return EXIT.ok;
    } else if (a === '--help' || a === '-h') {
      await writeOut(ctx.stdout, renderMainHelp(locale, VERSION, ctx.width) + '\n');
      return EXIT.ok;
    } else if (a !== '--debug' && !/^--(locale|width|format)=/.test(a)) {
      const near = closest(a.replace(/^-+/, ''), ['locale', 'width', 'format', 'debug', 'help', 'version']);
      throw usageError(`未知的通用选项 ${a}`, `unknown global option ${a}`, {
        code: 'unknown_option',
        hint: { 'zh-CN': '用法见 gov-credit-rules --help', en: 'see gov-credit-rules --help' },
        ...(near ? { suggestion: `--${near}` } : {}),
      });
    }
  }
  let name = rest.shift();
  if (name === undefined) {
    if (ctx.jsonErrors) throw usageError('缺少命令', 'no command given', { code: 'missing_argument' });
    await writeOut(ctx.stderr, renderMainHelp(locale, VERSION, ctx.width) + '\n');
    return EXIT.usage;
  }
  const names = COMMANDS.map((c) => c.name);
  if (name === 'help') {
    const topic = rest[0] === 'pack' ? 'pack show' : rest[0] === 'schedule' ? 'schedule template' : rest[0];
    const c = topic ? commandHelp(topic) : undefined;
    if (topic && !c) {
      const near = closest(topic, names);
      throw usageError(`没有命令 ${topic}`, `no command ${topic}`, { code: 'unknown_command', ...(near ? { suggestion: near } : {}) });
    }
    await writeOut(ctx.stdout, (c ? renderCommandHelp(c, locale, ctx.width) : renderMainHelp(locale, VERSION, ctx.width)) + '\n');
    return EXIT.ok;
  }
  if (name === 'pack') {
    if (rest[0] === 'show') rest.shift();
    else if (rest[0] !== '--help' && rest[0] !== '-h') {
      throw usageError(`pack 的子命令只有 show，收到 ${rest[0] ?? '（无）'}`, `pack has one subcommand, show; got ${rest[0] ?? '(none)'}`, { code: 'unknown_command', suggestion: 'pack show' });
    }
    name = 'pack show';
  }
  if (name === 'schedule') {
    if (rest[0] === 'template') rest.shift();
    else if (rest[0] !== '--help' && rest[0] !== '-h') {
      throw usageError(`schedule 的子命令只有 template，收到 ${rest[0] ?? '（无）'}`, `schedule has one subcommand, template; got ${rest[0] ?? '(none)'}`, { code: 'unknown_command', suggestion: 'schedule template' });
    }
    name = 'schedule template';
  }
  const run = RUNNERS[name];
  if (!run) {
    const near = closest(name, [...names, 'pack', 'schedule']);
    throw usageError(`未知命令 ${name}`, `unknown command ${name}`, {
      code: 'unknown_command',
      hint: {
        'zh-CN': `可用：${names.join('、')}；见 gov-credit-rules --help`,
        en: `known: ${names.join(', ')}; see gov-credit-rules --help`,
      },
      ...(near ? { suggestion: near } : {}),
    });
  }
  const before = rest.indexOf('--');
  const opts = before === -1 ? rest : rest.slice(0, before);
  if (opts.includes('--help') || opts.includes('-h')) {
    await writeOut(ctx.stdout, renderCommandHelp(commandHelp(name)!, locale, ctx.width) + '\n');
    return EXIT.ok;
  }
  return await run(rest, ctx);
}

let workerReady = false;

/** The worker of `batch --workers N` (piscina calls the default export with a chunk). */
export default async function batchWorker(task: ChunkTask): Promise<ChunkResult> {
  if (!workerReady) {
    const setup = workerData as Partial<WorkerSetup> | undefined;
    for (const json of setup?.loads ?? []) loadPack(json);
    if (setup?.calendar) configureCalendar(setup.calendar);
    workerReady = true;
  }
  // Written as UTF-8 here, in parallel, and the buffer moved (not copied) to the main thread, which only writes it.
  return transferable(await processChunkBytes(task));
}

if (isMainThread && !process.env.GOV_CREDIT_RULES_NO_MAIN) {
  // A reader that goes away (`… | head`, a host that stops reading stderr) is an EPIPE on the next
  // write: marked on the stream, never an uncaught error; main() turns a closed stdout into exit 4.
  const stdout = guardStream(process.stdout);
  const stderr = guardStream(process.stderr);
  // An EPIPE is reported a tick after the write that met it: the last word is said on exit.
  process.on('exit', () => {
    if (stdout.gone && process.exitCode !== EXIT.internal) process.exitCode = EXIT.outputClosed;
  });
  main(process.argv.slice(2), { stdout, stderr, stdin: process.stdin, cliProcess: true }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (!stderr.gone) process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
