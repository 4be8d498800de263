/**
 * `tsc --noEmit` on two consumer files that import 'gov-credit-rules' (mapped to the built .d.ts, or to
 * src/index.ts when dist/ is older than the sources; test/cli/installed.heavy.test.ts compiles the
 * same files against the installed package): a correct host compiles under `strict`; typos in a
 * query, a subject, a record (`pakc`, 'promotoin') do not.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { newest } from '../cli/_support.js';
import { checkConsumer, consumerDiagnostics } from './_consumer.js';

const repo = join(import.meta.dirname, '..', '..');
const dir = join(repo, 'test', 'types', 'consumer');

describe('typed public signatures (tsc --noEmit on a consumer)', () => {
  // The built declarations when they are current (CI builds first; also what is published), else the sources.
  const dts = join(repo, 'dist', 'index.d.ts');
  const target = existsSync(dts) && statSync(dts).mtimeMs >= newest(join(repo, 'src')) ? 'dist/index.d.ts' : 'src/index.ts';

  it(`a correct host compiles; each typo fails to compile where it is written (${target})`, () => {
    const ok = join(dir, 'typed-ok.ts');
    const typos = join(dir, 'typed-typos.ts');
    checkConsumer(consumerDiagnostics([ok, typos], { 'gov-credit-rules': [target] }), ok, typos);
  }, 120_000);

});
