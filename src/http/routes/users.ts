import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from '../../app/audit/list-audit.js';
import type { AppDeps } from '../../app/context.js';
import { createUser, listUsers, resetPassword, updateUser } from '../../app/users/manage-users.js';
import { BIDANG, ROLES } from '../../domain/codes.js';
import { assignableRoles } from '../../app/policy/index.js';
import { userPageOut } from '../../contract/common.js';
import { ADMIN, LEADERS, requireActor } from '../access.js';
import { auditEventOut, idParams, isoDate, page, pageOf, pageSize, userOut, uuidParam } from '../schemas.js';

/** NIP (its structure is checked in the use case), pangkat/golongan and jabatan of an officer. */
const officerIdentity = {
  nip: z.union([z.string().max(30), z.null()]).optional(),
  rank: z.union([z.string().trim().max(80), z.null()]).optional(),
  position: z.union([z.string().trim().max(120), z.null()]).optional(),
};

/** Filters of the audit log; exports take the same without paging. */
export const auditListQuery = z.strictObject({
  action: z.string().max(60).optional(),
  entityType: z.string().max(60).optional(),
  actorId: uuidParam.optional(),
  cooperativeId: uuidParam.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page,
  pageSize,
});

export const userRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/users',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['pengguna'],
          summary: 'Daftar pengguna',
          querystring: z.strictObject({
            search: z.string().max(100).optional(),
            role: z.enum(ROLES).optional(),
            page,
            pageSize,
          }),
          response: { 200: userPageOut },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return { ...(await listUsers(deps, actor, request.query)), roles: assignableRoles(actor) };
      },
    );

    app.post(
      '/api/v1/users',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['pengguna'],
          summary: 'Buat pengguna; tanpa kata sandi, server membuat kata sandi sementara',
          body: z.strictObject({
            username: z.string().trim().min(3).max(32),
            fullName: z.string().trim().min(2).max(120),
            role: z.enum(ROLES),
            bidang: z.union([z.enum(BIDANG), z.null()]).optional(),
            cooperativeId: z.union([uuidParam, z.null()]).optional(),
            password: z.string().min(8, 'Kata sandi minimal 8 karakter.').max(200).optional(),
            email: z.union([z.string().max(200), z.null()]).optional(),
            ...officerIdentity,
          }),
          response: { 201: z.object({ user: userOut, temporaryPassword: z.string().optional() }) },
        },
      },
      async (request, reply) => reply.status(201).send(await createUser(deps, requireActor(request), request.body)),
    );

    app.patch(
      '/api/v1/users/:id',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['pengguna'],
          summary: 'Ubah pengguna (peran, bidang, koperasi, nonaktif)',
          params: idParams,
          body: z
            .strictObject({
              fullName: z.string().trim().min(2).max(120).optional(),
              role: z.enum(ROLES).optional(),
              bidang: z.union([z.enum(BIDANG), z.null()]).optional(),
              cooperativeId: z.union([uuidParam, z.null()]).optional(),
              disabled: z.boolean().optional(),
              email: z.union([z.string().max(200), z.null()]).optional(),
              ...officerIdentity,
            })
            .refine((b) => Object.keys(b).length > 0, 'Tidak ada kolom yang diubah.'),
          response: { 200: z.object({ user: userOut }) },
        },
      },
      async (request) => ({ user: await updateUser(deps, requireActor(request), request.params.id, request.body) }),
    );

    app.post(
      '/api/v1/users/:id/reset-password',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['pengguna'],
          summary: 'Atur ulang kata sandi (sementara, wajib diganti)',
          params: idParams,
          response: { 200: z.object({ user: userOut, temporaryPassword: z.string() }) },
        },
      },
      async (request) => resetPassword(deps, requireActor(request), request.params.id),
    );

    app.get(
      '/api/v1/audit',
      {
        config: { access: LEADERS },
        schema: {
          tags: ['audit'],
          summary: 'Log audit',
          querystring: auditListQuery,
          response: { 200: pageOf(auditEventOut) },
        },
      },
      async (request) => listAudit(deps, requireActor(request), request.query),
    );
  };
