// The law-semantics properties, light enough for `npm test` (a few hundred runs each at most);
// properties.heavy.test.ts runs the same ones long. Seed: LAW_PROPERTY_SEED (printed on failure).
import { describe } from 'vitest';
import { lawProperties } from './_properties.js';

describe('law semantics (fast-check, light)', () => lawProperties('light'));
