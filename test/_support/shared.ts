/**
 * Locates `../shared` (next to the repo root): oracle data and specs that are not part of the
 * package. Suites that need it skip with a message when it is absent, except in CI
 * (`CI=true`), where its absence is a failure: a green CI run must have checked the oracle.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `../shared` (or `$GOV_CREDIT_SHARED_DIR`), or null when it does not exist. */
export function sharedDir(): string | null {
  const dir = process.env.GOV_CREDIT_SHARED_DIR ?? join(repoRoot, '..', 'shared');
  return existsSync(dir) ? dir : null;
}

/**
 * The path of `sub` inside the shared directory, or null (with a warning) when it is absent.
 * Throws when absent and `process.env.CI === 'true'`, so the suite fails instead of skipping.
 *
 * @example
 * const oracle = requireShared('data/holiday-cn', 'holiday-cn oracle');
 * describe.skipIf(!oracle)('…', () => { … });
 */
export function requireShared(sub = '', what = sub || 'shared data'): string | null {
  const dir = sharedDir();
  const path = dir === null ? null : join(dir, sub);
  if (path !== null && existsSync(path)) return path;
  const where = join(process.env.GOV_CREDIT_SHARED_DIR ?? join(repoRoot, '..', 'shared'), sub);
  if (process.env.CI === 'true') {
    throw new Error(`${what}: ${where} is missing, and CI=true requires it (set GOV_CREDIT_SHARED_DIR to relocate it)`);
  }
  console.warn(`[skipped] ${what}: ${where} is absent; these tests need it (set GOV_CREDIT_SHARED_DIR to relocate it)`);
  return null;
}
