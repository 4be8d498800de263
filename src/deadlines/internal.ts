// The deliberate internal entry of src/deadlines: what other folders of the library use of its private
// modules, and nothing else. Never part of the public surface (src/index.ts does not export it);
// test/source/imports.test.ts refuses any import of src/deadlines/_internal/ from another folder.

export { toCalendar, workingDaysAfter } from './_internal/build.js';
