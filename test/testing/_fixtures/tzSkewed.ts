// A library entry that answers differently far east of China (UTC+14): the timezone invariant must notice.
import { untyped, evaluate as real } from '../../../src/index.js';
export * from '../../../src/index.js';

export async function evaluate(query: unknown) {
  const d = await real(untyped(query));
  const offsetMinutes = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset();
  if (offsetMinutes <= -14 * 60 && d.reasons.length > 0) return { ...d, reasons: d.reasons.slice(1) };
  return d;
}
