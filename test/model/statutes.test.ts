import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPack } from '../../src/index.js';
import { CSL_FACTS, PSL_FACTS, REG07_FACTS, STATUTE_FACTS } from '../../src/model/statutes.js';
import { ACTIONS } from '../../src/model/vocabulary.js';
import { LEGAL_BASES } from '../../src/deadlines/legalBases.js';

// Statute facts are data beside the law's text (law/<statute>.json): each verified quote occurs in the
// vendored text, and the facts agree with the cn-national pack that encodes the same statutes.
const national = getPack('cn-national');
const clause = (id: string) => national.clauses.find((c) => c.id === id);
const squash = (s: string) => s.replace(/\s+/g, '');

describe('statute facts (law/*.json)', () => {
  it.each(STATUTE_FACTS.map((s) => [s.document, s] as const))('%s: every verified quote is in the vendored text', (_, s) => {
    const params = Object.entries(s.parameters);
    expect(params.length).toBeGreaterThan(0);
    for (const [name, p] of params) {
      expect(p.clause, name).toMatch(/^[A-Z][A-Z0-9]*(-\d+)+$/);
      if (p.verification !== 'verified') continue;
      expect(s.text, `${name}: a verified fact needs the statute's text`).toBeDefined();
      const text = readFileSync(resolve(__dirname, '../../law', s.text!), 'utf8');
      expect(squash(text), `${s.document} ${name}`).toContain(squash(p.quote));
    }
  });

  it('the dates in force are the days the pack cites the statutes from', () => {
    expect(PSL_FACTS.parameters.inForce.value).toBe(clause('PSL-8')?.validFrom);
    expect(REG07_FACTS.parameters.inForce.value).toBe(clause('REG07-7')?.validFrom);
    expect(CSL_FACTS.parameters.inForce.value).toBe(clause('CSL-64')?.validFrom);
  });

  it('the clauses the facts name for the code to cite are clauses of the pack', () => {
    for (const s of STATUTE_FACTS) {
      for (const [name, p] of Object.entries(s.parameters)) {
        if (name === 'inForce') continue; // the statute's final article, not encoded as a rule
        expect(clause(p.clause), `${s.document} ${name} ${p.clause}`).toBeDefined();
      }
    }
    expect(clause(PSL_FACTS.parameters.combinedPeriodClause.value)).toBeDefined();
    expect(clause(REG07_FACTS.parameters.combinedPeriodClause.value)).toBeDefined();
    expect(national.clauses.some((c) => c.id.startsWith(REG07_FACTS.clausePrefix))).toBe(true);
  });

  it('the three statutes agree on the sanction periods, and the bars name actions', () => {
    const months = [PSL_FACTS, REG07_FACTS, CSL_FACTS].map((s) => s.parameters.sanctionPeriodMonths.value);
    expect(months[1]).toEqual(months[0]);
    expect(months[2]).toEqual(months[0]);
    for (const s of STATUTE_FACTS) for (const a of s.parameters.sanctionBars?.value ?? []) expect(ACTIONS).toContain(a);
  });

  it('every clause LEGAL_BASES names is filed under its own id, and the statutes\' come from their facts', () => {
    for (const [id, basis] of Object.entries(LEGAL_BASES)) expect(basis.clause).toBe(id);
    const fromFacts = STATUTE_FACTS.flatMap((s) => Object.values(s.parameters).map((p) => `${p.clause} ${s.document} ${p.section}`));
    for (const basis of Object.values(LEGAL_BASES)) {
      if (/^(TH|CC)-/.test(basis.clause)) continue; // the Tonghua plan (a pack's document) and the Civil Code's date rules
      expect(fromFacts, basis.clause).toContain(`${basis.clause} ${basis.document} ${basis.section}`);
    }
  });
});
