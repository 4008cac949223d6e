import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app/context.js';
import { createProgram, getProgram, listPrograms, updateProgram } from '../../../app/visits/programs.js';
import { programAbilities } from '../../../app/policy/index.js';
import { programCanOut } from '../../../contract/abilities.js';
import { LEADERS, requireActor, STAFF } from '../../access.js';
import { idParams, isoDate } from '../../schemas.js';
import { clientId, nullableText, programOut, programSummaryOut, targetsBody, text, version } from './schemas.js';

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
          response: { 200: z.object({ items: z.array(programSummaryOut) }) },
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
          body: z.strictObject({
            id: clientId,
            name: text(3, 200, 'Nama program minimal 3 karakter.'),
            periodStart: isoDate,
            periodEnd: isoDate,
            description: nullableText(2000),
            targets: targetsBody.default([]),
          }),
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
          body: z
            .strictObject({
              name: text(3, 200, 'Nama program minimal 3 karakter.').optional(),
              periodStart: isoDate.optional(),
              periodEnd: isoDate.optional(),
              description: nullableText(2000),
              targets: targetsBody.optional(),
              version,
            })
            .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'Tidak ada kolom yang diubah.'),
          response: { 200: programWithCan },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return { ...(await updateProgram(deps, actor, request.params.id, request.body)), can: programAbilities(actor) };
      },
    );
  };
