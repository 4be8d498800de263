import { toOptions } from '../_lib/input.js';
import type { Calendar } from '../calendar/types.js';
import type { DateInput } from '../model/index.js';
import { calendarDayDeadline, toCalendar } from './_internal/build.js';
import { CSL_FACTS, statuteBasis } from '../model/statutes.js';
import type { Deadline } from './types.js';

/**
 * The last day to apply for review (申请复核) of a sanction or other personnel decision:
 * "可以自知道该人事处理之日起三十日内向原处理机关申请复核" (公务员法 第九十五条).
 * The period is in calendar days (日), not working days: the start day is not counted (民法典
 * 第二百零一条) and a last day that is not a working day rolls to the next working day (第二百零三条).
 *
 * @param knownOn - the day the civil servant learned of the decision.
 * @param opts.calendar - the calendar used for rolling; default the default calendar.
 * @returns a `Deadline` with `kind: 'review-application'`, citing CSL-95.
 * @throws InvalidInputError (paths `['knownOn']`, `['opts', …]`); CalendarCoverageError when the last day
 *   falls in a year without a schedule.
 * @example
 * reviewApplicationDueOn('2026-09-01').dueOn; // '2026-10-08' (2026-10-01 is 国庆节)
 */
export function reviewApplicationDueOn(knownOn: DateInput, opts?: { calendar?: Calendar }): Deadline {
  const o = toOptions(opts, ['opts'], ['calendar']);
  return calendarDayDeadline('review-application', knownOn, ['knownOn'], CSL_FACTS.parameters.reviewApplicationDays.value, statuteBasis(CSL_FACTS, 'reviewApplicationDays'), toCalendar(o.calendar, ['opts', 'calendar']));
}
