import { z } from 'zod';
import { DOCUMENT_STATUSES } from '../domain/documents/codes.js';
import { documentCanOut, documentListCanOut } from './abilities.js';
import { pageOf } from './common.js';

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
