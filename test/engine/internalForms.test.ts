/**
 * Internal steps take validated internal forms: the lifecycle reducer counts the TH-9/TH-10
 * deadlines with the calendar's internal arithmetic, not through the public deadline functions,
 * whose argument checks (meant for hosts' values) must not fail a decision on values the library
 * already validated — here, a host pack citing a clause whose `document` is longer than a
 * deadline's `basis` option accepts (500 characters; a clause's document may have 2,000).
 */
import { describe, expect, it } from 'vitest';
import { getPack, objectionReplyDueOn, platformReportDueOn, type Pack } from '../../src/index.js';
import { createEvaluator, evaluate } from '../_support/untypedApi.js';

function longDocumentPack(): Pack {
  const p = structuredClone(getPack('cn-jl-tonghua'));
  p.id = 'tonghua-long-document';
  const title = `${p.document.number}《${p.document.title}》及其实施细则` + '，'.repeat(600);
  for (const c of p.clauses) if (c.id === 'TH-9' || c.id === 'TH-10') c.document = title;
  return p;
}

const subject = {
  id: 'p1',
  kind: 'civil-servant',
  records: [
    {
      id: 'r1',
      kind: 'administrative-penalty',
      decidedOn: '2026-09-01',
      events: [
        { type: 'objection-filed', date: '2026-09-28', channel: 'credit-platform' },
        { type: 'objection-replied', date: '2026-10-20', outcome: 'corrected' },
      ],
    },
  ],
};

describe('the reducer counts deadlines with validated internal forms', () => {
  it('a clause document longer than the basis option allows does not fail the decision', async () => {
    const pack = longDocumentPack();
    const q = { pack, subject, action: 'promotion', asOf: '2026-10-21' };
    const d = await evaluate(q);
    expect(d.deadlines.map((x) => [x.kind, x.dueOn, x.basis.document.length > 500])).toEqual([
      ['objection-reply', '2026-10-23', true],
      ['platform-report', '2026-10-27', true],
    ]);
    expect(createEvaluator(pack).evaluate(q)).toEqual(d);
  });

  it('the dates are those of the public functions', async () => {
    const d = await evaluate({ pack: 'cn-jl-tonghua', subject, action: 'promotion', asOf: '2026-10-21' });
    expect(d.deadlines.map((x) => x.dueOn)).toEqual([objectionReplyDueOn('2026-09-28').dueOn, platformReportDueOn('2026-10-20').dueOn]);
  });
});
