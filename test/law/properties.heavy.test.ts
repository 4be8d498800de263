// The law-semantics properties at length (npm run test:heavy; CI runs it).
import { describe } from 'vitest';
import { lawProperties } from './_properties.js';

describe('law semantics (fast-check, heavy)', () => lawProperties('heavy'));
