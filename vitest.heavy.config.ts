import { defineConfig } from 'vitest/config';

// `npm run test:heavy`: the long property, differential and CLI-spawn suites (CI runs them too).
export default defineConfig({
  test: {
    include: ['test/**/*.heavy.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
