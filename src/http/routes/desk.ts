import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.js';
import { listVerifications, returnFiling, verifyFiling } from '../../app/desk/verifications.js';
import { DISTRICT_CODE_PATTERN } from '../../domain/cooperative.js';
import { VERIFICATION_KINDS, VERIFICATION_STATUSES } from '../../domain/desk/verification.js';
import { EVERYONE, requireActor, WRITERS } from '../access.js';
import { idParams, okOut, page, pageOf, pageSize, uuidParam } from '../schemas.js';

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
  cooperative: z.object({ id: z.string(), name: z.string(), district: z.object({ code: z.string(), name: z.string() }) }),
  submittedBy: z.string(),
  submittedAt: z.string(),
  ageDays: z.number(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  missingDocuments: z.array(z.string()),
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
          response: { 200: pageOf(verificationItemOut) },
        },
      },
      async (request) => {
        const { status, kind, district, cooperativeId, minAgeDays, ...rest } = request.query;
        return listVerifications(deps, requireActor(request), {
          ...rest, ...(status ? { status } : {}), ...(kind ? { kind } : {}), ...(district ? { district } : {}),
          ...(cooperativeId ? { cooperativeId } : {}), ...(minAgeDays ? { minAgeDays } : {}),
        });
      },
    );

    app.post(
      '/api/v1/verifications/:id/verify',
      { config: { access: WRITERS }, schema: { tags, summary: 'Verifikasi laporan koperasi: sejak itu ikut dihitung', params: idParams, response: { 200: okOut } } },
      async (request) => verifyFiling(deps, requireActor(request), request.params.id),
    );

    app.post(
      '/api/v1/verifications/:id/return',
      {
        config: { access: WRITERS },
        schema: { tags, summary: 'Kembalikan laporan ke koperasi dengan alasan', params: idParams, body: z.strictObject({ reason: z.string().trim().max(1000) }), response: { 200: okOut } },
      },
      async (request) => returnFiling(deps, requireActor(request), request.params.id, request.body.reason),
    );
  };
