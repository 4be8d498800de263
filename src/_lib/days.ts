/**
 * Civil dates as integer day numbers (days since 1970-01-01), computed arithmetically.
 *
 * Why: `Date` getters read the process time zone; a deadline must not move when the host
 * runs in Los Angeles. Everything date-like in this library goes through these functions.
 * Algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in month `m` (1..12) of year `y` in the proleptic Gregorian calendar. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

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

/** Parses a strict `YYYY-MM-DD` string into parts, or returns null if it is not a real date. */
export function parseIsoDate(s: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
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

/** `YYYY-MM-DD` of a day number (years 0000..9999). */
export function fromDayNumber(n: number): string {
  const { year, month, day } = partsFromDayNumber(n);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Adds calendar days to a `YYYY-MM-DD` date. */
export function addDaysIso(s: string, n: number): string {
  return fromDayNumber(toDayNumber(s) + n);
}

/** Year of a `YYYY-MM-DD` string. */
export function yearOf(s: string): number {
  return Number(s.slice(0, 4));
}

/**
 * The date `months` months after `s` by the 民法典 corresponding-day rule: the same day of the
 * target month, or that month's last day where it has no such day (2026-01-31 + 1 month = 2026-02-28).
 */
export function addMonthsIso(s: string, months: number): string {
  const p = parseIsoDate(s);
  if (!p) throw new RangeError(`not a date: ${s}`);
  const total = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(p.day, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

const SHANGHAI_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The civil date in China (Asia/Shanghai) of an instant. Never the host's local zone.
 * Returns null for an invalid `Date`.
 */
export function shanghaiDateOf(d: Date): string | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const parts = SHANGHAI_FORMAT.formatToParts(d);
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

/** Compares two `YYYY-MM-DD` strings (lexicographic order is date order). */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxIso(a: string, b: string): string {
  return a >= b ? a : b;
}

export function minIso(a: string, b: string): string {
  return a <= b ? a : b;
}
