import type { Selectable } from 'kysely';
import type { UploadTable } from '../../db/schema-sync.js';
import { AppError, forbidden, invalid, notFound } from '../../domain/errors.js';
import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '../../domain/visits/images.js';
import type { Actor, AppDeps } from '../context.js';
import { targetCooperative, uploadFollowUpPhoto, uploadVisitPhoto } from '../visits/photos.js';
import { type PhotoMeta, photoMeta } from '../visits/view.js';
import { isUniqueViolation } from './db-races.js';

/**
 * Photos in chunks that resume after a drop (docs/SYNC.md). The bytes received so far are kept in
 * the database next to `received`, in one transaction, so a restart loses nothing and never leaves
 * the two disagreeing. The finished photo takes the upload's id: a retried upload never makes two.
 */
export const MAX_CHUNK_BYTES = 256 * 1024;

export interface UploadState { id: string; size: number; received: number; photo: PhotoMeta | null }
export interface StartUpload {
  id: string;
  target: { type: 'visit' | 'followUp'; id: string };
  size: number;
  contentType: string;
  caption: string | null;
  takenAt: string | null;
}
export type ChunkOutcome = { ok: true; state: UploadState } | { ok: false; received: number };

type Row = Selectable<UploadTable>;

async function photoOf(deps: AppDeps, row: Row): Promise<PhotoMeta | null> {
  if (!row.photo_id) return null;
  const p = await deps.db.kysely.selectFrom('photos').selectAll().where('id', '=', row.photo_id).executeTakeFirst();
  return p ? photoMeta(p) : null;
}

const stateOf = async (deps: AppDeps, row: Row): Promise<UploadState> => ({ id: row.id, size: row.size, received: row.received, photo: await photoOf(deps, row) });

/** Someone else's upload is not found; a koperasi user asking about another cooperative is refused, as elsewhere. */
async function ownUpload(deps: AppDeps, actor: Actor, id: string): Promise<Row> {
  const row = await deps.db.kysely.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
  if (actor.role === 'koperasi' && (!row || row.cooperative_id !== actor.cooperativeId)) throw forbidden('Anda hanya dapat mengunggah foto untuk koperasi Anda sendiri.');
  if (!row || row.owner_id !== actor.userId) throw notFound('Unggahan');
  return row;
}

/** Starts an upload, or tells where a started one stands (its resume point). */
export async function startUpload(deps: AppDeps, actor: Actor, input: StartUpload): Promise<UploadState> {
  // Who may add a photo to the target comes first: a stranger learns nothing from the checks below.
  const cooperativeId = await targetCooperative(deps.db.kysely, actor, { kind: input.target.type, id: input.target.id });
  const existing = await deps.db.kysely.selectFrom('uploads').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (existing) {
    const same = existing.owner_id === actor.userId && existing.target_type === input.target.type && existing.target_id === input.target.id && existing.size === input.size;
    if (!same) throw new AppError('CONFLICT', 'ID unggahan ini sudah dipakai untuk berkas lain.', { id: 'Sudah dipakai.' });
    return stateOf(deps, existing);
  }
  const fields: Record<string, string> = {};
  if (input.size > MAX_PHOTO_BYTES) fields.size = 'Ukuran foto maksimal 5 MB. Perkecil foto lalu unggah lagi.';
  if (!(PHOTO_TYPES as readonly string[]).includes(input.contentType)) fields.contentType = 'Jenis foto harus JPEG, PNG atau WebP.';
  if (input.takenAt && Date.parse(input.takenAt) > deps.now().getTime() + 5 * 60_000) fields.takenAt = 'Waktu pengambilan foto tidak boleh di masa depan.';
  if (Object.keys(fields).length) throw invalid(fields, 'Unggahan foto tidak diterima.');
  const at = deps.now().toISOString();
  const row: Row = {
    id: input.id, owner_id: actor.userId ?? '', target_type: input.target.type, target_id: input.target.id, cooperative_id: cooperativeId, size: input.size, received: 0,
    content_type: input.contentType, caption: input.caption, taken_at: input.takenAt, photo_id: null, created_at: at, updated_at: at,
  };
  try {
    await deps.db.kysely.insertInto('uploads').values(row).execute();
  } catch (e) {
    // The same start sent twice at once: the first one made it.
    if (!isUniqueViolation(e)) throw e;
    return startUpload(deps, actor, input);
  }
  return stateOf(deps, row);
}

