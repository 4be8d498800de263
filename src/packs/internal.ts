// The deliberate internal entry of src/packs: what other folders of the library use of its private
// modules, and nothing else. Never part of the public surface (src/index.ts does not export it);
// test/source/imports.test.ts refuses any import of src/packs/_internal/ from another folder.

export { compileRules } from './_internal/compileConditions.js';
export type { CompiledCondition } from './_internal/compileConditions.js';
export { lookupPack, resolvePack } from './_internal/registry.js';
export { effectivePolicy } from './_internal/resolve.js';
export type { OwnedRule, PolicySource, ResolvedPack } from './_internal/resolve.js';
