import { z } from 'zod';
import { CONCERN_KINDS, CONCERN_STATUSES, CONCERN_TOPICS, SEVERITIES } from '../domain/visits/codes.js';
import { isoDate, page, pageSize, uuidParam } from './common.js';
import { clientId, nullableText, text, version } from './visits.js';

/** Requests of the concerns (permasalahan, keluhan, tantangan); the response is `concernOut` in ./visits.ts. */

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const description = text(5, 4000, 'Uraian minimal 5 karakter.');

/** Filters of the concern list; the export takes the same without paging. */
export const concernListQuery = z.strictObject({
  cooperativeId: uuidParam.optional(),
  visitId: uuidParam.optional(),
  status: z.enum(CONCERN_STATUSES).optional(),
  kind: z.enum(CONCERN_KINDS).optional(),
  topic: z.enum(CONCERN_TOPICS).optional(),
  severity: z.enum(SEVERITIES).optional(),
  unseen: flag.optional().describe('true: yang belum dibuka Dinas'),
  district: z.string().max(20).optional().describe('Kode kecamatan koperasi, mis. 35.13.07'),
  raisedVia: z
    .enum(['VISIT', 'PORTAL', 'DINAS'])
    .optional()
    .describe('VISIT: dalam kunjungan; PORTAL: dari akun koperasi; DINAS: dicatat petugas di luar kunjungan'),
  from: isoDate.optional().describe('Dicatat sejak tanggal ini (WIB)'),
  to: isoDate.optional().describe('Dicatat sampai tanggal ini (WIB)'),
  page,
  pageSize,
});
export const concernExportQuery = concernListQuery.omit({ page: true, pageSize: true });

export const raiseConcernBody = z.strictObject({
  id: clientId,
  cooperativeId: uuidParam,
  visitId: z.union([uuidParam, z.null()]).optional(),
  kind: z.enum(CONCERN_KINDS),
  topic: z.enum(CONCERN_TOPICS),
  description,
  raisedBy: nullableText(200).describe('Nama dan jabatan yang menyampaikan; bawaan untuk akun koperasi: nama akunnya'),
  severity: z.enum(SEVERITIES).default('sedang'),
});

export const updateConcernBody = z
  .strictObject({
    kind: z.enum(CONCERN_KINDS).optional(),
    topic: z.enum(CONCERN_TOPICS).optional(),
    description: description.optional(),
    raisedBy: text(2, 200, 'Minimal 2 karakter.').optional(),
    severity: z.enum(SEVERITIES).optional(),
    status: z.enum(CONCERN_STATUSES).optional(),
    response: nullableText(4000),
    version,
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'Tidak ada kolom yang diubah.');
