import { jakartaYear } from '../../domain/dates.js';
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { CooperativeDocumentTable } from '../../db/schema-desk.js';
import {
  DOCUMENT_KIND_LABELS,
  type DocumentKind,
  MAX_DOCUMENT_BYTES,
  SINGLE_KINDS,
  YEARLY_KINDS,
} from '../../domain/desk/documents.js';
import type { VerificationState } from '../../domain/desk/verification.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { type Actor, type AppDeps, mutate } from '../context.js';
import { getCooperative } from '../cooperatives/get-cooperative.js';
import { loadCooperative } from '../cooperatives/view.js';
import { readStoredFile, storeFile } from '../files/file-store.js';
import { DOCUMENT_TYPES, type DocumentType, sniffDocument } from '../files/sniff.js';
import { authorize, cooperativePolicy, guardCooperative, guardManage, missing } from '../policy/index.js';
import { fileForVerification, stateOr, verificationStates } from './verifications.js';
import type { DocumentOut } from '../../contract/desk.js';

/** A document version as the API answers it (src/contract/desk.ts). */
export type CooperativeDocument = DocumentOut;

function view(r: Selectable<CooperativeDocumentTable>, verification: VerificationState): CooperativeDocument {
  return {
    id: r.id,
    cooperativeId: r.cooperative_id,
    kind: r.kind as DocumentKind,
    kindLabel: DOCUMENT_KIND_LABELS[r.kind as DocumentKind] ?? r.kind,
    fiscalYear: r.fiscal_year,
    title: r.title,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    seriesId: r.series_id,
    version: r.version,
    replacesId: r.replaces_id,
    status: r.status as CooperativeDocument['status'],
    removedReason: r.removed_reason,
    uploadedBy: { name: r.uploaded_by_name, role: r.uploaded_by_role },
    createdAt: r.created_at,
    url: `/api/v1/documents/files/${r.id}`,
    verification,
  };
}

export interface DocumentUpload {
  /** The new version's id; a resumable upload passes its own id, so a retried finish never makes two. */
  id?: string;
  kind: DocumentKind;
  fiscalYear: number | null;
  title: string | null;
  /** The document this one replaces (a new version; the old one is kept). */
  replaces: string | null;
  declaredType: string | undefined;
  bytes: unknown;
}

