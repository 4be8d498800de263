// The deliberate internal entry of src/decision: what other folders of the library use of its private
// modules, and nothing else. Never part of the public surface (src/index.ts does not export it);
// test/source/imports.test.ts refuses any import of src/decision/_internal/ from another folder.

export { composeDecision, reasonsOfDay } from './_internal/compose.js';
export type { DayReasons } from './_internal/compose.js';
export { coverageNoteText } from './_internal/coverageNote.js';
