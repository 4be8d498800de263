/**
 * The kit's arguments, checked where a host hands them over: a wrong one is the library's typed
 * InvalidInputError with a path and a code (as at every other entry point), not a TypeError from
 * deep inside.
 */
import type { Locale } from '../../model/index.js';
import { InvalidInputError } from './lib.js';

type Path = (string | number)[];

const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const QUERY_ARB_KEYS = ['dateRange', 'actions', 'subjectKinds', 'kinds', 'maxRecords', 'maxEvents', 'policy'] as const;
/** The options each arbitrary knows (RecordArbOptions, SubjectArbOptions, QueryArbOptions, eventsArb's, InvariantPropertyOptions). */
export const ARB_KEYS = {
  recordArb: ['pack', 'dateRange', 'id', 'asOf', 'kinds', 'maxEvents'],
  subjectArb: ['pack', 'dateRange', 'subjectKinds', 'asOf', 'maxRecords', 'maxEvents', 'kinds'],
  queryArb: ['pack', ...QUERY_ARB_KEYS],
  eventsArb: ['record', 'asOf', 'maxLength'],
  invariantProperty: ['pack', ...QUERY_ARB_KEYS, 'invariants', 'reference'],
} as const;
/** The options `checkPack` knows (CheckPackOptions). */
export const CHECK_PACK_KEYS = [...QUERY_ARB_KEYS, 'numRuns', 'seed', 'invariants', 'timeZones', 'timeZoneRuns', 'childEntry', 'reference'] as const;
/** The options `diffPacks` knows (DiffPacksOptions). */
export const DIFF_PACKS_KEYS = [...QUERY_ARB_KEYS, 'numRuns', 'seed'] as const;

function refuse(path: Path, code: string, zh: string, en: string): never {
  throw new InvalidInputError([{ path, code, message: { 'zh-CN': zh, en } }]);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An options object (or nothing) with known keys only. */
export function checkOptions(v: unknown, known: readonly string[]): void {
  if (v === undefined) return;
  if (!isObject(v)) refuse(['options'], 'invalid_type', '选项应为对象', 'options must be an object');
  const unknown = Object.keys(v).filter((k) => !known.includes(k));
  if (unknown.length) {
    throw new InvalidInputError(
      unknown.map((k) => ({ path: ['options', k], code: 'unrecognized_key', message: { 'zh-CN': `未知选项"${k}"；可用：${known.join('、')}`, en: `unknown option "${k}"; known: ${known.join(', ')}` } })),
    );
  }
}

/**
 * The options of an arbitrary (or of invariantProperty): nothing, or an object with known keys;
 * its `pack`, when given, an id or a pack object. `required` names keys that must be present.
 */
export function checkArbOptions(v: unknown, fn: keyof typeof ARB_KEYS, required: readonly string[] = []): void {
  if (v === undefined && required.length === 0) return;
  if (!isObject(v)) refuse(['options'], 'invalid_type', `${fn} 的选项应为对象`, `the options of ${fn} must be an object`);
  checkOptions(v, ARB_KEYS[fn]);
  for (const k of required) if (v[k] === undefined) refuse(['options', k], 'required', `缺少选项 ${k}`, `option ${k} is required`);
  if (v.pack !== undefined) checkPackRef(v.pack, ['options', 'pack']);
}

/** A pack as the kit takes it: a pack id or a pack object. */
export function checkPackRef(v: unknown, path: Path): void {
  if (typeof v !== 'string' && !isObject(v)) refuse(path, 'invalid_type', '应为规则包标识或规则包对象', 'expected a pack id or a pack object');
}

/** `{ locale }` (or nothing): the locale, `'zh-CN'` by default. */
export function localeOption(v: unknown): Locale {
  checkOptions(v, ['locale']);
  const locale = (v as { locale?: unknown } | undefined)?.locale;
  if (locale === undefined) return 'zh-CN';
  if (!(LOCALES as readonly unknown[]).includes(locale)) {
    const shown = typeof locale === 'string' ? JSON.stringify(locale.slice(0, 40)) : String(locale);
    refuse(['options', 'locale'], 'invalid_locale', `未知语言 ${shown}；可用：${LOCALES.join('、')}`, `unknown locale ${shown}; known: ${LOCALES.join(', ')}`);
  }
  return locale as Locale;
}

/** A result of `checkPack` or `diffPacks`: an object with the listed array fields. */
export function checkResult(v: unknown, fn: 'checkPack' | 'diffPacks', arrays: readonly string[]): void {
  if (!isObject(v) || arrays.some((k) => !Array.isArray(v[k]))) {
    refuse(['result'], 'invalid_type', `应为 ${fn} 返回的结果`, `expected what ${fn} returned`);
  }
}
