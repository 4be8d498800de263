import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './exit.js';
import { closest } from './suggest.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  locale: { type: 'string' },
  width: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * Parses a command's arguments strictly: an unknown option or a missing value is a usage error
 * (exit 2) naming the option, in both languages.
 */
export function parseCommand(argv: string[], options: OptionSpec): Parsed {
  try {
    const r = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true, allowNegative: true } as ParseArgsConfig);
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string }).code ?? '';
    const opt = /'(-{1,2}[^' ]+)/.exec(msg)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const name = opt.replace(/^-+/, '').split('=')[0]!;
      const near = closest(name, Object.keys({ ...COMMON_OPTIONS, ...options }).filter((k) => k !== 'debug' && k !== 'help'));
      throw usageError(`未知选项 ${opt}`, `unknown option ${opt}`, { code: 'unknown_option', ...(near ? { suggestion: `--${near}` } : {}) });
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      // node:util's message is English only; say which option in both languages.
      const missing = /argument missing/.test(msg);
      throw usageError(
        missing ? `选项 ${opt} 需要一个值` : `选项 ${opt} 的取值有误`,
        missing ? `option ${opt} needs a value` : `option ${opt} has a bad value: ${msg}`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw usageError(`多余的参数：${msg}`, msg, { code: 'unexpected_argument' });
    throw usageError(`参数有误：${msg}`, msg);
  }
}

export function str(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}

export function strs(p: Parsed, name: string): string[] {
  const v = p.values[name];
  if (Array.isArray(v)) return v;
  return typeof v === 'string' ? [v] : [];
}

/** A comma-separated list option, trimmed, without empties. */
export function list(p: Parsed, name: string): string[] | undefined {
  const v = str(p, name);
  if (v === undefined) return undefined;
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A positive integer option. */
export function positiveInt(p: Parsed, name: string, max = 1_000_000): number | undefined {
  const v = str(p, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) {
    throw usageError(`--${name} 应为 1 到 ${max} 之间的整数，收到"${v}"`, `--${name} must be an integer from 1 to ${max}, got "${v}"`);
  }
  return Number(v);
}

/** A non-zero integer option from −max to max (negative: counting back). */
export function signedInt(p: Parsed, name: string, max = 1_000_000): number | undefined {
  const v = str(p, name);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v) || Number(v) === 0 || Math.abs(Number(v)) > max) {
    throw usageError(
      `--${name} 应为 1 到 ${max} 之间的整数（负数表示往前数，写作 --${name}=-5），收到"${v}"`,
      `--${name} must be an integer from 1 to ${max} (negative counts back, written --${name}=-5), got "${v}"`,
    );
  }
  return Number(v);
}

/** A non-negative integer option. */
export function nonNegativeInt(p: Parsed, name: string, max = 100_000): number | undefined {
  const v = str(p, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) > max) {
    throw usageError(`--${name} 应为 0 到 ${max} 之间的整数，收到"${v}"`, `--${name} must be an integer from 0 to ${max}, got "${v}"`);
  }
  return Number(v);
}

export function oneOf<T extends string>(p: Parsed, name: string, allowed: readonly T[], fallback: T): T {
  const v = str(p, name);
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    const near = closest(v, allowed);
    throw usageError(`--${name} 应为 ${allowed.join('、')} 之一，收到"${v}"`, `--${name} must be one of ${allowed.join(', ')}, got "${v}"`, near ? { suggestion: near } : {});
  }
  return v as T;
}

export function noExtraPositionals(p: Parsed, max: number, command: string): void {
  if (p.positionals.length > max) {
    const extra = p.positionals.slice(max).join(' ');
    throw usageError(`${command}：多余的参数 ${extra}`, `${command}: unexpected argument ${extra}`, { code: 'unexpected_argument' });
  }
}

/**
 * The value of an option anywhere on the line before `--` (`--name v` or `--name=v`), the last one
 * winning: main reads --locale, --format and --width before it knows the command, so that even a
 * usage error comes in the right language and form.
 */
export function scanOption(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === `--${name}`) value = argv[i + 1];
    else if (a.startsWith(`--${name}=`)) value = a.slice(name.length + 3);
  }
  return value;
}