const MB = (n: number) =>
  n < 1024 * 1024
    ? `${Math.max(1, Math.round(n / 1024)).toLocaleString('id-ID')} KB`
    : `${(n / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;

/** Type by content (the declared type must agree, or be application/octet-stream), size within 20 MB. */
export function checkDocument(u: Pick<DocumentUpload, 'declaredType' | 'bytes'>): {
  type: DocumentType;
  bytes: Buffer;
} {
  if (!Buffer.isBuffer(u.bytes) || u.bytes.length === 0)
    throw invalid(
      { file: 'Kirim berkas sebagai isi permintaan (PDF, JPEG, PNG, XLSX atau DOCX).' },
      'Dokumen tidak diterima.',
    );
  if (u.bytes.length > MAX_DOCUMENT_BYTES)
    throw invalid({ file: `Ukuran berkas ${MB(u.bytes.length)}; maksimal 20 MB.` }, 'Dokumen terlalu besar.');
  const type = sniffDocument(u.bytes);
  if (!type) throw invalid({ file: 'Isi berkas ini bukan PDF, JPEG, PNG, XLSX atau DOCX.' }, 'Dokumen tidak diterima.');
  const declared = u.declaredType?.split(';')[0]?.trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream' && declared !== type) {
    throw invalid(
      {
        file: `Jenis berkas yang disebut (${declared}) tidak sesuai dengan isinya (${DOCUMENT_TYPES[type].toUpperCase()}).`,
      },
      'Dokumen tidak diterima.',
    );
  }
  return { type, bytes: u.bytes };
}

/**
 * Who may file a document for this cooperative, and whether its kind and fiscal year stand; shared by
 * the raw-body upload and the start of a resumable one. Extra field errors (e.g. a declared size) join in.
 */
export async function checkDocumentFiling(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  u: Pick<DocumentUpload, 'kind' | 'fiscalYear'>,
  extra: Record<string, string> = {},
): Promise<void> {
  // Who is asking comes before what was sent: a stranger learns nothing from the validation.
  await guardCooperative(deps.db.kysely, actor, cooperativeId);
  const coop = await loadCooperative(deps.db.kysely, cooperativeId);
  authorize(cooperativePolicy.editDetails, actor, coop);
  const fields: Record<string, string> = { ...extra };
  const thisYear = jakartaYear(deps.now());
  if (YEARLY_KINDS.has(u.kind) && u.fiscalYear === null)
    fields.fiscalYear = `Tahun buku wajib diisi untuk ${DOCUMENT_KIND_LABELS[u.kind]}.`;
  if (u.fiscalYear !== null && (u.fiscalYear < 1945 || u.fiscalYear > thisYear))
    fields.fiscalYear = `Tahun buku harus antara 1945 dan ${thisYear}.`;
  if (Object.keys(fields).length) throw invalid(fields);
}

/** One document version by id, with its verification state (null when there is none). */
export async function documentById(deps: AppDeps, id: string): Promise<CooperativeDocument | null> {
  const row = await deps.db.kysely
    .selectFrom('cooperative_documents')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const states = await verificationStates(deps.db.kysely, 'DOCUMENT', [id]);
  return view(row, stateOr(states, id));
}

export async function uploadDocument(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  u: DocumentUpload,
): Promise<CooperativeDocument> {
  await checkDocumentFiling(deps, actor, cooperativeId, u);
  const { type, bytes } = checkDocument(u);
  // Content-addressed: storing first is safe, a file no row points to is harmless and never served.
  const sha256 = await storeFile(deps, bytes);
  return mutate(deps, actor, async (trx, audit) => {
    const current = await loadCooperative(trx, cooperativeId);
    if (current.status === 'DIBUBARKAN')
      throw new AppError('CONFLICT', 'Koperasi ini sudah dibubarkan; dokumennya tidak dapat diubah lagi.');
    const id = u.id ?? randomUUID();
    let series: { id: string; version: number } = { id, version: 1 };
    if (u.replaces) {
      const old = await trx
        .selectFrom('cooperative_documents')
        .selectAll()
        .where('id', '=', u.replaces)
        .where('cooperative_id', '=', cooperativeId)
        .executeTakeFirst();
      if (!old) throw invalid({ replaces: 'Dokumen yang diganti tidak ditemukan pada koperasi ini.' });
      if (old.status !== 'ACTIVE')
        throw new AppError('CONFLICT', 'Dokumen itu sudah diganti atau dihapus; ganti versi terbarunya.', {
          replaces: 'Bukan versi terbaru.',
        });
      if (old.kind !== u.kind || old.fiscal_year !== u.fiscalYear)
        throw invalid({ replaces: 'Pengganti harus berjenis dan bertahun buku sama dengan dokumen yang diganti.' });
      series = { id: old.series_id, version: old.version + 1 };
      await trx.updateTable('cooperative_documents').set({ status: 'REPLACED' }).where('id', '=', old.id).execute();
    } else if (SINGLE_KINDS.has(u.kind)) {
      let q = trx
        .selectFrom('cooperative_documents')
        .select('id')
        .where('cooperative_id', '=', cooperativeId)
        .where('kind', '=', u.kind)
        .where('status', '=', 'ACTIVE');
      q = u.fiscalYear === null ? q.where('fiscal_year', 'is', null) : q.where('fiscal_year', '=', u.fiscalYear);
      const taken = await q.executeTakeFirst();
      if (taken) {
        throw new AppError(
          'CONFLICT',
          `${DOCUMENT_KIND_LABELS[u.kind]}${u.fiscalYear ? ` tahun buku ${u.fiscalYear}` : ''} sudah ada. Unggah sebagai pengganti agar versi lama tetap tersimpan.`,
          { replaces: taken.id },
        );
      }
    }
    const title = u.title?.trim() || `${DOCUMENT_KIND_LABELS[u.kind]}${u.fiscalYear ? ` ${u.fiscalYear}` : ''}`;
    const row = {
      id,
      cooperative_id: cooperativeId,
      kind: u.kind,
      fiscal_year: u.fiscalYear,
      title,
      content_type: type,
      size_bytes: bytes.length,
      sha256,
      series_id: series.id,
      version: series.version,
      replaces_id: u.replaces,
      status: 'ACTIVE',
      removed_reason: null,
      removed_at: null,
      uploaded_by: actor.userId,
      uploaded_by_name: actor.fullName,
      uploaded_by_role: actor.role,
      created_at: deps.now().toISOString(),
    };
    await trx.insertInto('cooperative_documents').values(row).execute();
    await audit({
      action: u.replaces ? 'document.replace' : 'document.upload',
      entityType: 'cooperative_document',
      entityId: id,
      cooperativeId,
      changes: {
        document: {
          before: u.replaces ? { id: u.replaces } : null,
          after: {
            id,
            kind: u.kind,
            fiscalYear: u.fiscalYear,
            title,
            contentType: type,
            sizeBytes: bytes.length,
            sha256,
            version: series.version,
          },
        },
      },
    });
    await fileForVerification(trx, deps, actor, audit, {
      cooperativeId,
      kind: 'DOCUMENT',
      entityId: id,
      fiscalYear: u.fiscalYear,
      summary: `${title} (${DOCUMENT_TYPES[type].toUpperCase()}, ${MB(bytes.length)})`,
      previous: null,
    });
    const state = (await verificationStates(trx, 'DOCUMENT', [id])).get(id);
    return view(row, state ?? { status: 'VERIFIED' });
  });
}

export async function listDocuments(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  opts: { history: boolean },
): Promise<CooperativeDocument[]> {
  await getCooperative(deps, actor, cooperativeId);
  let q = deps.db.kysely.selectFrom('cooperative_documents').selectAll().where('cooperative_id', '=', cooperativeId);
  if (!opts.history) q = q.where('status', '=', 'ACTIVE');
  const rows = await q.orderBy('kind').orderBy('fiscal_year', 'desc').orderBy('version', 'desc').execute();
  const states = await verificationStates(
    deps.db.kysely,
    'DOCUMENT',
    rows.map((r) => r.id),
  );
  return rows.map((r) => view(r, stateOr(states, r.id)));
}

/** The stored bytes of one document version; a koperasi user asking for another cooperative's is refused. */
export async function readDocumentFile(
  deps: AppDeps,
  actor: Actor,
  fileId: string,
): Promise<{ doc: CooperativeDocument; bytes: Buffer }> {
  const row = await deps.db.kysely
    .selectFrom('cooperative_documents')
    .selectAll()
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!row) throw missing(actor, 'Dokumen', 'Anda hanya dapat melihat dokumen koperasi Anda sendiri.');
  await guardCooperative(
    deps.db.kysely,
    actor,
    row.cooperative_id,
    'Dokumen',
    'Anda hanya dapat melihat dokumen koperasi Anda sendiri.',
  );
  const bytes = await readStoredFile(deps, row.sha256);
  if (!bytes) throw notFound('Berkas dokumen');
  return { doc: view(row, { status: 'VERIFIED' }), bytes };
}

/** Takes a document off the shelf with a reason; the row and its file stay, for the record. */
export async function removeDocument(
  deps: AppDeps,
  actor: Actor,
  cooperativeId: string,
  documentId: string,
  reason: string,
): Promise<CooperativeDocument> {
  await guardManage(deps.db.kysely, actor, cooperativeId);
  const why = reason.trim();
  if (why.length < 5) throw invalid({ reason: 'Alasan penghapusan wajib diisi (minimal 5 karakter).' });
  return mutate(deps, actor, async (trx, audit) => {
    const coop = await loadCooperative(trx, cooperativeId);
    authorize(cooperativePolicy.editDetails, actor, coop);
    const row = await trx
      .selectFrom('cooperative_documents')
      .selectAll()
      .where('id', '=', documentId)
      .where('cooperative_id', '=', cooperativeId)
      .executeTakeFirst();
    if (!row) throw notFound('Dokumen');
    if (row.status !== 'ACTIVE') throw new AppError('CONFLICT', 'Dokumen ini sudah diganti atau dihapus.');
    const at = deps.now().toISOString();
    await trx
      .updateTable('cooperative_documents')
      .set({ status: 'REMOVED', removed_reason: why, removed_at: at })
      .where('id', '=', documentId)
      .execute();
    await audit({
      action: 'document.remove',
      entityType: 'cooperative_document',
      entityId: documentId,
      cooperativeId,
      changes: {
        status: { before: 'ACTIVE', after: 'REMOVED' },
        reason: { before: null, after: why },
        title: { before: row.title, after: row.title },
      },
    });
    const states = await verificationStates(trx, 'DOCUMENT', [documentId]);
    return view({ ...row, status: 'REMOVED', removed_reason: why, removed_at: at }, stateOr(states, documentId));
  });
}
