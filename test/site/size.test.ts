/**
 * The bundle-size check (scripts/size.ts) fails when it should: over a budget, or with a package an
 * app must not contain. Needs `npm run build`; skipped when dist/ is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPS, measure } from '../../scripts/size.js';
import { requireBuild } from '../_support/built.js';

// Needs the build (`npm test` makes it first): without it the file fails, saying so, rather than skipping.
requireBuild('calendar.js');

describe('size check', () => {
  it('measures the calendar app, and flags a budget overrun and a forbidden package', async () => {
    const calendar = APPS.find((a) => a.id === 'calendar-addWorkingDays')!;
    const [ok, tight, engine] = await measure([
      calendar,
      { ...calendar, id: 'tight', budgetGzip: 1000 },
      { id: 'engine', title: 'evaluate', source: `import { evaluate } from 'gov-credit-rules';\nconsole.log(evaluate);\n`, budgetGzip: 1e9, forbidden: ['json-rules-engine'] },
    ]);
    expect(ok!.problems).toEqual([]);
    expect(ok!.gzip).toBeGreaterThan(5000); // the official data alone is more than this
    expect(ok!.gzip).toBeLessThanOrEqual(calendar.budgetGzip);
    expect(ok!.parts.map(([p]) => p)).toEqual(['gov-credit-rules']);
    expect(tight!.problems).toEqual([expect.stringMatching(/over the budget of 1\.0 kB/)]);
    expect(engine!.problems).toEqual([expect.stringMatching(/^contains json-rules-engine/)]);
  });
});
