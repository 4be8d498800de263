export { recordState, type RecordStateOptions } from './recordState.js';
export type { RecordState, ObjectionState, ObjectionStatus, SanctionPeriodState, RectificationState, EndKind } from './recordState.js';
export { timeline, type TimelineOptions, type TimelineChange, type TimelineCause } from './timeline.js';
export { derivedRecords, type DerivedRecords } from './derivedRecords.js';
