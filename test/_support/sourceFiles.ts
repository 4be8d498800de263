import fs from 'node:fs';
import path from 'node:path';

/** Every TypeScript file below `dir`, for the tests that read the source itself (test/source/). */
export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}
