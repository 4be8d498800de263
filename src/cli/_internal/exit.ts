import { GovCreditError } from '../../model/errors.js';
import type { Locale, LocalizedText } from './i18n.js';
import { L } from './i18n.js';

/**
 * Exit codes, documented in `--help` and docs/cli.md:
 * 0 ok; 1 ran, but input data was refused (a bad query, bad roster lines, packs that differ);
 * 2 could not run (usage, unreadable file, unknown or invalid pack, calendar without data);
 * 3 internal error (a bug: please report it with `--debug`).
 */
export const EXIT = { ok: 0, data: 1, usage: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_DOCS: { code: ExitCode; text: LocalizedText }[] = [
  { code: EXIT.ok, text: L('成功', 'success') },
  {
    code: EXIT.data,
    text: L(
      '已运行，但有输入被拒绝：evaluate 的查询无效，batch 有格式错误或无效的行，diff 发现两个规则包不同',
      'ran, but some input was refused: evaluate got an invalid query, batch had malformed or invalid lines, diff found the packs differ',
    ),
  },
  {
    code: EXIT.usage,
    text: L(
      '无法运行：用法错误、文件无法读取、未知或无效的规则包、日历无该年数据',
      'could not run: usage error, unreadable file, unknown or invalid pack, no calendar data for the year',
    ),
  },
  { code: EXIT.internal, text: L('内部错误（程序缺陷；请用 --debug 重现并报告）', 'internal error (a bug; rerun with --debug and report it)') },
];

/** An error of the command line itself (usage, files), with the exit code it leads to. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly text: LocalizedText,
    readonly exitCode: ExitCode = EXIT.usage,
    readonly hint?: LocalizedText,
  ) {
    super(text.en);
  }
}

export function usageError(zh: string, en: string, hint?: LocalizedText): CliError {
  return new CliError(L(zh, en), EXIT.usage, hint);
}

const KIND_LABEL: Record<string, LocalizedText> = {
  InvalidInputError: L('输入无效', 'invalid input'),
  InternalError: L('内部错误', 'internal error'),
  UnknownPackError: L('未知规则包', 'unknown pack'),
  InvalidPackError: L('规则包无效', 'invalid pack'),
  ConfidentialRecordError: L('拒绝评价保密或禁止采集的信息（TH-6）', 'refused: confidential or prohibited information (TH-6)'),
  InvalidEventLogError: L('事件序列无效', 'invalid event log'),
  CalendarCoverageError: L('日历无该年数据', 'no calendar data for the year'),
};

/** A short label of a library error class, in the locale (the class name for unknown ones). */
export function errorLabel(name: string, locale: Locale): string {
  return KIND_LABEL[name]?.[locale] ?? name;
}

/** The error as the library's own JSON: name, code, issues with bilingual messages. */
export function errorJson(e: unknown): { name: string; code: string; issues: unknown[] } {
  if (e instanceof GovCreditError) return { name: e.name, code: e.code, issues: e.issues };
  if (e instanceof CliError) return { name: 'CliError', code: 'usage', issues: [{ path: [], code: 'usage', message: e.text }] };
  const msg = e instanceof Error ? e.message : String(e);
  return { name: 'InternalError', code: 'internal', issues: [{ path: [], code: 'internal', message: { 'zh-CN': msg, en: msg } }] };
}

/** One-paragraph message for stderr, in the locale, without a stack trace. */
export function formatError(e: unknown, locale: Locale, prefix = ''): string {
  const p = prefix ? `${prefix}: ` : '';
  if (e instanceof GovCreditError) {
    const label = KIND_LABEL[e.name]?.[locale] ?? e.name;
    const lines = e.format(locale).split('\n');
    const sep = locale === 'en' ? ': ' : '：';
    if (lines.length === 1) return `${p}${label}${sep}${lines[0]}`;
    return `${p}${label}${sep.trimEnd()}\n${lines.map((l) => `  ${l}`).join('\n')}`;
  }
  if (e instanceof CliError) {
    return `${p}${e.text[locale]}${e.hint ? `\n  ${e.hint[locale]}` : ''}`;
  }
  const msg = e instanceof Error ? e.message : String(e);
  return `${p}${locale === 'en' ? 'internal error' : '内部错误'}: ${msg}`;
}

/** Which exit code an error thrown while setting up a command leads to. */
export function exitCodeOf(e: unknown): ExitCode {
  if (e instanceof CliError) return e.exitCode;
  if (e instanceof GovCreditError) return EXIT.usage;
  return EXIT.internal;
}
