// Working-day calendar (issue #3): official holiday data as data, integer day arithmetic, TZ-free.
export type {
  Calendar,
  CalendarCoverage,
  CalendarOptions,
  DayInfo,
  DayKind,
  DaySource,
  HostDay,
  HostSchedule,
  ProvisionalReason,
  RegionalOverlay,
  RollOptions,
  UnknownYears,
  WorkingDayResult,
} from './types.js';
export { CalendarCoverageError } from './CalendarCoverageError.js';
export { createCalendar } from './createCalendar.js';
export { defaultCalendar } from './defaultCalendar.js';
export { isWorkingDay } from './isWorkingDay.js';
export { dayInfo } from './dayInfo.js';
export { addWorkingDays } from './addWorkingDays.js';
export { addWorkingDaysDetailed } from './addWorkingDaysDetailed.js';
export { workingDaysBetween } from './workingDaysBetween.js';
export { nextWorkingDay } from './nextWorkingDay.js';
export { firstWorkingDayOnOrAfter } from './firstWorkingDayOnOrAfter.js';
export { previousWorkingDay } from './previousWorkingDay.js';
export { lastWorkingDayOnOrBefore } from './lastWorkingDayOnOrBefore.js';
export { addCalendarDays } from './addCalendarDays.js';
export { addMonths } from './addMonths.js';
export { isProvisional } from './isProvisional.js';
export { calendarCoverage } from './calendarCoverage.js';
