export * from './errors.js';
export * from './vocabulary.js';
export * from './statutes.js';
export * from './date.js';
export * from './common.js';
export * from './events.js';
export * from './record.js';
export * from './subject.js';
export * from './policy.js';
export * from './conditions.js';
export * from './pack.js';
export * from './query.js';
export * from './decision.js';
export * from './parse.js';
export * from './limits.js';
export * from './input.js';
// Every generated model type (events, conditions, nested inputs) that no module above names.
export type * from './types.generated.js';
export * from './untyped.js';
