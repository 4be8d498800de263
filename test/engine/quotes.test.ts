import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPack, listPacks } from '../../src/index.js';
import { sourcePath } from '../_support/sources.js';

/** Whitespace does not count: the seeds wrap lines and indent tables. */
const normalise = (s: string) => s.replace(/\s+/g, '');

const repoRoot = join(import.meta.dirname, '..', '..');

/**
 * Statutes vendored in `law/` (verbatim articles from the public corpus LawRefBook/Laws), by the
 * document name the national pack's clauses give.
 */
const VENDORED_STATUTES: Record<string, string> = {
  '中华人民共和国公务员法（2018修订）': 'law/公务员法.md',
  '中华人民共和国公职人员政务处分法（2020）': 'law/公职人员政务处分法.md',
  '行政机关公务员处分条例（2007）': 'law/行政机关公务员处分条例.md',
  '中华人民共和国民法典': 'law/民法典.md',
};

/**
 * Texts in `law/` read only in a secondary reproduction (not the public law corpus): every clause quoting
 * one must be marked `secondary`, and each file says so in its header.
 */
const SECONDARY_STATUTES: Record<string, string> = {
  '公务员职务与职级并行规定（2019）': 'law/公务员职务与职级并行规定.md',
};

const cache = new Map<string, string>();
/** The normalised text of a source: `law/…` in this repository, anything else vendored in `sources/`. */
function text(rel: string): string {
  let t = cache.get(rel);
  if (t === undefined) {
    const path = rel.startsWith('law/') ? join(repoRoot, rel) : sourcePath(rel);
    t = normalise(readFileSync(path, 'utf8'));
    cache.set(rel, t);
  }
  return t;
}

const shippedPacks = () => listPacks().filter((p) => p.shipped).map((p) => getPack(p.id));

describe('every quote occurs in its source document', () => {
  for (const pack of shippedPacks()) {
    describe(pack.id, () => {
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

describe('verification marks are honest (vendored statutes in law/)', () => {
  const national = getPack('cn-national');
  const vendored = national.clauses.filter((c) => c.document !== undefined && c.document in VENDORED_STATUTES);

  it('the statutes the national pack cites most are vendored, so the check has something to check', () => {
    expect(new Set(vendored.map((c) => c.document))).toEqual(new Set(Object.keys(VENDORED_STATUTES)));
    expect(vendored.length).toBeGreaterThanOrEqual(20);
  });

  for (const c of vendored) {
    it(`${c.id} (${c.section}) is marked ${c.verification}: ${c.verification === 'verified' ? 'its quote is in' : 'its quote is not in'} ${VENDORED_STATUTES[c.document!]}`, () => {
      const statute = text(VENDORED_STATUTES[c.document!]!);
      const found = statute.includes(normalise(c.quote));
      // verified: the statute's own words; paraphrase: NATIONAL.md abridges or rewords the article.
      // A clause of a vendored statute is never `secondary`: its text is at hand.
      expect(c.verification, `${c.id}: quote ${found ? 'found' : 'not found'} in the statute`).toBe(found ? 'verified' : 'paraphrase');
    });
  }

  it('every quote whose source is law/… is the statute named by its document', () => {
    for (const pack of shippedPacks()) {
      for (const c of pack.clauses) {
        if (!c.source?.startsWith('law/')) continue;
        expect(VENDORED_STATUTES[c.document ?? ''] ?? SECONDARY_STATUTES[c.document ?? ''], `${pack.id}/${c.id}`).toBe(c.source);
      }
    }
  });

  const secondary = national.clauses.filter((c) => c.document !== undefined && c.document in SECONDARY_STATUTES);
  it('texts read only in secondary reproductions are vendored as such, and the clauses quoting them are marked secondary', () => {
    expect(new Set(secondary.map((c) => c.document))).toEqual(new Set(Object.keys(SECONDARY_STATUTES)));
    for (const file of Object.values(SECONDARY_STATUTES)) expect(readFileSync(join(repoRoot, file), 'utf8')).toMatch(/SECONDARY/);
  });
  for (const c of secondary) {
    it(`${c.id} (${c.section}) quotes ${SECONDARY_STATUTES[c.document!]} and is marked secondary`, () => {
      expect(text(SECONDARY_STATUTES[c.document!]!)).toContain(normalise(c.quote));
      expect(c.verification).toBe('secondary');
    });
  }
});

describe('quotes are not empty and clause sources exist', () => {
  it('names a source file for every clause: a seed, NATIONAL.md, or a statute vendored in law/', () => {
    for (const pack of shippedPacks()) {
      for (const c of pack.clauses) {
        expect(c.quote.length, `${pack.id}/${c.id}`).toBeGreaterThan(0);
        const source = c.source ?? pack.document.source;
        expect(source, `${pack.id}/${c.id}`).toMatch(/^(seeds\/\d{3}_[0-9a-f]+\.txt|spec\/NATIONAL\.md|law\/[^/]+\.md)$/);
        if (source.startsWith('law/')) expect([...Object.values(VENDORED_STATUTES), ...Object.values(SECONDARY_STATUTES)], `${pack.id}/${c.id}`).toContain(source);
      }
    }
  });
});
