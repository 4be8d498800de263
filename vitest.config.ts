import { defineConfig } from 'vitest/config';

// `npm test`: the README's command, under 90 s on 2 cores. Heavy property, differential and
// spawn-heavy suites are named `*.heavy.test.ts` and run by `npm run test:heavy` (vitest.heavy.config.ts),
// which CI also runs. No test may depend on wall-clock speed.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.heavy.test.ts', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
