import { CalendarImpl } from '../../calendar/internal.js';
import { toCalendar } from '../../deadlines/internal.js';

/** A host's calendar argument, checked as the deadline functions check theirs; undefined when not given. */
export function hostCalendarArg(v: unknown, path: (string | number)[]): CalendarImpl | undefined {
  return v === undefined ? undefined : toCalendar(v, path);
}
