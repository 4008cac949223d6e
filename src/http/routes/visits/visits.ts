import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { file, MEDIA } from '../../../contract/files.js';
import type { Actor, AppDeps } from '../../../app/context.js';
import { listDoubleBookings, listVisits } from '../../../app/visits/list-visits.js';
import { saveActivityReport, visitActivityReport, visitMinutes } from '../../../app/visits/visit-outputs.js';
import {
  approveVisit,
  cancelVisit,
  completeVisit,
  createVisit,
  getVisit,
  updateVisit,
} from '../../../app/visits/visits.js';
import { DEFAULT_CHECKLIST } from '../../../domain/visits/checklist.js';
import { EVERYONE, LEADERS, requireActor, STAFF, WRITERS } from '../../access.js';
import { idParams, pageOf } from '../../../contract/common.js';
import { visitAbilities } from '../../../app/policy/index.js';
import { visitCanOut } from '../../../contract/abilities.js';
import {
  activityReportBody,
  activityReportOut,
  cancelVisitBody,
  checklistTemplateOut,
  doubleBookingsOut,
  doubleBookingsQuery,
  planVisitBody,
  updateVisitBody,
  visitListItemOut,
  visitListQuery,
  visitOut,
  visitVersionBody,
} from '../../../contract/visits.js';

const tags = ['kunjungan'];

const visitCan = (actor: Actor, v: { cooperative: { id: string }; team: { userId: string }[] }) =>
  visitAbilities(actor, { cooperativeId: v.cooperative.id, team: v.team.map((m) => m.userId) });

/** Every visit the API answers with carries its `can`, so the web app's cache always has it. */
const visitWithCan = visitOut.extend({ can: visitCanOut });
const withCan = <V extends { cooperative: { id: string }; team: { userId: string }[] }>(actor: Actor, v: V) => ({
  ...v,
  can: visitCan(actor, v),
});

export const visitCoreRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/visits',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Daftar kunjungan untuk tampilan daftar dan kalender (dengan tanda jadwal bentrok)',
          querystring: visitListQuery,
          response: { 200: pageOf(visitListItemOut.extend({ can: visitCanOut })) }, // policy: `can` (additive)
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const page = await listVisits(deps, actor, request.query);
        return { ...page, items: page.items.map((v) => withCan(actor, v)) };
      },
    );

    app.get(
      '/api/v1/visits/double-bookings',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Petugas yang terjadwal di dua kunjungan atau lebih pada hari yang sama',
          querystring: doubleBookingsQuery,
          response: { 200: doubleBookingsOut },
        },
      },
      async (request) => listDoubleBookings(deps, requireActor(request), request.query),
    );

    app.get(
      '/api/v1/visits/checklist',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Daftar periksa pengawasan bawaan (sementara)',
          response: { 200: checklistTemplateOut },
        },
      },
      async () => DEFAULT_CHECKLIST,
    );

    app.post(
      '/api/v1/visits',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: 'Rencanakan kunjungan (tim dengan tepat satu ketua; petugas harus ikut dalam tim)',
          body: planVisitBody,
          response: { 200: visitWithCan, 201: visitWithCan }, // policy: `can` (additive)
        },
      },
      async (request, reply) => {
        const b = request.body;
        const actor = requireActor(request);
        const { visit, created } = await createVisit(deps, actor, {
          ...b,
          programId: b.programId ?? null,
          annualMeetingId: b.annualMeetingId ?? null,
          startTime: b.startTime ?? null,
          endTime: b.endTime ?? null,
          businessUnitIds: b.businessUnitIds ?? [],
        });
        return reply.status(created ? 201 : 200).send(withCan(actor, visit));
      },
    );

    app.get(
      '/api/v1/visits/:id',
      // policy: `can` (additive)
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Rincian kunjungan',
          params: idParams,
          response: { 200: visitWithCan },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const visit = await getVisit(deps, actor, request.params.id);
        return withCan(actor, visit);
      },
    );

    app.patch(
      '/api/v1/visits/:id',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: 'Ubah rencana atau catat pelaksanaan kunjungan (kehadiran, temuan, daftar periksa, GPS, unit usaha)',
          params: idParams,
          body: updateVisitBody,
          response: { 200: visitWithCan },
        },
      },
      async (request) => {
        const { checklist, gps: position, findings: notes, ...rest } = request.body;
        const actor = requireActor(request);
        const visit = await updateVisit(deps, actor, request.params.id, {
          ...rest,
          ...(notes ? { findings: notes } : {}),
          ...(position !== undefined
            ? {
                gps: position && {
                  lat: position.lat,
                  lng: position.lng,
                  accuracy: position.accuracy ?? null,
                  at: position.at ?? null,
                },
              }
            : {}),
          ...(checklist
            ? {
                checklist: Object.fromEntries(
                  Object.entries(checklist).map(([k, a]) => [k, a ? { result: a.result, note: a.note ?? null } : null]),
                ),
              }
            : {}),
        });
        return withCan(actor, visit);
      },
    );

    app.post(
      '/api/v1/visits/:id/approve',
      {
        config: { access: LEADERS },
        schema: {
          tags,
          summary: 'Setujui rencana kunjungan',
          params: idParams,
          body: visitVersionBody,
          response: { 200: visitWithCan },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return withCan(actor, await approveVisit(deps, actor, request.params.id, request.body.version));
      },
    );
    app.post(
      '/api/v1/visits/:id/complete',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: 'Tandai kunjungan yang disetujui sebagai selesai',
          params: idParams,
          body: visitVersionBody,
          response: { 200: visitWithCan },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return withCan(actor, await completeVisit(deps, actor, request.params.id, request.body.version));
      },
    );
    app.post(
      '/api/v1/visits/:id/cancel',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Batalkan kunjungan (alasan wajib)',
          params: idParams,
          body: cancelVisitBody,
          response: { 200: visitWithCan },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { reason, version: seen } = request.body;
        return withCan(actor, await cancelVisit(deps, actor, request.params.id, reason, seen));
      },
    );

    app.get(
      '/api/v1/visits/:id/minutes.pdf',
      {
        config: { access: EVERYONE },
        schema: { tags, summary: 'Berita acara kunjungan (PDF)', params: idParams, response: { 200: file(MEDIA.pdf) } },
      },
      async (request, reply) => {
        const { filename, pdf } = await visitMinutes(deps, requireActor(request), request.params.id);
        return reply.type(MEDIA.pdf).header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
      },
    );

    app.get(
      '/api/v1/visits/:id/activity-report',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Laporan kegiatan (teks berita) dan tautan berbagi WhatsApp',
          params: idParams,
          response: { 200: activityReportOut },
        },
      },
      async (request) => visitActivityReport(deps, requireActor(request), request.params.id),
    );

    app.put(
      '/api/v1/visits/:id/activity-report',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Simpan laporan kegiatan yang disunting petugas (null: kembali ke teks otomatis)',
          params: idParams,
          body: activityReportBody,
          response: { 200: activityReportOut },
        },
      },
      async (request) => saveActivityReport(deps, requireActor(request), request.params.id, request.body),
    );
  };
