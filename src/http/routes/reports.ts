import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.js';
import { regionQuery } from './dashboard.js';
import { odsRecap, odsRecapPdf, odsRecapXlsx, recapTotals } from '../../app/reports/ods-recap.js';
import { requireActor, STAFF } from '../access.js';
import { page } from '../schemas.js';
import { file, MEDIA } from '../../contract/files.js';

const year = z.coerce
  .number()
  .int()
  .min(1945, 'Tahun buku tidak masuk akal.')
  .max(2100, 'Tahun buku tidak masuk akal.');
const level = z.enum(['cooperative', 'district'], { error: 'Tingkat rekap harus cooperative atau district.' });
const district = z
  .string()
  .regex(/^\d{2}\.\d{2}\.\d{2}$/, 'Kode kecamatan berformat 35.13.07.')
  .optional()
  .describe('Hanya satu kecamatan, mis. 35.13.07');

const sums = {
  cooperatives: z.number(),
  membersMale: z.number(),
  membersFemale: z.number(),
  assets: z.number(),
  ownCapital: z.number(),
  externalCapital: z.number(),
  businessVolume: z.number(),
  shu: z.number(),
  ratHeld: z.number(),
  active: z.number(),
};
const money = z.number().nullable();

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
          querystring: z.strictObject({
            year,
            level: level.default('district'),
            district,
            region: regionQuery,
            page,
            pageSize: z.coerce
              .number()
              .int()
              .min(1, 'Ukuran halaman minimal 1.')
              .max(200, 'Ukuran halaman maksimal 200.')
              .default(50),
          }),
          response: {
            200: z.object({
              year: z.number(),
              asOf: z.string(),
              districts: z.array(z.object({ code: z.string(), name: z.string(), ...sums })),
              totals: z.object(sums),
              cooperatives: z
                .object({
                  items: z.array(
                    z.object({
                      name: z.string(),
                      nik: z.string().nullable(),
                      type: z.string(),
                      district: z.string(),
                      village: z.string(),
                      membersMale: z.number(),
                      membersFemale: z.number(),
                      assets: money,
                      ownCapital: money,
                      externalCapital: money,
                      businessVolume: money,
                      shu: money,
                      ratHeld: z.boolean(),
                      ratHeldOn: z.string().nullable(),
                      active: z.boolean(),
                    }),
                  ),
                  total: z.number(),
                  page: z.number(),
                  pageSize: z.number(),
                })
                .optional()
                .describe('Hanya bila level=cooperative'),
            }),
          },
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
          querystring: z.strictObject({ year, level: level.default('cooperative'), district, region: regionQuery }),
          response: { 200: file(MEDIA.xlsx) },
        },
      },
      async (request, reply) => {
        const { year: y, level: lvl, district: d, region } = request.query;
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
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
          querystring: z.strictObject({ year, level: level.default('district'), district, region: regionQuery }),
          response: { 200: file(MEDIA.pdf) },
        },
      },
      async (request, reply) => {
        const { year: y, level: lvl, district: d, region } = request.query;
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${fileName(y, lvl, d, 'pdf')}"`)
          .send(await odsRecapPdf(deps, requireActor(request), y, lvl, d, region));
      },
    );
  };
