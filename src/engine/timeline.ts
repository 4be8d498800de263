import { fromDayNumber } from '../_lib/days.js';
import { toDay, toOptions } from '../_lib/input.js';
import type { Calendar } from '../calendar/types.js';
import { buildContext } from './_internal/context.js';
import { hostCalendarArg } from './_internal/hostCalendar.js';
import { referenceRunner } from './_internal/referenceRunner.js';
import { runAsync } from './_internal/steps.js';
import { happeningsBetween, timelineSteps, type TimelineChange } from './_internal/timeline.js';
import type { DateInput } from '../model/date.js';
import type { SubjectInput } from '../model/input.js';
import type { Untyped } from '../model/untyped.js';
import { InvalidInputError, issue } from '../model/errors.js';
import type { Pack } from '../model/pack.js';
import { parseQuery } from '../model/parse.js';
import type { PolicyOverrides } from '../model/policy.js';
import type { Action } from '../model/vocabulary.js';

export type { TimelineCause, TimelineChange, TimelineReason } from './_internal/timeline.js';

export interface TimelineOptions {
  from: DateInput;
  to: DateInput;
  action: Action;
  pack: string | Pack;
  /** Required for `excellent-rating` and `annual-rating`. */
  assessmentYear?: number;
  policy?: PolicyOverrides;
  /**
   * The holiday data deadlines are counted on (as `evaluate`'s option): a calendar from
   * `createCalendar` with the years the official data lacks. Default: the official data.
   */
  calendar?: Calendar;
}

/**
 * The days on which the verdict for one action changes between `from` and `to`, each with the
 * verdict from that day and the event or rule that changed it — the answer to "when can this
 * person be promoted?". Each day is answered with what was known on that day (as `evaluate` would
 * answer a query asked then); the first entry is the verdict on `from`.
 *
 * @param subject - the subject, with its records and their events.
 * @param options - `from`, `to`, `action`, `pack`, `assessmentYear` (annual reviews), `policy`, `calendar`.
 * @returns the changes, in date order; the verdict holds until the next entry.
 * @throws the errors of `evaluate`; InvalidInputError if `options` is not an object with known keys,
 *   if `from` or `to` is not a date in 1949-10-01..2199-12-31, or if `to` is before `from`.
 * @example
 * const changes = await timeline(subject, { from: '2026-03-01', to: '2026-12-31', action: 'promotion', pack: 'cn-tj-binhai' });
 * // [{ on: '2026-03-01', verdict: 'clear' }, { on: '2026-03-15', verdict: 'barred' }, { on: '2026-09-16', verdict: 'clear' }]
 */
export async function timeline(subject: SubjectInput | Untyped, options: TimelineOptions): Promise<TimelineChange[]> {
  const o = toOptions(options, ['options'], ['from', 'to', 'action', 'pack', 'assessmentYear', 'policy', 'calendar']);
  const calendar = hostCalendarArg(o.calendar, ['options', 'calendar']);
  // The range's ends are checked as the dates the host wrote, so an error names `from` or `to`.
  const from = fromDayNumber(toDay(o.from, ['from']));
  const toIso = fromDayNumber(toDay(o.to, ['to']));
  const query = parseQuery({
    pack: o.pack,
    subject,
    action: o.action,
    asOf: from,
    ...(o.assessmentYear !== undefined ? { assessmentYear: o.assessmentYear } : {}),
    ...(o.policy !== undefined ? { policy: o.policy } : {}),
  });
  const toDayIso = parseQuery({ ...query, asOf: toIso }).asOf;
  if (toDayIso < query.asOf) throw new InvalidInputError([issue(['to'], 'date_order', '结束日期早于开始日期', '`to` is before `from`')]);
  const ctx = buildContext(query, calendar ? { hostCalendar: calendar } : {});
  const happenings = happeningsBetween(ctx, query.asOf, toDayIso);
  const days = [query.asOf, ...[...happenings.keys()].filter((d) => d > query.asOf && d <= toDayIso).sort()];
  return runAsync(timelineSteps(ctx, days, happenings), await referenceRunner());
}

