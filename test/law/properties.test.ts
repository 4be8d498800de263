// The law-semantics properties, light enough for `npm test` (a few hundred runs each at most);
// properties.heavy.test.ts runs the same ones long. Seed: LAW_PROPERTY_SEED (printed on failure).
import { describe } from 'vitest';
import {
  correctionProperty,
  decidedPeriodProperty,
  earlyLiftingProperty,
  heavierSanctionProperty,
  officialDutyProperty,
  statutoryPolicyProperty,
  toBeFixedProperty,
} from './_properties.js';

describe('law semantics (fast-check, light)', () => {
  officialDutyProperty(150);
  correctionProperty(150);
  earlyLiftingProperty(200);
  heavierSanctionProperty(150);
  decidedPeriodProperty(200);
  toBeFixedProperty(100);
  statutoryPolicyProperty(150);
});
