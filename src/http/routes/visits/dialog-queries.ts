import { z } from 'zod';
import { FOLLOW_UP_FILTERS } from '../../../app/follow-ups/follow-ups.js';
import { BIDANG } from '../../../domain/codes.js';
import { CONCERN_KINDS, CONCERN_STATUSES, CONCERN_TOPICS, SEVERITIES } from '../../../domain/visits/codes.js';
import { isoDate, page, pageSize, uuidParam } from '../../schemas.js';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

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

/** Filters of the follow-up list; the export takes the same without paging. */
export const followUpListQuery = z.strictObject({
  status: z.enum(FOLLOW_UP_FILTERS).optional(),
  assignee: z.enum(['me']).optional(),
  cooperativeId: uuidParam.optional(),
  visitId: uuidParam.optional(),
  concernId: uuidParam.optional(),
  bidang: z.enum(BIDANG).optional().describe('Ditugaskan ke bidang ini atau ke petugas bidang ini'),
  responsibleKind: z.enum(['BIDANG', 'USER', 'COOPERATIVE']).optional().describe('Jenis penanggung jawab'),
  page,
  pageSize,
});
