// Before `npm test`: builds the package (npm run build) when dist/ is missing a file or older than
// the sources, with progress, so that the suites about the built package (its entries, types, the
// ESM and CJS builds side by side, the integration examples) run on a fresh clone instead of being
// skipped. Nothing to do when dist/ is current (CI builds first).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePackageBuild } from './_shared/builds.mjs';

await ensurePackageBuild(join(dirname(fileURLToPath(import.meta.url)), '..'));
