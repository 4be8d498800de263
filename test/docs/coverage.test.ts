import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_PHRASES } from '../../scripts/action-phrases.js';
import { NATIONAL_COVERAGE } from '../../scripts/national-coverage.js';
import { ACTIONS, getPack, listPacks, PERSON_KINDS } from '../../src/index.js';
import { sourcePath } from '../_support/sources.js';

const national = sourcePath('spec/NATIONAL.md');

/** The `## …` sections of NATIONAL.md with the articles (第…条) each mentions. */
function articlesBySection(text: string): { heading: string; articles: string[] }[] {
  const out: { heading: string; articles: string[] }[] = [];
  for (const part of text.split(/^## /m).slice(1)) {
    const heading = part.slice(0, part.indexOf('\n')).trim();
    const articles = [...new Set([...part.matchAll(/第[〇零一二三四五六七八九十百千]+条/g)].map((m) => m[0]))];
    out.push({ heading, articles });
  }
  return out;
}

describe('docs/clauses.md: NATIONAL.md coverage (scripts/national-coverage.ts)', () => {
  const sections = articlesBySection(readFileSync(national, 'utf8'));

  it('NATIONAL.md has the sections the table is keyed by, each mentioning articles', () => {
    expect(sections.length).toBeGreaterThanOrEqual(6);
    for (const i of NATIONAL_COVERAGE) expect(sections.some((s) => s.heading.startsWith(i.heading)), i.heading).toBe(true);
  });

  it('every article NATIONAL.md mentions is in the table, under its section', () => {
    const missing: string[] = [];
    for (const s of sections) {
      for (const a of s.articles) {
        if (!NATIONAL_COVERAGE.some((i) => s.heading.startsWith(i.heading) && i.articles.includes(a))) missing.push(`${s.heading}: ${a}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('rows not marked beyond name articles NATIONAL.md mentions (no invented rows)', () => {
    for (const i of NATIONAL_COVERAGE.filter((x) => !x.beyondNational)) {
      const s = sections.find((x) => x.heading.startsWith(i.heading))!;
      for (const a of i.articles) expect(s.articles, `${i.law} ${a}`).toContain(a);
    }
  });
});

describe('docs/clauses.md: the coverage table and the national pack agree', () => {
  const national = getPack('cn-national');
  const named = new Set(NATIONAL_COVERAGE.flatMap((i) => i.clauses));

  it('every clause it names is a cn-national clause', () => {
    for (const id of named) expect(national.clauses.map((c) => c.id), id).toContain(id);
  });

  it('every cn-national clause is named by some row', () => {
    expect(national.clauses.map((c) => c.id).filter((id) => !named.has(id))).toEqual([]);
  });

  it('a row with no clause says why it is not encoded', () => {
    for (const i of NATIONAL_COVERAGE) if (i.clauses.length === 0) expect(i.notEncoded, `${i.law} ${i.articles.join('、')}`).toBeDefined();
  });
});

describe('docs/actions.md: the action vocabulary', () => {
  const packs = listPacks()
    .filter((p) => p.shipped)
    .map((p) => getPack(p.id));
  const quotes = packs.flatMap((p) => p.clauses.map((c) => `${c.quoteSimplified ?? ''}${c.quote}`));

  it('lists phrases for every action, each used by some shipped clause', () => {
    for (const a of ACTIONS) {
      expect(ACTION_PHRASES[a].length, a).toBeGreaterThan(0);
      for (const { phrase } of ACTION_PHRASES[a]) expect(quotes.some((q) => q.includes(phrase)), `${a}: ${phrase}`).toBe(true);
    }
  });

  it('holds the reading it states: for a person, a rule limiting awards limits honour selection, and the other way round (issue 11)', () => {
    const persons = new Set<string>(PERSON_KINDS);
    const lone: string[] = [];
    for (const p of packs) {
      for (const r of p.rules) {
        if (!r.verdict || !r.subjects.some((k) => persons.has(k))) continue;
        if (r.actions.includes('awards') !== r.actions.includes('honour-selection')) lone.push(`${p.id}/${r.id}`);
      }
    }
    expect(lone).toEqual([]);
  });
});
