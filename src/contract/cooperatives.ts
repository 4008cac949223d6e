import { z } from 'zod';
import { AUTHORITY_LEVELS, COOP_GROUPS, COOP_STATUSES, COOP_TYPES, SCHEMES } from '../domain/codes.js';
import { COOPERATIVE_SORTS } from '../domain/cooperative.js';
import { figureOut, isoDate, page, pageSize, unitOut, uuidParam } from './common.js';

/** Requests of the cooperative registry; the responses are in ./common.ts (`cooperativeOut`, `figureOut`, `unitOut`, …). */

export const figureParams = z.strictObject({
  id: uuidParam,
  fiscalYear: z.coerce
    .number()
    .int()
    .min(1945, 'Tahun buku tidak masuk akal.')
    .max(2100, 'Tahun buku tidak masuk akal.'),
});
export const unitParams = z.strictObject({ id: uuidParam, unitId: uuidParam });

/** Filters of the cooperative list; exports take the same without paging. */
export const cooperativeListQuery = z.strictObject({
  search: z.string().max(100).optional(),
  district: z.string().max(20).optional(),
  village: z.string().max(20).optional(),
  type: z.enum(COOP_TYPES).optional(),
  group: z.enum(COOP_GROUPS).optional(),
  status: z.enum(COOP_STATUSES).optional(),
  scheme: z.enum(SCHEMES).optional(),
  /** Issue 11: the tier supervising the cooperative (the dashboard's "Kewenangan provinsi" row drills down here). */
  authority: z.enum(AUTHORITY_LEVELS).optional(),
  /** A province ('35') or regency ('35.13') the cooperative lies in. */
  region: z
    .string()
    .regex(/^\d{2}(\.\d{2})?$/, 'Kode wilayah harus kode provinsi (mis. 35) atau kabupaten/kota (mis. 35.13).')
    .optional(),
  sort: z.enum(COOPERATIVE_SORTS).optional(),
  page,
  pageSize,
});
export const cooperativeExportQuery = cooperativeListQuery.omit({ page: true, pageSize: true });

const reason = z.string().trim().min(5, 'Alasan minimal 5 karakter.').max(1000);
export const dissolveCooperativeBody = z.strictObject({ reason, date: isoDate.optional() });
export const transferCooperativeBody = z.strictObject({
  authorityLevel: z.enum(['PROVINSI', 'NASIONAL'], 'Pilih PROVINSI atau NASIONAL.'),
  reason,
});
export const pageQuery = z.strictObject({ page, pageSize });
export const figureListOut = z.object({ items: z.array(figureOut) });
export const unitListOut = z.object({ items: z.array(unitOut) });
