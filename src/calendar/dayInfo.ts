import type { DateInput } from '../model/index.js';
import type { DayInfo } from './types.js';
import { defaultCore } from './_internal/baseCalendar.js';

/**
 * What a day is: working or not, kind (workday / weekend / holiday / make-up-workday), holiday
 * name in Chinese and English, the holiday a make-up day belongs to, whether it is provisional, and
 * where the answer comes from.
 *
 * Bound to the default calendar (official data; unknown years throw). Use a calendar from
 * `createCalendar` for host schedules, overlays or other options.
 *
 * @param date - `YYYY-MM-DD` or a `Date` (read in Asia/Shanghai).
 * @returns the day's `DayInfo`.
 * @throws InvalidInputError (path `['date']`); CalendarCoverageError for a year without a schedule.
 * @example
 * dayInfo('2026-10-10');
 * // { date: '2026-10-10', working: true, kind: 'make-up-workday',
 * //   makeUpFor: { 'zh-CN': '国庆节', en: 'National Day' }, provisional: false, source: 'official' }
 */
export function dayInfo(date: DateInput): DayInfo {
  return defaultCore().dayInfo(date);
}
