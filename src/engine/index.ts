export { evaluate, type EvaluateOptions } from './evaluate.js';
export { createEvaluator, type Evaluator, type EvaluatorOptions, type EvaluatorQuery } from './createEvaluator.js';
export { evaluateStream, type StreamOptions, type StreamProgress, type SubjectSource } from './evaluateStream.js';
export { recordState, type RecordStateOptions } from './recordState.js';
export type { RecordState, ObjectionState, ObjectionStatus, SanctionPeriodState, RectificationState, EndKind } from './recordState.js';
export { timeline, type TimelineOptions, type TimelineChange, type TimelineCause, type TimelineReason } from './timeline.js';
export { derivedRecords, type DerivedRecords } from './derivedRecords.js';
export { decideSubject, type DecideSubjectOptions, type SubjectDecisions } from './decideSubject.js';
export { screen, type ScreenOptions, type ScreenResult, type ScreenedSubject } from './screen.js';