export async function getUpload(deps: AppDeps, actor: Actor, id: string): Promise<UploadState> {
  return stateOf(deps, await ownUpload(deps, actor, id));
}

/** All bytes are in: the photo is stored through the normal upload (checks, audit), under the upload's id. */
async function finish(deps: AppDeps, actor: Actor, row: Row): Promise<UploadState> {
  if (row.photo_id) {
    const state = await stateOf(deps, row);
    if (state.photo) return state;
  }
  const chunks = await deps.db.kysely.selectFrom('upload_chunks').select(['chunk_offset', 'bytes']).where('upload_id', '=', row.id).orderBy('chunk_offset').execute();
  const bytes = Buffer.concat(chunks.map((c) => Buffer.from(c.bytes)));
  if (bytes.length !== row.size) throw new AppError('CONFLICT', 'Potongan foto di server tidak lengkap. Ulangi unggahan dari awal dengan ID baru.');
  const photoInput = { id: row.id, declaredType: row.content_type, bytes, caption: row.caption, takenAt: row.taken_at };
  const { photo } = row.target_type === 'visit'
    ? await uploadVisitPhoto(deps, actor, row.target_id, photoInput)
    : await uploadFollowUpPhoto(deps, actor, row.target_id, photoInput);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('uploads').set({ photo_id: photo.id, updated_at: deps.now().toISOString() }).where('id', '=', row.id).execute();
    await trx.deleteFrom('upload_chunks').where('upload_id', '=', row.id).execute();
  });
  return { id: row.id, size: row.size, received: row.received, photo };
}

/**
 * One chunk at `offset`. Any offset but `received` is refused with the resume point; once every byte
 * is in, any call (a re-sent last chunk included) answers with the one photo.
 */
export async function putChunk(deps: AppDeps, actor: Actor, id: string, offset: number, bytes: unknown): Promise<ChunkOutcome> {
  const row = await ownUpload(deps, actor, id);
  if (row.received === row.size) return { ok: true, state: await finish(deps, actor, row) };
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw invalid({ body: 'Kirim potongan berkas sebagai isi permintaan (application/octet-stream).' }, 'Potongan foto tidak diterima.');
  if (bytes.length > MAX_CHUNK_BYTES) throw invalid({ body: 'Potongan maksimal 256 KiB.' }, 'Potongan foto terlalu besar.');
  if (offset !== row.received) return { ok: false, received: row.received };
  if (offset + bytes.length > row.size) throw invalid({ body: `Potongan melewati ukuran berkas (${row.size} bita).` }, 'Potongan foto tidak diterima.');
  const written = await deps.db.kysely
    .transaction()
    .execute(async (trx) => {
      const moved = await trx
        .updateTable('uploads')
        .set({ received: offset + bytes.length, updated_at: deps.now().toISOString() })
        .where('id', '=', id)
        .where('received', '=', offset)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return false;
      await trx.insertInto('upload_chunks').values({ upload_id: id, chunk_offset: offset, bytes }).execute();
      return true;
    })
    // A copy of this chunk landed first (PostgreSQL): answer with the resume point.
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) return false;
      throw e;
    });
  const now = await ownUpload(deps, actor, id);
  if (!written) return { ok: false, received: now.received };
  if (now.received === now.size) return { ok: true, state: await finish(deps, actor, now) };
  return { ok: true, state: await stateOf(deps, now) };
}
