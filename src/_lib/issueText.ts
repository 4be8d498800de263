/**
 * What a validation issue says to a person, in zh-CN and en: the field it is about and what was
 * expected there (and, where it helps, what came instead). One renderer for the zod schemas
 * (`issuesFromZod`) and the hand-written calendar validators (`check.ts`), so both say the same
 * thing, and neither says zod's generic "Invalid input" / 「无效输入」 or 「出现未知的键(key)」.
 * No zod here: the calendar entry uses it too.
 */
import { visibleId } from './ids.js';

type Key = string | number;

/** A message in both languages (the model's LocalizedText, without importing the model). */
interface Text {
  'zh-CN': string;
  en: string;
}

/** What an issue is about, as the validators found it. */
export type IssueFacts =
  /** A value of the wrong type, or none (`input` undefined: the field is missing). */
  | { code: 'invalid_type'; expected: string; input: unknown }
  /** A value of none of the types a union takes (`input` undefined: missing). */
  | { code: 'invalid_union'; expected: readonly string[]; input: unknown }
  /** A length or number bound. */
  | { code: 'too_small' | 'too_big'; origin: string; limit: number | bigint; inclusive?: boolean; input?: unknown }
  /** A value outside a closed set (an enum, a literal, a discriminator). */
  | { code: 'invalid_value'; values: readonly unknown[]; input: unknown }
  /** Keys an object does not take. */
  | { code: 'unrecognized_keys'; keys: readonly string[] }
  /** A string that does not match a pattern. */
  | { code: 'invalid_format'; format: string; pattern?: string }
  | { code: 'not_multiple_of'; divisor: number | bigint }
  /** A key of a record that its key schema refuses (`nested`: what is wrong with the key). */
  | { code: 'invalid_key'; key: unknown; nested: IssueFacts | null }
  /** Anything else: the field is named, nothing more is known. */
  | { code: 'other' };

const T = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

/** How a person names the field at `path`: its key, or `records[2]` for an element, or the input itself. */
function fieldName(path: readonly Key[]): { zh: string; en: string; root: boolean } {
  if (path.length === 0) return { zh: '输入', en: 'the input', root: true };
  // (zh: a key is an ASCII id, set off by a space from the Chinese around it; 输入 is not.)
  const last = path[path.length - 1]!;
  if (typeof last === 'string') return { zh: last, en: last, root: false };
  // An element: name it by its list (`records[2]`), or by its index alone at the top of a batch.
  let i = path.length - 1;
  let suffix = '';
  while (i >= 0 && typeof path[i] === 'number') suffix = `[${path[i--]}]` + suffix;
  const name = i >= 0 ? `${path[i]}${suffix}` : suffix;
  return { zh: name, en: name, root: false };
}

/** What a type name means to a person. */
const EXPECTED: Record<string, Text> = {
  string: T('文字', 'text'),
  date: T('日期（YYYY-MM-DD）', 'a date (YYYY-MM-DD)'),
  number: T('数字', 'a number'),
  int: T('整数', 'a whole number'),
  bigint: T('整数', 'a whole number'),
  boolean: T('true 或 false', 'true or false'),
  object: T('对象 {…}', 'an object {…}'),
  record: T('对象 {…}', 'an object {…}'),
  map: T('对象 {…}', 'an object {…}'),
  array: T('数组 […]', 'a list […]'),
  tuple: T('数组 […]', 'a list […]'),
  set: T('数组 […]', 'a list […]'),
  null: T('null', 'null'),
  undefined: T('不填', 'nothing'),
};

function expectedText(types: readonly string[]): Text {
  const words = [...new Set(types.map((t) => EXPECTED[t] ?? T(t, t)))];
  const uniq = (loc: 'zh-CN' | 'en') => [...new Set(words.map((w) => w[loc]))];
  return T(uniq('zh-CN').join('或'), uniq('en').join(' or '));
}

/** A string cut to `n` characters (with …), control characters written visibly. */
function short(s: string, n = 40): string {
  const chars = [...s];
  return visibleId(chars.length > n ? `${chars.slice(0, n).join('')}…` : s);
}

