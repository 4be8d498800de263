/**
 * Civil dates as integer day numbers (days since 1970-01-01), computed arithmetically.
 *
 * Why: `Date` getters read the process time zone; a deadline must not move when the host
 * runs in Los Angeles. Everything date-like in this library goes through these functions.
 * Algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 *
 * Every date the library accepts or computes lies in DATE_RANGE (1949-10-01..2199-12-31): no
 * record, rule or deadline of 政务诚信 predates the People's Republic, and 2199 leaves room for any
 * period (48 months at most) or record lifetime (100 years at most) from a date a host can have
 * today, while keeping every year four digits. Arithmetic that would leave the range throws an
 * `InvalidInputError` (issue code `out_of_range`): it never wraps to another year.
 */
import { InvalidInputError, issue } from './errors.js';

/** Days in month `m` (1..12) of year `y` in the proleptic Gregorian calendar. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** The first and last day of the supported range, inclusive. */
export const DATE_RANGE = Object.freeze({ from: '1949-10-01', to: '2199-12-31' });

/** Day number of a civil date (y, m 1..12, d 1..31). No validation. */
export function dayNumberFromParts(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day numbers of DATE_RANGE's ends. */
export const MIN_DAY_NUMBER = dayNumberFromParts(1949, 10, 1);
export const MAX_DAY_NUMBER = dayNumberFromParts(2199, 12, 31);

/** Is the day number within DATE_RANGE? */
export function inDateRange(n: number): boolean {
  return n >= MIN_DAY_NUMBER && n <= MAX_DAY_NUMBER;
}

/**
 * The error for a date outside DATE_RANGE: `what` says which date (`'2199-10-01 + 6 months'`).
 * The path is empty: callers that know which field the date came from re-throw it there.
 */
export function dateOutOfRange(what: string, path: (string | number)[] = []): InvalidInputError {
  return new InvalidInputError([
    issue(
      path,
      'out_of_range',
      `日期 ${what} 超出本库支持的日期范围（${DATE_RANGE.from} 至 ${DATE_RANGE.to}）`,
      `the date ${what} is outside the supported range ${DATE_RANGE.from}..${DATE_RANGE.to}`,
    ),
  ]);
}

/** Is `e` the error of a date outside DATE_RANGE (from here or from a calendar or deadline function)? */
export function isDateOutOfRange(e: unknown): e is InvalidInputError {
  return InvalidInputError.is(e) && e.issues.length === 1 && e.issues[0]!.code === 'out_of_range';
}

/** Civil date parts of a day number. */
export function partsFromDayNumber(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

const digitAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};

/**
 * The day number of a strict `YYYY-MM-DD` string (four-digit year, two-digit month and day, a real
 * date), or NaN. Read digit by digit: every date the library is given or computes passes here.
 */
export function isoDayNumber(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const year = digitAt(s, 0) * 1000 + digitAt(s, 1) * 100 + digitAt(s, 2) * 10 + digitAt(s, 3);
  const month = digitAt(s, 5) * 10 + digitAt(s, 6);
  const day = digitAt(s, 8) * 10 + digitAt(s, 9);
  // A NaN digit fails every comparison below.
  if (!(month >= 1 && month <= 12 && day >= 1 && year >= 0 && day <= daysInMonth(year, month))) return Number.NaN;
  return dayNumberFromParts(year, month, day);
}

/** Parses a strict `YYYY-MM-DD` string into parts, or returns null if it is not a real date. */
export function parseIsoDate(s: string): { year: number; month: number; day: number } | null {
  const n = isoDayNumber(s);
  return n === n ? partsFromDayNumber(n) : null;
}

export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && parseIsoDate(s) !== null;
}

