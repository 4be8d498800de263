import { addDaysIso } from '../_lib/days.js';
import type { Locale } from '../model/errors.js';

/**
 * When a record has effect, as a person reads it: from its first day to its last day, the last day
 * included — the one convention for end days in explain(), the CLI and the playground (a decision's
 * `effectiveUntil` is the first day without effect, and a deadline's `dueOn` its last day).
 *
 * @param record - `effectiveFrom` and `effectiveUntil` of a decision's record summary.
 * @param locale - 'zh-CN' (default) or 'en'.
 * @returns e.g. `2026-03-15 至 2026-09-15`, or `2026-03-15 起` where nothing known ends it.
 * @example
 * effectPeriodText({ effectiveFrom: '2026-03-15', effectiveUntil: '2026-09-16' }); // '2026-03-15 至 2026-09-15'
 */
export function effectPeriodText(record: { effectiveFrom: string; effectiveUntil: string | null }, locale: Locale = 'zh-CN'): string {
  const en = locale === 'en';
  if (record.effectiveUntil === null) return en ? `from ${record.effectiveFrom}` : `${record.effectiveFrom} 起`;
  // A record without effect at all (revoked on its first day) has nothing to show but that.
  if (record.effectiveUntil <= record.effectiveFrom) return en ? 'no day of effect' : '未生效';
  const last = addDaysIso(record.effectiveUntil, -1);
  return en ? `${record.effectiveFrom} to ${last}` : `${record.effectiveFrom} 至 ${last}`;
}