/** What came instead, in words: 数字 5, 文字 "x", 数组（3 项）. */
function received(v: unknown): Text {
  if (v === undefined) return T('空', 'nothing');
  if (v === null) return T('空值 null', 'null');
  switch (typeof v) {
    case 'string':
      return T(`文字"${short(v)}"`, `the text "${short(v)}"`);
    case 'number':
      return Number.isNaN(v) ? T('NaN', 'NaN') : T(`数字 ${v}`, `the number ${v}`);
    case 'bigint':
      return T(`整数 ${v}`, `the number ${v}`);
    case 'boolean':
      return T(`布尔值 ${v}`, String(v));
    case 'function':
      return T('函数', 'a function');
    case 'symbol':
      return T('symbol', 'a symbol');
    default:
      break;
  }
  if (Array.isArray(v)) return T(`数组（${v.length} 项）`, `a list of ${v.length} item${v.length === 1 ? '' : 's'}`);
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) return T('对象', 'an object');
  const name = (v as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name ? T(`${name} 对象`, `a ${name}`) : T('对象', 'an object');
}

function valueList(values: readonly unknown[], loc: 'zh-CN' | 'en'): string {
  return values.map((v) => (typeof v === 'string' ? visibleId(v) : String(v))).join(loc === 'en' ? ', ' : '、');
}

/** The four fields of a query, by what they are: a missing one is named so (缺少规则包), as the CLI does. */
const QUERY_FIELDS: Record<string, { noun: Text; expected?: Text }> = {
  pack: { noun: T('规则包', 'pack'), expected: T('规则包标识（如 cn-tj-binhai）或规则包对象', 'a pack id (such as cn-tj-binhai) or a pack object') },
  subject: { noun: T('主体', 'subject') },
  action: { noun: T('事项', 'action') },
  asOf: { noun: T('查询日期', 'date asked (asOf)') },
};

function queryField(path: readonly Key[]): { noun: Text; expected?: Text } | undefined {
  return path.length === 1 && typeof path[0] === 'string' && Object.prototype.hasOwnProperty.call(QUERY_FIELDS, path[0]) ? QUERY_FIELDS[path[0]] : undefined;
}

/** "missing field x: expected …", naming a query's own fields by what they are. */
function missing(f: { zh: string; en: string; root: boolean }, path: readonly Key[], zhExpected: string, enExpected: string): Text {
  if (f.root) return T(`缺少输入：应为${zhExpected}`, `no input: expected ${enExpected}`);
  const q = queryField(path);
  if (q) return T(`缺少${q.noun['zh-CN']}（${f.zh}）：应为${zhExpected}`, `missing ${q.noun.en}: expected ${enExpected}`);
  return T(`缺少字段 ${f.zh}：应为${zhExpected}`, `missing field ${f.en}: expected ${enExpected}`);
}

/** "missing field x: expected …" / "x must be …, got …", for a type and the value that came. */
function typeMessage(f: { zh: string; en: string; root: boolean }, path: readonly Key[], expected: Text, input: unknown): Text {
  if (input === undefined) return missing(f, path, expected['zh-CN'], expected.en);
  const got = received(input);
  return T(`${f.zh}${f.root ? '' : ' '}应为${expected['zh-CN']}，收到${got['zh-CN']}`, `${f.en} must be ${expected.en}, got ${got.en}`);
}

const UNIT: Record<string, [zh: string, en: string, enOne: string]> = {
  string: ['个字符', 'characters', 'character'],
  array: ['项', 'items', 'item'],
  set: ['项', 'items', 'item'],
  file: ['字节', 'bytes', 'byte'],
};

