import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Config } from '../config.js';

/**
 * A consistent copy of the SQLite database while the server may be running (SQLite's online
 * backup API). PostgreSQL deployments use pg_dump instead, as the README says.
 */
export async function backup(config: Config, out?: string): Promise<string> {
  if (!config.databaseUrl.startsWith('sqlite:')) {
    throw new Error('Untuk PostgreSQL gunakan pg_dump (lihat README) / for PostgreSQL use pg_dump.');
  }
  const source = config.databaseUrl.slice('sqlite:'.length);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const target = resolve(out ?? `./data/backup/sambang-${stamp}.db`);
  mkdirSync(dirname(target), { recursive: true });
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return target;
}
