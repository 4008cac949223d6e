import { z } from 'zod';
import { BIDANG } from '../domain/codes.js';
import { DISTRICT_CODE_PATTERN } from '../domain/cooperative.js';
import { DOCUMENT_KINDS, DOCUMENT_TYPES, type DocumentType } from '../domain/desk/documents.js';
import { REQUEST_KINDS, REQUEST_OUTCOMES, REQUEST_STATUSES } from '../domain/desk/requests.js';
import { VERIFICATION_KINDS, VERIFICATION_STATUSES } from '../domain/desk/verification.js';
import { verificationQueueCanOut } from './abilities.js';
import { isoDate, page, pageOf, pageSize, uuidParam } from './common.js';
import { verificationOut } from './verification.js';

/**
 * The desk between the Dinas and the cooperatives: the verification queue, the cooperatives' requests,
 * announced RATs and the document shelf.
 */

/** A cooperative as the desk's lists name it. */
export const deskCooperativeRef = z.object({
  id: z.string(),
  name: z.string(),
  district: z.object({ code: z.string(), name: z.string() }),
});

// ── verification queue ──

export const verificationItemOut = z.object({
  id: z.string(),
  kind: z.enum(VERIFICATION_KINDS),
  kindLabel: z.string(),
  entityId: z.string(),
  fiscalYear: z.number().nullable(),
  summary: z.string(),
  status: z.enum(VERIFICATION_STATUSES),
  reason: z.string().nullable(),
  cooperative: deskCooperativeRef,
  submittedBy: z.string(),
  submittedAt: z.string(),
  ageDays: z.number(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** For a RAT record: the documents it still lacks before it can be verified. */
  missingDocuments: z.array(z.string()),
});

export const verificationListQuery = z.strictObject({
  status: z.enum(VERIFICATION_STATUSES).optional(),
  kind: z.enum(VERIFICATION_KINDS).optional(),
  district: z.string().regex(DISTRICT_CODE_PATTERN, 'Kode kecamatan berformat 35.13.07.').optional(),
  cooperativeId: uuidParam.optional(),
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
  page,
  pageSize,
});
export const verificationPageOut = pageOf(verificationItemOut).extend({ can: verificationQueueCanOut });
export const returnFilingBody = z.strictObject({ reason: z.string().trim().max(1000) });

// ── requests ──

export const requestOut = z.object({
  id: z.string(),
  cooperative: deskCooperativeRef,
  kind: z.enum(REQUEST_KINDS),
  kindLabel: z.string(),
  bidang: z.enum(BIDANG),
  bidangLabel: z.string(),
  message: z.string(),
  status: z.enum(REQUEST_STATUSES),
  visitId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  closure: z
    .object({
      outcome: z.enum(REQUEST_OUTCOMES),
      outcomeLabel: z.string(),
      note: z.string(),
      by: z.string(),
      at: z.string(),
    })
    .nullable()
    .describe(
      'Set once an officer closed the request: DONE (Selesai) or DECLINED (Ditolak), with the note the cooperative reads.',
    ),
});
export const createRequestBody = z.strictObject({ kind: z.enum(REQUEST_KINDS), message: z.string().trim().max(2000) });
export const requestListQuery = z.strictObject({
  status: z.enum(REQUEST_STATUSES).optional(),
  open: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only requests still to handle (OPEN or PLANNED), as the queue shows them.'),
  bidang: z.enum(BIDANG).optional(),
  cooperativeId: uuidParam.optional(),
});
export const requestListOut = z.object({ items: z.array(requestOut), can: verificationQueueCanOut });
export const closeRequestBody = z.strictObject({
  outcome: z.enum(REQUEST_OUTCOMES),
  note: z.string().trim().max(1000),
});
export const planRequestVisitBody = z.strictObject({ date: isoDate });

// ── RAT announcements ──

/** An upcoming RAT announced by the cooperative (or an officer), so the Dinas can plan a visit to it. */
export const ratAnnouncementOut = z.object({
  id: z.string(),
  cooperative: deskCooperativeRef,
  fiscalYear: z.number(),
  plannedOn: z.string(),
  place: z.string(),
  agenda: z.string(),
  visitId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const announceRatBody = z.strictObject({
  fiscalYear: z.number().int().min(1945).max(2100),
  plannedOn: isoDate,
  place: z.string().trim().max(200),
  agenda: z.string().trim().max(2000),
});
export const ratAnnouncementListQuery = z.strictObject({
  from: isoDate.optional(),
  district: z.string().regex(DISTRICT_CODE_PATTERN).optional(),
  cooperativeId: uuidParam.optional(),
});
export const ratAnnouncementListOut = z.object({ items: z.array(ratAnnouncementOut), can: verificationQueueCanOut });
export const linkRatVisitBody = z.strictObject({ visitId: uuidParam });

// ── document shelf ──

/** The file types the shelf accepts, as media types. */
export const DOCUMENT_MEDIA = Object.keys(DOCUMENT_TYPES) as DocumentType[];

export const documentOut = z.object({
  id: z.string(),
  cooperativeId: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  kindLabel: z.string(),
  fiscalYear: z.number().nullable(),
  title: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  seriesId: z.string(),
  version: z.number(),
  replacesId: z.string().nullable(),
  status: z.enum(['ACTIVE', 'REPLACED', 'REMOVED']),
  removedReason: z.string().nullable(),
  uploadedBy: z.object({ name: z.string(), role: z.string() }),
  createdAt: z.string(),
  /** Where the file is read: `GET /api/v1/documents/files/{id}`. */
  url: z.string(),
  verification: verificationOut,
});

const documentKind = z.enum(DOCUMENT_KINDS, { error: 'Jenis dokumen tidak dikenal.' });
const replacesDescription = 'ID dokumen yang diganti: versi baru, versi lama tetap tersimpan';

export const documentUploadQuery = z.strictObject({
  kind: documentKind,
  fiscalYear: z.coerce.number().int().min(1945).max(2100).optional(),
  title: z.string().trim().max(200).optional(),
  replaces: uuidParam.optional().describe(replacesDescription),
});
export const documentListQuery = z.strictObject({ history: z.enum(['0', '1']).optional() });
export const documentListOut = z.object({ items: z.array(documentOut) });
export const documentFileParams = z.strictObject({ fileId: uuidParam });
export const documentUploadStartBody = z.strictObject({
  id: uuidParam.describe('ID unggahan buatan klien; menjadi ID dokumen'),
  size: z
    .number()
    .int()
    .min(1, 'Ukuran berkas minimal 1 bita.')
    .max(1024 * 1024 * 1024),
  contentType: z
    .enum([...DOCUMENT_MEDIA, 'application/octet-stream'], {
      error: 'Jenis berkas harus PDF, JPEG, PNG, XLSX atau DOCX.',
    })
    .optional(),
  kind: documentKind,
  fiscalYear: z.number().int().min(1945).max(2100).nullable().optional(),
  title: z.string().trim().max(200).nullable().optional(),
  replaces: uuidParam.nullable().optional().describe(replacesDescription),
});
export const documentUploadOut = z.object({
  id: z.string(),
  size: z.number(),
  received: z.number(),
  document: documentOut.nullable(),
});
export const documentRemoveParams = z.strictObject({ id: uuidParam, documentId: uuidParam });
export const documentRemoveBody = z.strictObject({ reason: z.string().trim().max(500) });

export type VerificationItemOut = z.infer<typeof verificationItemOut>;
export type RequestOut = z.infer<typeof requestOut>;
export type RatAnnouncementOut = z.infer<typeof ratAnnouncementOut>;
export type DocumentOut = z.infer<typeof documentOut>;
