import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { file, MEDIA } from '../../contract/files.js';
import type { AppDeps } from '../../app/context.js';
import { type ExportFilters, type ExportList, startListExport } from '../../app/exports/list-exports.js';
import { jobFile } from '../../app/jobs/jobs.js';
import { invalid } from '../../domain/errors.js';
import { EVERYONE, requireActor } from '../access.js';
import { idParams } from '../../contract/common.js';
import { assessmentExportQuery } from '../../contract/assessments.js';
import { concernExportQuery } from '../../contract/concerns.js';
import { cooperativeExportQuery } from '../../contract/cooperatives.js';
import { exportBody } from '../../contract/exports.js';
import { followUpExportQuery } from '../../contract/follow-ups.js';
import { jobOut } from '../../contract/jobs.js';
import { auditExportQuery } from '../../contract/users.js';
import { visitExportQuery } from '../../contract/visits.js';

/** Each list's own filters without paging: an export takes exactly the filters the list takes. */
const FILTERS = {
  cooperatives: cooperativeExportQuery,
  assessments: assessmentExportQuery,
  visits: visitExportQuery,
  concerns: concernExportQuery,
  followUps: followUpExportQuery,
  audit: auditExportQuery,
} as { [L in ExportList]: z.ZodType<ExportFilters[L]> };

/** Checks the filters against the list's own query schema; query strings are strings, so values are too. */
function filtersFor<L extends ExportList>(
  list: L,
  raw: Record<string, string | number | boolean> | undefined,
): ExportFilters[L] {
  const asQuery = Object.fromEntries(
    Object.entries(raw ?? {})
      .filter(([k, v]) => k !== 'page' && k !== 'pageSize' && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );
  const parsed = FILTERS[list].safeParse(asQuery);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) fields[`filters.${k}`] = 'Filter ini tidak dikenal untuk daftar tersebut.';
      continue;
    }
    fields[['filters', ...issue.path.map(String)].join('.')] ??= issue.message;
  }
  throw invalid(fields, 'Filter ekspor belum benar. Periksa kolom yang ditandai.');
}

export const exportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/exports',
      {
        config: { access: EVERYONE },
        schema: {
          tags: ['impor'],
          summary:
            'Ekspor daftar (XLSX/CSV) dengan filternya sebagai proses latar; berkas diunduh dari /jobs/{id}/download',
          body: exportBody,
          response: { 202: jobOut },
        },
      },
      async (request, reply) => {
        const { list, format, filters } = request.body;
        const job = await startListExport(deps, requireActor(request), list, format, filtersFor(list, filters));
        return reply.status(202).send(job);
      },
    );

    app.get(
      '/api/v1/jobs/:id/download',
      {
        config: { access: EVERYONE },
        schema: {
          tags: ['impor'],
          summary: 'Unduh berkas hasil proses ekspor (pemilik proses atau admin)',
          params: idParams,
          response: { 200: file(MEDIA.xlsx, MEDIA.csv) },
        },
      },
      async (request, reply) => {
        const file = jobFile(requireActor(request), request.params.id);
        return reply
          .type(file.contentType)
          .header(
            'content-disposition',
            `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .send(file.data);
      },
    );
  };
