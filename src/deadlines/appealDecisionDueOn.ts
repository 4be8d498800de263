import { toCount, toOptions } from '../_lib/input.js';
import type { Calendar } from '../calendar/types.js';
import { InvalidInputError, issue } from '../model/errors.js';
import type { DateInput } from '../model/index.js';
import { calendarDayDeadline, toCalendar } from './_internal/build.js';
import { toBoolean } from '../_lib/input.js';
import { CSL_FACTS, statuteBasis } from '../model/statutes.js';
import type { Deadline } from './types.js';

export interface AppealDecisionOptions {
  /** The case is complex and the time was extended by the maximum, 30 days. */
  extended?: boolean;
  /** An extension shorter than the maximum, 1..30 days (implies `extended`). */
  extensionDays?: number;
  calendar?: Calendar;
}

/**
 * The last day for the appeal body to decide: "受理公务员申诉的机关应当自受理之日起六十日内作出处理决定；
 * 案情复杂的，可以适当延长，但是延长时间不得超过三十日" (公务员法 第九十六条). Calendar days from the day
 * after acceptance; a non-working last day rolls to the next working day (民法典 第二百零三条).
 *
 * @param acceptedOn - the day the appeal was accepted (受理).
 * @param opts.extended - extended by the maximum 30 days (90 in all).
 * @param opts.extensionDays - a shorter extension, 1..30 days.
 * @param opts.calendar - the calendar used for rolling.
 * @returns a `Deadline` with `kind: 'appeal-decision'`, citing CSL-96.
 * @throws InvalidInputError (paths `['acceptedOn']`, `['opts', …]`; an extension over 30 days is refused).
 * @example
 * appealDecisionDueOn('2026-03-02').dueOn; // '2026-05-06' (2026-05-01 falls in 劳动节)
 * appealDecisionDueOn('2026-03-02', { extended: true }).dueOn; // '2026-05-31' → rolled to '2026-06-01'
 */
export function appealDecisionDueOn(acceptedOn: DateInput, opts?: AppealDecisionOptions): Deadline {
  const o = toOptions(opts, ['opts'], ['extended', 'extensionDays', 'calendar']);
  const extended = toBoolean(o.extended, ['opts', 'extended']);
  const { appealDecisionDays, appealDecisionLongestExtensionDays } = CSL_FACTS.parameters;
  const longest = appealDecisionLongestExtensionDays.value;
  let extra = extended ? longest : 0;
  if (o.extensionDays !== undefined) {
    const d = toCount(o.extensionDays, ['opts', 'extensionDays']);
    if (d < 1 || d > longest || extended === false) {
      throw new InvalidInputError([
        issue(
          ['opts', 'extensionDays'],
          'invalid_extension',
          `延长时间不得超过三十日（公务员法第九十六条），应为 1 到 ${longest}，收到 ${d}${extended === false ? '，且与 extended: false 矛盾' : ''}`,
          `the extension may not exceed ${longest} days (公务员法 96): expected 1 to ${longest}, got ${d}${extended === false ? ', and extended is false' : ''}`,
        ),
      ]);
    }
    extra = d;
  }
  return calendarDayDeadline('appeal-decision', acceptedOn, ['acceptedOn'], appealDecisionDays.value + extra, statuteBasis(CSL_FACTS, 'appealDecisionDays'), toCalendar(o.calendar, ['opts', 'calendar']));
}
