import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPack, listPacks } from '../../src/index.js';
import { requireShared } from '../_support/shared.js';

/** Whitespace does not count: the seeds wrap lines and indent tables. */
const normalise = (s: string) => s.replace(/\s+/g, '');

const shared = requireShared('', 'source documents (seeds, spec)');

describe.skipIf(!shared)('every quote occurs in its source document', () => {
  const cache = new Map<string, string>();
  const text = (rel: string) => {
    let t = cache.get(rel);
    if (t === undefined) {
      t = normalise(readFileSync(join(shared!, rel), 'utf8'));
      cache.set(rel, t);
    }
    return t;
  };
  for (const { id } of listPacks().filter((p) => p.shipped)) {
    const pack = getPack(id);
    describe(id, () => {
      for (const c of pack.clauses) {
        it(`${c.id} ${c.section}`, () => {
          // Each clause names its source; the pack's document source is the default.
          const source = c.source ?? pack.document.source;
          expect(text(source)).toContain(normalise(c.quote));
          // Guangdong: the seed is a garbled traditional-script capture, so the verbatim quote is
          // kept as it stands in the file, and the simplified text is checked against CLAUSES.md.
          if (c.quoteSimplified) expect(text('spec/CLAUSES.md')).toContain(normalise(c.quoteSimplified));
        });
      }
    });
  }
});

describe('quotes are not empty and clause sources exist', () => {
  it('names a source file for every clause', () => {
    for (const { id } of listPacks().filter((p) => p.shipped)) {
      for (const c of getPack(id).clauses) expect(c.source ?? getPack(id).document.source, `${id}/${c.id}`).toMatch(/^(seeds\/\d{3}_[0-9a-f]+\.txt|spec\/NATIONAL\.md)$/);
    }
  });
});
