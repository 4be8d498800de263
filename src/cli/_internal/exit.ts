import { GovCreditError, type Issue } from '../../model/errors.js';
import type { Locale, LocalizedText } from './i18n.js';
import { L } from './i18n.js';

/**
 * Exit codes, documented in `--help` and docs/cli.md:
 * 0 ok; 1 ran, but input data was refused (a bad query, bad roster lines, packs that differ);
 * 2 could not run (the command line, a file it names, a pack or schedule it loads, calendar data);
 * 3 internal error (a bug: please report it with `--debug`); 4 the output's reader went away;
 * 130 / 143 batch stopped on SIGINT / SIGTERM after whole lines (the shell's 128 + signal).
 */
export const EXIT = { ok: 0, data: 1, usage: 2, internal: 3, outputClosed: 4, sigint: 130, sigterm: 143 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_DOCS: { code: ExitCode; text: LocalizedText }[] = [
  { code: EXIT.ok, text: L('成功', 'success') },
  {
    code: EXIT.data,
    text: L(
      '已运行，但输入数据有被拒绝的：evaluate 的查询无效，batch 有无效的行，diff 发现两个规则包不同',
      'ran, but input data was refused: evaluate got an invalid query, batch had bad lines, diff found the packs differ',
    ),
  },
  {
    code: EXIT.usage,
    text: L(
      '无法运行，什么也没有决定：命令行有误，或它指定的文件、规则包、节假日安排无法使用，或日历无该年数据',
      'could not run, nothing was decided: the command line is wrong, or a file, pack or schedule it names is unusable, or the calendar has no data for a year',
    ),
  },
  { code: EXIT.internal, text: L('内部错误（程序缺陷；请用 --debug 重现并报告）', 'internal error (a bug; rerun with --debug and report it)') },
  {
    code: EXIT.outputClosed,
    text: L('标准输出的读取方提前关闭（EPIPE）：输出不完整，已停止', 'stdout was closed by its reader (EPIPE): the output is incomplete, the run stopped'),
  },
  {
    code: EXIT.sigint,
    text: L(
      'batch 收到 SIGINT（Ctrl-C）：写完整行后停止，标准错误上给出最后写出的行号，用 --from-line 接着运行',
      'batch got SIGINT (Ctrl-C): it stopped after whole lines and said on stderr the last line written; resume with --from-line',
    ),
  },
  {
    code: EXIT.sigterm,
    text: L('batch 收到 SIGTERM：同上', 'batch got SIGTERM: as for SIGINT'),
  },
];

/**
 * Stable error codes of the command line, as `error.code` in JSON. Errors of the library keep
 * their own codes (`invalid_input`, `unknown_pack`, `invalid_pack`, `confidential_record`,
 * `invalid_event_log`, `calendar_coverage`, …); these are the command line's own.
 */
export const CLI_ERROR_CODES = {
  unknown_command: L('未知命令', 'unknown command'),
  unknown_option: L('未知选项', 'unknown option'),
  invalid_option: L('选项取值有误、缺少必需的选项或选项组合有误', 'an option has a bad value, a required option is missing, or options do not go together'),
  missing_argument: L('缺少参数（如文件）', 'a required argument (such as a file) is missing'),
  unexpected_argument: L('多余的参数', 'an argument too many'),
  file_not_found: L('文件不存在', 'no such file'),
  file_unreadable: L('文件无法读取（目录、权限等）', 'the file cannot be read (a folder, permissions, …)'),
  file_not_regular: L('不是普通文件：配置文件（--schedule、GOV_CREDIT_SCHEDULES、--load、--policy @文件）只读普通文件，输入文件还可以是管道；设备、套接字不读', 'not a regular file: configuration files (--schedule, GOV_CREDIT_SCHEDULES, --load, --policy @file) are read from regular files only, input also from a pipe; never from a device or socket'),
  file_too_large: L('文件或标准输入超过 16 MiB 的上限', 'a file or stdin is over the 16 MiB limit'),
  invalid_json: L('不是有效的 JSON', 'not valid JSON'),
  invalid_utf8: L('不是有效的 UTF-8', 'not valid UTF-8'),
  invalid_policy: L('--policy 的政策选项无效', 'the --policy overrides are invalid'),
  invalid_schedule: L('节假日安排文件无效（--schedule）', 'a holiday schedule file is invalid (--schedule)'),
  not_applicable: L('所问事项均不适用于该主体', 'none of the actions asked applies to the subject'),
  no_examples: L('找不到示例目录', 'the examples folder cannot be found'),
  missing_dependency: L('缺少该命令所需的可选依赖（serve 需要 fastify）', 'an optional dependency the command needs is not installed (serve needs fastify)'),
  cannot_listen: L('无法在该地址和端口上监听（已被占用、地址不属于本机等）', 'cannot listen on the address and port (in use, not an address of this machine, …)'),
  output_closed: L('标准输出的读取方提前关闭', 'stdout was closed by its reader'),
  interrupted: L('batch 因 SIGINT 或 SIGTERM 在整行之后停止', 'batch stopped on SIGINT or SIGTERM, after whole lines'),
  internal: L('内部错误', 'internal error'),
} as const satisfies Record<string, LocalizedText>;
export type CliErrorCode = keyof typeof CLI_ERROR_CODES;

/** The exit code each of the CLI's own error codes leads to (docs/cli.md). */
export const CLI_ERROR_EXIT: Record<CliErrorCode, string> = {
  unknown_command: '2',
  unknown_option: '2',
  invalid_option: '2',
  missing_argument: '2',
  unexpected_argument: '2',
  file_not_found: '2',
  file_unreadable: '2',
  file_not_regular: '2',
  file_too_large: '1 (input), 2 (a pack, policy or schedule file)',
  invalid_json: '1 (input), 2 (a pack, policy or schedule file)',
  invalid_utf8: '1 (input), 2 (a pack, policy or schedule file)',
  invalid_policy: '2',
  invalid_schedule: '2',
  not_applicable: '1',
  no_examples: '2',
  missing_dependency: '2',
  cannot_listen: '2',
  output_closed: '4',
  interrupted: '130 (SIGINT), 143 (SIGTERM)',
  internal: '3',
};

/** An issue as the CLI reports it: the library's, plus the closest valid value when one is near. */
export interface CliIssue extends Issue {
  suggestion?: string;
}

export interface CliErrorInit {
  code: CliErrorCode | string;
  text: LocalizedText;
  exitCode?: ExitCode;
  hint?: LocalizedText;
  /** The closest valid value (did-you-mean). */
  suggestion?: string;
  issues?: CliIssue[];
  /** The class name reported in JSON (`CliError` unless wrapping a library error). */
  name?: string;
  /** The file the problem is in. */
  file?: string;
}

/** An error of the command line itself (usage, files) or a library error it wraps, with the exit code it leads to. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: string;
  readonly text: LocalizedText;
  readonly exitCode: ExitCode;
  readonly hint: LocalizedText | undefined;
  readonly suggestion: string | undefined;
  readonly issues: CliIssue[];
  readonly kind: string;
  readonly file: string | undefined;
  constructor(init: CliErrorInit) {
    super(init.text.en);
    this.code = init.code;
    this.text = init.text;
    this.exitCode = init.exitCode ?? EXIT.usage;
    this.hint = init.hint;
    this.suggestion = init.suggestion;
    this.issues = init.issues ?? [{ path: [], code: init.code, message: init.text, ...(init.suggestion ? { suggestion: init.suggestion } : {}) }];
    this.kind = init.name ?? 'CliError';
    this.file = init.file;
  }

  /** A library error met while setting up or running a command, kept with its class, code and issues. */
  static from(e: GovCreditError, exitCode: ExitCode, opts: { file?: string; hint?: LocalizedText; code?: string; issues?: CliIssue[] } = {}): CliError {
    const issues = opts.issues ?? (e.issues as CliIssue[]);
    const own = opts.code !== undefined ? (CLI_ERROR_CODES as Record<string, LocalizedText>)[opts.code] : undefined;
    const head = own ?? KIND_LABEL[e.name] ?? L(e.name, e.name);
    const where = (loc: Locale) => (opts.file ? `${opts.file}${loc === 'en' ? ': ' : '：'}` : '');
    return new CliError({
      code: opts.code ?? e.code,
      name: e.name,
      text: L(`${where('zh-CN')}${head['zh-CN']}`, `${where('en')}${head.en}`),
      exitCode,
      issues,
      ...(opts.hint ? { hint: opts.hint } : {}),
      ...(opts.file ? { file: opts.file } : {}),
      ...(issues.length === 1 && issues[0]!.suggestion ? { suggestion: issues[0]!.suggestion } : {}),
    });
  }
}

