/**
 * What the per-process office list saves on every authenticated request (issue 11):
 * `node --import tsx bench/reach-cache.ts [-- --db postgres]`. Opens the demo (three offices), then
 * times `reachOf` for a province user's office with the cached list and with the list dropped before
 * every call (the table read each time, as before the cache).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openApp } from '../src/app/bootstrap.js';
import { officesChanged, reachOf } from '../src/app/policy/reach.js';
import { loadConfig } from '../src/config.js';

const PG_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const { values } = parseArgs({
  options: { db: { type: 'string', default: 'sqlite' }, n: { type: 'string', default: '2000' } },
});
const n = Number(values.n);
const schema = values.db === 'postgres' ? `bench_${randomBytes(5).toString('hex')}` : null;
const admin = schema ? new pg.Client({ connectionString: PG_URL }) : null;
if (admin && schema) {
  await admin.connect();
  await admin.query(`create schema ${schema}`);
}
try {
  const config = loadConfig({
    DATABASE_URL: schema ? PG_URL : 'sqlite::memory:',
    SAMBANG_DEMO: '1',
    SAMBANG_LOG_LEVEL: 'silent',
    SAMBANG_ADMIN_PASSWORD: 'bench-admin-2025',
  });
  const { deps } = await openApp(config, schema ? { schema } : {});
  const db = deps.db.kysely;
  const province = await db
    .selectFrom('offices')
    .select('id')
    .where('level', '=', 'PROVINSI')
    .executeTakeFirstOrThrow();
  const time = async (drop: boolean) => {
    for (let i = 0; i < 50; i++) await reachOf(db, province.id);
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      if (drop) officesChanged();
      const t = performance.now();
      await reachOf(db, province.id);
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(3);
    return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`;
  };
  console.log(`${values.db}: reachOf, office list read every time: ${await time(true)}`);
  console.log(`${values.db}: reachOf, cached office list:          ${await time(false)}`);
  await deps.db.close();
} finally {
  if (admin && schema) {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
