import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { AppDeps } from '../context.js';

type StoreDeps = Pick<AppDeps, 'config' | 'db'>;

/**
 * Where documents live, content-addressed by SHA-256: a `files` directory beside the photo directory
 * (beside SAMBANG_PHOTO_DIR when set, else beside the SQLite file, else `./data/files` for
 * PostgreSQL; one sub-directory per schema other than public, as for photos). Like photos, files
 * stay out of the database and its dumps: back the directory up with it (README).
 */
export function fileDir(deps: StoreDeps): string {
  const schemaDir = deps.db.schema && deps.db.schema !== 'public' ? deps.db.schema : '';
  if (deps.config.photoDir) return resolve(deps.config.photoDir, '..', 'files', schemaDir);
  const url = deps.config.databaseUrl;
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === ':memory:' || path === '') return join(tmpdir(), 'sambang-files');
    return join(dirname(resolve(path)), 'files');
  }
  return resolve('data', 'files', schemaDir);
}

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const pathOf = (deps: StoreDeps, sha256: string) => {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha-256');
  return join(fileDir(deps), sha256.slice(0, 2), sha256);
};

/**
 * Stores the bytes under their hash, atomically (temp file, then rename). The same content is kept
 * once however often it is uploaded, and a stored file is never changed: a new version is new content.
 */
export async function storeFile(deps: StoreDeps, bytes: Buffer): Promise<string> {
  const sha256 = sha256Of(bytes);
  const target = pathOf(deps, sha256);
  try {
    await access(target);
    return sha256;
  } catch {
    // not there yet
  }
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.part`;
  await writeFile(temp, bytes);
  await rename(temp, target);
  return sha256;
}

export async function readStoredFile(deps: StoreDeps, sha256: string): Promise<Buffer | null> {
  try {
    return await readFile(pathOf(deps, sha256));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
