import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.js';
import { announceRat, linkRatVisit, listRatAnnouncements } from '../../app/desk/rat-announcements.js';
import { closeRequest, createRequest, listRequests, planVisitFromRequest } from '../../app/desk/requests.js';
import { listVerifications, returnFiling, verifyFiling } from '../../app/desk/verifications.js';
import { deskAbilities } from '../../app/policy/index.js';
import { idParams, okOut } from '../../contract/common.js';
import {
  announceRatBody,
  closeRequestBody,
  createRequestBody,
  linkRatVisitBody,
  planRequestVisitBody,
  ratAnnouncementListOut,
  ratAnnouncementListQuery,
  ratAnnouncementOut,
  requestListOut,
  requestListQuery,
  requestOut,
  returnFilingBody,
  verificationListQuery,
  verificationPageOut,
} from '../../contract/desk.js';
import { COOPERATIVE_WRITERS, EVERYONE, requireActor, WRITERS } from '../access.js';

const tags = ['verifikasi'];

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
          querystring: verificationListQuery,
          response: { 200: verificationPageOut },
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
          body: returnFilingBody,
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
          body: createRequestBody,
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
          querystring: requestListQuery,
          response: { 200: requestListOut },
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
          body: closeRequestBody,
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
          body: planRequestVisitBody,
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
          body: announceRatBody,
          response: { 201: ratAnnouncementOut },
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
          querystring: ratAnnouncementListQuery,
          response: { 200: ratAnnouncementListOut },
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
          body: linkRatVisitBody,
          response: { 200: ratAnnouncementOut },
        },
      },
      async (request) => linkRatVisit(deps, requireActor(request), request.params.id, request.body.visitId),
    );
  };
