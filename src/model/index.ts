export * from './errors.js';
export * from './vocabulary.js';
