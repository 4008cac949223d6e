import { existsSync, readFileSync } from 'node:fs';
import { PassThrough, Transform } from 'node:stream';
import { constants as zlib, createBrotliCompress, createGzip } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/context.js';
import { installAccess } from './access.js';
import { installContract } from './contract.js';
import { installControlCharGuard } from './control-chars.js';
import { installSameOriginGuard } from './same-origin.js';
import { installSecurityHeaders } from './security-headers.js';
import { installCompression } from './compression.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { openApiTransform } from './openapi.js';
import { pageParts, prerender, PRERENDER_FALLBACK } from './prerender.js';
import { annualMeetingRoutes } from './routes/annual-meetings.js';
import { assessmentRoutes } from './routes/assessments.js';
import { authRoutes } from './routes/auth.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { documentRoutes } from './routes/documents.js';
import { officeRoutes } from './routes/offices.js';
import { deskRoutes } from './routes/desk.js';
import { documentReadRoutes, documentRoutes as cooperativeDocumentRoutes } from './routes/desk-documents.js';
import { exportRoutes } from './routes/exports.js';
import { importRoutes } from './routes/imports.js';
import { reportRoutes } from './routes/reports.js';
import { syncRoutes } from './routes/sync.js';
import { cooperativeRoutes } from './routes/cooperatives.js';
import { metaRoutes } from './routes/meta.js';
import { notificationRoutes } from './routes/notifications.js';
import { userRoutes } from './routes/users.js';
import { concernRoutes } from './routes/concerns.js';
import { followUpRoutes } from './routes/follow-ups.js';
import { photoRoutes } from './routes/photos.js';
import { programRoutes } from './routes/programs.js';
import { unitDevelopmentRoutes } from './routes/unit-development.js';
import { visitRoutes } from './routes/visits/index.js';
import { installIndonesianErrors } from './zod-id.js';

const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');

export interface ServerOptions {
  logger?: boolean;
  /** Serve the built web app from dist/web when it exists (default true). */
  web?: boolean;
  /** Where the built web app is (default dist/web); tests point it at a small stand-in. */
  webDir?: string;
}

export async function buildServer(deps: AppDeps, opts: ServerOptions = {}): Promise<FastifyInstance> {
  installIndonesianErrors();
  const app = Fastify({
    logger: opts.logger === false ? false : { level: deps.config.logLevel },
    bodyLimit: 1024 * 1024,
    // Errors the router raises before any route (bad or over-long URLs) get the shared error shape too.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
    // Off unless SAMBANG_TRUST_PROXY names the proxies: X-Forwarded-For from anyone else is ignored.
    trustProxy: deps.config.trustProxy === false ? false : deps.config.trustProxy,
  });
  installContract(app);
  app.setErrorHandler(errorHandler);

  await installSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await installCompression(app);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Sambang API',
        description:
          'API Sistem Informasi Gerakan Sambang Koperasi. Kantor (Dinas) yang memakainya: GET /api/v1/offices/current. Pesan galat dalam Bahasa Indonesia.',
        version: '1.0.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sambang_session' } } },
      security: [{ session: [] }],
    },
    transform: openApiTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  installSameOriginGuard(app);
  installAccess(app, deps);
  installControlCharGuard(app);
  await app.register(metaRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(cooperativeRoutes(deps));
  await app.register(userRoutes(deps));
  await app.register(annualMeetingRoutes(deps));
  await app.register(assessmentRoutes(deps));
  await app.register(programRoutes(deps));
  await app.register(visitRoutes(deps));
  await app.register(photoRoutes(deps));
  await app.register(concernRoutes(deps));
  await app.register(followUpRoutes(deps));
  await app.register(unitDevelopmentRoutes(deps));
  await app.register(syncRoutes(deps));
  await app.register(importRoutes(deps));
  await app.register(exportRoutes(deps));
  await app.register(reportRoutes(deps));
  await app.register(dashboardRoutes(deps));
  await app.register(notificationRoutes(deps));
  await app.register(officeRoutes(deps));
  await app.register(documentRoutes(deps));
  await app.register(cooperativeDocumentRoutes(deps));
  await app.register(documentReadRoutes(deps));
  await app.register(deskRoutes(deps));

  const webDir = opts.webDir ?? WEB_DIR;
  const serveWeb = (opts.web ?? true) && existsSync(join(webDir, 'index.html'));
  const hasLoginPage = serveWeb && existsSync(join(webDir, 'masuk.html'));
  // The app shell the dashboard and the cooperative list are rendered into (issue #15, prerender.ts).
  const template = serveWeb ? readFileSync(join(webDir, 'index.html'), 'utf8') : null;
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      // dist/web holds .br/.gz next to each text asset (web/vite.config.ts): sent as is, no CPU per request.
      preCompressed: true,
      cacheControl: false,
      setHeaders(res, filePath: string) {
        // Hashed file names never change content: cache for a year. Everything else (index.html,
        // sw.js, the manifest) is revalidated so a new version is found (and offered) at once.
        const hashed = /[\\/]assets[\\/]/.test(filePath);
        res.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  if (template) {
    // A cold load of the dashboard or the cooperative list gets the screen already in the HTML when the
    // session may see it (issue #15, prerender.ts); never cached, it holds the user's own data. Anything
    // else gets the app shell, as on every other path of the app.
    for (const url of ['/dasbor', '/koperasi'])
      app.get(url, async (request, reply) => {
        if (!request.headers.accept?.includes('text/html')) return notFoundHandler(request, reply);
        const screen = await prerender(deps, request, reply);
        const parts = screen && pageParts(template, screen.title);
        if (!screen || !parts) return reply.type('text/html; charset=utf-8').sendFile('index.html');
        // The head and the header go out (flushed through the compressor) before the use case has answered.
        const accepts = request.headers['accept-encoding'] ?? '';
        const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
        const out =
          encoding === 'br'
            ? createBrotliCompress({ params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } })
            : encoding === 'gzip'
              ? createGzip({ level: 6 })
              : new PassThrough();
        reply.type('text/html; charset=utf-8').header('Cache-Control', 'private, no-store');
        if (encoding) reply.header('Content-Encoding', encoding).header('Vary', 'Accept-Encoding');
        out.write(parts.start);
        if (out instanceof Transform && 'flush' in out && typeof out.flush === 'function') out.flush();
        // The render starts once the head is on its way: on SQLite the use case's queries run
        // synchronously and would otherwise hold the first bytes back until the whole screen is done.
        let started = false;
        const render = () => {
          if (started) return;
          started = true;
          void screen
            .render()
            .catch((e: unknown) => {
              request.log.error({ err: e }, 'server-rendered screen failed');
              return null;
            })
            .then((body) => out.end(`${body ?? PRERENDER_FALLBACK}${parts.end}`));
        };
        out.once('data', () => setImmediate(render));
        setTimeout(render, 250).unref();
        return reply.send(out);
      });
  }
  app.setNotFoundHandler((request, reply) => {
    // The single-page app owns every other GET path (e.g. /koperasi/123).
    if (
      serveWeb &&
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      request.headers.accept?.includes('text/html')
    ) {
      // A cold load of the login page gets the page with the form already in it (issue #15, web/shell-login.html).
      const page = hasLoginPage && /^\/masuk\/?(\?|$)/.test(request.url) ? 'masuk.html' : 'index.html';
      return reply.type('text/html; charset=utf-8').sendFile(page);
    }
    return notFoundHandler(request, reply);
  });
  return app;
}
