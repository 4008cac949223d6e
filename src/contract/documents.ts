import { z } from 'zod';
import { DOCUMENT_STATUSES } from '../domain/documents/codes.js';
import { documentCanOut, documentListCanOut } from './abilities.js';
import { page, pageOf, pageSize, uuidParam } from './common.js';

/** Official documents the Dinas issues (letters, certificates), their registers and public verification. */

export const documentOut = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  number: z.string(),
  year: z.number().int(),
  code: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  status: z.enum(DOCUMENT_STATUSES),
  issuedAt: z.string(),
  issuer: z.object({ id: z.string().nullable(), name: z.string() }),
  cooperative: z.object({ id: z.string(), name: z.string() }).nullable(),
  visitId: z.string().nullable(),
  assessmentId: z.string().nullable(),
  supersedesId: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});

export const registerOut = z.object({
  kind: z.string(),
  name: z.string(),
  pattern: z.string(),
  example: z.string(),
  lastNumberThisYear: z.number().int(),
});

/** The register as a list: each document with what the user may do with it, and whether they may issue. */
export const documentListOut = pageOf(documentOut.extend({ can: documentCanOut })).extend({ can: documentListCanOut });

/** What anyone holding a document's code may see about it (no login). */
export const verifyOut = z.object({
  kind: z.string(),
  kindLabel: z.string(),
  number: z.string(),
  issuedAt: z.string(),
  office: z.string(),
  cooperative: z.string().nullable(),
  status: z.enum(DOCUMENT_STATUSES),
  statusLabel: z.string(),
});

export type DocumentOut = z.infer<typeof documentOut>;
export type DocumentListOut = z.infer<typeof documentListOut>;
export type RegisterOut = z.infer<typeof registerOut>;
export type VerifyOut = z.infer<typeof verifyOut>;

// ── requests ──

const filters = {
  kind: z.string().max(30).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  cooperativeId: uuidParam.optional(),
  visitId: uuidParam.optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  search: z.string().max(100).optional(),
};
export const documentListQuery = z.strictObject({ ...filters, page, pageSize });
export const documentExportQuery = z.strictObject(filters);
export const issueDocumentBody = z.strictObject({
  kind: z.enum(['SPT', 'BERITA_ACARA'], { error: 'Jenis dokumen harus SPT atau BERITA_ACARA.' }),
});
export const cancelDocumentBody = z.strictObject({
  reason: z.string().trim().min(5, 'Alasan pembatalan minimal 5 karakter.').max(500),
});
export const codeParams = z.strictObject({ code: z.string().min(1).max(40) });
export const registerListOut = z.object({ items: z.array(registerOut) });
export const registerParams = z.strictObject({ kind: z.string().min(1).max(40) });
export const registerBody = z.strictObject({ name: z.string().max(120), pattern: z.string().max(200) });
export const verifyFileOut = z.object({ genuine: z.boolean() });
