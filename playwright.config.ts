import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts (git worktrees) run their browser suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3917);

// The suite runs as two projects side by side, each against its own server and its own fresh
// SQLite database with the demo data, so the two halves cannot disturb each other's records.
// Group A holds the long screenshot walk and the registry/admin journeys; every other spec file
// (new ones included) goes to group B. The axe walk (a11y.spec.ts, one test per role, the longest
// file) runs in both: admin's and the cooperative's walks in A, the others in B, so the two halves
// end at about the same time.
const GROUP_A = /(screens|registry|users|dashboard|assessment|import)\.spec\.ts$/;
const AXE_WALK = /\/a11y\.spec\.ts$/;
const walkOf = (roles: string) => new RegExp(`every screen (${roles}) sees`);
const shards = [
  {
    name: 'a',
    port: PORT,
    testMatch: [GROUP_A, AXE_WALK],
    testIgnore: [] as RegExp[],
    grepInvert: new RegExp(`${walkOf('pimpinan|petugas').source}|login screen has no serious`),
  },
  {
    name: 'b',
    port: PORT + 1,
    testMatch: [/.*\.spec\.ts$/],
    testIgnore: [GROUP_A],
    grepInvert: walkOf('admin|koperasi'),
  },
].map((s) => {
  // The config is evaluated again inside each worker process; only the runner (no
  // TEST_WORKER_INDEX) may reset the databases.
  const dbDir = join(tmpdir(), `sambang-e2e-${process.getuid?.() ?? 'user'}-${s.port}`);
  const dbFile = join(dbDir, 'e2e.db');
  if (!process.env.TEST_WORKER_INDEX) {
    mkdirSync(dbDir, { recursive: true });
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(dbFile + suffix, { force: true });
  }
  return { ...s, baseURL: `http://127.0.0.1:${s.port}`, dbFile };
});

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: shards.length,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  projects: shards.map((s) => ({
    name: s.name,
    workers: 1,
    testMatch: s.testMatch,
    testIgnore: s.testIgnore,
    grepInvert: s.grepInvert,
    use: { baseURL: s.baseURL },
  })),
  use: {
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
  webServer: shards.map((s) => ({
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
