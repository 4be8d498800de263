import * as z from 'zod';
import { checkDate, DATE_RANGE, dateOutOfRange } from '../_lib/days.js';
import { normalizeDatesAt } from './_internal/dates.js';
import { ACCEPTED, refinedBy, type Refusal } from './_internal/refine.js';

const INVALID_DATE: readonly Refusal[] = Object.freeze([{ code: 'invalid_date', zh: '应为真实日期，格式 YYYY-MM-DD', en: 'expected a real date as YYYY-MM-DD' }]);

/**
 * A civil date in China, `YYYY-MM-DD`, validated as a real date (2026-02-30 is refused) within the
 * supported range 1949-10-01..2199-12-31 (DATE_RANGE, issue code `out_of_range`).
 */
export const IsoDateSchema = refinedBy(z.string(), dateRefusals);

/** A date string's refusals: not a real `YYYY-MM-DD` date (invalid_date), or outside DATE_RANGE (out_of_range). */
function dateRefusals(s: string): readonly Refusal[] {
  const problem = checkDate(s);
  if (problem === null) return ACCEPTED;
  if (problem === 'invalid_date') return INVALID_DATE;
  const { message } = dateOutOfRange(s).issues[0]!;
  return [{ code: 'out_of_range', zh: message['zh-CN'], en: message.en }];
}

export type IsoDate = string;

/** The range every date the library accepts or computes lies in: 1949-10-01..2199-12-31 (README "Dates"). */
export { DATE_RANGE };

/** A date as hosts pass it: a `YYYY-MM-DD` string or a `Date`, which is read in Asia/Shanghai. */
export type DateInput = string | Date;

/**
 * Replaces every `Date` inside a plain JSON-like value by its civil date in Asia/Shanghai,
 * so that schemas (and the JSON Schema files made from them) only ever see strings.
 * An invalid `Date` becomes the string `'Invalid Date'`, and one far outside the supported range
 * an expanded-year date (`-000001-06-01`), which the date schema then refuses with the field's path.
 * A Date is read once, by its intrinsic time value (an own `valueOf`, `getTime` or
 * `Symbol.toPrimitive` is never called); an object that only poses as a Date is left as it is (the
 * library's validation refuses it). Walks at most MAX_INPUT_ENTRIES entries.
 */
export function normalizeDates<T>(value: T): T {
  return normalizeDatesAt(value, 0);
}
