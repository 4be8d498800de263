import { listPacks } from '../../src/index.js';

/**
 * The shipped packs' ids, in the registry's order, read from the registry: tests, bench and docs never
 * keep a literal list, so a new pack in rules/ is tested by adding its file.
 */
export const SHIPPED_PACKS: readonly string[] = Object.freeze(
  listPacks()
    .filter((p) => p.shipped)
    .map((p) => p.id),
);
