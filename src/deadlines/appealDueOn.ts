import { toOptions } from '../_lib/input.js';
import type { Calendar } from '../calendar/types.js';
import type { DateInput } from '../model/index.js';
import { calendarDayDeadline, toCalendar } from './_internal/build.js';
import { CSL_FACTS, statuteBasis } from '../model/statutes.js';
import type { Deadline } from './types.js';

/**
 * The last day to appeal (提出申诉) after a review: "对复核结果不服的，可以自接到复核决定之日起
 * 十五日内……提出申诉" (公务员法 第九十五条).
 * The period is in calendar days (日), not working days: the start day is not counted (民法典
 * 第二百零一条) and a last day that is not a working day rolls to the next working day (第二百零三条).
 *
 * @param reviewDecisionReceivedOn - the day the review decision was received.
 * @param opts.calendar - the calendar used for rolling; default the default calendar.
 * @returns a `Deadline` with `kind: 'appeal'`, citing CSL-95.
 * @throws InvalidInputError (paths `['reviewDecisionReceivedOn']`, `['opts', …]`); CalendarCoverageError when the last day
 *   falls in a year without a schedule.
 * @example
 * appealDueOn('2026-09-16').dueOn; // '2026-10-08' (2026-10-01 is 国庆节)
 */
export function appealDueOn(reviewDecisionReceivedOn: DateInput, opts?: { calendar?: Calendar }): Deadline {
  const o = toOptions(opts, ['opts'], ['calendar']);
  return calendarDayDeadline('appeal', reviewDecisionReceivedOn, ['reviewDecisionReceivedOn'], CSL_FACTS.parameters.appealDays.value, statuteBasis(CSL_FACTS, 'appealDays'), toCalendar(o.calendar, ['opts', 'calendar']));
}