export function usageError(zh: string, en: string, opts: { code?: CliErrorCode; hint?: LocalizedText; suggestion?: string } = {}): CliError {
  return new CliError({ code: opts.code ?? 'invalid_option', text: L(zh, en), exitCode: EXIT.usage, ...(opts.hint ? { hint: opts.hint } : {}), ...(opts.suggestion ? { suggestion: opts.suggestion } : {}) });
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

/** What `--format json` prints for an error (and batch puts in a bad line's record). */
export interface ErrorJson {
  /** The error's class: `CliError` or the library's (`InvalidInputError`, `UnknownPackError`, …). */
  name: string;
  /** Stable code: the library's, or one of CLI_ERROR_CODES. */
  code: string;
  /** One-line summary in both languages. */
  message: LocalizedText;
  /** Every problem with its path (empty path: the whole input or argument). */
  issues: CliIssue[];
  /** What to do about it, when the CLI knows. */
  hint?: LocalizedText;
  /** The closest valid value (did-you-mean). */
  suggestion?: string;
  file?: string;
}

/** The error as JSON: class, stable code, bilingual summary, issues with paths. */
export function errorJson(e: unknown): ErrorJson {
  if (e instanceof CliError) {
    return {
      name: e.kind,
      code: e.code,
      message: e.text,
      issues: e.issues,
      ...(e.hint ? { hint: e.hint } : {}),
      ...(e.suggestion ? { suggestion: e.suggestion } : {}),
      ...(e.file ? { file: e.file } : {}),
    };
  }
  if (e instanceof GovCreditError) {
    const issues = e.issues as CliIssue[];
    const summary = issues.length === 1 ? issues[0]!.message : KIND_LABEL[e.name] ?? L(e.name, e.name);
    return { name: e.name, code: e.code, message: summary, issues, ...(issues.length === 1 && issues[0]!.suggestion ? { suggestion: issues[0]!.suggestion } : {}) };
  }
  const msg = e instanceof Error ? e.message : String(e);
  const message = L(`内部错误：${msg}`, `internal error: ${msg}`);
  return { name: 'InternalError', code: 'internal', message, issues: [{ path: [], code: 'internal', message }] };
}

/** `{"error":{…,"exitCode":n}}`: the one JSON object `--format json` writes on stderr for an error. */
export function errorJsonLine(e: unknown, exitCode: ExitCode): string {
  return JSON.stringify({ error: { ...errorJson(e), exitCode } });
}

/** Each issue as one line: `path：message（是否要输入"x"？）` in the locale's punctuation. */
export function issueLines(issues: readonly CliIssue[], locale: Locale): string[] {
  const sep = locale === 'en' ? ': ' : '：';
  return issues.map((i) => `${i.path.length ? `${i.path.join('.')}${sep}` : ''}${i.message[locale]}${suggestionText(i.suggestion, locale)}`);
}

/** `head：line`, or the line alone when it already says what the head says (未知规则包：…未知规则包…). */
export function headed(head: string, line: string, sep: string): string {
  const body = line.replace(/^[^：:]*[：:]\s*/, '');
  return body.startsWith(head) || line.startsWith(head) ? line : `${head}${sep}${line}`;
}

/** ` (did you mean "x"?)`, in the locale; empty without a suggestion. */
export function suggestionText(s: string | undefined, locale: Locale): string {
  if (!s) return '';
  return locale === 'en' ? ` (did you mean "${s}"?)` : `（是否要输入"${s}"？）`;
}

/** One-paragraph message for stderr, in the locale, without a stack trace. */
export function formatError(e: unknown, locale: Locale, prefix = ''): string {
  const p = prefix ? `${prefix}: ` : '';
  const sep = locale === 'en' ? ': ' : '：';
  if (e instanceof CliError) {
    const hint = e.hint ? `\n  ${e.hint[locale]}` : '';
    if (e.kind === 'CliError') return `${p}${e.text[locale]}${suggestionText(e.suggestion, locale)}${hint}`;
    const lines = issueLines(e.issues, locale);
    if (lines.length === 1) return `${p}${headed(e.text[locale], lines[0]!, sep)}${hint}`;
    return `${p}${e.text[locale]}${sep.trimEnd()}\n${lines.map((l) => `  ${l}`).join('\n')}${hint}`;
  }
  if (e instanceof GovCreditError) {
    const label = errorLabel(e.name, locale);
    const lines = issueLines(e.issues as CliIssue[], locale);
    if (lines.length === 1) return `${p}${headed(label, lines[0]!, sep)}`;
    return `${p}${label}${sep.trimEnd()}\n${lines.map((l) => `  ${l}`).join('\n')}`;
  }
  const msg = e instanceof Error ? e.message : String(e);
  return `${p}${locale === 'en' ? 'internal error' : '内部错误'}${sep}${msg}`;
}

/** Which exit code an error thrown while setting up a command leads to. */
export function exitCodeOf(e: unknown): ExitCode {
  if (e instanceof CliError) return e.exitCode;
  if (e instanceof GovCreditError) return EXIT.usage;
  return EXIT.internal;
}
