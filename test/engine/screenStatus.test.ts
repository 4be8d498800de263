/**
 * Issue 20, "done when": screening a roster for promotion lists nobody under investigation and nobody
 * dismissed as clear — under every shipped pack, through `screen` (the compiled path, verdict first)
 * and with the same verdicts as `evaluate`. The roster also holds people who are clear, so the check
 * is not met by barring everyone.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, listPacks, screen, untyped } from '../../src/index.js';

const investigated = (id: string, openedOn: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'civil-servant',
  creditFile: { ref: `CF-${id}` },
  records: [{ id: `${id}/r1`, kind: 'under-investigation', decidedOn: openedOn }],
  ...extra,
});
const dismissed = (id: string, decidedOn: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'civil-servant',
  creditFile: { ref: `CF-${id}` },
  records: [{ id: `${id}/r1`, kind: 'disciplinary-sanction', sanction: 'expulsion', decidedOn }],
  ...extra,
});

/** Who must never come out clear for promotion on 2026-06-01, and who must (a control). */
const MUST_NOT_BE_CLEAR = [
  investigated('inv-civil', '2026-03-02'),
  investigated('inv-opened-today', '2026-06-01'),
  investigated('inv-since-2021', '2021-04-01'),
  investigated('inv-manager', '2026-01-15', { kind: 'public-institution-staff', publicServiceRole: 'institution-manager' }),
  investigated('inv-canggong', '2026-02-01', { kind: 'public-institution-staff', managedUnderCivilServantLaw: true }),
  // Opened before 2020-07-01 and still open: 政务处分法 52 does not reach it, 并行规定 21 (secondary) bars promotion in rank.
  investigated('inv-since-2019', '2019-10-01'),
  dismissed('dis-2026', '2026-03-01'),
  dismissed('dis-today', '2026-06-01'),
  dismissed('dis-2019', '2019-03-01'),
  dismissed('dis-manager', '2025-05-05', { kind: 'public-institution-staff', publicServiceRole: 'authorised-organisation' }),
];
const CLEAR_CONTROLS = [
  { id: 'clean', kind: 'civil-servant', creditFile: { ref: 'CF-clean' }, records: [] },
  {
    id: 'inv-closed',
    kind: 'civil-servant',
    creditFile: { ref: 'CF-inv-closed' },
    records: [{ id: 'inv-closed/r1', kind: 'under-investigation', decidedOn: '2026-01-10', events: [{ type: 'investigation-closed', date: '2026-04-30', outcome: 'no-sanction' }] }],
  },
  investigated('inv-later', '2026-06-02'),
  dismissed('dis-later', '2026-06-02'),
];

describe('screen: a roster with people under investigation and dismissed people (issue 20)', () => {
  const packs = listPacks().filter((p) => p.shipped).map((p) => p.id);
  const roster = [...MUST_NOT_BE_CLEAR, ...CLEAR_CONTROLS];

  it('lists none of them as clear for promotion, under every shipped pack; the controls are clear', async () => {
    expect(packs.length).toBe(6);
    const seen = new Map<string, string[]>();
    for await (const s of screen(roster, { packs, actions: ['promotion'], asOf: '2026-06-01', decisions: 'not-clear' })) {
      seen.set(s.subject.id, s.results.map((r) => `${r.pack}:${r.verdict}`));
      for (const r of s.results) {
        // The verdict screen gives is evaluate's.
        const d = await evaluate(untyped({ pack: r.pack, subject: roster.find((x) => x.id === s.subject.id), action: 'promotion', asOf: '2026-06-01' }));
        expect(r.verdict, `${s.subject.id} ${r.pack}`).toBe(d.verdict);
        expect(r.clearFrom, `${s.subject.id} ${r.pack}`).toBe(d.clearFrom);
      }
    }
    for (const p of MUST_NOT_BE_CLEAR) {
      const results = seen.get(p.id)!;
      expect(results, p.id).toHaveLength(packs.length);
      for (const r of results) expect(r, p.id).toMatch(/:barred$/);
    }
    for (const p of CLEAR_CONTROLS) for (const r of seen.get(p.id)!) expect(r, p.id).toMatch(/:clear$/);
  });

  it('gives each of them a reason naming the status, and no clearFrom while it lasts', async () => {
    for await (const s of screen(MUST_NOT_BE_CLEAR, { packs, actions: ['promotion'], asOf: '2026-06-01', decisions: 'not-clear' })) {
      for (const r of s.results) {
        expect(r.clearFrom, `${s.subject.id} ${r.pack}`).toBeNull();
        const rules = r.decision!.reasons.map((x) => x.rule);
        expect(rules.some((x) => /investigation|dismissal/.test(x)), `${s.subject.id} ${r.pack}: ${rules.join(', ')}`).toBe(true);
      }
    }
  });

  it('and the same roster for every other action a status bars: nobody dismissed is clear for anything in the service', async () => {
    const actions = ['appointment', 'salary-step', 'awards', 'honour-selection', 'excellent-rating', 'annual-rating'] as const;
    const dismissedOnly = MUST_NOT_BE_CLEAR.filter((p) => p.id.startsWith('dis-'));
    for await (const s of screen(dismissedOnly, { packs, actions: [...actions], asOf: '2026-12-20', assessmentYear: 2026, decisions: 'none' })) {
      expect(s.results).toHaveLength(packs.length * actions.length);
      for (const r of s.results) expect(`${s.subject.id} ${r.pack} ${r.action}: ${r.verdict}`).toMatch(/: barred$/);
    }
  });
});
