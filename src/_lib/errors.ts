import type * as z from 'zod';
import { expectedText, fieldName, issueText, must, wanted, type IssueFacts, type Pair } from './issueText.js';
import { visibleId } from './ids.js';

/** A message in both languages the library ships. zh-CN is the default everywhere. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export type Locale = 'zh-CN' | 'en';

/**
 * One problem found in an input, in the shape of a zod issue: where (`path`), what kind
 * (`code`), and a message in Chinese and English.
 */
export interface Issue {
  path: (string | number)[];
  code: string;
  message: LocalizedText;
}

/**
 * The brand every error of this library carries: the codes of its class and of each class it
 * extends (`['invalid_input', 'gov_credit_error']`). `Symbol.for` puts it in the runtime-wide
 * registry, so two copies of the library (the ESM and the CJS build loaded together, or two
 * versions) recognise each other's errors, where `instanceof` cannot.
 */
const ERROR_BRAND = Symbol.for('gov-credit-rules.error');

/**
 * Base class of every error this library throws. `issues` is never empty.
 *
 * Test for an error with the static `is`, which works across copies of the library (ESM and CJS
 * builds in one process), rather than `instanceof`, which does not; or read the stable `code`.
 */
export class GovCreditError extends Error {
  /** The stable code of this class of error; instances carry it as `code`. */
  static readonly code: string = 'gov_credit_error';
  override readonly name: string = 'GovCreditError';
  readonly code: string = 'gov_credit_error';
  readonly issues: Issue[];
  constructor(issues: Issue[], summary?: LocalizedText) {
    const first = issues[0];
    const text = summary ?? first?.message ?? { 'zh-CN': '错误', en: 'error' };
    super(`${text.en}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ''}${formatPaths(issues)}`);
    this.issues = issues;
    Object.defineProperty(this, ERROR_BRAND, { value: brandOf(new.target), enumerable: false });
  }

  /**
   * Is `e` an error of this class (or of a class that extends it), from this copy of the library
   * or any other? `GovCreditError.is(e)` is true for every error the library throws.
   *
   * @param e - anything caught.
   * @returns true when `e` carries this class's code in its brand.
   * @example
   * try { await evaluate(query) } catch (e) {
   *   if (InvalidInputError.is(e)) console.log(e.issues.map((i) => i.path.join('.')));
   * }
   */
  static is<C extends abstract new (...args: never[]) => GovCreditError>(this: C & { readonly code: string }, e: unknown): e is InstanceType<C> {
    if (e === null || typeof e !== 'object') return false;
    const codes: unknown = (e as Record<symbol, unknown>)[ERROR_BRAND];
    return Array.isArray(codes) && codes.includes(this.code);
  }

