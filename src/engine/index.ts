export { evaluate, type EvaluateOptions } from './evaluate.js';
export { listPacks, type PackSummary } from './listPacks.js';
export { getPack } from './getPack.js';
export { loadPack } from './loadPack.js';
export { createEvaluator, type Evaluator, type EvaluatorOptions, type EvaluatorQuery } from './createEvaluator.js';
export { evaluateStream, type StreamOptions, type StreamProgress, type SubjectSource } from './evaluateStream.js';
