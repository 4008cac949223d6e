import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app/context.js';
import { exportVisitsCsv, exportVisitsXlsx } from '../../../app/visits/export-visits.js';
import { listTeamCandidates } from '../../../app/visits/team-candidates.js';
import { BIDANG } from '../../../domain/codes.js';
import { VISIT_PURPOSES, VISIT_STATUSES } from '../../../domain/visits/codes.js';
import { EVERYONE, STAFF, requireActor } from '../../access.js';
import { isoDate, uuidParam } from '../../schemas.js';
import { file, MEDIA } from '../../../contract/files.js';
import { teamCandidatesOut } from '../../../contract/visits.js';

const tags = ['kunjungan'];

/** The filters of GET /api/v1/visits without paging: an export holds every matching visit. */
const exportQuery = z.strictObject({
  cooperativeId: uuidParam.optional(),
  district: z.string().max(20).optional().describe('Kode kecamatan, mis. 35.13.07'),
  bidang: z.enum(BIDANG).optional(),
  officerId: uuidParam.optional(),
  status: z.enum(VISIT_STATUSES).optional(),
  programId: uuidParam.optional(),
  purpose: z.enum(VISIT_PURPOSES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(['date', '-date']).optional().describe('date: terlama dahulu (bawaan unduhan); -date: terbaru dahulu'),
});

/** What the planning screens need besides the visits themselves: exports and who can be on a team. */
export const visitPlanSupportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/visits/export.xlsx',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Unduh daftar kunjungan (XLSX) dengan filter yang sama',
          querystring: exportQuery,
          response: { 200: file(MEDIA.xlsx) },
        },
      },
      async (request, reply) =>
        reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="daftar-kunjungan.xlsx"')
          .send(await exportVisitsXlsx(deps, requireActor(request), request.query)),
    );

    app.get(
      '/api/v1/visits/export.csv',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Unduh daftar kunjungan (CSV, pemisah titik koma)',
          querystring: exportQuery,
          response: { 200: file(MEDIA.csv) },
        },
      },
      async (request, reply) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="daftar-kunjungan.csv"')
          .send(await exportVisitsCsv(deps, requireActor(request), request.query)),
    );

    app.get(
      '/api/v1/team-candidates',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Petugas Dinas aktif yang dapat dimasukkan ke tim kunjungan (semua bidang)',
          response: { 200: teamCandidatesOut },
        },
      },
      async (request) => listTeamCandidates(deps, requireActor(request)),
    );
  };
