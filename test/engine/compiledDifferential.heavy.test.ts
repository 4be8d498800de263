// The compiled-vs-reference differential, heavy: 10,000 queryArb queries and 2,000 seeded ones
// (1 % invalid) per pack, about 20,000 json-rules-engine evaluations per pack.
import { defineDifferential } from './_support/differential.js';

defineDifferential({ perPack: 10_000, ownPerPack: 2_000, invalidShare: 0.01 });
