export { explain } from './explain.js';
export { labelOf, type LabelGroup } from './labelOf.js';
export { effectPeriodText } from './effectPeriodText.js';
