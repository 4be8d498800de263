import { defineConfig } from 'vitest/config';

// `npm run test:browser`: the playground (build/site, built first by `npm run site`) in headless
// Chromium (Debian's /usr/bin/chromium via playwright-core). CI runs it; `npm test` does not.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
