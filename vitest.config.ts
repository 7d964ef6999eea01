import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The JSON report lets .ci/run print its `N passed, N failed` line from real results.
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
