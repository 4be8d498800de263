// Pure civil-date arithmetic on `YYYY-MM-DD` strings (no `Date`, so nothing reads the process TZ).
export { addDaysIso, addMonthsIso, fromDayNumber, toDayNumber, yearOf } from '../../_lib/days.js';
