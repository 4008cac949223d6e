import { createHash, randomUUID } from 'node:crypto';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import {
  imageSize,
  MAX_PHOTO_BYTES,
  PHOTO_EXTENSIONS,
  PHOTO_TYPES,
  type PhotoType,
  sniffImage,
} from '../../domain/visits/images.js';
import { type Actor, type AppDeps, mutate, type Tx } from '../context.js';
import { authorize, followUpPolicy, guardCooperative, guardManage, missing, visitPolicy } from '../policy/index.js';
import { followUpRef } from '../follow-ups/follow-ups.js';
import { readPhoto, removePhoto, storePhoto } from './photo-store.js';
import { editableVisit } from '../visits/visits.js';
import { type PhotoMeta, photoMeta } from '../visits/view.js';
import { deletedRecord } from '../audit/deleted-record.js';

export interface PhotoUpload {
  /** Client-generated id: the same upload sent twice stores one photo. */
  id?: string;
  declaredType: string | undefined;
  bytes: unknown;
  caption: string | null;
  takenAt: string | null;
}

const MB = (n: number) => `${(n / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;

/** Type by magic bytes (the declared type must agree), size within 5 MB. */
export function checkPhoto(u: PhotoUpload): { type: PhotoType; bytes: Buffer } {
  if (!Buffer.isBuffer(u.bytes) || u.bytes.length === 0)
    throw invalid({ file: 'Kirim berkas foto sebagai isi permintaan (JPEG, PNG atau WebP).' }, 'Foto tidak diterima.');
  if (u.bytes.length > MAX_PHOTO_BYTES) {
    throw invalid(
      { file: `Ukuran foto ${MB(u.bytes.length)}; maksimal 5 MB. Perkecil foto lalu unggah lagi.` },
      'Foto terlalu besar.',
    );
  }
  const type = sniffImage(u.bytes);
  const declared = u.declaredType?.split(';')[0]?.trim().toLowerCase();
  if (!type) throw invalid({ file: 'Berkas ini bukan gambar JPEG, PNG atau WebP.' }, 'Foto tidak diterima.');
  if (!declared || !(PHOTO_TYPES as readonly string[]).includes(declared) || declared !== type) {
    throw invalid(
      { file: `Jenis berkas (${declared ?? 'tidak ada'}) tidak sesuai dengan isinya (${type}).` },
      'Foto tidak diterima.',
    );
  }
  return { type, bytes: u.bytes };
}

export type Target = { kind: 'visit'; id: string } | { kind: 'followUp'; id: string };

/** Who may add a photo to what: the visit's team, or who may report progress on the follow-up. */
export async function targetCooperative(trx: Tx, actor: Actor, target: Target): Promise<string> {
  if (target.kind === 'visit') {
    const ref = await editableVisit(trx, actor, target.id);
    if (ref.status === 'cancelled')
      throw new AppError('CONFLICT', 'Kunjungan ini sudah dibatalkan; foto tidak dapat ditambahkan.');
    return ref.cooperativeId;
  }
  const ref = await followUpRef(trx, actor, target.id);
  await guardManage(trx, actor, ref.cooperativeId, 'Tindak lanjut');
  authorize(followUpPolicy.progress, actor, ref, 'Anda tidak berwenang menambah bukti pada tindak lanjut ini.');
  return ref.cooperativeId;
}

async function upload(
  deps: AppDeps,
  actor: Actor,
  target: Target,
  u: PhotoUpload,
): Promise<{ photo: PhotoMeta; created: boolean }> {
  // Who is asking comes before what was sent: a stranger learns nothing from the validation.
  await targetCooperative(deps.db.kysely, actor, target);
  if (u.takenAt && Date.parse(u.takenAt) > deps.now().getTime() + 5 * 60_000)
    throw invalid({ takenAt: 'Waktu pengambilan foto tidak boleh di masa depan.' });
  const { type, bytes } = checkPhoto(u);
  const id = u.id ?? randomUUID();
  const size = imageSize(bytes, type);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let fileName = '';
  let stored = false;
  try {
    return await mutate(deps, actor, async (trx, audit) => {
      const cooperativeId = await targetCooperative(trx, actor, target);
      const existing = await trx.selectFrom('photos').selectAll().where('id', '=', id).executeTakeFirst();
      if (existing) {
        const same = target.kind === 'visit' ? existing.visit_id === target.id : existing.follow_up_id === target.id;
        if (!same || existing.sha256 !== sha256)
          throw new AppError('CONFLICT', 'ID foto ini sudah dipakai untuk foto lain.', { id: 'Sudah dipakai.' });
        return { photo: photoMeta(existing), created: false };
      }
      fileName = `${cooperativeId}/${id}.${PHOTO_EXTENSIONS[type]}`;
      await storePhoto(deps, fileName, bytes);
      stored = true;
      const at = deps.now().toISOString();
      const row = {
        id,
        cooperative_id: cooperativeId,
        visit_id: target.kind === 'visit' ? target.id : null,
        follow_up_id: target.kind === 'followUp' ? target.id : null,
        file_name: fileName,
        content_type: type,
        size_bytes: bytes.length,
        width: size?.width ?? null,
        height: size?.height ?? null,
        sha256,
        caption: u.caption,
        taken_at: u.takenAt,
        uploaded_by: actor.userId,
        created_at: at,
      };
      await trx.insertInto('photos').values(row).execute();
      await audit({
        action: 'photo.upload',
        entityType: target.kind === 'visit' ? 'visit' : 'follow_up',
        entityId: target.id,
        cooperativeId,
        changes: {
          photo: { before: null, after: { id, contentType: type, sizeBytes: bytes.length, caption: u.caption } },
        },
      });
      return { photo: photoMeta(row), created: true };
    });
  } catch (e) {
    // The row did not land: do not leave its file behind.
    if (stored) await removePhoto(deps, fileName);
    throw e;
  }
}

export const uploadVisitPhoto = (deps: AppDeps, actor: Actor, visitId: string, u: PhotoUpload) =>
  upload(deps, actor, { kind: 'visit', id: visitId }, u);
export const uploadFollowUpPhoto = (deps: AppDeps, actor: Actor, followUpId: string, u: PhotoUpload) =>
  upload(deps, actor, { kind: 'followUp', id: followUpId }, u);

async function photoRow(deps: AppDeps, actor: Actor, id: string) {
  const row = await deps.db.kysely.selectFrom('photos').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw missing(actor, 'Foto', 'Anda hanya dapat melihat foto koperasi Anda sendiri.');
  authorize(
    visitPolicy.read,
    actor,
    { cooperativeId: row.cooperative_id },
    'Anda hanya dapat melihat foto koperasi Anda sendiri.',
  );
  // Out of the office's reach reads as absent, as every other record of a cooperative (issue 11).
  await guardCooperative(
    deps.db.kysely,
    actor,
    row.cooperative_id,
    'Foto',
    'Anda hanya dapat melihat foto koperasi Anda sendiri.',
  );
  return row;
}

/**
 * The photo's bytes. No image library is installed and native ones are not allowed, so the
 * thumbnail is the client-compressed photo itself (the web app compresses before upload).
 */
export async function getPhoto(
  deps: AppDeps,
  actor: Actor,
  id: string,
  _variant: 'original' | 'thumbnail',
): Promise<{ contentType: string; bytes: Buffer }> {
  const row = await photoRow(deps, actor, id);
  const bytes = await readPhoto(deps, row.file_name);
  if (!bytes) throw notFound('Berkas foto');
  return { contentType: row.content_type, bytes };
}

export async function deletePhoto(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const fileName = await mutate(deps, actor, async (trx, audit) => {
    const row = await trx.selectFrom('photos').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw missing(actor, 'Foto');
    if (row.visit_id) {
      await editableVisit(trx, actor, row.visit_id);
    } else if (row.follow_up_id) {
      const ref = await followUpRef(trx, actor, row.follow_up_id);
      authorize(followUpPolicy.progress, actor, ref);
    }
    const usedAsEvidence = await trx
      .selectFrom('follow_ups')
      .select('id')
      .where('evidence_photo_id', '=', id)
      .executeTakeFirst();
    if (usedAsEvidence)
      throw new AppError('CONFLICT', 'Foto ini menjadi bukti tindak lanjut yang sudah selesai; tidak dapat dihapus.');
    await trx.deleteFrom('photos').where('id', '=', id).execute();
    await audit({
      action: 'photo.delete',
      entityType: row.visit_id ? 'visit' : 'follow_up',
      entityId: row.visit_id ?? row.follow_up_id ?? id,
      cooperativeId: row.cooperative_id,
      changes: { photo: { before: { id, caption: row.caption }, after: null }, ...deletedRecord('photos', row) },
    });
    return row.file_name;
  });
  await removePhoto(deps, fileName);
}
