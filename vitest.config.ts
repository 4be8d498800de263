import { defineConfig } from 'vitest/config';

// `npm test`: the README's command, under 90 s on 2 cores. Heavy property, differential and
// spawn-heavy suites are named `*.heavy.test.ts` and run by `npm run test:heavy` (vitest.heavy.config.ts),
// which CI also runs. No test may depend on wall-clock speed.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.heavy.test.ts', 'node_modules/**'],
    // Both cores (vitest's default leaves one idle: cores − 1). No test depends on speed, and the
    // test files share nothing they write (the CLI build is made aside and renamed into place).
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
