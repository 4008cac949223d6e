import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/bootstrap.js';
import type { AppDeps } from '../../src/app/context.js';
import { backup } from '../../src/app/backup.js';
import { loadConfig } from '../../src/config.js';
import { DB_KINDS, type DbKind, PG_URL } from '../api/harness.js';

/**
 * Reliability suite (issue 16, 5b and 5c):
 * - kill -9: a real server process takes concurrent writes and is killed with SIGKILL in the middle
 *   of them; after a restart every write it acknowledged (2xx) is there, on SQLite and PostgreSQL.
 * - backup and restore: `sambang backup` (SQLite) and pg_dump/pg_restore (PostgreSQL, as the README
 *   says) give back every row of every table, exactly.
 */
const dir = mkdtempSync(join(tmpdir(), 'sambang-reliability-'));
const schemas: string[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (schemas.length) {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    for (const s of schemas) await admin.query(`drop schema if exists ${s} cascade`);
    await admin.end();
  }
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A database URL of its own: a file for SQLite, a fresh schema (via search_path) for PostgreSQL. */
async function freshDatabase(kind: DbKind, name: string): Promise<{ url: string; schema?: string }> {
  if (kind === 'sqlite') return { url: `sqlite:${join(dir, `${name}.db`)}` };
  const schema = `rel_${randomBytes(5).toString('hex')}`;
  schemas.push(schema);
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return { url: `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`, schema };
}

const ADMIN_PASSWORD = 'admin-reliability-1';

function startServer(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      SAMBANG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SAMBANG_LOG_LEVEL: 'silent',
      SAMBANG_DEMO: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d;
      if (/Sambang berjalan/.test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe.each(DB_KINDS)('kill -9 during writes on %s', { timeout: 180_000 }, (kind) => {
  it('keeps every acknowledged write after SIGKILL and a restart', async () => {
    const db = await freshDatabase(kind, 'kill');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let server = await startServer(db.url, port);
    const cookie = await login(base);
    const acknowledged: string[] = [];
    let sent = 0;
    let failed = 0;
    let killed = false;
    // Four writers create cooperatives as fast as the server answers.
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        sent++;
        try {
          const res = await fetch(`${base}/api/v1/cooperatives`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({
              name: `Koperasi Uji Crash ${w}-${i}`,
              type: 'JASA',
              group: 'LAINNYA',
              districtCode: '35.13.07',
              villageCode: '35.13.07.2008',
            }),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
          else failed++;
        } catch {
          failed++; // the connection died with the process: not acknowledged
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    // Kill once a fair number of writes are acknowledged and more are in flight.
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    killed = true;
    await Promise.all(writers);

    server = await startServer(db.url, port);
    try {
      const cookie2 = await login(base);
      let found = 0;
      for (const id of acknowledged) {
        const res = await fetch(`${base}/api/v1/cooperatives/${id}`, { headers: { cookie: cookie2 } });
        if (res.status === 200) found++;
      }
      console.log(
        `[kill -9 ${kind}] writes sent ${sent}, acknowledged ${acknowledged.length}, cut off by the kill ${failed}, acknowledged found after restart ${found}`,
      );
      expect(found).toBe(acknowledged.length);
      // Every write is whole: each cooperative has its audit entry.
      const audit = await fetch(`${base}/api/v1/audit?action=cooperative.create&pageSize=1`, {
        headers: { cookie: cookie2 },
      });
      expect(((await audit.json()) as { total: number }).total).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  });
});

/** Every row of every table, in a stable order, as JSON text: two databases are equal when these are. */
async function dump(deps: AppDeps): Promise<Record<string, string[]>> {
  const tables = (await deps.db.kysely.introspection.getTables({ withInternalKyselyTables: true }))
    .map((t) => t.name)
    .sort();
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const { rows } = await sql.raw<Record<string, unknown>>(`select * from "${t}"`).execute(deps.db.kysely);
    out[t] = rows
      .map((r) =>
        JSON.stringify(
          Object.fromEntries(
            Object.entries(r)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [
                k,
                v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? v.toString('base64') : v,
              ]),
          ),
        ),
      )
      .sort();
  }
  return out;
}

describe.each(DB_KINDS)('backup and restore on %s', { timeout: 180_000 }, (kind) => {
  it('gives back every row of every table', async () => {
    const db = await freshDatabase(kind, 'source');
    const config = loadConfig({
      DATABASE_URL: db.url,
      SAMBANG_DEMO: '1',
      SAMBANG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SAMBANG_LOG_LEVEL: 'silent',
    });
    const source = await openApp(config, db.schema ? { schema: db.schema } : {});
    const before = await dump(source.deps);
    let restoredDeps: AppDeps | null = null;
    try {
      if (kind === 'sqlite') {
        // `sambang backup` while the source is open, then restore as the README says: copy it in place.
        const file = await backup(config, join(dir, 'copy.db'));
        const target = join(dir, 'restored.db');
        copyFileSync(file, target);
        restoredDeps = (await openApp(loadConfig({ DATABASE_URL: `sqlite:${target}`, SAMBANG_LOG_LEVEL: 'silent' })))
          .deps;
      } else {
        // pg_dump of the schema, restored into a new schema of the same name in a fresh database.
        const archive = join(dir, 'pg.dump');
        const dumped = spawnSync('pg_dump', ['-Fc', '-n', db.schema!, '-f', archive, PG_URL], { encoding: 'utf8' });
        expect(dumped.status, dumped.stderr).toBe(0);
        const targetDb = `restore_${randomBytes(4).toString('hex')}`;
        const admin = new pg.Client({ connectionString: PG_URL });
        await admin.connect();
        await admin.query(`create database ${targetDb}`);
        try {
          const targetUrl = PG_URL.replace(/\/[^/]*$/, `/${targetDb}`);
          const restored = spawnSync('pg_restore', ['--no-owner', '-d', targetUrl, archive], { encoding: 'utf8' });
          expect(restored.status, restored.stderr).toBe(0);
          const deps = (
            await openApp(loadConfig({ DATABASE_URL: targetUrl, SAMBANG_LOG_LEVEL: 'silent' }), { schema: db.schema! })
          ).deps;
          try {
            expect(await dump(deps)).toEqual(before);
          } finally {
            await deps.db.close();
          }
        } finally {
          // The restored app's pool has been closed; its backends may take a moment to go.
          for (let i = 0; ; i++) {
            try {
              await admin.query(`drop database if exists ${targetDb}`);
              break;
            } catch (e) {
              // A database left behind must fail the test loudly, not pile up silently.
              // eslint-disable-next-line no-unsafe-finally
              if (i >= 50) throw e;
              await new Promise((r) => setTimeout(r, 100));
            }
          }
          await admin.end();
        }
      }
      if (restoredDeps) {
        const after = await dump(restoredDeps);
        expect(Object.keys(after)).toEqual(Object.keys(before));
        expect(after).toEqual(before);
      }
      const rows = Object.values(before).reduce((n, r) => n + r.length, 0);
      console.log(`[backup ${kind}] ${Object.keys(before).length} tables, ${rows} rows restored identically`);
      expect(rows).toBeGreaterThan(1000);
    } finally {
      await restoredDeps?.db.close();
      await source.deps.db.close();
    }
  });
});
