import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit and API tests only; browser journeys are Playwright's (test/e2e).
export default defineConfig({
  // The web app's aliases (web/vite.config.ts), for web/src tests.
  resolve: {
    alias: {
      '@domain': fileURLToPath(new URL('./src/domain', import.meta.url)),
      '@contract': fileURLToPath(new URL('./src/contract', import.meta.url)),
    },
  },
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/api/**/*.test.ts',
      'test/reliability/**/*.test.ts',
      'web/src/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
