// The deliberate internal entry of src/calendar: what other folders of the library use of its private
// modules, and nothing else. Never part of the public surface (src/index.ts does not export it);
// test/source/imports.test.ts refuses any import of src/calendar/_internal/ from another folder.

export { CalendarImpl } from './_internal/CalendarImpl.js';
export { statutoryCoverageAdvice } from './_internal/statutory/advice.js';
export { STATUTORY_FIRST_YEAR, holidayLawFor } from './_internal/statutory/holidayLaw.js';
export { LUNAR_LAST_YEAR } from './_internal/statutory/lunarDates.generated.js';
export { STATUTORY } from './_internal/statutory/provider.js';
export { statutoryEntries } from './_internal/statutory/statutoryDays.js';
