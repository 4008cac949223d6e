import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../app/context.js';
import type { Me } from '../app/auth/me.js';
import { authenticate } from '../app/auth/sessions.js';
import type { AppDeps } from '../app/context.js';
import { inRoleSet, type RoleSet } from '../app/policy/index.js';
import { AppError } from '../domain/errors.js';

/**
 * Every /api route declares who may call it in `config.access`:
 * - 'public': nobody needs to be logged in;
 * - 'session': any logged-in user, even one who must still change a generated password;
 * - a role set from the policy (src/app/policy/rules.ts: ADMIN, LEADERS, STAFF, WRITERS,
 *   COOPERATIVE_WRITERS, EVERYONE): those roles, with the password already changed.
 * A route under /api without a declaration cannot be registered. This is only the coarse gate: which
 * record an actor may touch is the policy's answer (src/app/policy/), asked by the use case.
 */
export type Access = 'public' | 'session' | RoleSet;

export { ADMIN, COOPERATIVE_WRITERS, EVERYONE, LEADERS, STAFF, WRITERS } from '../app/policy/index.js';

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every /api route with its access declaration, for the route × role test and the docs. */
    apiRoutes: RegisteredRoute[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    me: Me | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'sambang_session';

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  return request.actor;
}

export function installAccess(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('me', null);
  app.decorateRequest('sessionToken', null);

  const routes: RegisteredRoute[] = [];
  app.decorate('apiRoutes', routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1') && route.url !== '/healthz') return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} has no access declaration`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (!access) return; // static files and docs
    const found = await sessionOf(deps, request, reply);
    if (found) {
      request.actor = found.actor;
      request.me = found.me;
      request.sessionToken = found.token;
    }
    if (access === 'public') return;
    if (!request.me)
      throw new AppError('UNAUTHENTICATED', 'Sesi Anda tidak ada atau sudah berakhir. Silakan masuk kembali.');
    if (access === 'session') return;
    if (request.me.mustChangePassword) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Ganti kata sandi sementara Anda terlebih dahulu.');
    }
    if (!inRoleSet(access, request.me.role))
      throw new AppError('FORBIDDEN', 'Peran Anda tidak berwenang membuka fitur ini.');
  });
}

export function cookieOptions(request: FastifyRequest, deps: AppDeps) {
  const secure =
    deps.config.secureCookies === 'always'
      ? true
      : deps.config.secureCookies === 'never'
        ? false
        : request.protocol === 'https';
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
}

/**
 * The session of the request's cookie (null when none or expired), its expiry renewed on the reply as
 * the API does it: for the access hook and for the server-rendered first screens (./prerender.ts).
 */
export async function sessionOf(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<(NonNullable<Awaited<ReturnType<typeof authenticate>>> & { token: string }) | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const found = await authenticate(deps, token);
  if (!found) return null;
  if (found.renewed)
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request, deps), expires: found.renewed });
  return { ...found, token };
}
