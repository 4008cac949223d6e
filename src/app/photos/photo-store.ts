import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { AppDeps } from '../context.js';

/**
 * Where photo files live: SAMBANG_PHOTO_DIR when set; else a `photos` directory next to the SQLite
 * file; for PostgreSQL, `./data/photos` (one sub-directory per schema other than public, so test
 * schemas stay apart). Photos are kept out of the database, so data exports and database dumps never
 * carry them: back the directory up separately (README).
 */
export function photoDir(deps: Pick<AppDeps, 'config' | 'db'>): string {
  const schemaDir = deps.db.schema && deps.db.schema !== 'public' ? deps.db.schema : '';
  if (deps.config.photoDir) return resolve(deps.config.photoDir, schemaDir);
  const url = deps.config.databaseUrl;
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === ':memory:' || path === '') return join(tmpdir(), 'sambang-photos');
    return join(dirname(resolve(path)), 'photos');
  }
  return resolve('data', 'photos', schemaDir);
}

const pathOf = (deps: Pick<AppDeps, 'config' | 'db'>, fileName: string) => join(photoDir(deps), fileName);

/** Writes atomically (temp file, then rename), so a half-written photo is never served. */
export async function storePhoto(deps: Pick<AppDeps, 'config' | 'db'>, fileName: string, bytes: Buffer): Promise<void> {
  const target = pathOf(deps, fileName);
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.part`;
  await writeFile(temp, bytes);
  await rename(temp, target);
}

export async function readPhoto(deps: Pick<AppDeps, 'config' | 'db'>, fileName: string): Promise<Buffer | null> {
  try {
    return await readFile(pathOf(deps, fileName));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export async function removePhoto(deps: Pick<AppDeps, 'config' | 'db'>, fileName: string): Promise<void> {
  await rm(pathOf(deps, fileName), { force: true });
}
