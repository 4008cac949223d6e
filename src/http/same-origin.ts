import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';

/**
 * Cross-site request refusal, in one hook for every state-changing request (any method but GET,
 * HEAD and OPTIONS), logout and login included. A browser says where a request comes from:
 * `Sec-Fetch-Site` (all current browsers) and `Origin`. A request is refused when either says it
 * comes from another site. A client that sends neither (curl, scripts, the CLI's tests) is not a
 * browser riding on someone's cookie, and passes; its session cookie is still required as usual.
 * The SameSite=Lax cookie already keeps most cross-site POSTs anonymous; this closes the rest
 * (same-site subdomains, old browsers, and routes that act without a session).
 */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const MESSAGE = 'Permintaan dari situs lain ditolak. Buka Sambang langsung di peramban Anda lalu ulangi.';

export function crossSiteReason(request: FastifyRequest): string | null {
  if (SAFE.has(request.method)) return null;
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site}`;
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  try {
    const from = new URL(origin);
    // Parsed with the origin's scheme so default ports compare equal (localhost:80 = localhost).
    const self = new URL(`${from.protocol}//${request.host}`);
    return from.host === self.host ? null : `Origin: ${origin}`;
  } catch {
    return `Origin: ${origin}`; // includes "null" (sandboxed frames, file: pages)
  }
}

export function installSameOriginGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const reason = crossSiteReason(request);
    if (reason) {
      request.log.warn({ reason, url: request.url }, 'cross-site request refused');
      throw new AppError('FORBIDDEN', MESSAGE);
    }
  });
}
