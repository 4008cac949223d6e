import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { openApp } from '../../src/app/bootstrap.js';
import type { AppDeps } from '../../src/app/context.js';
import { loadConfig } from '../../src/config.js';
import { buildServer } from '../../src/http/server.js';

/**
 * API tests run the same suites on SQLite and PostgreSQL. PostgreSQL comes from TEST_DATABASE_URL
 * (default: the local server on 127.0.0.1:5432, database `test`); each suite gets its own schema.
 * Without a reachable PostgreSQL the suite is skipped locally, and fails under CI=true.
 */
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type DbKind = 'sqlite' | 'postgres';

let pgAvailable: boolean | null = null;
export async function postgresAvailable(): Promise<boolean> {
  if (pgAvailable !== null) return pgAvailable;
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    pgAvailable = true;
  } catch (e) {
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI but not reachable at ${PG_URL}: ${String(e)}`);
    console.warn(`\n!!! PostgreSQL not reachable at ${PG_URL}: PostgreSQL API suites are SKIPPED (CI would fail).\n`);
    pgAvailable = false;
  }
  return pgAvailable;
}

/** The databases to run on; the PostgreSQL entry is dropped (loudly) only outside CI. */
export const DB_KINDS: DbKind[] = ['sqlite', ...((await postgresAvailable()) ? (['postgres'] as const) : [])];

export interface Api {
  app: FastifyInstance;
  deps: AppDeps;
  kind: DbKind;
  /** Logs in and returns the cookie header value. */
  login(username: string, password?: string): Promise<string>;
  req(opts: {
    method: string;
    url: string;
    cookie?: string;
    body?: unknown;
    headers?: Record<string, string>;
  }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const ADMIN_PASSWORD = 'admin-test-123';
export const DEMO = 'sambang-demo';

export async function startApi(
  kind: DbKind,
  opts: { demo?: boolean; adminPassword?: string | null; now?: () => Date; env?: Record<string, string> } = {},
): Promise<Api> {
  const env: Record<string, string> = {
    SAMBANG_DEMO: opts.demo === false ? '0' : '1',
    SAMBANG_LOG_LEVEL: 'silent',
  };
  if (opts.adminPassword !== null) env.SAMBANG_ADMIN_PASSWORD = opts.adminPassword ?? ADMIN_PASSWORD;
  Object.assign(env, opts.env);
  const key = templateKey(kind, env, opts);

  const schema = `t_${randomBytes(6).toString('hex')}`;
  let databaseUrl = 'sqlite::memory:';
  let sqliteImage: Buffer | undefined;
  if (kind === 'postgres') {
    databaseUrl = PG_URL;
    const copied = key ? await copyPgTemplate(key, env, schema) : false;
    if (!copied) {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
    }
  } else if (key) {
    sqliteImage = await sqliteTemplate(key, env);
  }
  const config = loadConfig({ ...env, DATABASE_URL: databaseUrl });
  const { deps } = await openApp(config, {
    ...(kind === 'postgres' ? { schema, poolSize: 4 } : {}),
    ...(sqliteImage ? { sqliteImage } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  const app = await buildServer(deps, { logger: false, web: false });
  await app.ready();

  const req: Api['req'] = ({ method, url, cookie, body, headers }) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }
        : {}),
    });

  return {
    app,
    deps,
    kind,
    req,
    async login(username, password) {
      const res = await req({
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { username, password: password ?? (username === 'admin' ? ADMIN_PASSWORD : DEMO) },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'sambang_session');
      if (!cookie) throw new Error('no session cookie');
      return `sambang_session=${cookie.value}`;
    },
    async close() {
      await app.close();
      await deps.db.close();
      if (kind === 'postgres') {
        const admin = new pg.Client({ connectionString: PG_URL });
        await admin.connect();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Seeded templates. Every start used to migrate, load all of Indonesia's regions (84,000 villages) and
// seed the demo: about a second on SQLite and several on PostgreSQL, some ninety times per run. Now the
// first start with a given set of options builds a template once (shared by every test file and worker
// of the run, and by later runs while the code is unchanged) and each start opens a copy of it, then
// runs openApp as before, whose steps find everything in place. A template is keyed by everything that
// decides its contents: the source tree (migrations, loaders, demo data), the region data release, the
// environment (demo or not, region, admin password, …) and today's date (the demo dates itself from the
// clock). A start with its own clock (`now`) takes the slow path; so does every start when
// SAMBANG_TEST_TEMPLATES=0, or (with a warning) when a template cannot be built or copied.
// ---------------------------------------------------------------------------------------------------

/** Settings read only while serving requests, never while seeding: they need no template of their own. */
const RUNTIME_ONLY_ENV = new Set(['SAMBANG_LOG_LEVEL', 'SAMBANG_LOGIN_LIMIT', 'SAMBANG_TRUST_PROXY']);
const TEMPLATE_DIR = join(tmpdir(), `sambang-test-templates-${process.getuid?.() ?? 'user'}`);
/** Templates this old are removed when a new one is built (the date in the key retires them daily anyway). */
const TEMPLATE_MAX_AGE_MS = 3 * 3_600_000;

let sourceHash: string | null = null;
/** The whole src/ tree and the region data release: any change there builds new templates. */
function sourceFingerprint(): string {
  if (sourceHash) return sourceHash;
  const root = fileURLToPath(new URL('../../src', import.meta.url));
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(root);
  hash.update(createRequire(import.meta.url)('idn-area-data/package.json').version as string);
  sourceHash = hash.digest('hex');
  return sourceHash;
}

function templateKey(kind: DbKind, env: Record<string, string>, opts: { now?: () => Date }): string | null {
  if (opts.now || process.env.SAMBANG_TEST_TEMPLATES === '0') return null;
  const now = new Date();
  const seeded = Object.entries(env)
    .filter(([name]) => !RUNTIME_ONLY_ENV.has(name))
    .sort(([a], [b]) => a.localeCompare(b));
  const day = `${now.toISOString().slice(0, 10)}/${new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)}`;
  return createHash('sha256')
    .update(JSON.stringify({ kind, source: sourceFingerprint(), env: seeded, day }))
    .digest('hex')
    .slice(0, 20);
}

let warned = false;
function templateFailed(e: unknown): void {
  if (warned) return;
  warned = true;
  console.warn(`\n!!! test database template unavailable, starting the slow way: ${String(e)}\n`);
}

function pruneTemplateFiles(): void {
  for (const name of readdirSync(TEMPLATE_DIR)) {
    const path = join(TEMPLATE_DIR, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > TEMPLATE_MAX_AGE_MS) rmSync(path, { force: true });
    } catch {
      // another process removed it first
    }
  }
}

const sqliteImages = new Map<string, Buffer>();
/** The seeded SQLite database as a serialized image, built once into a file in the temp directory. */
async function sqliteTemplate(key: string, env: Record<string, string>): Promise<Buffer | undefined> {
  const cached = sqliteImages.get(key);
  if (cached) return cached;
  const file = join(TEMPLATE_DIR, `${key}.sqlite`);
  try {
    if (!existsSync(file)) {
      mkdirSync(TEMPLATE_DIR, { recursive: true });
      pruneTemplateFiles();
      const building = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      try {
        const { deps } = await openApp(loadConfig({ ...env, DATABASE_URL: `sqlite:${building}` }));
        await deps.db.close();
        // One self-contained file (no WAL beside it), renamed into place whole.
        const db = new SQLite(building);
        db.pragma('journal_mode = DELETE');
        db.close();
        renameSync(building, file);
      } finally {
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(building + suffix, { force: true });
      }
    }
    const image = readFileSync(file);
    sqliteImages.set(key, image);
    return image;
  } catch (e) {
    templateFailed(e);
    return undefined;
  }
}

interface PgTemplate {
  schema: string;
  /** pg_dump's DDL for the template schema before and after the data (tables; indexes and constraints). */
  preData: string;
  postData: string;
  tables: string[];
  sequences: { name: string; last: number | null }[];
}
const pgTemplates = new Map<string, Promise<PgTemplate>>();

function pgDump(schema: string, section: 'pre-data' | 'post-data'): string {
  const out = spawnSync(
    'pg_dump',
    ['--schema-only', `--section=${section}`, '--no-owner', '--no-privileges', '--no-comments', '-n', schema, PG_URL],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (out.status !== 0) throw new Error(`pg_dump failed: ${out.error ? String(out.error) : out.stderr}`);
  // The copy is made by name: every statement names the template schema, which becomes the copy's.
  // psql's meta-commands (\restrict in newer pg_dump) are not SQL.
  return out.stdout
    .split('\n')
    .filter((line) => !/^(CREATE SCHEMA|COMMENT ON SCHEMA|--|\\)/.test(line) && !/set_config\('search_path'/.test(line))
    .join('\n');
}

/**
 * The seeded PostgreSQL template: a schema `tpl_<key>` in the test database, built once under an
 * advisory lock (other workers wait for it) and marked complete by its comment.
 */
function pgTemplate(key: string, env: Record<string, string>): Promise<PgTemplate> {
  let found = pgTemplates.get(key);
  if (!found) {
    found = buildPgTemplate(key, env);
    pgTemplates.set(key, found);
    found.catch(() => pgTemplates.delete(key));
  }
  return found;
}

async function buildPgTemplate(key: string, env: Record<string, string>): Promise<PgTemplate> {
  const schema = `tpl_${key}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [schema]);
    try {
      const done = await admin.query(
        `select 1 from pg_namespace where nspname = $1 and obj_description(oid, 'pg_namespace') like 'sambang test template%'`,
        [schema],
      );
      if (done.rowCount === 0) {
        // Old templates go first (not one another run may be copying right now).
        const old = await admin.query<{ nspname: string }>(
          `select nspname from pg_namespace where nspname like 'tpl\\_%'
             and obj_description(oid, 'pg_namespace') like 'sambang test template%'
             and substring(obj_description(oid, 'pg_namespace') from 'template (.*)$')::timestamptz < now() - $1::interval`,
          [`${TEMPLATE_MAX_AGE_MS / 1000} seconds`],
        );
        for (const { nspname } of old.rows)
          await admin.query(`drop schema if exists ${nspname} cascade`).catch(() => {});
        await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.query(`create schema ${schema}`);
        const { deps } = await openApp(loadConfig({ ...env, DATABASE_URL: PG_URL }), { schema, poolSize: 4 });
        await deps.db.close();
        await admin.query(`comment on schema ${schema} is 'sambang test template ${new Date().toISOString()}'`);
      }
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [schema]);
    }
    const tables = await admin.query<{ tablename: string }>('select tablename from pg_tables where schemaname = $1', [
      schema,
    ]);
    const sequences = await admin.query<{ sequencename: string; last_value: number | null }>(
      'select sequencename, last_value from pg_sequences where schemaname = $1',
      [schema],
    );
    return {
      schema,
      preData: pgDump(schema, 'pre-data'),
      postData: pgDump(schema, 'post-data'),
      tables: tables.rows.map((r) => r.tablename),
      sequences: sequences.rows.map((r) => ({ name: r.sequencename, last: r.last_value })),
    };
  } finally {
    await admin.end();
  }
}

/** Creates `target` as a copy of the template: tables, then the rows, then indexes and constraints. */
async function copyPgTemplate(key: string, env: Record<string, string>, target: string): Promise<boolean> {
  let tpl: PgTemplate;
  try {
    tpl = await pgTemplate(key, env);
  } catch (e) {
    templateFailed(e);
    return false;
  }
  const rename = (ddl: string) => ddl.replaceAll(tpl.schema, target);
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(
      [
        `create schema ${target};`,
        rename(tpl.preData),
        ...tpl.tables.map(
          (t) => `insert into ${target}.${t} overriding system value select * from ${tpl.schema}.${t};`,
        ),
        ...tpl.sequences
          .filter((s) => s.last !== null)
          .map((s) => `select setval('${target}.${s.name}', ${s.last}, true);`),
        rename(tpl.postData),
      ].join('\n'),
    );
    return true;
  } catch (e) {
    templateFailed(e);
    await admin.query(`drop schema if exists ${target} cascade`).catch(() => {});
    return false;
  } finally {
    await admin.end();
  }
}

export const DEWI_ID = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01';
export const TIRIS = '35.13.07';
export const RANUAGUNG = '35.13.07.2008';
