import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../app/context.js';
import {
  exportConcernsCsv,
  exportConcernsXlsx,
  exportFollowUpsCsv,
  exportFollowUpsXlsx,
} from '../../../app/concerns/export-concerns.js';
import { EVERYONE, requireActor } from '../../access.js';
import { concernListQuery, followUpListQuery } from './dialog-queries.js';
import { file, MEDIA } from '../../../contract/files.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';
const concernExportQuery = concernListQuery.omit({ page: true, pageSize: true });
const followUpExportQuery = followUpListQuery.omit({ page: true, pageSize: true });

/** Spreadsheet downloads of the concern inbox and the follow-ups, with the lists' filters and visibility. */
export const dialogExportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/concerns/export.xlsx',
      {
        config: { access: EVERYONE },
        schema: {
          tags: ['dialog'],
          summary: 'Unduh daftar permasalahan/keluhan/tantangan (XLSX) dengan filter yang sama',
          querystring: concernExportQuery,
          response: { 200: file(MEDIA.xlsx) },
        },
      },
      async (request, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="aspirasi-koperasi.xlsx"')
          .send(await exportConcernsXlsx(deps, requireActor(request), request.query)),
    );
    app.get(
      '/api/v1/concerns/export.csv',
      {
        config: { access: EVERYONE },
        schema: {
          tags: ['dialog'],
          summary: 'Unduh daftar permasalahan/keluhan/tantangan (CSV, pemisah titik koma)',
          querystring: concernExportQuery,
          response: { 200: file(MEDIA.csv) },
        },
      },
      async (request, reply) =>
        reply
          .type(CSV)
          .header('content-disposition', 'attachment; filename="aspirasi-koperasi.csv"')
          .send(await exportConcernsCsv(deps, requireActor(request), request.query)),
    );
    app.get(
      '/api/v1/follow-ups/export.xlsx',
      {
        config: { access: EVERYONE },
        schema: {
          tags: ['tindak lanjut'],
          summary: 'Unduh daftar tindak lanjut (XLSX) dengan filter yang sama',
          querystring: followUpExportQuery,
          response: { 200: file(MEDIA.xlsx) },
        },
      },
      async (request, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="tindak-lanjut.xlsx"')
          .send(await exportFollowUpsXlsx(deps, requireActor(request), request.query)),
    );
    app.get(
      '/api/v1/follow-ups/export.csv',
      {
        config: { access: EVERYONE },
        schema: {
          tags: ['tindak lanjut'],
          summary: 'Unduh daftar tindak lanjut (CSV, pemisah titik koma)',
          querystring: followUpExportQuery,
          response: { 200: file(MEDIA.csv) },
        },
      },
      async (request, reply) =>
        reply
          .type(CSV)
          .header('content-disposition', 'attachment; filename="tindak-lanjut.csv"')
          .send(await exportFollowUpsCsv(deps, requireActor(request), request.query)),
    );
  };
