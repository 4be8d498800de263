/**
 * Decisions share nothing with each other, also where the library computes a part once for many
 * decisions (decideSubject: one lifecycle reduction and one mitigation status per pack; citations and
 * policy-note texts built once per rule and option): changing one decision's deadlines, notes,
 * mitigation, citations or descriptions changes no other decision.
 */
import { describe, expect, it } from 'vitest';
import { decideSubject, type Decision } from '../../src/index.js';
import { createEvaluator } from '../_support/untypedApi.js';

const subject = {
  id: 'p1',
  kind: 'civil-servant',
  records: [
    {
      id: 'r1',
      kind: 'administrative-penalty',
      decidedOn: '2026-09-01',
      occurredOn: '2026-08-01',
      selfCorrection: { date: '2026-09-05', measures: ['recovered-losses'] },
      mitigation: { date: '2026-09-10', outcome: 'lighter', by: 'a1' },
      events: [{ type: 'objection-filed', date: '2026-09-28', channel: 'credit-platform' }],
    },
    { id: 'r2', kind: 'disciplinary-sanction', sanction: 'warning', decidedOn: '2026-03-15' },
  ],
} as const;

/** Changes every nested object a host could reach. */
function deface(d: Decision): void {
  for (const r of d.reasons) {
    r.description.en = 'changed';
    for (const c of r.clauses) c.quote = 'changed';
    if (r.mitigation) r.mitigation.permitted.push('exempt');
  }
  for (const m of d.mitigation) {
    m.message.en = 'changed';
    m.permitted.length = 0;
  }
  for (const x of d.deadlines) x.basis.document = 'changed';
  for (const n of d.notes) {
    n.message.en = 'changed';
    n.records?.push('x');
    if (n.value && typeof n.value === 'object') (n.value as Record<string, unknown>).barred = 'clear';
  }
}

describe('decisions own their objects', () => {
  it('decideSubject: changing one decision changes none of the others, nor later ones', () => {
    const opts = { packs: ['cn-jl-tonghua', 'cn-national'], asOf: '2026-10-30', assessmentYear: 2026 } as const;
    const first = decideSubject(subject, opts);
    const before = JSON.stringify(first);
    const all = Object.values(first).flatMap((m) => Object.values(m)) as Decision[];
    expect(all.length).toBeGreaterThan(8);
    expect(all.some((d) => d.deadlines.length > 0 && d.mitigation.length > 0 && d.reasons.length > 0)).toBe(true);
    deface(all[0]!);
    const others = JSON.parse(before) as Record<string, Record<string, Decision>>;
    const key = (d: Decision) => `${d.pack.id}|${d.action}`;
    for (const d of all.slice(1)) expect(JSON.stringify(d), key(d)).toBe(JSON.stringify(others[d.pack.id]![d.action]));
    expect(JSON.stringify(decideSubject(subject, opts))).toBe(before);
  });

  it('createEvaluator: a defaced decision does not reach the next one', () => {
    const ev = createEvaluator('cn-jl-tonghua');
    const q = { subject, action: 'promotion', asOf: '2026-10-30' };
    const a = ev.evaluate(q);
    const before = JSON.stringify(a);
    deface(a);
    expect(JSON.stringify(ev.evaluate(q))).toBe(before);
  });
});
