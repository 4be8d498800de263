// Legal deadlines on the working-day calendar (issue #3).
export type {
  CombinedDisciplinaryPeriod,
  Deadline,
  DeadlineKind,
  DisciplinaryPeriod,
  LegalBasis,
  PeriodSanction,
} from './types.js';
export { LEGAL_BASES, type LegalBasisId } from './legalBases.js';
export { objectionReplyDueOn, type ObjectionReplyOptions } from './objectionReplyDueOn.js';
export { platformReportDueOn, type PlatformReportOptions } from './platformReportDueOn.js';
export { rectificationDueOn, type RectificationLimit, type RectificationOptions } from './rectificationDueOn.js';
export { disciplinaryPeriod } from './disciplinaryPeriod.js';
export { combinedDisciplinaryPeriod } from './combinedDisciplinaryPeriod.js';
export { reviewApplicationDueOn } from './reviewApplicationDueOn.js';
export { appealDueOn } from './appealDueOn.js';
export { reviewDecisionDueOn } from './reviewDecisionDueOn.js';
export { appealDecisionDueOn, type AppealDecisionOptions } from './appealDecisionDueOn.js';
