import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.js';
import { odsRecap, odsRecapPdf, odsRecapXlsx } from '../../app/reports/ods-recap.js';
import { requireActor, STAFF } from '../access.js';

const year = z.coerce.number().int().min(1945, 'Tahun buku tidak masuk akal.').max(2100, 'Tahun buku tidak masuk akal.');

export const reportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reports/recap',
      {
        config: { access: STAFF },
        schema: {
          tags: ['laporan'],
          summary: 'Rekap tahunan ala ODS per kecamatan (JSON)',
          querystring: z.strictObject({ year }),
          response: {
            200: z.object({
              year: z.number(),
              asOf: z.string(),
              districts: z.array(z.object({
                code: z.string(), name: z.string(), cooperatives: z.number(), membersMale: z.number(), membersFemale: z.number(), assets: z.number(),
                ownCapital: z.number(), externalCapital: z.number(), businessVolume: z.number(), shu: z.number(), ratHeld: z.number(), active: z.number(),
              })),
            }),
          },
        },
      },
      async (request) => {
        const r = await odsRecap(deps, requireActor(request), request.query.year);
        return { year: r.year, asOf: r.asOf, districts: r.districts };
      },
    );

    app.get(
      '/api/v1/reports/recap.xlsx',
      {
        config: { access: STAFF },
        schema: { tags: ['laporan'], summary: 'Rekap tahunan ala ODS (XLSX) per koperasi atau per kecamatan', querystring: z.strictObject({ year, level: z.enum(['cooperative', 'district']).default('cooperative') }) },
      },
      async (request, reply) =>
        reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="rekap-koperasi-${request.query.level === 'district' ? 'kecamatan-' : ''}${request.query.year}.xlsx"`)
          .send(await odsRecapXlsx(deps, requireActor(request), request.query.year, request.query.level)),
    );

    app.get(
      '/api/v1/reports/recap.pdf',
      { config: { access: STAFF }, schema: { tags: ['laporan'], summary: 'Rekap tahunan per kecamatan (PDF)', querystring: z.strictObject({ year }) } },
      async (request, reply) =>
        reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="rekap-koperasi-kecamatan-${request.query.year}.pdf"`)
          .send(await odsRecapPdf(deps, requireActor(request), request.query.year)),
    );
  };
