import { CalendarImpl } from '../../calendar/_internal/CalendarImpl.js';
import type { Calendar } from '../../calendar/types.js';
import { toCalendar } from '../../deadlines/_internal/build.js';
import type { Pack } from '../../model/pack.js';
import type { Query } from '../../model/query.js';
import { lookupPack } from './registry.js';
import { resolvePack } from './resolve.js';

/** A host's calendar argument, checked as the deadline functions check theirs; undefined when not given. */
export function hostCalendarArg(v: unknown, path: (string | number)[]): CalendarImpl | undefined {
  return v === undefined ? undefined : toCalendar(v, path);
}

/**
 * The host's calendar as a decision uses it: its data (official years, added schedules, overlays),
 * answering as the decision's policy says (`unknownCalendarYears`, `receiptOnNonWorkingDay`), so
 * that the policy notes of the decision stay true. Same data, same index: nothing is rebuilt.
 */
export function calendarForQuery(calendar: CalendarImpl, query: Query): Calendar {
  const pack: Pack = typeof query.pack === 'string' ? lookupPack(query.pack) : query.pack;
  const packPolicy = resolvePack(pack).policy;
  return calendar._withOptions({
    unknownYears: query.policy?.unknownCalendarYears ?? packPolicy.unknownCalendarYears,
    receiptOnNonWorkingDay: query.policy?.receiptOnNonWorkingDay ?? packPolicy.receiptOnNonWorkingDay,
  });
}
