import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Kept under test/ so the top level holds only what the project layout names.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The JSON report lets .ci/run print its `N passed, N failed` line from real results.
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
