// A TypeScript host using the typed API correctly: must compile under `strict` with no error.
import { createCalendar, createEvaluator, evaluate, explain, recordState, timeline, untyped, type QueryInput, type SubjectInput } from 'gov-credit-rules';

const subject: SubjectInput = {
  id: 'E-1024',
  kind: 'civil-servant',
  creditFile: { ref: 'CF-1024' },
  records: [{ id: 'R-1', kind: 'disciplinary-sanction', sanction: 'warning', occurredOn: '2026-01-10', decidedOn: new Date('2026-03-15T09:00:00+08:00') }],
};
const query: QueryInput = { pack: 'cn-tj-binhai', subject, action: 'promotion', asOf: '2026-06-01' };

export async function run(body: unknown): Promise<string> {
  const d = await evaluate(query);
  const withCalendar = await evaluate({ ...query, asOf: new Date() }, { calendar: createCalendar({ unknownYears: 'weekends-only' }) });
  const binhai = createEvaluator('cn-tj-binhai');
  const many = binhai.evaluateMany([{ subject, action: 'excellent-rating', asOf: '2026-12-20', assessmentYear: 2026 }, untyped(body)]);
  const fromJson = await evaluate(untyped(body));
  const state = recordState({ id: 'a1', kind: 'administrative-penalty', decidedOn: '2026-09-01', events: [{ type: 'objection-filed', date: '2026-09-28', channel: 'credit-platform' }] }, '2026-10-19', { pack: 'cn-jl-tonghua' });
  const changes = await timeline({ id: 'p1', kind: 'civil-servant', records: [] } as const, { from: '2026-01-01', to: '2026-12-31', action: 'promotion', pack: 'cn-yn' });
  return [explain(d), withCalendar.verdict, many.length, fromJson.verdict, state.objection?.status, changes.length].join('\n');
}
