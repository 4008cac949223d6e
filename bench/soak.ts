/**
 * Bounded soak (issue 16): `npm run bench:soak` (options: `--seconds 60 --connections 8 --db sqlite|postgres`).
 *
 * Starts the real server (`src/cli/main.ts start`, demo data) as a child process on a temporary
 * SQLite file (or a fresh PostgreSQL schema with `--db postgres`), then drives a mixed load with
 * autocannon for a fixed time: registry list and search, a cooperative's detail, the dashboard, the
 * visit list, `/auth/me`, and writes (a concern raised, about one request in seven). While it runs,
 * `/healthz` is sampled once a second. Prints and writes to bench/results/soak-<date>.json:
 * requests, errors (non-2xx answers and socket errors), latency p50/p99/max, throughput, the
 * server's memory (RSS, from /proc) after warm-up at the start and at the end, and the slowest
 * /healthz. Not part of `npm test`; exits 1 when any request failed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '8' },
    db: { type: 'string', default: 'sqlite' },
  },
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const PG_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DEWI_ID = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01';
const ADMIN_PASSWORD = 'admin-soak-123';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process in MB (Linux /proc). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

async function main() {
  const dir = join(os.tmpdir(), `sambang-soak-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  let databaseUrl = `sqlite:${join(dir, 'soak.db')}`;
  let schema: string | null = null;
  if (args.db === 'postgres') {
    schema = `soak_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    databaseUrl = `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SAMBANG_DEMO: '1',
      SAMBANG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SAMBANG_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const cleanup = async () => {
    proc.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    if (schema) {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      proc.stdout!.on('data', (d) => {
        out += d;
        if (/Sambang berjalan/.test(out)) resolve();
      });
      proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
    });
    const login = async (username: string, password: string) => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
      return res.headers.get('set-cookie')!.split(';')[0]!;
    };
    const petugas = await login('petugas.koperasi', 'sambang-demo');
    const admin = await login('admin', ADMIN_PASSWORD);
    const year = new Date().getUTCFullYear();

    const json = { 'content-type': 'application/json' };
    const requests: autocannon.Request[] = [
      { method: 'GET', path: '/api/v1/cooperatives?pageSize=25', headers: { cookie: petugas } },
      { method: 'GET', path: '/api/v1/cooperatives?search=tani&pageSize=25', headers: { cookie: petugas } },
      { method: 'GET', path: `/api/v1/cooperatives/${DEWI_ID}`, headers: { cookie: petugas } },
      {
        method: 'POST',
        path: '/api/v1/concerns',
        headers: { cookie: petugas, ...json },
        body: JSON.stringify({
          cooperativeId: DEWI_ID,
          kind: 'KELUHAN',
          topic: 'lainnya',
          description: 'Uji ketahanan: keluhan dicatat berulang.',
          raisedBy: 'Ketua Koperasi',
        }),
      },
      { method: 'GET', path: `/api/v1/dashboard?year=${year}`, headers: { cookie: admin } },
      { method: 'GET', path: '/api/v1/visits?pageSize=25', headers: { cookie: petugas } },
      { method: 'GET', path: '/api/v1/auth/me', headers: { cookie: petugas } },
    ];

    // Warm-up, then the memory at the start.
    await autocannon({ url: base, connections: 2, duration: 3, requests });
    const rssStart = rssMb(proc.pid!);
    let healthMax = 0;
    let healthFailed = 0;
    const sampler = setInterval(async () => {
      const t = performance.now();
      const ok = await fetch(`${base}/healthz`)
        .then((r) => r.ok)
        .catch(() => false);
      healthMax = Math.max(healthMax, performance.now() - t);
      if (!ok) healthFailed++;
    }, 1000);
    console.log(
      `soak: ${SECONDS} s, ${CONNECTIONS} connections, ${args.db}, mixed load of ${requests.length} requests (1 write)…`,
    );
    const result = await autocannon({ url: base, connections: CONNECTIONS, duration: SECONDS, requests });
    clearInterval(sampler);
    const rssEnd = rssMb(proc.pid!);
    const figures = {
      at: new Date().toISOString(),
      db: args.db,
      seconds: SECONDS,
      connections: CONNECTIONS,
      requests: result.requests.total,
      perSecond: Math.round(result.requests.average),
      errors: result.errors + result.timeouts + result.non2xx,
      non2xx: result.non2xx,
      socketErrors: result.errors,
      timeouts: result.timeouts,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      rssMb: { start: rssStart, end: rssEnd },
      healthz: { slowestMs: Math.round(healthMax), failed: healthFailed },
      machine: { cpus: os.cpus().length, node: process.version },
    };
    console.log(
      `requests ${figures.requests} (${figures.perSecond}/s), errors ${figures.errors} (non-2xx ${figures.non2xx}, socket ${figures.socketErrors}, timeouts ${figures.timeouts}), ` +
        `latency p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms, max ${figures.latencyMs.max} ms; ` +
        `server RSS ${rssStart} MB at start → ${rssEnd} MB at end; slowest /healthz ${figures.healthz.slowestMs} ms`,
    );
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    const out = join(ROOT, 'bench', 'results', `soak-${figures.at.slice(0, 10)}-${args.db}.json`);
    writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`written: ${out}`);
    return figures.errors === 0 && healthFailed === 0 ? 0 : 1;
  } finally {
    await cleanup();
  }
}

process.exitCode = await main();
