export * from './model/index.js';
export * from './calendar/index.js';
export * from './deadlines/index.js';
export * from './packs/index.js';
export * from './engine/index.js';
export * from './decision/index.js';
