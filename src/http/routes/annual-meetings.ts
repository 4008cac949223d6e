import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AGENDA_ITEMS,
  cooperativeRatCompliance,
  listAnnualMeetings,
  recordAnnualMeeting,
  updateAnnualMeeting,
} from '../../app/annual-meetings/annual-meetings.js';
import type { AppDeps } from '../../app/context.js';
import { COOPERATIVE_WRITERS, EVERYONE, requireActor } from '../access.js';
import { idParams, isoDate, uuidParam } from '../schemas.js';
import { verificationOut } from '../../contract/verification.js';

const tags = ['rat'];
const count = z.number().int().min(0).max(10_000_000);
const agenda = z.strictObject(
  Object.fromEntries(AGENDA_ITEMS.map((k) => [k, z.boolean().optional()])) as Record<
    (typeof AGENDA_ITEMS)[number],
    z.ZodOptional<z.ZodBoolean>
  >,
);
const nullableText = (max: number) => z.union([z.string().trim().max(max), z.null()]).optional();

const meetingOut = z.object({
  id: z.string(),
  cooperativeId: z.string(),
  fiscalYear: z.number(),
  heldOn: z.string(),
  place: z.string().nullable(),
  membersPresent: z.number(),
  membersTotal: z.number(),
  quorumRequired: z.number().nullable(),
  quorumMet: z.boolean(),
  quorum: z.number(),
  memberCountMismatch: z.boolean().nullable(),
  verification: verificationOut,
  agenda: z.record(z.string(), z.boolean()),
  reportedToOdsOn: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number(),
});

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
          response: { 200: z.object({ items: z.array(meetingOut) }) },
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
          body: z.strictObject({
            fiscalYear: z.number().int().min(1945).max(2100),
            heldOn: isoDate,
            place: nullableText(200),
            membersPresent: count,
            membersTotal: count,
            quorumRequired: z.union([count, z.null()]).optional(),
            agenda: agenda.optional(),
            reportedToOdsOn: z.union([isoDate, z.null()]).optional(),
            notes: nullableText(2000),
          }),
          response: { 201: meetingOut },
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
          params: z.strictObject({ id: uuidParam, meetingId: uuidParam }),
          body: z
            .strictObject({
              heldOn: isoDate.optional(),
              place: nullableText(200),
              membersPresent: count.optional(),
              membersTotal: count.optional(),
              quorumRequired: z.union([count, z.null()]).optional(),
              agenda: agenda.optional(),
              reportedToOdsOn: z.union([isoDate, z.null()]).optional(),
              notes: nullableText(2000),
              version: z.number().int().min(1).optional(),
            })
            .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'Tidak ada kolom yang diubah.'),
          response: { 200: meetingOut },
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
          querystring: z.strictObject({ asOf: isoDate.optional() }),
          response: {
            200: z.object({
              asOf: z.string(),
              pending: z.number().describe('Catatan RAT dari koperasi yang menunggu verifikasi (belum dihitung)'),
              active: z.boolean(),
              latestDueYear: z.number().nullable(),
              years: z.array(
                z.object({
                  fiscalYear: z.number(),
                  deadline: z.string(),
                  heldOn: z.string().nullable(),
                  status: z.enum(['ON_TIME', 'LATE', 'NOT_HELD', 'NOT_YET_DUE']),
                }),
              ),
              warnings: z.array(z.object({ code: z.string(), message: z.string(), fiscalYears: z.array(z.number()) })),
            }),
          },
        },
      },
      async (request) => cooperativeRatCompliance(deps, requireActor(request), request.params.id, request.query.asOf),
    );
  };
