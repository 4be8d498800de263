// The deliberate internal entry of src/facts: what other folders of the library use of its private
// modules, and nothing else. Never part of the public surface (src/index.ts does not export it);
// test/source/imports.test.ts refuses any import of src/facts/_internal/ from another folder.

export type { PackContext, PreparedSubject, QueryContext } from './_internal/context.js';
export { changeDays, dayEvaluation, readsOnlyFixedSubjectFacts, recordDaysEvaluation, ruleChangeDays, ruleValidFrom, stateChangeDays } from './_internal/dayFacts.js';
export type { Candidate, DayEvaluation, SubjectFacts } from './_internal/dayFacts.js';
