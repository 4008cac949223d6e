import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts (git worktrees) run their browser suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3917);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// A fresh SQLite database for every run. The config is evaluated again inside each worker
// process; only the runner (no TEST_WORKER_INDEX) may reset the database.
const dbDir = join(tmpdir(), `sambang-e2e-${process.getuid?.() ?? 'user'}-${PORT}`);
const dbFile = join(dbDir, 'e2e.db');
if (!process.env.TEST_WORKER_INDEX) {
  mkdirSync(dbDir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(dbFile + suffix, { force: true });
}

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: BASE_URL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node --import tsx src/cli/main.ts start',
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: `sqlite:${dbFile}`,
      SAMBANG_DEMO: '1',
      SAMBANG_ADMIN_PASSWORD: 'admin-e2e-123',
      PORT: String(PORT),
      HOST: '127.0.0.1',
    },
  },
});
