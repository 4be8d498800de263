import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The package's own folder: the nearest folder above the running CLI script (dist/cli.js, or
 * src/cli/main.ts under tsx) whose package.json is named gov-credit-rules. Null if not found.
 */
export function packageRoot(): string | null {
  const script = process.argv[1];
  if (!script) return null;
  let dir: string;
  try {
    dir = dirname(realpathSync(script));
  } catch {
    return null;
  }
  for (;;) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj)) {
      try {
        if ((JSON.parse(readFileSync(pj, 'utf8')) as { name?: string }).name === 'gov-credit-rules') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}
