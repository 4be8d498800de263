// Embedding in Node (ESM). Run: node examples/integration/embed.mjs
import { evaluate, explain, createEvaluator } from 'gov-credit-rules';

const subject = {
  id: 'p-1024',
  kind: 'civil-servant',
  records: [{ id: 'r1', kind: 'disciplinary-sanction', sanction: 'warning', occurredOn: '2026-05-20', decidedOn: '2026-08-10' }],
};
const decision = await evaluate({ pack: 'cn-tj-binhai', subject, action: 'excellent-rating', asOf: '2026-11-20', assessmentYear: 2026 });
console.log(decision.verdict, decision.reasons.map((r) => r.clauses.map((c) => c.clause).join('+')).join(', '));
console.log(explain(decision, { locale: 'en' }));

// Many queries: compile the pack once, decide synchronously (same decisions as evaluate).
const binhai = createEvaluator('cn-tj-binhai');
const promotion = binhai.evaluate({ subject, action: 'promotion', asOf: '2026-11-20' });
console.log('promotion:', promotion.verdict, 'clear from', promotion.clearFrom);
