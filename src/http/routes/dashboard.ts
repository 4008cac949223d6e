import { jakartaYear } from '../../domain/dates.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.js';
import { getDashboard } from '../../app/dashboard/dashboard.js';
import { priorities, priorityWeights, setPriorityWeights } from '../../app/dashboard/priorities.js';
import { ADMIN, LEADERS, requireActor, STAFF } from '../access.js';
import {
  dashboardOut,
  dashboardQuery,
  prioritiesOut,
  prioritiesQuery,
  priorityWeightsBody,
} from '../../contract/dashboard.js';

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
          querystring: dashboardQuery,
          response: { 200: dashboardOut },
        },
      },
      async (request) => {
        const year = request.query.year ?? jakartaYear(deps.now());
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
          querystring: prioritiesQuery,
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
        schema: { tags: ['dasbor'], summary: 'Bobot skor prioritas', response: { 200: priorityWeightsBody } },
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
          body: priorityWeightsBody,
          response: { 200: priorityWeightsBody },
        },
      },
      async (request) => setPriorityWeights(deps, requireActor(request), request.body),
    );
  };
