// The deliberate internal entry of src/lifecycle: what other folders of the library use of its private
// modules, and nothing else. Never part of the public surface (src/index.ts does not export it);
// test/source/imports.test.ts refuses any import of src/lifecycle/_internal/ from another folder.

export type { EndKind, MitigationDecision, ObjectionState, ObjectionStatus, RecordState, RectificationState, SanctionPeriodState } from './_internal/reduce.js';
export { DERIVED_SUFFIX, PeriodTracker, checkLiftings, derivedState, entriesOf, reduceEntry, statesKnownOn, subjectLifecycle } from './_internal/subjectStates.js';
export type { Entry, LifecycleSettings, SubjectLifecycle, WorkingDayRule } from './_internal/subjectStates.js';
