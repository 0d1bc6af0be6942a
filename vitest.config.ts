import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // A skipped or focused test hides failures: CI treats either as a failure.
    allowOnly: false,
    passWithNoTests: false,
    reporters: ['default'],
  },
});
