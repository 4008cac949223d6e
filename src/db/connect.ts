import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import { OwnSchemaPostgresDialect } from './pg-introspector.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL schema the tables live in when set explicitly (tests); otherwise the search_path's first. */
  schema?: string;
  close(): Promise<void>;
}

// int8 (bigint, bigserial, count(*)) arrives as a string from pg; every value we store fits in 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// numeric (e.g. sum()) likewise.
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export interface ConnectOptions {
  /** PostgreSQL only: run every connection with this search_path (tests use a schema each). */
  schema?: string;
  poolSize?: number;
  /**
   * SQLite only: open an in-memory database holding a copy of this serialized image
   * (better-sqlite3's `Database#serialize()`) instead of the URL's file. Tests start from a seeded copy.
   */
  sqliteImage?: Buffer;
}

export function connect(databaseUrl: string, opts: ConnectOptions = {}): Db {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    if (!opts.sqliteImage && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    const sqlite = new SQLite(opts.sqliteImage ?? path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return {
      kysely,
      dialect: 'sqlite',
      close: () => kysely.destroy(),
    };
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: opts.poolSize ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
  // Without a schema option the tables live in the connection's search_path (public by default, or
  // what DATABASE_URL sets with `?options=-c search_path=…`); Kysely's bookkeeping follows it too.
  return {
    kysely,
    dialect: 'postgres',
    ...(opts.schema ? { schema: opts.schema } : {}),
    close: () => kysely.destroy(),
  };
}
