import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../app/context.js';
import { exportVisitsCsv, exportVisitsXlsx } from '../../../app/visits/export-visits.js';
import { listTeamCandidates } from '../../../app/visits/team-candidates.js';
import { STAFF, requireActor } from '../../access.js';
import { teamCandidatesOut, visitExportQuery } from '../../../contract/visits.js';
import { listDownloads } from '../../list-downloads.js';

const tags = ['kunjungan'];

/** What the planning screens need besides the visits themselves: exports and who can be on a team. */
export const visitPlanSupportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    listDownloads(app, {
      path: '/api/v1/visits/export',
      tags,
      what: 'kunjungan',
      query: visitExportQuery,
      filename: 'daftar-kunjungan',
      xlsx: (actor, q) => exportVisitsXlsx(deps, actor, q),
      csv: (actor, q) => exportVisitsCsv(deps, actor, q),
    });

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
