// A TypeScript host with typos: each line after an `// error: <text>` marker must fail to compile
// with a message containing <text>. (This file is checked by test/types/consumer.test.ts, not by
// `npm run typecheck`, which would fail on it by design.)
import { createEvaluator, evaluate, recordState, timeline } from 'gov-credit-rules';

const subject = { id: 'p1', kind: 'civil-servant' } as const;

export async function run(body: unknown): Promise<void> {
  // error: 'pakc' does not exist
  await evaluate({ pakc: 'cn-tj-binhai', subject, action: 'promotion', asOf: '2026-06-01' });
  // error: "promotoin"
  await evaluate({ pack: 'cn-tj-binhai', subject, action: 'promotoin', asOf: '2026-06-01' });
  // error: 'asof' does not exist
  createEvaluator('cn-yn').evaluate({ subject, action: 'awards', asof: '2026-06-01' });
  // error: "administrativ-penalty"
  recordState({ id: 'r', kind: 'administrativ-penalty', decidedOn: '2026-01-01' }, '2026-06-01');
  // error: "civil-servent"
  await timeline({ id: 'p', kind: 'civil-servent' }, { from: '2026-01-01', to: '2026-12-31', action: 'promotion', pack: 'cn-yn' });
  // error: 'unknown' is not assignable
  await evaluate(body);
  // error: 'decidedOn' is missing
  await evaluate({ pack: 'cn-yn', subject: { id: 'p', kind: 'civil-servant', records: [{ id: 'r', kind: 'arrears' }] }, action: 'awards', asOf: '2026-06-01' });
}
