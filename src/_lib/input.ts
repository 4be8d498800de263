import { DATE_RANGE, dateOutOfRange, isoDayNumber, dayNumberFromParts, daysInMonth, fromDayNumber, genuineDateTime, MAX_DAY_NUMBER, MIN_DAY_NUMBER, parseIsoDate, shanghaiDateOfTime } from './days.js';
import { issueText } from './issueText.js';
import { InvalidInputError, issue } from './errors.js';

export type Path = readonly (string | number)[];

/** Argument paths used on every call, allocated once (issues get copies). */
export const P_DATE: Path = Object.freeze(['date']);
export const P_N: Path = Object.freeze(['n']);
export const P_FROM: Path = Object.freeze(['from']);
export const P_TO: Path = Object.freeze(['to']);

/** Day numbers of 1949-10-01 and 2199-12-31: the range every date the library accepts or computes lies in. */
export const MIN_DAY = MIN_DAY_NUMBER;
export const MAX_DAY = MAX_DAY_NUMBER;
const MAX_YEAR = Number(DATE_RANGE.to.slice(0, 4));

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number') return String(v);
  return v === null ? 'null' : typeof v;
}

/** `instanceof Date`, where a Proxy's getPrototypeOf trap that throws counts as posing as one. */
function looksLikeDate(v: object): boolean {
  try {
    return v instanceof Date;
  } catch {
    return true;
  }
}

/**
 * A date argument as a day number. Strings must be strict `YYYY-MM-DD` real dates; a `Date` is
 * read in Asia/Shanghai (never the host's zone), once, by its intrinsic time value (an own
 * `valueOf`, `getTime` or `Symbol.toPrimitive` is never called); an object that poses as a Date
 * without being one (`Object.create(Date.prototype)`, a Proxy around a Date) is refused.
 */
export function toDay(input: unknown, path: Path): number {
  if (typeof input === 'string') {
    const fast = isoDayNumber(input);
    if (fast >= MIN_DAY && fast <= MAX_DAY) return fast; // (NaN fails both)
    if (fast === fast) throw outOfRange(input, path);
  }
  let s: string | null = null;
  if (typeof input === 'string') s = input;
  else if (input !== null && typeof input === 'object' && looksLikeDate(input)) {
    const t = genuineDateTime(input);
    if (t === undefined) {
      throw new InvalidInputError([
        issue(
          [...path],
          'invalid_date',
          '日期无效：不是真正的 Date 对象（如 Object.create(Date.prototype) 或包装 Date 的 Proxy），应为 YYYY-MM-DD 格式的真实日期或 Date 对象',
          'invalid date: not a genuine Date object (such as Object.create(Date.prototype) or a Proxy around a Date); expected a real date as YYYY-MM-DD or a Date',
        ),
      ]);
    }
    s = shanghaiDateOfTime(t);
    if (s === null) {
      throw new InvalidInputError([issue([...path], 'invalid_date', '日期无效：Date 对象不是有效时间（Invalid Date）', 'invalid date: the Date object is Invalid Date')]);
    }
  }
  const p = s === null ? null : parseIsoDate(s);
  if (!p && s !== null && /^[+-]\d{6}-\d{2}-\d{2}$/.test(s)) throw outOfRange(s, path);
  if (!p) {
    throw new InvalidInputError([
      issue(
        [...path],
        'invalid_date',
        `日期无效：${describe(input)}，应为 YYYY-MM-DD 格式的真实日期或 Date 对象`,
        `invalid date: ${describe(input)}; expected a real date as YYYY-MM-DD or a Date`,
      ),
    ]);
  }
  const dn = dayNumberFromParts(p.year, p.month, p.day);
  if (!(dn >= MIN_DAY && dn <= MAX_DAY)) throw outOfRange(s!, path);
  return dn;
}

function outOfRange(date: string, path: Path): InvalidInputError {
  return dateOutOfRange(describe(date), [...path]);
}

