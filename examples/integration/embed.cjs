// Embedding in Node (CommonJS). Run: node examples/integration/embed.cjs
const { evaluate, InvalidInputError } = require('gov-credit-rules');

async function main() {
  const subject = { id: 'd-7', kind: 'department', records: [{ id: 'r1', kind: 'administrative-penalty', decidedOn: '2026-04-01' }] };
  const d = await evaluate({ pack: 'cn-gd', subject, action: 'honour-selection', asOf: '2026-11-20' });
  console.log(d.verdict, d.obligations.map((o) => o.kind).join(', '));
  try {
    await evaluate({ pack: 'cn-gd', subject: { ...subject, records: [{ id: 'r1', kind: 'arrears', decidedOn: '2026-02-30' }] }, action: 'honour-selection', asOf: '2026-11-20' });
  } catch (e) {
    // Typed errors with the field path and a message in both languages.
    if (InvalidInputError.is(e)) console.log(e.issues[0].path.join('.'), '|', e.issues[0].message['zh-CN'], '|', e.issues[0].message.en);
    else throw e;
  }
}
main();