  /** The error's issues rendered in one locale, one per line, each with its path. */
  format(locale: Locale = 'zh-CN'): string {
    return this.issues
      .map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message[locale]}`)
      .join('\n');
  }
}

const brands = new WeakMap<object, readonly string[]>();
/** The codes of a class and of every class it extends up to GovCreditError, most specific first. */
function brandOf(cls: object): readonly string[] {
  let codes = brands.get(cls);
  if (!codes) {
    const list: string[] = [];
    for (let c: object | null = cls; c !== null && c !== Error && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
      if (Object.prototype.hasOwnProperty.call(c, 'code')) list.push((c as { code: string }).code);
    }
    codes = Object.freeze(list);
    brands.set(cls, codes);
  }
  return codes;
}

function formatPaths(issues: Issue[]): string {
  const paths = issues.map((i) => i.path.join('.')).filter((p) => p.length > 0);
  return paths.length ? ` at ${paths.slice(0, 5).join(', ')}` : '';
}

/** The query, subject, record or argument is not what the library accepts (输入无效). */
export class InvalidInputError extends GovCreditError {
  static override readonly code = 'invalid_input';
  override readonly name = 'InvalidInputError';
  override readonly code = 'invalid_input';
}

/** No pack with this id is shipped or loaded (未知规则包). */
export class UnknownPackError extends GovCreditError {
  static override readonly code = 'unknown_pack';
  override readonly name = 'UnknownPackError';
  override readonly code = 'unknown_pack';
  readonly packId: string;
  constructor(packId: string, known: string[]) {
    super([
      {
        path: ['pack'],
        code: 'unknown_pack',
        message: {
          'zh-CN': `未知规则包"${visibleId(String(packId))}"；可用：${known.join('、')}`,
          en: `unknown pack "${visibleId(String(packId))}"; known: ${known.join(', ')}`,
        },
      },
    ]);
    this.packId = packId;
  }
}

/** A rule pack failed validation at load (规则包无效): the issue paths name the pack, rule and field. */
export class InvalidPackError extends GovCreditError {
  static override readonly code = 'invalid_pack';
  override readonly name = 'InvalidPackError';
  override readonly code = 'invalid_pack';
}

/**
 * A record is flagged confidential or prohibited from collection and is refused, never
 * evaluated (TH-6: 不得采集法律、法规规定应当保密或禁止采集的信息).
 */
export class ConfidentialRecordError extends GovCreditError {
  static override readonly code = 'confidential_record';
  override readonly name = 'ConfidentialRecordError';
  override readonly code = 'confidential_record';
}

/** A lifecycle event log that cannot be read without guessing (事件序列无效). */
export class InvalidEventLogError extends GovCreditError {
  static override readonly code = 'invalid_event_log';
  override readonly name = 'InvalidEventLogError';
  override readonly code = 'invalid_event_log';
}

/** Custom issues raised in refinements carry both languages in `params`. */
export interface BilingualParams {
  zh: string;
  en: string;
  code?: string;
}

type ZodIssue = z.core.$ZodIssue & { input?: unknown; expected?: string };

/** Types only the model's schemas have, in words (a date field is marked `date` by the parse: validate.ts). */
const MODEL_TYPES: Record<string, Pair> = { date: ['日期（YYYY-MM-DD）', 'a date (YYYY-MM-DD)'], record: ['对象', 'an object'] };

const T = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** A query's own fields, by what they are: a missing one is named so (缺少规则包), as the CLI does. */
// Plain literals (no calls at module level): a bundle that never validates a query drops them.
const QUERY_FIELDS: Record<string, { noun: LocalizedText; expected?: LocalizedText }> = {
  pack: { noun: { 'zh-CN': '规则包', en: 'pack' }, expected: { 'zh-CN': '规则包标识（如 cn-tj-binhai）或规则包对象', en: 'a pack id (such as cn-tj-binhai) or a pack object' } },
  subject: { noun: { 'zh-CN': '主体', en: 'subject' } },
  action: { noun: { 'zh-CN': '事项', en: 'action' } },
  asOf: { noun: { 'zh-CN': '查询日期', en: 'date asked (asOf)' } },
};

function queryField(path: readonly (string | number)[]): { noun: LocalizedText; expected?: LocalizedText } | undefined {
  const k = path.length === 1 ? path[0] : undefined;
  return typeof k === 'string' && Object.prototype.hasOwnProperty.call(QUERY_FIELDS, k) ? QUERY_FIELDS[k] : undefined;
}

/** A missing query field named by what it is: 缺少规则包（pack）：应为… / missing pack: expected … */
function missingQueryField(path: (string | number)[], noun: LocalizedText, want: LocalizedText): LocalizedText {
  return T(`缺少${noun['zh-CN']}（${path[0]}）：应为${want['zh-CN']}`, `missing ${noun.en}: expected ${want.en}`);
}

/** The message of a zod issue: the shared renderer for what the calendar's validators raise too, and here what only zod raises. */
function zodIssueText(issue: ZodIssue, path: (string | number)[]): LocalizedText {
  const i = issue as ZodIssue & Record<string, unknown>;
  const q = queryField(path);
  // (A root issue of the kinds below does not occur; the name is only for safety.)
  const n = fieldName(path) || 'input';
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_value': {
      const facts: Extract<IssueFacts, { code: 'invalid_type' | 'invalid_value' }> = issue.code === 'invalid_type' ? { code: 'invalid_type', expected: String(i.expected), input: i.input } : { code: 'invalid_value', values: i.values as unknown[], input: i.input };
      if (q && i.input === undefined) {
        const [zh, en] = wanted(facts, MODEL_TYPES);
        return missingQueryField(path, q.noun, T(zh, en));
      }
      return issueText(facts, path, MODEL_TYPES);
    }
    case 'too_small':
    case 'too_big': {
      const limit = (issue.code === 'too_small' ? i.minimum : i.maximum) as number;
      if (i.inclusive !== false) return issueText({ code: issue.code, origin: String(i.origin), limit, input: i.input }, path);
      return issue.code === 'too_small' ? T(`${n} 应大于 ${limit}`, `${n} must be greater than ${limit}`) : T(`${n} 应小于 ${limit}`, `${n} must be less than ${limit}`);
    }
    case 'unrecognized_keys':
      return issueText({ code: 'unrecognized_keys', keys: i.keys as string[] }, path);
    case 'invalid_format':
      return T(`${n} 的格式不符合要求（${String(i.pattern ?? i.format)}）`, `${n} is not in the expected format (${String(i.pattern ?? i.format)})`);
    case 'not_multiple_of':
      return T(`${n} 应为 ${String(i.divisor)} 的倍数`, `${n} must be a multiple of ${String(i.divisor)}`);
    case 'invalid_key': {
      const key = typeof i.input === 'string' ? `"${visibleId(i.input.slice(0, 40))}"` : '';
      return T(`${n} 中的键名 ${key} 无效`, `invalid key ${key} in ${n}`);
    }
    default:
      return T(`${n} 的值无效`, `${n} is not valid`);
  }
}

/**
 * Converts zod issues (parsed with `reportInput: true`) into bilingual library issues whose messages
 * name the field and what is expected there (src/_lib/issueText.ts), never zod's generic texts. A
 * union reports the option that got furthest; one that no option got into says which types it takes
 * (or that the field is missing: then its code is `invalid_type`, as for any missing field); a
 * discriminated union (event `type`) lists the values it takes.
 */
export function issuesFromZod(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = []): Issue[] {
  if (!Array.isArray(issues) || !Array.isArray(prefix)) {
    throw new InvalidInputError([
      { path: [Array.isArray(issues) ? 1 : 0], code: 'invalid_type', message: { 'zh-CN': '应为 zod 的 issues 数组与路径前缀数组', en: 'expected an array of zod issues and an array path prefix' } },
    ]);
  }
  const out: Issue[] = [];
  for (const raw of issues) {
    const issue = raw as ZodIssue;
    const path = [...prefix, ...(issue.path as PropertyKey[]).map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'custom' && issue.params && typeof issue.params === 'object' && 'zh' in issue.params) {
      const p = issue.params as unknown as BilingualParams;
      out.push({ path, code: p.code ?? 'custom', message: { 'zh-CN': p.zh, en: p.en } });
      continue;
    }
    if (issue.code === 'invalid_union') {
      const u = issue as ZodIssue & { errors: z.core.$ZodIssue[][]; discriminator?: string; options?: unknown[] };
      if (u.discriminator !== undefined && Array.isArray(u.options)) {
        // zod puts the discriminator in the path; its value is in the object that came.
        const input = u.input !== null && typeof u.input === 'object' ? (u.input as Record<string, unknown>)[u.discriminator] : undefined;
        out.push({ path, code: 'invalid_union', message: issueText({ code: 'invalid_value', values: u.options, input }, path) });
        continue;
      }
      if (u.errors.length > 0) {
        // Report the branch that got furthest: the one whose first issue has the longest path.
        const best = [...u.errors].sort((a, b) => maxPath(b) - maxPath(a))[0]!;
        const types = u.errors.map((e) => e.find((x) => x.code === 'invalid_type' && x.path.length === 0) as ZodIssue | undefined);
        if (maxPath(best) > 0 || types.some((t) => t === undefined)) {
          out.push(...issuesFromZod(best, path));
          continue;
        }
        const q = queryField(path);
        const [zh, en] = expectedText(types.map((t) => String(t!.expected)), MODEL_TYPES);
        const want = q?.expected ?? T(zh, en);
        const message = q && u.input === undefined ? missingQueryField(path, q.noun, want) : must(fieldName(path), [want['zh-CN'], want.en], u.input);
        out.push({ path, code: u.input === undefined ? 'invalid_type' : 'invalid_union', message });
        continue;
      }
    }
    out.push({ path, code: issue.code, message: zodIssueText(issue, path) });
  }
  return out;
}

function maxPath(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

/** A single bilingual issue. */
export function issue(path: (string | number)[], code: string, zh: string, en: string): Issue {
  return { path, code, message: { 'zh-CN': zh, en } };
}
