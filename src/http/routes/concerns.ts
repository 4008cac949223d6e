import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.js';
import { getConcern, listConcerns, markConcernSeen, raiseConcern, updateConcern } from '../../app/concerns/concerns.js';
import { exportConcernsCsv, exportConcernsXlsx } from '../../app/concerns/export-concerns.js';
import { concernExportQuery, concernListQuery, raiseConcernBody, updateConcernBody } from '../../contract/concerns.js';
import { concernOut } from '../../contract/visits.js';
import { concernAbilities } from '../../app/policy/index.js';
import { concernCanOut } from '../../contract/abilities.js';
import { COOPERATIVE_WRITERS, EVERYONE, requireActor, STAFF, WRITERS } from '../access.js';
import { idParams, pageOf } from '../../contract/common.js';
import { listDownloads } from '../list-downloads.js';

const tags = ['dialog'];
const RAISERS = COOPERATIVE_WRITERS;

/** Every concern the API answers with carries its `can` (the web app keeps the answers in its cache). */
const concernWithCan = concernOut.extend({ can: concernCanOut });

/** The concern inbox (permasalahan, keluhan, tantangan): list, record, answer, mark seen, and its spreadsheet downloads. */
export const concernRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    listDownloads(app, {
      path: '/api/v1/concerns/export',
      tags,
      what: 'permasalahan/keluhan/tantangan',
      query: concernExportQuery,
      filename: 'aspirasi-koperasi',
      xlsx: (actor, q) => exportConcernsXlsx(deps, actor, q),
      csv: (actor, q) => exportConcernsCsv(deps, actor, q),
    });

    app.get(
      '/api/v1/concerns',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Permasalahan, keluhan dan tantangan (kotak masuk Dinas; koperasi melihat miliknya)',
          querystring: concernListQuery,
          response: { 200: pageOf(concernWithCan) }, // policy: `can` (additive)
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const page = await listConcerns(deps, actor, request.query);
        return { ...page, items: page.items.map((c) => ({ ...c, can: concernAbilities(actor) })) };
      },
    );

    app.post(
      '/api/v1/concerns',
      {
        config: { access: RAISERS },
        schema: {
          tags,
          summary: 'Catat permasalahan, keluhan atau tantangan (dalam kunjungan, atau dari portal koperasi)',
          body: raiseConcernBody,
          response: { 200: concernWithCan, 201: concernWithCan }, // policy: `can` (additive)
        },
      },
      async (request, reply) => {
        const b = request.body;
        const actor = requireActor(request);
        const { concern, created } = await raiseConcern(deps, actor, {
          ...b,
          visitId: b.visitId ?? null,
          raisedBy: b.raisedBy ?? null,
        });
        return reply.status(created ? 201 : 200).send({ ...concern, can: concernAbilities(actor) });
      },
    );

    app.get(
      '/api/v1/concerns/:id',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Rincian catatan permasalahan',
          params: idParams,
          response: { 200: concernWithCan },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return { ...(await getConcern(deps, actor, request.params.id)), can: concernAbilities(actor) };
      },
    );

    app.patch(
      '/api/v1/concerns/:id',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: 'Tanggapi atau ubah catatan permasalahan (status terbuka/ditanggapi/selesai)',
          params: idParams,
          body: updateConcernBody,
          response: { 200: concernWithCan },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return { ...(await updateConcern(deps, actor, request.params.id, request.body)), can: concernAbilities(actor) };
      },
    );

    app.post(
      '/api/v1/concerns/:id/seen',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Tandai sudah dibaca Dinas',
          params: idParams,
          response: { 200: concernWithCan },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return { ...(await markConcernSeen(deps, actor, request.params.id)), can: concernAbilities(actor) };
      },
    );
  };
