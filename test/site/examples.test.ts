/**
 * The playground's own examples (site/examples) decide as they say, like examples/subjects do
 * (test/cli/examples.test.ts): the browser test relies on the Binhai and Tonghua ones.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectationQuery, loadExamples, mismatches } from '../../src/cli/_internal/examples.js';
import { createEvaluator, untyped } from '../../src/index.js';

const examples = loadExamples(join(__dirname, '..', '..', 'site', 'examples'));

describe('site/examples', () => {
  it('has the Binhai warning and the Tonghua objection', () => {
    expect(examples.map((e) => e.file)).toEqual(['01-binhai-warning-march.json', '02-tonghua-objection.json']);
  });
  for (const ex of examples) {
    it(`${ex.file}: every expectation holds`, () => {
      for (const e of ex.expect) {
        const { pack, ...query } = expectationQuery(ex, e);
        const d = createEvaluator(pack as string).evaluate(untyped(query));
        expect(mismatches(d, e), `${e.pack} ${e.action} ${e.asOf ?? ex.asOf}`).toEqual([]);
      }
    });
  }
});
