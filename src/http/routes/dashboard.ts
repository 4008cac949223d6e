import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.js';
import { getDashboard } from '../../app/dashboard/dashboard.js';
import { priorities, priorityWeights, setPriorityWeights } from '../../app/dashboard/priorities.js';
import { DEFAULT_PRIORITY_WEIGHTS } from '../../domain/priority/priority.js';
import { ADMIN, LEADERS, requireActor, STAFF } from '../access.js';
import { dashboardOut, prioritiesOut } from '../../contract/dashboard.js';

const weight = z.number().int().min(0).max(1000);
const weightsBody = z.strictObject(
  Object.fromEntries(Object.keys(DEFAULT_PRIORITY_WEIGHTS).map((k) => [k, weight])) as Record<
    keyof typeof DEFAULT_PRIORITY_WEIGHTS,
    typeof weight
  >,
);

/** A region code: '' the nation, '35' a province, '35.13' a regency, '35.13.07' a kecamatan; default the office area. */
export const regionQuery = z
  .string()
  .regex(/^(\d{2}(\.\d{2}){0,2})?$/, 'Kode wilayah tidak dikenal.')
  .optional()
  .describe(
    'Wilayah: kosong = nasional, 35 = provinsi, 35.13 = kabupaten, 35.13.07 = kecamatan; bawaan: wilayah kantor',
  );

export const dashboardRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/dashboard',
      {
        config: { access: LEADERS },
        schema: {
          tags: ['dasbor'],
          summary: 'Dasbor pimpinan per tahun: cakupan program, kesehatan, RAT, tindak lanjut, topik masalah, tren',
          querystring: z.strictObject({
            year: z.coerce
              .number()
              .int()
              .min(2000, 'Tahun tidak masuk akal.')
              .max(2100, 'Tahun tidak masuk akal.')
              .optional(),
            region: regionQuery,
          }),
          response: { 200: dashboardOut },
        },
      },
      async (request) => {
        const year = request.query.year ?? Number(deps.now().toISOString().slice(0, 4));
        return getDashboard(deps, requireActor(request), year, request.query.region);
      },
    );

    app.get(
      '/api/v1/priorities',
      {
        config: { access: STAFF },
        schema: {
          tags: ['dasbor'],
          summary: 'Peringatan dini: koperasi yang perlu dikunjungi berikutnya, dengan alasannya',
          querystring: z.strictObject({
            district: z.string().max(20).optional(),
            region: regionQuery,
            limit: z.coerce.number().int().min(1).max(500).default(50),
          }),
          response: {
            200: prioritiesOut,
          },
        },
      },
      async (request) => {
        const r = await priorities(deps, requireActor(request), request.query);
        return { ...r, weights: { ...r.weights } };
      },
    );

    app.get(
      '/api/v1/settings/priority-weights',
      {
        config: { access: STAFF },
        schema: { tags: ['dasbor'], summary: 'Bobot skor prioritas', response: { 200: weightsBody } },
      },
      async () => priorityWeights(deps),
    );

    app.put(
      '/api/v1/settings/priority-weights',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['dasbor'],
          summary: 'Ubah bobot skor prioritas',
          body: weightsBody,
          response: { 200: weightsBody },
        },
      },
      async (request) => setPriorityWeights(deps, requireActor(request), request.body),
    );
  };
