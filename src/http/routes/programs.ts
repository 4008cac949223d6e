import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.js';
import { createProgram, getProgram, listPrograms, updateProgram } from '../../app/programs/programs.js';
import { LEADERS, requireActor, STAFF } from '../access.js';
import { idParams } from '../../contract/common.js';
import { createProgramBody, programListOut, updateProgramBody } from '../../contract/programs.js';
import { programOut } from '../../contract/visits.js';
import { programAbilities } from '../../app/policy/index.js';
import { programCanOut } from '../../contract/abilities.js';

const tags = ['kunjungan'];
const MANAGERS = LEADERS;
/** Every program the API answers with carries its `can`. */
const programWithCan = programOut.extend({ can: programCanOut });

export const programRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/programs',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Daftar program kunjungan',
          response: { 200: programListOut },
        },
      },
      async (request) => ({ items: await listPrograms(deps, requireActor(request)) }),
    );

    app.post(
      '/api/v1/programs',
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary: 'Buat program kunjungan dengan periode dan target per kecamatan',
          body: createProgramBody,
          response: { 200: programWithCan, 201: programWithCan }, // policy: `can` (additive)
        },
      },
      async (request, reply) => {
        const b = request.body;
        const actor = requireActor(request);
        const { program, created } = await createProgram(deps, actor, {
          ...b,
          description: b.description ?? null,
        });
        return reply.status(created ? 201 : 200).send({ ...program, can: programAbilities(actor) });
      },
    );

    app.get(
      '/api/v1/programs/:id',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Program dengan target dan capaian per kecamatan',
          params: idParams,
          response: { 200: programWithCan }, // policy: `can` (additive)
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return { ...(await getProgram(deps, actor, request.params.id)), can: programAbilities(actor) };
      },
    );

    app.patch(
      '/api/v1/programs/:id',
      {
        config: { access: MANAGERS },
        schema: {
          tags,
          summary: 'Ubah program (target menggantikan seluruh target lama)',
          params: idParams,
          body: updateProgramBody,
          response: { 200: programWithCan },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return { ...(await updateProgram(deps, actor, request.params.id, request.body)), can: programAbilities(actor) };
      },
    );
  };
