import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer (API, web app, field mode, API docs), via @fastify/helmet.
 * The CSP fits what the app really loads: its own scripts only (Vite emits no inline script; the
 * field service worker is /sw.js), Mantine's and ECharts' inline styles, photos shown from blob:
 * and data: URLs, and fetches to this server only. No CDN, no third-party origin. Frames are refused
 * altogether (frame-ancestors 'none', X-Frame-Options DENY). `upgrade-insecure-requests` is left out
 * on purpose: an office may run Sambang over plain http on its LAN.
 */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'media-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
    // Only honoured over HTTPS; not for subdomains, which may be other offices' plain-http services.
    strictTransportSecurity: { maxAge: 180 * 86_400, includeSubDomains: false },
  });
}
