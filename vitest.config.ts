import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The default output, plus one line saying how many tests skipped for lack of ../shared.
    reporters: ['default', './test/support/shared-reporter.ts'],
  },
});
