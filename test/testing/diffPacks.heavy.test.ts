// diffPacks on 1,000 runs (the light suite runs the same check on 300).
import { describe } from 'vitest';
import { reportsTheEdit } from './_diffEdit.js';

describe('diffPacks (heavy)', () => {
  reportsTheEdit(1000);
});
