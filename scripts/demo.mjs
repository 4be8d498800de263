// `npm run demo`: the CLI's demo on the bundled examples (every example subject under every pack,
// the 10,000-subject roster summary through the batch machinery on two worker threads, and
// timelines). The CLI is dist/cli.js when it is current, else it is built first (the CLI entry
// alone: seconds, with progress). Extra arguments go to the demo, e.g. `npm run demo -- --locale en`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBuild } from './_shared/builds.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = await cliBuild(root, (line) => process.stderr.write(`${line}\n`));
const r = spawnSync(process.execPath, [cli, 'demo', '--workers', '2', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
