import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAudit } from '../../app/audit/list-audit.js';
import type { AppDeps } from '../../app/context.js';
import { createUser, listUsers, resetPassword, updateUser } from '../../app/users/manage-users.js';
import { assignableRoles } from '../../app/policy/index.js';
import { userPageOut } from '../../contract/common.js';
import { ADMIN, LEADERS, requireActor } from '../access.js';
import { idParams } from '../../contract/common.js';
import {
  auditListQuery,
  auditPageOut,
  createdUserOut,
  createUserBody,
  passwordResetOut,
  updateUserBody,
  userListQuery,
  userWrappedOut,
} from '../../contract/users.js';

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
          querystring: userListQuery,
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
          body: createUserBody,
          response: { 201: createdUserOut },
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
          body: updateUserBody,
          response: { 200: userWrappedOut },
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
          response: { 200: passwordResetOut },
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
          response: { 200: auditPageOut },
        },
      },
      async (request) => listAudit(deps, requireActor(request), request.query),
    );
  };
