// `npm run demo`: builds the package if dist/ is missing or older than the sources, then runs the
// CLI's demo (every example subject under every pack, the 10,000-subject roster summary through
// the batch machinery on two worker threads, and timelines). Extra arguments go to the demo,
// e.g. `npm run demo -- --locale en`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');

function newest(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((n) => newest(join(p, n))));
}

const sources = Math.max(...['src', 'rules', 'package.json', 'tsup.config.ts'].map((p) => newest(join(root, p))));
if (!existsSync(cli) || statSync(cli).mtimeMs < sources) {
  console.error('building (npm run build) …');
  const b = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const r = spawnSync(process.execPath, [cli, 'demo', '--workers', '2', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
