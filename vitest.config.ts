import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: { TZ: 'Asia/Tokyo' },
    testTimeout: 30_000,
  },
});
