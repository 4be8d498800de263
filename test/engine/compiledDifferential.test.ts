// The compiled-vs-reference differential, light: 500 queryArb queries and 300 seeded ones (5 %
// invalid) per pack, with the same assertions as the 10,000-query run in
// compiledDifferential.heavy.test.ts (`npm run test:heavy`), whose first queries these are.
import { defineDifferential } from './_support/differential.js';

defineDifferential({ perPack: 500, ownPerPack: 300, invalidShare: 0.05 });
