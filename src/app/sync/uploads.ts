import type { Selectable } from 'kysely';
import type { UploadTable } from '../../db/schema-sync.js';
import { AppError, forbidden, invalid, notFound } from '../../domain/errors.js';
import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '../../domain/visits/images.js';
import type { Actor, AppDeps } from '../context.js';
import { checkDocumentFiling, type CooperativeDocument, documentById, uploadDocument } from '../desk/documents.js';
import { DOCUMENT_KINDS, type DocumentKind, MAX_DOCUMENT_BYTES } from '../../domain/desk/documents.js';
import { targetCooperative, uploadFollowUpPhoto, uploadVisitPhoto } from '../photos/photos.js';
import { type PhotoMeta, photoMeta } from '../visits/view.js';
import { isUniqueViolation } from './db-races.js';
import { inScope, isScoped } from '../policy/index.js';
import type { UploadOut } from '../../contract/sync.js';

/**
 * Photos and cooperative documents in chunks that resume after a drop (docs/SYNC.md, docs/API.md). The bytes received so far are kept in
 * the database next to `received`, in one transaction, so a restart loses nothing and never leaves
 * the two disagreeing. The finished photo or document takes the upload's id: a retried upload never
 * makes two. A document upload has target `document` (its cooperative); its kind, fiscal year, title
 * and `replaces` ride in `caption` as JSON, and `photo_id` names the finished document.
 */
export const MAX_CHUNK_BYTES = 256 * 1024;

/** Where an upload stands, as the API answers it (src/contract/sync.ts). */
export type UploadState = UploadOut;
export interface DocumentMeta {
  kind: DocumentKind;
  fiscalYear: number | null;
  title: string | null;
  replaces: string | null;
}
export interface StartDocumentUpload extends DocumentMeta {
  id: string;
  cooperativeId: string;
  size: number;
  /** The type the client names, or application/octet-stream; the content decides at finish. */
  contentType: string;
}
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
  if (!row.photo_id || row.target_type === 'document') return null;
  const p = await deps.db.kysely.selectFrom('photos').selectAll().where('id', '=', row.photo_id).executeTakeFirst();
  return p ? photoMeta(p) : null;
}

const documentOf = async (deps: AppDeps, row: Row): Promise<CooperativeDocument | null> =>
  row.target_type === 'document' && row.photo_id ? documentById(deps, row.photo_id) : null;

/** A photo upload answers as it always has; a document upload also names its document (null until finished). */
const stateOf = async (deps: AppDeps, row: Row): Promise<UploadState> => ({
  id: row.id,
  size: row.size,
  received: row.received,
  photo: await photoOf(deps, row),
  ...(row.target_type === 'document' ? { document: await documentOf(deps, row) } : {}),
});

function documentMeta(row: Row): DocumentMeta {
  const m = JSON.parse(row.caption ?? '{}') as Partial<DocumentMeta>;
  const kind = (DOCUMENT_KINDS as readonly string[]).includes(m.kind ?? '') ? (m.kind as DocumentKind) : 'LAINNYA';
  return { kind, fiscalYear: m.fiscalYear ?? null, title: m.title ?? null, replaces: m.replaces ?? null };
}

/** Someone else's upload is not found; a koperasi user asking about another cooperative is refused, as elsewhere. */
async function ownUpload(deps: AppDeps, actor: Actor, id: string): Promise<Row> {
  const row = await deps.db.kysely.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
  if (isScoped(actor) && (!row || !inScope(actor, row.cooperative_id))) {
    throw forbidden(
      row?.target_type === 'document'
        ? 'Anda hanya dapat mengunggah dokumen untuk koperasi Anda sendiri.'
        : 'Anda hanya dapat mengunggah foto untuk koperasi Anda sendiri.',
    );
  }
  if (!row || row.owner_id !== actor.userId) throw notFound('Unggahan');
  return row;
}

