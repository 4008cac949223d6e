import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.js';
import { exportFollowUpsCsv, exportFollowUpsXlsx } from '../../app/follow-ups/export-follow-ups.js';
import {
  changeFollowUpStatus,
  createFollowUp,
  getFollowUp,
  listFollowUps,
  updateFollowUp,
  withFollowUpAbilities,
} from '../../app/follow-ups/follow-ups.js';
import {
  createFollowUpBody,
  followUpExportQuery,
  followUpListQuery,
  followUpStatusBody,
  followUpWithCanOut,
  updateFollowUpBody,
} from '../../contract/follow-ups.js';
import { followUpOut } from '../../contract/visits.js';
import { COOPERATIVE_WRITERS, EVERYONE, requireActor, WRITERS } from '../access.js';
import { idParams, pageOf } from '../../contract/common.js';
import { listDownloads } from '../list-downloads.js';

const tags = ['tindak lanjut'];
const followUpTags = tags;
const RAISERS = COOPERATIVE_WRITERS;

/** Follow-ups of recommendations: list (with the reader's abilities), record, change, move through their states, and download. */
export const followUpRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    listDownloads(app, {
      path: '/api/v1/follow-ups/export',
      tags,
      what: 'tindak lanjut',
      query: followUpExportQuery,
      filename: 'tindak-lanjut',
      xlsx: (actor, q) => exportFollowUpsXlsx(deps, actor, q),
      csv: (actor, q) => exportFollowUpsCsv(deps, actor, q),
    });

    app.get(
      '/api/v1/follow-ups',
      {
        config: { access: EVERYONE },
        schema: {
          tags: followUpTags,
          summary:
            'Tindak lanjut (rekomendasi); assignee=me untuk "tindak lanjut saya", status=overdue untuk yang lewat tenggat',
          querystring: followUpListQuery,
          response: { 200: pageOf(followUpWithCanOut) }, // policy: `can` (additive)
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const page = await listFollowUps(deps, actor, request.query);
        return { ...page, items: await withFollowUpAbilities(deps, actor, page.items) };
      },
    );

    app.post(
      '/api/v1/follow-ups',
      {
        config: { access: WRITERS },
        schema: {
          tags: followUpTags,
          summary: 'Catat rekomendasi dari temuan kunjungan atau catatan permasalahan',
          body: createFollowUpBody,
          response: { 200: followUpOut, 201: followUpOut },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const { followUp, created } = await createFollowUp(deps, requireActor(request), {
          ...b,
          visitId: b.visitId ?? null,
          concernId: b.concernId ?? null,
          aspect: b.aspect ?? null,
          monitoringPlan: b.monitoringPlan ?? null,
          responsible: {
            kind: b.responsible.kind,
            bidang: b.responsible.bidang ?? null,
            userId: b.responsible.userId ?? null,
          },
        });
        return reply.status(created ? 201 : 200).send(followUp);
      },
    );

    app.get(
      '/api/v1/follow-ups/:id',
      // policy: `can` (additive)
      {
        config: { access: EVERYONE },
        schema: {
          tags: followUpTags,
          summary: 'Rincian tindak lanjut',
          params: idParams,
          response: { 200: followUpWithCanOut },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const [item] = await withFollowUpAbilities(deps, actor, [await getFollowUp(deps, actor, request.params.id)]);
        return item!;
      },
    );

    app.patch(
      '/api/v1/follow-ups/:id',
      {
        config: { access: WRITERS },
        schema: {
          tags: followUpTags,
          summary: 'Ubah rekomendasi, penanggung jawab, tenggat atau rencana pemantauan',
          params: idParams,
          body: updateFollowUpBody,
          response: { 200: followUpOut },
        },
      },
      async (request) => {
        const { responsible, ...rest } = request.body;
        return updateFollowUp(deps, requireActor(request), request.params.id, {
          ...rest,
          ...(responsible
            ? {
                responsible: {
                  kind: responsible.kind,
                  bidang: responsible.bidang ?? null,
                  userId: responsible.userId ?? null,
                },
              }
            : {}),
        });
      },
    );

    app.post(
      '/api/v1/follow-ups/:id/status',
      {
        config: { access: RAISERS },
        schema: {
          tags: followUpTags,
          summary: 'Ubah status: in_progress, done (bukti wajib) atau cancelled (alasan wajib)',
          params: idParams,
          body: followUpStatusBody,
          response: { 200: followUpOut },
        },
      },
      async (request) => {
        const b = request.body;
        return changeFollowUpStatus(deps, requireActor(request), request.params.id, {
          to: b.status,
          note: b.note ?? null,
          reason: b.reason ?? null,
          evidence: b.evidence
            ? {
                note: b.evidence.note ?? null,
                photoId: b.evidence.photoId ?? null,
                documentRef: b.evidence.documentRef ?? null,
              }
            : null,
          ...(b.version !== undefined ? { version: b.version } : {}),
        });
      },
    );
  };