function boundMessage(f: { zh: string; en: string }, code: 'too_small' | 'too_big', origin: string, limit: number | bigint, inclusive: boolean, input: unknown): Text {
  const unit = UNIT[origin];
  if (unit) {
    const n = Number(limit);
    const len = typeof input === 'string' ? [...input].length : Array.isArray(input) ? input.length : null;
    const got = len === null ? T('', '') : T(`（收到 ${len} ${unit[0]}）`, ` (got ${len})`);
    if (code === 'too_small' && n === 1) {
      return origin === 'string' ? T(`${f.zh} 不能为空`, `${f.en} must not be empty`) : T(`${f.zh} 至少要有 1 项`, `${f.en} must have at least one item`);
    }
    const word = n === 1 ? unit[2] : unit[1];
    return code === 'too_small'
      ? T(`${f.zh} 至少 ${n} ${unit[0]}${got['zh-CN']}`, `${f.en} must have at least ${n} ${word}${got.en}`)
      : T(`${f.zh} 最多 ${n} ${unit[0]}${got['zh-CN']}`, `${f.en} must have at most ${n} ${word}${got.en}`);
  }
  const got = typeof input === 'number' || typeof input === 'bigint' ? T(`，收到 ${input}`, `, got ${input}`) : T('', '');
  if (code === 'too_small') {
    return inclusive ? T(`${f.zh} 不能小于 ${limit}${got['zh-CN']}`, `${f.en} must be at least ${limit}${got.en}`) : T(`${f.zh} 应大于 ${limit}${got['zh-CN']}`, `${f.en} must be greater than ${limit}${got.en}`);
  }
  return inclusive ? T(`${f.zh} 不能大于 ${limit}${got['zh-CN']}`, `${f.en} must be at most ${limit}${got.en}`) : T(`${f.zh} 应小于 ${limit}${got['zh-CN']}`, `${f.en} must be less than ${limit}${got.en}`);
}

/**
 * The message of an issue at `path`, in both languages: the field by its key, what is expected
 * there, and what came instead.
 *
 * @example
 * issueText({ code: 'invalid_type', expected: 'string', input: undefined }, ['records', 0, 'events', 0, 'by']);
 * // { 'zh-CN': '缺少字段 by：应为文字', en: 'missing field by: expected text' }
 */
export function issueText(facts: IssueFacts, path: readonly Key[]): Text {
  const f = fieldName(path);
  switch (facts.code) {
    case 'invalid_type':
      return typeMessage(f, path, expectedText([facts.expected]), facts.input);
    case 'invalid_union':
      return typeMessage(f, path, queryField(path)?.expected ?? expectedText(facts.expected), facts.input);
    case 'too_small':
    case 'too_big':
      return boundMessage(f, facts.code, facts.origin, facts.limit, facts.inclusive !== false, facts.input);
    case 'invalid_value': {
      const one = facts.values.length === 1;
      const zhList = `${one ? '' : '以下之一：'}${valueList(facts.values, 'zh-CN')}`;
      const enList = `${one ? '' : 'one of '}${valueList(facts.values, 'en')}`;
      if (facts.input === undefined) return missing(f, path, zhList, enList);
      const got = received(facts.input);
      return T(`${f.zh} 应为${zhList}；收到${got['zh-CN']}`, `${f.en} must be ${enList}; got ${got.en}`);
    }
    case 'unrecognized_keys': {
      const keys = facts.keys.map((k) => visibleId(k));
      const many = keys.length > 1;
      return f.root
        ? T(`有不接受的字段：${keys.join('、')}`, `unknown field${many ? 's' : ''}: ${keys.join(', ')}`)
        : T(`${f.zh} 中有不接受的字段：${keys.join('、')}`, `unknown field${many ? 's' : ''} in ${f.en}: ${keys.join(', ')}`);
    }
    case 'invalid_format':
      return facts.pattern
        ? T(`${f.zh} 的格式不符合要求（应匹配 ${facts.pattern}）`, `${f.en} is not in the expected format (it must match ${facts.pattern})`)
        : T(`${f.zh} 的格式不符合要求（${facts.format}）`, `${f.en} is not in the expected format (${facts.format})`);
    case 'not_multiple_of':
      return T(`${f.zh} 应为 ${facts.divisor} 的倍数`, `${f.en} must be a multiple of ${facts.divisor}`);
    case 'invalid_key': {
      const key = typeof facts.key === 'string' ? `"${short(facts.key)}"` : '';
      const inner = facts.nested ? issueText(facts.nested, ['键名']) : null;
      const innerEn = facts.nested ? issueText(facts.nested, ['the key']) : null;
      return T(`${f.zh} 中的键名 ${key} 无效${inner ? `：${inner['zh-CN']}` : ''}`, `invalid key ${key} in ${f.en}${innerEn ? `: ${innerEn.en}` : ''}`);
    }
    default:
      return f.root ? T('输入无效', 'the input is not valid') : T(`${f.zh} 的值无效`, `${f.en} is not valid`);
  }
}
