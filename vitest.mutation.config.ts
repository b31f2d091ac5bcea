import { defineConfig } from 'vitest/config';

// Mutation testing (npm run mutation) runs only the tests that are meant to pin down src/core and the
// plan file's normalisation: the web, store and report suites are slow and would only blur which test
// kills which mutant.
export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts', 'test/plan-file/**/*.test.ts'],
    env: { TZ: 'Asia/Tokyo' },
    testTimeout: 30_000,
  },
});
