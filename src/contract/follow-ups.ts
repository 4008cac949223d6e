import { z } from 'zod';
import { BIDANG } from '../domain/codes.js';
import { ASPECTS, FOLLOW_UP_FILTERS, RESPONSIBLE_KINDS } from '../domain/visits/codes.js';
import { followUpCanOut } from './abilities.js';
import { isoDate, page, pageSize, uuidParam } from './common.js';
import { clientId, followUpOut, nullableText, responsibleBody, text, version } from './visits.js';

/** Requests of the follow-ups (tindak lanjut of a recommendation); the response is `followUpOut` in ./visits.ts. */

const recommendation = text(5, 2000, 'Rekomendasi minimal 5 karakter.');

/** Filters of the follow-up list; the export takes the same without paging. */
export const followUpListQuery = z.strictObject({
  status: z.enum(FOLLOW_UP_FILTERS).optional(),
  assignee: z.enum(['me']).optional(),
  cooperativeId: uuidParam.optional(),
  visitId: uuidParam.optional(),
  concernId: uuidParam.optional(),
  bidang: z.enum(BIDANG).optional().describe('Ditugaskan ke bidang ini atau ke petugas bidang ini'),
  responsibleKind: z.enum(RESPONSIBLE_KINDS).optional().describe('Jenis penanggung jawab'),
  page,
  pageSize,
});
export const followUpExportQuery = followUpListQuery.omit({ page: true, pageSize: true });

/** A follow-up as its reader sees it: the record and what the reader may do to it (the policy's abilities). */
export const followUpWithCanOut = followUpOut.extend({ can: followUpCanOut });

export const createFollowUpBody = z.strictObject({
  id: clientId,
  cooperativeId: uuidParam.optional(),
  visitId: z.union([uuidParam, z.null()]).optional(),
  concernId: z.union([uuidParam, z.null()]).optional(),
  aspect: z.union([z.enum(ASPECTS), z.null()]).optional(),
  recommendation,
  responsible: responsibleBody,
  deadline: isoDate,
  monitoringPlan: nullableText(2000),
});

export const updateFollowUpBody = z
  .strictObject({
    recommendation: recommendation.optional(),
    aspect: z.union([z.enum(ASPECTS), z.null()]).optional(),
    responsible: responsibleBody.optional(),
    deadline: isoDate.optional(),
    monitoringPlan: nullableText(2000),
    version,
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'Tidak ada kolom yang diubah.');

export const followUpStatusBody = z.strictObject({
  status: z.enum(['in_progress', 'done', 'cancelled']),
  note: nullableText(2000),
  evidence: z
    .strictObject({
      note: nullableText(4000),
      photoId: z.union([uuidParam, z.null()]).optional(),
      documentRef: nullableText(500),
    })
    .optional()
    .describe('Untuk done: catatan apa yang sudah dilakukan (wajib), foto bukti dan/atau rujukan dokumen (opsional)'),
  reason: nullableText(2000),
  version,
});

export type FollowUpWithCanOut = z.infer<typeof followUpWithCanOut>;
