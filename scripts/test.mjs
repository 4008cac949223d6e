#!/usr/bin/env node
// `npm test`: the whole suite. Unit + API tests (vitest, on SQLite and PostgreSQL), then the browser
// journeys (Playwright in Debian's Chromium) against a freshly built web app. Ends with one line
// "N passed, N failed". Under CI=true nothing may be skipped: no PostgreSQL or no Chromium fails the run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import pg from 'pg';

const CI = Boolean(process.env.CI);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHROMIUM = '/usr/bin/chromium';
const bin = (name) => `node_modules/.bin/${name}`;
const problems = [];
let passed = 0;
let failed = 0;
let skipped = 0;

mkdirSync('test-results', { recursive: true });

async function postgresReachable() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

/** Runs a command with its output held back, so that several can run side by side and still print in one piece each. */
function runQuiet(cmd, args, env = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { env: { ...process.env, FORCE_COLOR: '1', ...env } });
    const out = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => out.push(b));
    child.on('error', (e) => {
      out.push(Buffer.from(String(e)));
      done({ code: 1, out: Buffer.concat(out).toString() });
    });
    child.on('close', (code) => done({ code: code ?? 1, out: Buffer.concat(out).toString() }));
  });
}

// 0. The rules that hold themselves: types (server and web), the linter (layers, no `any`, no role
//    checks outside the policies) and the formatter (Prettier, `npm run format` fixes).
//    Each counts as one check in the closing line. Each of them, and the web build the browser
//    journeys need, runs on one core: two at a time, on the CI's two cores.
const checks = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['format', 'npm', ['run', '--silent', 'format:check']],
];
const buildWeb = existsSync(CHROMIUM);
const jobs = [...checks, ...(buildWeb ? [['build', 'npm', ['run', '--silent', 'build']]] : [])];
const results = new Map();
const queue = [...jobs];
await Promise.all(
  [0, 1].map(async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [label, cmd, args] = job;
      const started = Date.now();
      const r = await runQuiet(cmd, args);
      console.log(`\n$ ${cmd} ${args.join(' ')}   (${label}, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
      if (r.out.trim()) console.log(r.out.trimEnd());
      results.set(label, r.code);
    }
  }),
);
for (const [label] of checks) {
  if (results.get(label) === 0) passed += 1;
  else {
    console.error(`\nFAIL: ${label}`);
    failed += 1;
  }
}

// 1. Unit and API tests.
if (!(await postgresReachable())) {
  const msg = `PostgreSQL is not reachable at ${PG_URL}: the PostgreSQL API suites cannot run.`;
  if (CI) {
    console.error(`\nFAIL: ${msg}`);
    problems.push('postgres');
    failed += 1;
  } else {
    console.warn(`\n!!! ${msg} They are SKIPPED locally; CI would fail.\n`);
  }
}
if (!problems.includes('postgres')) {
  const out = 'test-results/vitest.json';
  rmSync(out, { force: true });
  const code = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    // A suite that failed to load has no failed test but is a failure.
    if (code !== 0 && r.numFailedTests === 0) failed += Math.max(1, r.numFailedTestSuites);
  } else {
    failed += 1;
  }
}

// 2. Browser journeys.
if (!existsSync(CHROMIUM)) {
  const msg = `${CHROMIUM} is missing (apt-get install chromium): the browser tests cannot run.`;
  if (CI) {
    console.error(`\nFAIL: ${msg}`);
    failed += 1;
  } else {
    console.warn(`\n!!! ${msg} They are SKIPPED locally; CI would fail.\n`);
  }
} else if (results.get('build') !== 0) {
  console.error('\nFAIL: the web app does not build.');
  failed += 1;
} else {
  const out = 'test-results/e2e.json';
  rmSync(out, { force: true });
  const code = run(bin('playwright'), ['test']);
  if (existsSync(out)) {
    const s = JSON.parse(readFileSync(out, 'utf8')).stats;
    passed += s.expected + (s.flaky ?? 0);
    failed += s.unexpected;
    skipped += s.skipped;
    if (code !== 0 && s.unexpected === 0) failed += 1;
  } else {
    failed += 1;
  }
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
