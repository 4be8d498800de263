import { CalendarImpl } from '../../calendar/_internal/CalendarImpl.js';
import { toCalendar } from '../../deadlines/_internal/build.js';

/** A host's calendar argument, checked as the deadline functions check theirs; undefined when not given. */
export function hostCalendarArg(v: unknown, path: (string | number)[]): CalendarImpl | undefined {
  return v === undefined ? undefined : toCalendar(v, path);
}
