import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AGENDA_ITEMS,
  cooperativeRatCompliance,
  listAnnualMeetings,
  recordAnnualMeeting,
  updateAnnualMeeting,
} from '../../app/annual-meetings/annual-meetings.js';
import type { AppDeps } from '../../app/context.js';
import { COOPERATIVE_WRITERS, EVERYONE, requireActor } from '../access.js';
import {
  annualMeetingListOut,
  annualMeetingOut,
  annualMeetingParams,
  cooperativeRatComplianceOut,
  ratComplianceQuery,
  recordAnnualMeetingBody,
  updateAnnualMeetingBody,
} from '../../contract/annual-meetings.js';
import { idParams } from '../../contract/common.js';

const tags = ['rat'];

const fullAgenda = (a: Partial<Record<(typeof AGENDA_ITEMS)[number], boolean>> | undefined) =>
  Object.fromEntries(AGENDA_ITEMS.map((k) => [k, a?.[k] === true])) as Record<(typeof AGENDA_ITEMS)[number], boolean>;

export const annualMeetingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/cooperatives/:id/annual-meetings',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Catatan RAT koperasi',
          params: idParams,
          response: { 200: annualMeetingListOut },
        },
      },
      async (request) => ({ items: await listAnnualMeetings(deps, requireActor(request), request.params.id) }),
    );

    app.post(
      '/api/v1/cooperatives/:id/annual-meetings',
      {
        config: { access: COOPERATIVE_WRITERS },
        schema: {
          tags,
          summary: 'Catat RAT satu tahun buku',
          params: idParams,
          body: recordAnnualMeetingBody,
          response: { 201: annualMeetingOut },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const meeting = await recordAnnualMeeting(deps, requireActor(request), request.params.id, {
          fiscalYear: b.fiscalYear,
          heldOn: b.heldOn,
          place: b.place ?? null,
          membersPresent: b.membersPresent,
          membersTotal: b.membersTotal,
          quorumRequired: b.quorumRequired ?? null,
          agenda: fullAgenda(b.agenda),
          reportedToOdsOn: b.reportedToOdsOn ?? null,
          notes: b.notes ?? null,
        });
        return reply.status(201).send(meeting);
      },
    );

    app.patch(
      '/api/v1/cooperatives/:id/annual-meetings/:meetingId',
      {
        config: { access: COOPERATIVE_WRITERS },
        schema: {
          tags,
          summary: 'Ubah catatan RAT (misalnya tanggal lapor ODS)',
          params: annualMeetingParams,
          body: updateAnnualMeetingBody,
          response: { 200: annualMeetingOut },
        },
      },
      async (request) => {
        const { agenda: a, ...rest } = request.body;
        return updateAnnualMeeting(deps, requireActor(request), request.params.id, request.params.meetingId, {
          ...rest,
          ...(a ? { agenda: a as Record<(typeof AGENDA_ITEMS)[number], boolean> } : {}),
        });
      },
    );

    app.get(
      '/api/v1/cooperatives/:id/rat-compliance',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Kepatuhan RAT per tahun buku, status aktif, dan peringatan (dihitung, tidak diketik)',
          params: idParams,
          querystring: ratComplianceQuery,
          response: { 200: cooperativeRatComplianceOut },
        },
      },
      async (request) => cooperativeRatCompliance(deps, requireActor(request), request.params.id, request.query.asOf),
    );
  };
