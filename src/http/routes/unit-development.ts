import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.js';
import {
  addUnitNeed,
  proposeUnit,
  recordMentoring,
  unitDevelopment,
  updateProposal,
  updateUnitNeed,
} from '../../app/unit-development/unit-development.js';
import { unitDevelopmentAbilities } from '../../app/policy/index.js';
import { COOPERATIVE_WRITERS, EVERYONE, requireActor, WRITERS } from '../access.js';
import { idParams } from '../../contract/common.js';
import { mentoringOut, needOut, proposalOut } from '../../contract/visits.js';
import { unitParams } from '../../contract/cooperatives.js';
import {
  addNeedBody,
  proposeUnitBody,
  recordMentoringBody,
  unitDevelopmentOut,
  updateNeedBody,
  updateProposalBody,
} from '../../contract/unit-development.js';

const tags = ['unit usaha'];
const WITH_COOPERATIVE = COOPERATIVE_WRITERS;

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
          response: { 200: unitDevelopmentOut },
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
          body: addNeedBody,
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
          body: updateNeedBody,
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
          body: recordMentoringBody,
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
          body: proposeUnitBody,
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
          body: updateProposalBody,
          response: { 200: proposalOut },
        },
      },
      async (request) => updateProposal(deps, requireActor(request), request.params.id, request.body),
    );
  };