/** Day number of a `YYYY-MM-DD` string that is already known to be valid. */
export function toDayNumber(s: string): number {
  // Fast path without the regex: callers validate at the boundary.
  const y = (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
  const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  return dayNumberFromParts(y, m, d);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYY-MM-DD` of a day number; throws (`out_of_range`) outside DATE_RANGE instead of writing another year. */
export function fromDayNumber(n: number): string {
  const { year, month, day } = partsFromDayNumber(n);
  const s = `${formatYear(year)}-${pad2(month)}-${pad2(day)}`;
  if (!inDateRange(n)) throw dateOutOfRange(s);
  return s;
}

/** A year as ISO 8601 writes it: four digits, or `±YYYYYY` outside 0000..9999. */
function formatYear(year: number): string {
  if (year >= 0 && year <= 9999) return String(year).padStart(4, '0');
  return `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Adds calendar days to a `YYYY-MM-DD` date; throws (`out_of_range`) when the result leaves DATE_RANGE. */
export function addDaysIso(s: string, n: number): string {
  const r = toDayNumber(s) + n;
  if (!inDateRange(r)) throw dateOutOfRange(`${s} ${n < 0 ? '-' : '+'} ${Math.abs(n)} ${Math.abs(n) === 1 ? 'day' : 'days'}`);
  return fromDayNumber(r);
}

/** Year of a `YYYY-MM-DD` string. */
export function yearOf(s: string): number {
  return Number(s.slice(0, 4));
}

/**
 * The date `months` months after `s` by the 民法典 corresponding-day rule: the same day of the
 * target month, or that month's last day where it has no such day (2026-01-31 + 1 month = 2026-02-28).
 * Throws (`out_of_range`) when the result leaves DATE_RANGE.
 */
export function addMonthsIso(s: string, months: number): string {
  const p = parseIsoDate(s);
  if (!p) throw new InvalidInputError([issue([], 'invalid_date', `日期无效：${s}`, `not a date: ${s}`)]);
  const total = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(p.day, daysInMonth(year, month));
  const n = dayNumberFromParts(year, month, day);
  if (!inDateRange(n)) throw dateOutOfRange(`${s} ${months < 0 ? '-' : '+'} ${Math.abs(months)} ${Math.abs(months) === 1 ? 'month' : 'months'}`);
  return fromDayNumber(n);
}

const SHANGHAI_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// Intl's zone data (with China's historic offsets, e.g. the summer time of 1986–1991) is used
// between these instants; outside them no date is in DATE_RANGE, and UTC+8 only serves to name it.
const INTL_FROM = Date.UTC(1900, 0, 1);
const INTL_UNTIL = Date.UTC(2300, 0, 1);

// Captured once: a Date is read through the intrinsic getter only, never through methods or
// conversions the object itself (or a Proxy around it) could answer (`valueOf`, `getTime`,
// `Symbol.toPrimitive`), so a forged reading cannot reach a decision.
const intrinsicGetTime = Date.prototype.getTime;
const reflectApply = Reflect.apply;

/**
 * How the library reads a value that looks like a `Date` (`instanceof Date`): `'genuine'` for a real
 * Date object (one with a time value: any Date, or a subclass of Date), `'forged'` for anything
 * else that claims Date's prototype (`Object.create(Date.prototype)`, a Proxy around a Date),
 * `'none'` for a value that is not Date-like at all. Reads the prototype chain (a Proxy's trap may
 * throw: callers that walk untrusted input catch it); calls nothing on the object itself.
 */
export function dateObjectKind(v: unknown): 'genuine' | 'forged' | 'none' {
  if (v === null || typeof v !== 'object' || !(v instanceof Date)) return 'none';
  return genuineDateTime(v) === undefined ? 'forged' : 'genuine';
}

/**
 * The time value of a genuine Date (NaN for an Invalid Date), read once through the intrinsic
 * getter; undefined when `d` is not a Date object at all (no [[DateValue]] slot).
 */
export function genuineDateTime(d: object): number | undefined {
  try {
    return reflectApply(intrinsicGetTime, d, []) as number;
  } catch {
    return undefined;
  }
}

/**
 * The civil date in China (Asia/Shanghai) of an instant. Never the host's local zone.
 * Returns null for an invalid `Date` (and for anything that is not a genuine Date). A date outside
 * 0000..9999 is written with an expanded year (`-000001-06-01`), never wrapped into a four-digit
 * one; `checkDate` refuses it as out of range. The Date is read once, by its intrinsic time value.
 */
export function shanghaiDateOf(d: Date): string | null {
  const t = genuineDateTime(d);
  return t === undefined ? null : shanghaiDateOfTime(t);
}

/** The civil date in China of a time value (ms since the epoch), or null for NaN. */
export function shanghaiDateOfTime(t: number): string | null {
  if (Number.isNaN(t)) return null;
  if (t < INTL_FROM || t >= INTL_UNTIL) {
    const p = partsFromDayNumber(Math.floor((t + 8 * 3_600_000) / 86_400_000));
    return `${formatYear(p.year)}-${pad2(p.month)}-${pad2(p.day)}`;
  }
  // Formatted from the number, not from the object: nothing of the caller's is called.
  const parts = SHANGHAI_FORMAT.formatToParts(t);
  let y = '';
  let m = '';
  let day = '';
  for (const part of parts) {
    if (part.type === 'year') y = part.value;
    else if (part.type === 'month') m = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${y.padStart(4, '0')}-${m}-${day}`;
}

/**
 * What is wrong with a date string, if anything: not a real `YYYY-MM-DD` date (`invalid_date`), or
 * one outside DATE_RANGE (`out_of_range`, also for the expanded years `shanghaiDateOf` writes).
 */
export function checkDate(s: string): 'invalid_date' | 'out_of_range' | null {
  const n = isoDayNumber(s);
  if (n !== n) return /^[+-]\d{6}-\d{2}-\d{2}$/.test(s) ? 'out_of_range' : 'invalid_date';
  return inDateRange(n) ? null : 'out_of_range';
}

export function minIso(a: string, b: string): string {
  return a <= b ? a : b;
}
