import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.js';
import { announceRat, linkRatVisit, listRatAnnouncements } from '../../app/desk/rat-announcements.js';
import { closeRequest, createRequest, listRequests, planVisitFromRequest } from '../../app/desk/requests.js';
import { listVerifications, returnFiling, verifyFiling } from '../../app/desk/verifications.js';
import { BIDANG } from '../../domain/codes.js';
import { REQUEST_KINDS, REQUEST_OUTCOMES, REQUEST_STATUSES } from '../../domain/desk/requests.js';
import { DISTRICT_CODE_PATTERN } from '../../domain/cooperative.js';
import { VERIFICATION_KINDS, VERIFICATION_STATUSES } from '../../domain/desk/verification.js';
import { deskAbilities } from '../../app/policy/index.js';
import { verificationQueueCanOut } from '../../contract/abilities.js';
import { COOPERATIVE_WRITERS, EVERYONE, requireActor, WRITERS } from '../access.js';
import { idParams, isoDate, okOut, page, pageOf, pageSize, uuidParam } from '../schemas.js';

const tags = ['verifikasi'];

const verificationItemOut = z.object({
  id: z.string(),
  kind: z.enum(VERIFICATION_KINDS),
  kindLabel: z.string(),
  entityId: z.string(),
  fiscalYear: z.number().nullable(),
  summary: z.string(),
  status: z.enum(VERIFICATION_STATUSES),
  reason: z.string().nullable(),
  cooperative: z.object({
    id: z.string(),
    name: z.string(),
    district: z.object({ code: z.string(), name: z.string() }),
  }),
  submittedBy: z.string(),
  submittedAt: z.string(),
  ageDays: z.number(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  missingDocuments: z.array(z.string()),
});

const coopRef = z.object({
  id: z.string(),
  name: z.string(),
  district: z.object({ code: z.string(), name: z.string() }),
});
const requestOut = z.object({
  id: z.string(),
  cooperative: coopRef,
  kind: z.enum(REQUEST_KINDS),
  kindLabel: z.string(),
  bidang: z.enum(BIDANG),
  bidangLabel: z.string(),
  message: z.string(),
  status: z.enum(REQUEST_STATUSES),
  visitId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  closure: z
    .object({
      outcome: z.enum(REQUEST_OUTCOMES),
      outcomeLabel: z.string(),
      note: z.string(),
      by: z.string(),
      at: z.string(),
    })
    .nullable()
    .describe(
      'Set once an officer closed the request: DONE (Selesai) or DECLINED (Ditolak), with the note the cooperative reads.',
    ),
});
const announcementOut = z.object({
  id: z.string(),
  cooperative: coopRef,
  fiscalYear: z.number(),
  plannedOn: z.string(),
  place: z.string(),
  agenda: z.string(),
  visitId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});

/** The Dinas' verification of what cooperatives file: the queue, verify, return with a reason. */
export const deskRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/verifications',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Antrean verifikasi laporan koperasi (staf: semua; koperasi: miliknya sendiri)',
          querystring: z.strictObject({
            status: z.enum(VERIFICATION_STATUSES).optional(),
            kind: z.enum(VERIFICATION_KINDS).optional(),
            district: z.string().regex(DISTRICT_CODE_PATTERN, 'Kode kecamatan berformat 35.13.07.').optional(),
            cooperativeId: uuidParam.optional(),
            minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
            page,
            pageSize,
          }),
          response: { 200: pageOf(verificationItemOut).extend({ can: verificationQueueCanOut }) },
        },
      },
      async (request) => {
        const { status, kind, district, cooperativeId, minAgeDays, ...rest } = request.query;
        const actor = requireActor(request);
        const found = await listVerifications(deps, actor, {
          ...rest,
          ...(status ? { status } : {}),
          ...(kind ? { kind } : {}),
          ...(district ? { district } : {}),
          ...(cooperativeId ? { cooperativeId } : {}),
          ...(minAgeDays ? { minAgeDays } : {}),
        });
        return { ...found, can: deskAbilities(actor) };
      },
    );

    app.post(
      '/api/v1/verifications/:id/verify',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: 'Verifikasi laporan koperasi: sejak itu ikut dihitung',
          params: idParams,
          response: { 200: okOut },
        },
      },
      async (request) => verifyFiling(deps, requireActor(request), request.params.id),
    );

    app.post(
      '/api/v1/verifications/:id/return',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: 'Kembalikan laporan ke koperasi dengan alasan',
          params: idParams,
          body: z.strictObject({ reason: z.string().trim().max(1000) }),
          response: { 200: okOut },
        },
      },
      async (request) => returnFiling(deps, requireActor(request), request.params.id, request.body.reason),
    );

    app.post(
      '/api/v1/cooperatives/:id/requests',
      {
        config: { access: COOPERATIVE_WRITERS },
        schema: {
          tags: ['permintaan'],
          summary: 'Minta kunjungan, konsultasi atau bantuan unit usaha dari Dinas (masuk antrean bidang yang tepat)',
          params: idParams,
          body: z.strictObject({ kind: z.enum(REQUEST_KINDS), message: z.string().trim().max(2000) }),
          response: { 201: requestOut },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createRequest(deps, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      '/api/v1/requests',
      {
        config: { access: EVERYONE },
        schema: {
          tags: ['permintaan'],
          summary: 'Permintaan koperasi (petugas: antrean bidangnya; koperasi: miliknya)',
          querystring: z.strictObject({
            status: z.enum(REQUEST_STATUSES).optional(),
            open: z
              .enum(['true', 'false'])
              .optional()
              .describe('true: only requests still to handle (OPEN or PLANNED), as the queue shows them.'),
            bidang: z.enum(BIDANG).optional(),
            cooperativeId: uuidParam.optional(),
          }),
          response: { 200: z.object({ items: z.array(requestOut), can: verificationQueueCanOut }) },
        },
      },
      async (request) => {
        const { status, open, bidang, cooperativeId } = request.query;
        const actor = requireActor(request);
        return {
          can: deskAbilities(actor),
          items: await listRequests(deps, actor, {
            ...(status ? { status } : {}),
            ...(open === 'true' ? { open: true } : {}),
            ...(bidang ? { bidang } : {}),
            ...(cooperativeId ? { cooperativeId } : {}),
          }),
        };
      },
    );

    app.post(
      '/api/v1/requests/:id/close',
      {
        config: { access: WRITERS },
        schema: {
          tags: ['permintaan'],
          summary: 'Tutup permintaan (selesai atau ditolak) dengan catatan untuk koperasi',
          params: idParams,
          body: z.strictObject({ outcome: z.enum(REQUEST_OUTCOMES), note: z.string().trim().max(1000) }),
          response: { 200: requestOut },
        },
      },
      async (request) => closeRequest(deps, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/requests/:id/plan-visit',
      {
        config: { access: WRITERS },
        schema: {
          tags: ['permintaan'],
          summary: 'Jadikan permintaan kunjungan terencana',
          params: idParams,
          body: z.strictObject({ date: isoDate }),
          response: { 200: requestOut },
        },
      },
      async (request) => planVisitFromRequest(deps, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/cooperatives/:id/rat-announcements',
      {
        config: { access: COOPERATIVE_WRITERS },
        schema: {
          tags: ['rat'],
          summary: 'Umumkan RAT yang akan datang (tanggal, tempat, acara) agar Dinas dapat merencanakan kunjungan',
          params: idParams,
          body: z.strictObject({
            fiscalYear: z.number().int().min(1945).max(2100),
            plannedOn: isoDate,
            place: z.string().trim().max(200),
            agenda: z.string().trim().max(2000),
          }),
          response: { 201: announcementOut },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await announceRat(deps, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      '/api/v1/rat-announcements',
      {
        config: { access: EVERYONE },
        schema: {
          tags: ['rat'],
          summary: 'RAT yang akan datang (staf: semua; koperasi: miliknya)',
          querystring: z.strictObject({
            from: isoDate.optional(),
            district: z.string().regex(DISTRICT_CODE_PATTERN).optional(),
            cooperativeId: uuidParam.optional(),
          }),
          response: { 200: z.object({ items: z.array(announcementOut), can: verificationQueueCanOut }) },
        },
      },
      async (request) => {
        const { from, district, cooperativeId } = request.query;
        const actor = requireActor(request);
        return {
          can: deskAbilities(actor),
          items: await listRatAnnouncements(deps, actor, {
            ...(from ? { from } : {}),
            ...(district ? { district } : {}),
            ...(cooperativeId ? { cooperativeId } : {}),
          }),
        };
      },
    );

    app.post(
      '/api/v1/rat-announcements/:id/visit',
      {
        config: { access: WRITERS },
        schema: {
          tags: ['rat'],
          summary: 'Tautkan kunjungan terencana ke RAT yang diumumkan',
          params: idParams,
          body: z.strictObject({ visitId: uuidParam }),
          response: { 200: announcementOut },
        },
      },
      async (request) => linkRatVisit(deps, requireActor(request), request.params.id, request.body.visitId),
    );
  };
