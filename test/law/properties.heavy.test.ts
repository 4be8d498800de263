// The law-semantics properties at length (npm run test:heavy; CI runs it).
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

describe('law semantics (fast-check, heavy)', () => {
  officialDutyProperty(3000);
  correctionProperty(3000);
  earlyLiftingProperty(3000);
  heavierSanctionProperty(3000);
  decidedPeriodProperty(3000);
  toBeFixedProperty(2000);
  statutoryPolicyProperty(3000);
});
