import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts (git worktrees) run their browser suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3917);

// Two servers side by side, each with its own fresh SQLite database with the demo data, and two
// workers: worker slot i (TEST_PARALLEL_INDEX, the same for a replacement worker) drives server i
// and nothing else, so each database sees one test at a time and the two halves cannot disturb each
// other. Which half runs which file is not fixed: the free worker takes the next file (and each
// axe walk, one test per role, is a job of its own), so both halves end at about the same time
// whatever the tests' lengths. The config is evaluated again inside each worker process, which is
// how a worker learns its slot.
const SERVERS = [PORT, PORT + 1].map((port) => {
  const dbDir = join(tmpdir(), `sambang-e2e-${process.getuid?.() ?? 'user'}-${port}`);
  const dbFile = join(dbDir, 'e2e.db');
  // Only the runner (no TEST_WORKER_INDEX) may reset the databases.
  if (!process.env.TEST_WORKER_INDEX) {
    mkdirSync(dbDir, { recursive: true });
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(dbFile + suffix, { force: true });
  }
  return { port, baseURL: `http://127.0.0.1:${port}`, dbFile };
});
const SLOT = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
if (SLOT >= SERVERS.length) throw new Error(`worker slot ${SLOT}: more workers than servers`);
/** The axe walk (a11y.spec.ts): one long test per role, each scheduled on its own, first. */
const AXE_WALK = /\/a11y\.spec\.ts$/;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: SERVERS.length,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  projects: [
    { name: 'walk', testMatch: AXE_WALK, fullyParallel: true },
    { name: 'journeys', testMatch: /.*\.spec\.ts$/, testIgnore: AXE_WALK },
  ],
  use: {
    baseURL: SERVERS[SLOT]!.baseURL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    // A failed test keeps its trace with DOM snapshots for each action, but no screencast: recording
    // the screen while every test runs cost about half as much CPU again as the tests themselves
    // (users.spec.ts: 22–25 s of CPU with it, 13–16 s without), on a machine the tests already fill.
    // The screenshot at the failure is taken all the same.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
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
  webServer: SERVERS.map((s) => ({
    command: 'node --import tsx src/cli/main.ts start',
    url: `${s.baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      DATABASE_URL: `sqlite:${s.dbFile}`,
      SAMBANG_DEMO: '1',
      SAMBANG_ADMIN_PASSWORD: 'admin-e2e-123',
      // Every journey logs in from 127.0.0.1, far more often than an office does.
      SAMBANG_LOGIN_LIMIT: '1000',
      PORT: String(s.port),
      HOST: '127.0.0.1',
    },
  })),
});