/** Starts an upload, or tells where a started one stands (its resume point). */
export async function startUpload(deps: AppDeps, actor: Actor, input: StartUpload): Promise<UploadState> {
  // Who may add a photo to the target comes first: a stranger learns nothing from the checks below.
  const cooperativeId = await targetCooperative(deps.db.kysely, actor, {
    kind: input.target.type,
    id: input.target.id,
  });
  const existing = await deps.db.kysely.selectFrom('uploads').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (existing) {
    const same =
      existing.owner_id === actor.userId &&
      existing.target_type === input.target.type &&
      existing.target_id === input.target.id &&
      existing.size === input.size;
    if (!same)
      throw new AppError('CONFLICT', 'ID unggahan ini sudah dipakai untuk berkas lain.', { id: 'Sudah dipakai.' });
    return stateOf(deps, existing);
  }
  const fields: Record<string, string> = {};
  if (input.size > MAX_PHOTO_BYTES) fields.size = 'Ukuran foto maksimal 5 MB. Perkecil foto lalu unggah lagi.';
  if (!(PHOTO_TYPES as readonly string[]).includes(input.contentType))
    fields.contentType = 'Jenis foto harus JPEG, PNG atau WebP.';
  if (input.takenAt && Date.parse(input.takenAt) > deps.now().getTime() + 5 * 60_000)
    fields.takenAt = 'Waktu pengambilan foto tidak boleh di masa depan.';
  if (Object.keys(fields).length) throw invalid(fields, 'Unggahan foto tidak diterima.');
  const at = deps.now().toISOString();
  const row: Row = {
    id: input.id,
    owner_id: actor.userId ?? '',
    target_type: input.target.type,
    target_id: input.target.id,
    cooperative_id: cooperativeId,
    size: input.size,
    received: 0,
    content_type: input.contentType,
    caption: input.caption,
    taken_at: input.takenAt,
    photo_id: null,
    created_at: at,
    updated_at: at,
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

/** Starts a document upload (same policy and checks as the raw-body route, size ≤ 20 MB), or tells where it stands. */
export async function startDocumentUpload(
  deps: AppDeps,
  actor: Actor,
  input: StartDocumentUpload,
): Promise<UploadState> {
  const extra: Record<string, string> = {};
  if (input.size > MAX_DOCUMENT_BYTES) extra.size = 'Ukuran dokumen maksimal 20 MB.';
  await checkDocumentFiling(deps, actor, input.cooperativeId, input, extra);
  const existing = await deps.db.kysely.selectFrom('uploads').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (existing) {
    const same =
      existing.owner_id === actor.userId &&
      existing.target_type === 'document' &&
      existing.target_id === input.cooperativeId &&
      existing.size === input.size;
    if (!same)
      throw new AppError('CONFLICT', 'ID unggahan ini sudah dipakai untuk berkas lain.', { id: 'Sudah dipakai.' });
    return stateOf(deps, existing);
  }
  const at = deps.now().toISOString();
  const meta: DocumentMeta = {
    kind: input.kind,
    fiscalYear: input.fiscalYear,
    title: input.title,
    replaces: input.replaces,
  };
  const row: Row = {
    id: input.id,
    owner_id: actor.userId ?? '',
    target_type: 'document',
    target_id: input.cooperativeId,
    cooperative_id: input.cooperativeId,
    size: input.size,
    received: 0,
    content_type: input.contentType,
    caption: JSON.stringify(meta),
    taken_at: null,
    photo_id: null,
    created_at: at,
    updated_at: at,
  };
  try {
    await deps.db.kysely.insertInto('uploads').values(row).execute();
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return startDocumentUpload(deps, actor, input);
  }
  return stateOf(deps, row);
}

/** All bytes are in: the document is filed through the raw-body use case (type by content, hash, audit, versions) under the upload's id. */
async function finishDocument(deps: AppDeps, actor: Actor, row: Row, bytes: Buffer): Promise<CooperativeDocument> {
  // Filed before, but the upload row was not marked (a crash in between): the same document, never a second.
  const filed = await documentById(deps, row.id);
  if (filed) return filed;
  return uploadDocument(deps, actor, row.target_id, {
    id: row.id,
    ...documentMeta(row),
    declaredType: row.content_type,
    bytes,
  });
}

export async function getUpload(deps: AppDeps, actor: Actor, id: string): Promise<UploadState> {
  return stateOf(deps, await ownUpload(deps, actor, id));
}

/** All bytes are in: the photo is stored through the normal upload (checks, audit), under the upload's id. */
async function finish(deps: AppDeps, actor: Actor, row: Row): Promise<UploadState> {
  if (row.photo_id) {
    const state = await stateOf(deps, row);
    if (state.photo || state.document) return state;
  }
  const chunks = await deps.db.kysely
    .selectFrom('upload_chunks')
    .select(['chunk_offset', 'bytes'])
    .where('upload_id', '=', row.id)
    .orderBy('chunk_offset')
    .execute();
  const bytes = Buffer.concat(chunks.map((c) => Buffer.from(c.bytes)));
  if (bytes.length !== row.size)
    throw new AppError(
      'CONFLICT',
      'Potongan berkas di server tidak lengkap. Ulangi unggahan dari awal dengan ID baru.',
    );
  if (row.target_type === 'document') {
    const document = await finishDocument(deps, actor, row, bytes);
    await deps.db.kysely.transaction().execute(async (trx) => {
      await trx
        .updateTable('uploads')
        .set({ photo_id: document.id, updated_at: deps.now().toISOString() })
        .where('id', '=', row.id)
        .execute();
      await trx.deleteFrom('upload_chunks').where('upload_id', '=', row.id).execute();
    });
    return { id: row.id, size: row.size, received: row.received, photo: null, document };
  }
  const photoInput = { id: row.id, declaredType: row.content_type, bytes, caption: row.caption, takenAt: row.taken_at };
  const { photo } =
    row.target_type === 'visit'
      ? await uploadVisitPhoto(deps, actor, row.target_id, photoInput)
      : await uploadFollowUpPhoto(deps, actor, row.target_id, photoInput);
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('uploads')
      .set({ photo_id: photo.id, updated_at: deps.now().toISOString() })
      .where('id', '=', row.id)
      .execute();
    await trx.deleteFrom('upload_chunks').where('upload_id', '=', row.id).execute();
  });
  return { id: row.id, size: row.size, received: row.received, photo };
}

/**
 * One chunk at `offset`. Any offset but `received` is refused with the resume point; once every byte
 * is in, any call (a re-sent last chunk included) answers with the one photo.
 */
export async function putChunk(
  deps: AppDeps,
  actor: Actor,
  id: string,
  offset: number,
  bytes: unknown,
): Promise<ChunkOutcome> {
  const row = await ownUpload(deps, actor, id);
  if (row.received === row.size) return { ok: true, state: await finish(deps, actor, row) };
  const what = row.target_type === 'document' ? 'dokumen' : 'foto';
  if (!Buffer.isBuffer(bytes) || bytes.length === 0)
    throw invalid(
      { body: 'Kirim potongan berkas sebagai isi permintaan (application/octet-stream).' },
      `Potongan ${what} tidak diterima.`,
    );
  if (bytes.length > MAX_CHUNK_BYTES)
    throw invalid({ body: 'Potongan maksimal 256 KiB.' }, `Potongan ${what} terlalu besar.`);
  if (offset !== row.received) return { ok: false, received: row.received };
  if (offset + bytes.length > row.size)
    throw invalid({ body: `Potongan melewati ukuran berkas (${row.size} bita).` }, `Potongan ${what} tidak diterima.`);
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
