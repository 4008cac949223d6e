import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.js';
import { odsRecap, odsRecapPdf, odsRecapXlsx, recapTotals } from '../../app/reports/ods-recap.js';
import { requireActor, STAFF } from '../access.js';
import { recapFileQuery, recapOut, recapQuery } from '../../contract/reports.js';
import { file, MEDIA } from '../../contract/files.js';

/** "rekap-koperasi[-kecamatan]-2024[-35.13.07].ext" */
const fileName = (y: number, lvl: 'cooperative' | 'district', d: string | undefined, ext: string) =>
  `rekap-koperasi-${lvl === 'district' ? 'kecamatan-' : ''}${y}${d ? `-${d}` : ''}.${ext}`;

export const reportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reports/recap',
      {
        config: { access: STAFF },
        schema: {
          tags: ['laporan'],
          summary: 'Rekap tahunan ala ODS (JSON): per kecamatan, dan per koperasi berhalaman bila level=cooperative',
          querystring: recapQuery,
          response: { 200: recapOut },
        },
      },
      async (request) => {
        const q = request.query;
        const r = await odsRecap(deps, requireActor(request), q.year, q.district, q.region);
        return {
          year: r.year,
          asOf: r.asOf,
          districts: r.districts,
          totals: recapTotals(r.districts),
          ...(q.level === 'cooperative'
            ? {
                cooperatives: {
                  items: r.rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
                  total: r.rows.length,
                  page: q.page,
                  pageSize: q.pageSize,
                },
              }
            : {}),
        };
      },
    );

    app.get(
      '/api/v1/reports/recap.xlsx',
      {
        config: { access: STAFF },
        schema: {
          tags: ['laporan'],
          summary: 'Rekap tahunan ala ODS (XLSX) per koperasi atau per kecamatan',
          querystring: recapFileQuery('cooperative'),
          response: { 200: file(MEDIA.xlsx) },
        },
      },
      async (request, reply) => {
        const { year: y, level: lvl, district: d, region } = request.query;
        return reply
          .type(MEDIA.xlsx)
          .header('content-disposition', `attachment; filename="${fileName(y, lvl, d, 'xlsx')}"`)
          .send(await odsRecapXlsx(deps, requireActor(request), y, lvl, d, region));
      },
    );

    app.get(
      '/api/v1/reports/recap.pdf',
      {
        config: { access: STAFF },
        schema: {
          tags: ['laporan'],
          summary: 'Rekap tahunan (PDF) per kecamatan (bawaan) atau per koperasi',
          querystring: recapFileQuery('district'),
          response: { 200: file(MEDIA.pdf) },
        },
      },
      async (request, reply) => {
        const { year: y, level: lvl, district: d, region } = request.query;
        return reply
          .type(MEDIA.pdf)
          .header('content-disposition', `attachment; filename="${fileName(y, lvl, d, 'pdf')}"`)
          .send(await odsRecapPdf(deps, requireActor(request), y, lvl, d, region));
      },
    );
  };
