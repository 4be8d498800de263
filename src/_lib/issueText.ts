/**
 * What a validation issue says to a person, in zh-CN and en: the field it is about and what was
 * expected there (and what came instead). One renderer for the zod schemas (`issuesFromZod`, which
 * adds the few codes only zod raises) and the hand-written calendar validators (`check.ts`), so both
 * say the same thing, and neither says zod's generic "Invalid input" / 「无效输入」 or 「出现未知的键(key)」.
 * No zod here, and small: the calendar entry (≤ 12 kB gzip for addWorkingDays alone) carries it.
 */
import { visibleId } from './ids.js';

type Key = string | number;

/** A message in both languages (the model's LocalizedText, without importing the model). */
export interface Text {
  'zh-CN': string;
  en: string;
}

/** What an issue is about, as the validators found it. */
export type IssueFacts =
  /** A value of the wrong type, or none (`input` undefined: the field is missing). */
  | { code: 'invalid_type'; expected: string; input: unknown }
  /** A value of none of the types a union takes (`input` undefined: missing). */
  | { code: 'invalid_union'; expected: readonly string[]; input: unknown }
  /** An inclusive length or number bound. */
  | { code: 'too_small' | 'too_big'; origin: string; limit: number | bigint; input?: unknown }
  /** A value outside a closed set (an enum, a literal, a discriminator). */
  | { code: 'invalid_value'; values: readonly unknown[]; input: unknown }
  /** Keys an object does not take. */
  | { code: 'unrecognized_keys'; keys: readonly string[] };

/** [zh-CN, en] */
export type Pair = [string, string];
const text = ([zh, en]: Pair): Text => ({ 'zh-CN': zh, en });

/** How a person names the field at `path`: its key, `records[2]` for an element, '' for the input itself. */
export function fieldName(path: readonly Key[]): string {
  let i = path.length - 1;
  let suffix = '';
  while (i >= 0 && typeof path[i] === 'number') suffix = `[${path[i--]}]` + suffix;
  return `${i >= 0 ? path[i] : ''}${suffix}`;
}

/** What a type name means to a person (the model adds `date`: errors.ts). */
const EXPECTED: Record<string, Pair> = {
  string: ['文字', 'text'],
  number: ['数字', 'a number'],
  int: ['整数', 'a whole number'],
  boolean: ['布尔值 true 或 false', 'true or false'],
  object: ['对象', 'an object'],
  array: ['数组', 'a list'],
};

/** The types a field takes, in words: 文字或对象 {…} / text or an object {…}; `words` adds to the table. */
export function expectedText(types: readonly string[], words: Record<string, Pair> = {}): Pair {
  const w = [...new Set(types)].map((t) => words[t] ?? EXPECTED[t] ?? [t, t]);
  return [w.map((x) => x[0]).join('或'), w.map((x) => x[1]).join(' or ')];
}

/**
 * "missing field x: expected …", or "x must be …" with the text that came when it was text (`；`
 * before it after a list of values).
 */
export function must(f: string, want: Pair, input: unknown, sep: Pair = ['，', ',']): Text {
  if (input === undefined) return text([`缺少${f ? `字段 ${f}` : '输入'}：应为${want[0]}`, `missing ${f ? `field ${f}` : 'input'}: expected ${want[1]}`]);
  const got = typeof input === 'string' ? `"${visibleId(input.length > 40 ? `${input.slice(0, 40)}…` : input)}"` : '';
  return text([`${f ? `${f} ` : '输入'}应为${want[0]}${got && `${sep[0]}收到${got}`}`, `${f || 'the input'} must be ${want[1]}${got && `${sep[1]} got ${got}`}`]);
}

/** What a type or value issue expects, in words: 文字 / text, 以下之一：a、b / one of a, b. */
export function wanted(facts: Extract<IssueFacts, { code: 'invalid_type' | 'invalid_union' | 'invalid_value' }>, words?: Record<string, Pair>): Pair {
  if (facts.code !== 'invalid_value') return expectedText(facts.code === 'invalid_type' ? [facts.expected] : facts.expected, words);
  // The values are the schema's own (a closed set), not the input's: shown as they are.
  return [`以下之一：${facts.values.join('、')}`, `one of ${facts.values.join(', ')}`];
}

/**
 * The message of an issue at `path`, in both languages: the field by its key, what is expected
 * there, and what came instead.
 *
 * @example
 * issueText({ code: 'invalid_type', expected: 'string', input: undefined }, ['records', 0, 'events', 0, 'by']);
 * // { 'zh-CN': '缺少字段 by：应为文字', en: 'missing field by: expected text' }
 */
export function issueText(facts: IssueFacts, path: readonly Key[], words?: Record<string, Pair>): Text {
  const f = fieldName(path);
  switch (facts.code) {
    case 'invalid_type':
    case 'invalid_union':
      return must(f, wanted(facts, words), facts.input);
    case 'invalid_value':
      return must(f, wanted(facts), facts.input, ['；', ';']);
    case 'too_small':
    case 'too_big': {
      const least = facts.code === 'too_small';
      const unit: Pair = facts.origin === 'string' ? [' 个字符', ' characters'] : facts.origin === 'array' ? [' 项', ' items'] : ['', ''];
      // At least one character or item: not empty.
      return text(least && unit[0] && facts.limit == 1 ? [`${f} 不能为空`, `${f} must not be empty`] : [`${f} ${least ? '至少' : '最多'} ${facts.limit}${unit[0]}`, `${f} must be at ${least ? 'least' : 'most'} ${facts.limit}${unit[1]}`]);
    }
    case 'unrecognized_keys': {
      const keys = facts.keys.map(visibleId);
      return text([`${f ? `${f} 中` : ''}有不接受的字段：${keys.join('、')}`, `unknown field${f ? ` in ${f}` : ''}: ${keys.join(', ')}`]);
    }
  }
}