/** A count argument (days, working days, months): a non-negative safe integer. */
export function toCount(n: unknown, path: Path): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new InvalidInputError([
      issue(
        [...path],
        'invalid_count',
        `数量无效：${describe(n)}，应为非负整数`,
        `invalid count: ${describe(n)}; expected a non-negative integer`,
      ),
    ]);
  }
  return n;
}

/** A count argument that may be negative (counting backwards): a safe integer. */
export function toSignedCount(n: unknown, path: Path): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new InvalidInputError([
      issue([...path], 'invalid_count', `数量无效：${describe(n)}，应为整数（负数表示往前数）`, `invalid count: ${describe(n)}; expected an integer (negative counts backwards)`),
    ]);
  }
  return n;
}

/** Refuses a computed day outside the supported range (1949-10-01..2199-12-31). */
export function checkDayRange(dn: number, path: Path): void {
  if (!(dn >= MIN_DAY && dn <= MAX_DAY)) {
    throw new InvalidInputError([
      issue(
        [...path],
        'out_of_range',
        `结果超出本库支持的日期范围（${DATE_RANGE.from} 至 ${DATE_RANGE.to}）`,
        `the result falls outside the supported range ${DATE_RANGE.from}..${DATE_RANGE.to}`,
      ),
    ]);
  }
}

/** Refuses adding `months` (negative: subtracting) to a date in (year, month) when the result would leave the range. */
export function checkMonthRange(year: number, month: number, months: number, path: Path): void {
  const target = year * 12 + (month - 1) + months;
  // Before October 1949 (the range's first month), or after the range's last year.
  if (Math.floor(target / 12) > MAX_YEAR || target < MIN_MONTH) checkDayRange(Number.NaN, path);
}
const MIN_MONTH = Number(DATE_RANGE.from.slice(0, 4)) * 12 + Number(DATE_RANGE.from.slice(5, 7)) - 1;

/** Formats a computed day number, refusing results outside the supported range. */
export function formatDay(dn: number, path: Path): string {
  checkDayRange(dn, path);
  return fromDayNumber(dn);
}

/** An options argument: undefined or a plain object whose keys are all known. */
export function toOptions<K extends string>(opts: unknown, path: Path, known: readonly K[]): Partial<Record<K, unknown>> {
  try {
    return readOptions(opts, path, known);
  } catch (e) {
    if (InvalidInputError.is(e)) throw e;
    // A getter or Proxy trap that throws: the options cannot be read.
    const msg = e instanceof Error ? e.message : String(e);
    throw new InvalidInputError([issue([...path], 'unreadable', `无法读取选项（读取时抛出：${msg}）`, `the options cannot be read (reading them threw: ${msg})`)]);
  }
}

function readOptions<K extends string>(opts: unknown, path: Path, known: readonly K[]): Partial<Record<K, unknown>> {
  if (opts === undefined) return {};
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
    throw new InvalidInputError([issue([...path], 'invalid_type', '选项应为对象', 'options must be an object')]);
  }
  const out: Partial<Record<K, unknown>> = {};
  const issues = [];
  for (const key of Object.keys(opts)) {
    if (!(known as readonly string[]).includes(key)) {
      issues.push(issue([...path, key], 'unrecognized_key', `未知选项"${key}"；可用：${known.join('、')}`, `unknown option "${key}"; known: ${known.join(', ')}`));
    } else {
      out[key as K] = (opts as Record<string, unknown>)[key];
    }
  }
  if (issues.length) throw new InvalidInputError(issues);
  return out;
}

/** An optional boolean option. */
export function toBoolean(v: unknown, path: Path): boolean | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw new InvalidInputError([{ path: [...path], code: 'invalid_type', message: issueText({ code: 'invalid_type', expected: 'boolean', input: v }, path) }]);
  return v;
}

/** An optional enumerated option. */
export function toEnum<T extends string>(v: unknown, path: Path, values: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    throw new InvalidInputError([{ path: [...path], code: 'invalid_value', message: issueText({ code: 'invalid_value', values, input: v }, path) }]);
  }
  return v as T;
}
