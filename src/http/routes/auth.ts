import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePassword, login, logout } from '../../app/auth/sessions.js';
import type { AppDeps } from '../../app/context.js';
import { cookieOptions, requireActor, SESSION_COOKIE } from '../access.js';
import { changePasswordBody, loginBody, sessionUserOut } from '../../contract/auth.js';
import { okOut } from '../../contract/common.js';

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/auth/login',
      {
        config: { access: 'public', rateLimit: { max: deps.config.loginLimit, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Masuk; mengirim cookie sesi',
          body: loginBody,
          response: { 200: sessionUserOut },
        },
      },
      async (request, reply) => {
        const { token, user, expiresAt } = await login(deps, {
          ...request.body,
          userAgent: request.headers['user-agent'],
          address: request.ip,
        });
        reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request, deps), expires: expiresAt });
        return { user };
      },
    );

    app.post(
      '/api/v1/auth/logout',
      { config: { access: 'session' }, schema: { tags: ['auth'], summary: 'Keluar', response: { 200: okOut } } },
      async (request, reply) => {
        if (request.sessionToken) await logout(deps, request.actor, request.sessionToken);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/auth/me',
      {
        config: { access: 'session' },
        schema: { tags: ['auth'], summary: 'Pengguna yang sedang masuk', response: { 200: sessionUserOut } },
      },
      async (request) => ({ user: request.me! }),
    );

    app.post(
      '/api/v1/auth/change-password',
      {
        config: { access: 'session', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Ganti kata sandi sendiri',
          body: changePasswordBody,
          response: { 200: sessionUserOut },
        },
      },
      async (request) => ({
        user: await changePassword(deps, requireActor(request), request.sessionToken!, request.body),
      }),
    );
  };
