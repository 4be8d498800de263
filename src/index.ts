// The public surface, a deliberate list (docs/integration.md, "The public API"): each folder's index
// names what it publishes; the model's names are in model/public.ts, its zod schemas under `schemas`.
export * from './model/public.js';
export * as schemas from './model/schemas.js';
export * from './calendar/index.js';
export * from './deadlines/index.js';
export * from './packs/index.js';
export * from './engine/index.js';
export * from './decision/index.js';
