import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = resolve(__dirname, '../../dist');

/**
 * Tests of the built package need dist/: `npm test` builds it first (scripts/ensure-build.mjs). Run
 * alone without a build, such a test fails saying so, instead of being skipped without a word.
 */
export function requireBuild(...files: string[]): void {
  const missing = (files.length ? files : ['index.js', 'index.cjs', 'calendar.js', 'testing.js', 'cli.js']).filter((f) => !existsSync(join(dist, f)));
  if (missing.length) throw new Error(`dist/${missing.join(', dist/')} missing: run \`npm run build\` first (\`npm test\` builds it)`);
}
