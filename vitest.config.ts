import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['db/**/*.test.ts', 'main/**/*.test.ts', 'sync-server/**/*.test.ts', 'renderer/**/*.test.ts'],
    // Integration tests open real encrypted files, PGlite and PostgreSQL: give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
