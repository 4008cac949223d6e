import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.js';
import {
  addUnitNeed,
  proposeUnit,
  recordMentoring,
  unitDevelopment,
  updateProposal,
  updateUnitNeed,
} from '../../app/unit-development/unit-development.js';
import { UNIT_SECTORS } from '../../domain/codes.js';
import { NEED_KINDS, NEED_STATUSES, PROPOSAL_STATUSES } from '../../domain/visits/codes.js';
import { unitDevelopmentAbilities } from '../../app/policy/index.js';
import { unitDevelopmentCanOut } from '../../contract/abilities.js';
import { COOPERATIVE_WRITERS, EVERYONE, requireActor, WRITERS } from '../access.js';
import { idParams, isoDate, uuidParam } from '../schemas.js';
import {
  clientId,
  developmentOut,
  mentoringOut,
  needAmount,
  needOut,
  nullableText,
  proposalOut,
  text,
  version,
} from '../../contract/visits.js';

const tags = ['unit usaha'];
const WITH_COOPERATIVE = COOPERATIVE_WRITERS;
const unitParams = z.strictObject({ id: uuidParam, unitId: uuidParam });
const visitId = z.union([uuidParam, z.null()]).optional();

export const unitDevelopmentRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/cooperatives/:id/unit-development',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Kebutuhan dan pendampingan tiap unit usaha, serta usulan unit usaha baru',
          params: idParams,
          response: { 200: developmentOut.extend({ can: unitDevelopmentCanOut }) },
        },
      },
      // policy: `can` (additive)
      async (request) => {
        const actor = requireActor(request);
        const found = await unitDevelopment(deps, actor, request.params.id);
        return { ...found, can: unitDevelopmentAbilities(actor, { cooperativeId: request.params.id }) };
      },
    );

    app.post(
      '/api/v1/cooperatives/:id/business-units/:unitId/needs',
      {
        config: { access: WITH_COOPERATIVE },
        schema: {
          tags,
          summary: 'Catat kebutuhan unit usaha (modal, pemasaran, izin NIB/PIRT/halal, produksi, keterampilan)',
          params: unitParams,
          body: z.strictObject({
            id: clientId,
            kind: z.enum(NEED_KINDS),
            description: text(3, 2000, 'Uraian minimal 3 karakter.'),
            amount: needAmount.default(null),
            visitId,
          }),
          response: { 200: needOut, 201: needOut },
        },
      },
      async (request, reply) => {
        const { need, created } = await addUnitNeed(
          deps,
          requireActor(request),
          request.params.id,
          request.params.unitId,
          { ...request.body, visitId: request.body.visitId ?? null },
        );
        return reply.status(created ? 201 : 200).send(need);
      },
    );

    app.patch(
      '/api/v1/unit-needs/:id',
      {
        config: { access: WITH_COOPERATIVE },
        schema: {
          tags,
          summary: 'Ubah kebutuhan unit usaha atau tandai sudah terpenuhi',
          params: idParams,
          body: z
            .strictObject({
              kind: z.enum(NEED_KINDS).optional(),
              description: text(3, 2000, 'Uraian minimal 3 karakter.').optional(),
              amount: needAmount.optional(),
              status: z.enum(NEED_STATUSES).optional(),
              version,
            })
            .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'Tidak ada kolom yang diubah.'),
          response: { 200: needOut },
        },
      },
      async (request) => updateUnitNeed(deps, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/cooperatives/:id/business-units/:unitId/mentoring',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: 'Catat sesi pendampingan oleh petugas Bidang Usaha Mikro atau Perindustrian',
          params: unitParams,
          body: z.strictObject({
            id: clientId,
            heldOn: isoDate,
            mentorId: z
              .union([uuidParam, z.null()])
              .optional()
              .describe('Bawaan: petugas yang mencatat, bila dari Bidang Usaha Mikro atau Perindustrian'),
            topic: text(3, 300, 'Topik minimal 3 karakter.'),
            notes: nullableText(4000),
            visitId,
          }),
          response: { 200: mentoringOut, 201: mentoringOut },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const { session, created } = await recordMentoring(
          deps,
          requireActor(request),
          request.params.id,
          request.params.unitId,
          {
            ...b,
            mentorId: b.mentorId ?? null,
            notes: b.notes ?? null,
            visitId: b.visitId ?? null,
          },
        );
        return reply.status(created ? 201 : 200).send(session);
      },
    );

    app.post(
      '/api/v1/cooperatives/:id/unit-proposals',
      {
        config: { access: WITH_COOPERATIVE },
        schema: {
          tags,
          summary: 'Usulkan unit usaha baru (status awal: gagasan)',
          params: idParams,
          body: z.strictObject({
            id: clientId,
            name: text(3, 150, 'Nama usulan minimal 3 karakter.'),
            sector: z.enum(UNIT_SECTORS),
            description: nullableText(2000),
            visitId,
          }),
          response: { 200: proposalOut, 201: proposalOut },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const { proposal, created } = await proposeUnit(deps, requireActor(request), request.params.id, {
          ...b,
          description: b.description ?? null,
          visitId: b.visitId ?? null,
        });
        return reply.status(created ? 201 : 200).send(proposal);
      },
    );

    app.patch(
      '/api/v1/unit-proposals/:id',
      {
        config: { access: WITH_COOPERATIVE },
        schema: {
          tags,
          summary: 'Ubah usulan unit usaha: gagasan → dikaji → dimulai, atau tidak dilanjutkan (alasan wajib)',
          params: idParams,
          body: z
            .strictObject({
              name: text(3, 150, 'Nama usulan minimal 3 karakter.').optional(),
              sector: z.enum(UNIT_SECTORS).optional(),
              description: nullableText(2000),
              status: z.enum(PROPOSAL_STATUSES).optional(),
              businessUnitId: z.union([uuidParam, z.null()]).optional(),
              dropReason: nullableText(2000),
              version,
            })
            .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'Tidak ada kolom yang diubah.'),
          response: { 200: proposalOut },
        },
      },
      async (request) => updateProposal(deps, requireActor(request), request.params.id, request.body),
    );
  };
