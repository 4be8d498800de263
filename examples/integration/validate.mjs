// Validating host data against the JSON Schema files before sending it (Node, ajv).
// Run: node examples/integration/validate.mjs examples/query.json
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const schema = require('gov-credit-rules/schemas/query.schema.json');
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const query = JSON.parse(readFileSync(process.argv[2] ?? 'examples/query.json', 'utf8'));
if (validate(query)) console.log('valid');
else {
  for (const e of validate.errors) console.log(`${e.instancePath || '/'} ${e.message}`);
  process.exitCode = 1;
}
