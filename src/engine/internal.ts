// The deliberate internal entry of src/engine: what other folders of the library use of its private
// modules, and nothing else. Never part of the public surface (src/index.ts does not export it);
// test/source/imports.test.ts refuses any import of src/engine/_internal/ from another folder.

export { hostCalendarArg } from './_internal/hostCalendar.js';
export type { Job, Shared } from './_internal/subjectAtOnce.js';
export { objectionDeadlinesOf, type ObjectionDeadlines } from './_internal/context.js';
