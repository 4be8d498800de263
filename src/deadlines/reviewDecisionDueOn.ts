import { toOptions } from '../_lib/input.js';
import type { Calendar } from '../calendar/types.js';
import type { DateInput } from '../model/index.js';
import { calendarDayDeadline, toCalendar } from './_internal/build.js';
import { CSL_FACTS, statuteBasis } from '../model/statutes.js';
import type { Deadline } from './types.js';

/**
 * The last day for the original authority to decide a review: "原处理机关应当自接到复核申请书后的
 * 三十日内作出复核决定" (公务员法 第九十六条).
 * The period is in calendar days (日), not working days: the start day is not counted (民法典
 * 第二百零一条) and a last day that is not a working day rolls to the next working day (第二百零三条).
 *
 * @param receivedOn - the day the review application was received.
 * @param opts.calendar - the calendar used for rolling; default the default calendar.
 * @returns a `Deadline` with `kind: 'review-decision'`, citing CSL-96.
 * @throws InvalidInputError (paths `['receivedOn']`, `['opts', …]`); CalendarCoverageError when the last day
 *   falls in a year without a schedule.
 * @example
 * reviewDecisionDueOn('2026-03-02').dueOn; // '2026-04-01'
 */
export function reviewDecisionDueOn(receivedOn: DateInput, opts?: { calendar?: Calendar }): Deadline {
  const o = toOptions(opts, ['opts'], ['calendar']);
  return calendarDayDeadline('review-decision', receivedOn, ['receivedOn'], CSL_FACTS.parameters.reviewDecisionDays.value, statuteBasis(CSL_FACTS, 'reviewDecisionDays'), toCalendar(o.calendar, ['opts', 'calendar']));
}
