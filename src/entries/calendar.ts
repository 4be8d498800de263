/**
 * `gov-credit-rules/calendar`: mainland China's working-day calendar (official holidays and
 * make-up working days, 调休) and the legal deadline functions, without the rule engine — no
 * json-rules-engine, no zod — for a browser or any host that only counts days.
 *
 * The same functions and errors as the main entry; a bundle that imports `addWorkingDays` alone
 * is about 10 kB gzip (`npm run size` prints the figure). A separate copy of the code, so test a
 * caught error with its `code` (or `name`) rather than `instanceof` a class of the main entry.
 *
 * @example
 * import { addWorkingDays, objectionReplyDueOn } from 'gov-credit-rules/calendar';
 * addWorkingDays('2026-09-28', 15);            // '2026-10-23' — the make-up Saturday 2026-10-10 counts
 * objectionReplyDueOn('2026-09-28').dueOn;     // '2026-10-23' (TH-9)
 */
export * from '../calendar/index.js';
export * from '../deadlines/index.js';
export { GovCreditError, InvalidInputError, type Issue, type Locale, type LocalizedText } from '../model/errors.js';
export type { DateInput } from '../model/date.js';
