import type { StatutoryProvider } from '../CalendarImpl.js';
import { STATUTORY_FIRST_YEAR } from './holidayLaw.js';
import { statutoryEntries } from './statutoryDays.js';

/** The statutory mode's days (全国年节及纪念日放假办法), for calendars made with `unknownYears: 'statutory'`. */
export const STATUTORY: StatutoryProvider = Object.freeze({ entries: statutoryEntries, firstYear: STATUTORY_FIRST_YEAR });
