#!/usr/bin/env node
/**
 * The `gov-credit-rules` command: evaluate, batch, deadline, packs, pack show, diff, demo.
 *
 * Errors go to stderr in the chosen locale (zh-CN by default, `--locale en`), without a stack
 * trace unless `--debug`. Exit codes: 0 ok; 1 ran, but input was refused (bad query, bad roster
 * lines, packs that differ); 2 could not run (usage, files, unknown or invalid pack); 3 internal.
 *
 * This module is also the worker of `batch --workers N`: piscina loads it in each worker thread
 * and calls its default export with a chunk of lines.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import pkg from '../../package.json';
import { loadPack } from '../engine/loadPack.js';
import { GovCreditError } from '../model/errors.js';
import { processChunk, type ChunkResult, type ChunkTask } from './_internal/batchCore.js';
import type { Ctx } from './_internal/context.js';
import { CliError, EXIT, exitCodeOf, formatError, usageError } from './_internal/exit.js';
import { commandHelp, renderCommandHelp, renderMainHelp } from './_internal/help.js';
import { localeFrom, type Locale } from './_internal/i18n.js';
import { runBatchCommand } from './commands/batch.js';
import { runDeadline } from './commands/deadline.js';
import { runDemo } from './commands/demo.js';
import { runDiff } from './commands/diff.js';
import { runEvaluate } from './commands/evaluate.js';
import { runPackShow, runPacks } from './commands/packs.js';

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
};

/** `--locale` anywhere on the line (so that even a usage error is in the right language). */
function scanLocale(argv: string[]): { locale: Locale; bad: string | null } {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--locale') value = argv[i + 1];
    else if (a.startsWith('--locale=')) value = a.slice('--locale='.length);
  }
  const locale = localeFrom(value);
  return locale ? { locale, bad: null } : { locale: 'zh-CN', bad: value ?? '' };
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], io: Omit<Ctx, 'locale' | 'debug'>): Promise<number> {
  const { locale, bad } = scanLocale(argv);
  const debug = argv.includes('--debug');
  const ctx: Ctx = { ...io, locale, debug };
  try {
    if (bad !== null) throw usageError(`--locale 应为 zh-CN 或 en，收到"${bad}"`, `--locale must be zh-CN or en, got "${bad}"`);
    // Global options before the command.
    const rest = [...argv];
    while (rest.length && rest[0]!.startsWith('-')) {
      const a = rest.shift()!;
      if (a === '--locale') rest.shift();
      else if (a === '--version' || a === '-v') {
        io.stdout.write(`${VERSION}\n`);
        return EXIT.ok;
      } else if (a === '--help' || a === '-h') {
        io.stdout.write(renderMainHelp(locale, VERSION) + '\n');
        return EXIT.ok;
      } else if (a !== '--debug' && !a.startsWith('--locale=')) {
        throw usageError(`未知的通用选项 ${a}`, `unknown global option ${a}`, { 'zh-CN': '用法见 gov-credit-rules --help', en: 'see gov-credit-rules --help' });
      }
    }
    let name = rest.shift();
    if (name === undefined) {
      io.stderr.write(renderMainHelp(locale, VERSION) + '\n');
      return EXIT.usage;
    }
    if (name === 'help') {
      const topic = rest[0] === 'pack' ? 'pack show' : rest[0];
      const c = topic ? commandHelp(topic) : undefined;
      if (topic && !c) throw usageError(`没有命令 ${topic}`, `no command ${topic}`);
      io.stdout.write((c ? renderCommandHelp(c, locale) : renderMainHelp(locale, VERSION)) + '\n');
      return EXIT.ok;
    }
    if (name === 'pack') {
      if (rest[0] === 'show') rest.shift();
      else if (rest[0] !== '--help' && rest[0] !== '-h') {
        throw usageError(`pack 的子命令只有 show，收到 ${rest[0] ?? '（无）'}`, `pack has one subcommand, show; got ${rest[0] ?? '(none)'}`);
      }
      name = 'pack show';
    }
    const run = RUNNERS[name];
    if (!run) {
      throw usageError(`未知命令 ${name}`, `unknown command ${name}`, {
        'zh-CN': `可用：${Object.keys(RUNNERS).join('、')}；见 gov-credit-rules --help`,
        en: `known: ${Object.keys(RUNNERS).join(', ')}; see gov-credit-rules --help`,
      });
    }
    const before = rest.indexOf('--');
    const opts = before === -1 ? rest : rest.slice(0, before);
    if (opts.includes('--help') || opts.includes('-h')) {
      io.stdout.write(renderCommandHelp(commandHelp(name)!, locale) + '\n');
      return EXIT.ok;
    }
    return await run(rest, ctx);
  } catch (e) {
    const code = exitCodeOf(e);
    io.stderr.write(formatError(e, locale) + '\n');
    if (debug && e instanceof Error && e.stack) io.stderr.write(e.stack + '\n');
    else if (code === EXIT.internal) {
      io.stderr.write(locale === 'en' ? '(rerun with --debug for the stack trace)\n' : '（加 --debug 重新运行可看到堆栈）\n');
    }
    return code;
  }
}

let workerReady = false;

/** The worker of `batch --workers N` (piscina calls the default export with a chunk). */
export default async function batchWorker(task: ChunkTask): Promise<ChunkResult> {
  if (!workerReady) {
    const setup = workerData as { loads?: unknown[] } | undefined;
    for (const json of setup?.loads ?? []) loadPack(json);
    workerReady = true;
  }
  return processChunk(task);
}

if (isMainThread && !process.env.GOV_CREDIT_RULES_NO_MAIN) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `… | head`: the reader went away; stop quietly, as Unix tools do.
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    throw e;
  });
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof GovCreditError || e instanceof CliError ? e.message : e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
