import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app/context.js';
import {
  getConcern,
  listConcerns,
  markConcernSeen,
  raiseConcern,
  updateConcern,
} from '../../../app/visits/concerns.js';
import {
  changeFollowUpStatus,
  createFollowUp,
  getFollowUp,
  listFollowUps,
  updateFollowUp,
  withFollowUpAbilities,
} from '../../../app/visits/follow-ups.js';
import { concernAbilities } from '../../../app/policy/index.js';
import { concernCanOut, followUpCanOut } from '../../../contract/abilities.js';
import { ASPECTS, CONCERN_KINDS, CONCERN_STATUSES, CONCERN_TOPICS, SEVERITIES } from '../../../domain/visits/codes.js';
import { COOPERATIVE_WRITERS, EVERYONE, requireActor, STAFF, WRITERS } from '../../access.js';
import { idParams, isoDate, pageOf, uuidParam } from '../../schemas.js';
import { dialogExportRoutes } from './dialog-exports.js';
import { concernListQuery, followUpListQuery } from './dialog-queries.js';
import { clientId, concernOut, followUpOut, nullableText, responsibleBody, text, version } from './schemas.js';

const concernTags = ['dialog'];
const followUpTags = ['tindak lanjut'];
const RAISERS = COOPERATIVE_WRITERS;

const description = text(5, 4000, 'Uraian minimal 5 karakter.');
const recommendation = text(5, 2000, 'Rekomendasi minimal 5 karakter.');

/** Every concern the API answers with carries its `can` (the web app keeps the answers in its cache). */
const concernWithCan = concernOut.extend({ can: concernCanOut });

export const dialogRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(dialogExportRoutes(deps));

    app.get(
      '/api/v1/concerns',
      {
        config: { access: EVERYONE },
        schema: {
          tags: concernTags,
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
          tags: concernTags,
          summary: 'Catat permasalahan, keluhan atau tantangan (dalam kunjungan, atau dari portal koperasi)',
          body: z.strictObject({
            id: clientId,
            cooperativeId: uuidParam,
            visitId: z.union([uuidParam, z.null()]).optional(),
            kind: z.enum(CONCERN_KINDS),
            topic: z.enum(CONCERN_TOPICS),
            description,
            raisedBy: nullableText(200).describe(
              'Nama dan jabatan yang menyampaikan; bawaan untuk akun koperasi: nama akunnya',
            ),
            severity: z.enum(SEVERITIES).default('sedang'),
          }),
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
          tags: concernTags,
          summary: 'Rincian catatan permasalahan',
          params: idParams,
          response: { 200: concernWithCan }, // policy: `can` (additive)
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
          tags: concernTags,
          summary: 'Tanggapi atau ubah catatan permasalahan (status terbuka/ditanggapi/selesai)',
          params: idParams,
          body: z
            .strictObject({
              kind: z.enum(CONCERN_KINDS).optional(),
              topic: z.enum(CONCERN_TOPICS).optional(),
              description: description.optional(),
              raisedBy: text(2, 200, 'Minimal 2 karakter.').optional(),
              severity: z.enum(SEVERITIES).optional(),
              status: z.enum(CONCERN_STATUSES).optional(),
              response: nullableText(4000),
              version,
            })
            .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'Tidak ada kolom yang diubah.'),
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
          tags: concernTags,
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

    app.get(
      '/api/v1/follow-ups',
      {
        config: { access: EVERYONE },
        schema: {
          tags: followUpTags,
          summary:
            'Tindak lanjut (rekomendasi); assignee=me untuk "tindak lanjut saya", status=overdue untuk yang lewat tenggat',
          querystring: followUpListQuery,
          response: { 200: pageOf(followUpOut.extend({ can: followUpCanOut })) }, // policy: `can` (additive)
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
          body: z.strictObject({
            id: clientId,
            cooperativeId: uuidParam.optional(),
            visitId: z.union([uuidParam, z.null()]).optional(),
            concernId: z.union([uuidParam, z.null()]).optional(),
            aspect: z.union([z.enum(ASPECTS), z.null()]).optional(),
            recommendation,
            responsible: responsibleBody,
            deadline: isoDate,
            monitoringPlan: nullableText(2000),
          }),
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
          response: { 200: followUpOut.extend({ can: followUpCanOut }) },
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
          body: z
            .strictObject({
              recommendation: recommendation.optional(),
              aspect: z.union([z.enum(ASPECTS), z.null()]).optional(),
              responsible: responsibleBody.optional(),
              deadline: isoDate.optional(),
              monitoringPlan: nullableText(2000),
              version,
            })
            .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'Tidak ada kolom yang diubah.'),
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
          body: z.strictObject({
            status: z.enum(['in_progress', 'done', 'cancelled']),
            note: nullableText(2000),
            evidence: z
              .strictObject({
                note: nullableText(4000),
                photoId: z.union([uuidParam, z.null()]).optional(),
                documentRef: nullableText(500),
              })
              .optional()
              .describe(
                'Untuk done: catatan apa yang sudah dilakukan (wajib), foto bukti dan/atau rujukan dokumen (opsional)',
              ),
            reason: nullableText(2000),
            version,
          }),
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
