/**
 * The source texts vendored in the repository (`sources/`, see its README): the five local
 * documents, the clause catalogues and the holiday-cn oracle data. Every test reads them from here,
 * so a clone runs every test with nothing beside it.
 */
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

/** The path of `sub` inside `sources/` (a pack clause's `source`, `holiday-cn`, …). */
export function sourcePath(sub = ''): string {
  return join(repoRoot, 'sources', sub);
}
