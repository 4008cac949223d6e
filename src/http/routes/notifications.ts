import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { file, MEDIA } from '../../contract/files.js';
import type { AppDeps } from '../../app/context.js';
import { calendarFeed } from '../../app/notifications/calendar.js';
import { listNotices, mailLog, markAllRead, markRead, retryMail } from '../../app/notifications/inbox.js';
import { calendarToken, getSettings, putDigestHour, putSettings } from '../../app/notifications/settings.js';
import { AppError } from '../../domain/errors.js';
import { CHANNELS, NOTICE_KINDS } from '../../domain/notifications/kinds.js';
import { ADMIN, EVERYONE, requireActor } from '../access.js';
import { idParams } from '../schemas.js';

/** Notifications (issue 14): inbox, preferences, calendar feed, and the admin's mail log. */

const tags = ['pemberitahuan'];

const noticeOut = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  waLink: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const settingsOut = z.object({
  email: z.string().nullable(),
  smtpConfigured: z.boolean(),
  digestHour: z.number().int(),
  kinds: z.array(z.object({ kind: z.enum(NOTICE_KINDS), label: z.string(), channel: z.enum(CHANNELS) })),
  channels: z.array(z.object({ code: z.enum(CHANNELS), label: z.string() })),
});

const okUnread = z.object({ ok: z.literal(true), unread: z.number().int() });

/** The address of the feed as the caller reached this server (or SAMBANG_PUBLIC_URL). */
function feedUrl(deps: AppDeps, request: { protocol: string; host: string }, token: string): string {
  const base = deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
  return `${base}/api/v1/calendar/${token}.ics`;
}

export const notificationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/notifications',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Kotak pemberitahuan saya, terbaru dahulu; `unread=1` hanya yang belum dibaca',
          querystring: z.strictObject({
            unread: z
              .enum(['0', '1', 'true', 'false'])
              .optional()
              .transform((v) => v === '1' || v === 'true'),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: z.object({ items: z.array(noticeOut), unread: z.number().int() }) },
        },
      },
      async (request) => listNotices(deps, requireActor(request), request.query),
    );

    app.post(
      '/api/v1/notifications/:id/read',
      {
        config: { access: EVERYONE },
        schema: { tags, summary: 'Tandai sudah dibaca', params: idParams, response: { 200: okUnread } },
      },
      async (request) => markRead(deps, requireActor(request), request.params.id),
    );

    app.post(
      '/api/v1/notifications/read-all',
      {
        config: { access: EVERYONE },
        schema: { tags, summary: 'Tandai semua sudah dibaca', response: { 200: okUnread } },
      },
      async (request) => markAllRead(deps, requireActor(request)),
    );

    app.get(
      '/api/v1/me/notification-settings',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Pengaturan pemberitahuan saya, alamat surel, dan status SMTP',
          response: { 200: settingsOut },
        },
      },
      async (request) => getSettings(deps, requireActor(request)),
    );

    app.put(
      '/api/v1/me/notification-settings',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Ubah alamat surel saya dan saluran per jenis pemberitahuan (instant, digest, off)',
          body: z.strictObject({
            email: z.union([z.string().max(200), z.null()]).optional(),
            kinds: z.partialRecord(z.enum(NOTICE_KINDS), z.enum(CHANNELS)).optional(),
          }),
          response: { 200: settingsOut },
        },
      },
      async (request) => putSettings(deps, requireActor(request), request.body),
    );

    app.get(
      '/api/v1/me/calendar',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Alamat rahasia kalender saya (iCalendar)',
          response: { 200: z.object({ url: z.string() }) },
        },
      },
      async (request) => ({ url: feedUrl(deps, request, await calendarToken(deps, requireActor(request))) }),
    );

    app.post(
      '/api/v1/me/calendar/rotate',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Ganti alamat kalender (alamat lama berhenti berlaku)',
          response: { 200: z.object({ url: z.string() }) },
        },
      },
      async (request) => ({ url: feedUrl(deps, request, await calendarToken(deps, requireActor(request), true)) }),
    );

    app.get(
      '/api/v1/calendar/:file',
      {
        // The token is the key: a phone's calendar app sends no cookie.
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Umpan kalender (text/calendar); tanpa sesi, token rahasia di alamat',
          params: z.strictObject({ file: z.string().max(100) }),
          response: { 200: file(MEDIA.ics) },
        },
      },
      async (request, reply) => {
        const token = request.params.file.replace(/\.ics$/, '');
        const body = await calendarFeed(deps, token);
        if (body === null) throw new AppError('NOT_FOUND', 'Kalender tidak ditemukan atau alamatnya sudah diganti.');
        return reply.type('text/calendar; charset=utf-8').header('Cache-Control', 'private, max-age=300').send(body);
      },
    );

    app.get(
      '/api/v1/settings/notifications',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Pengaturan kantor: jam ringkasan harian (WIB)',
          response: { 200: z.object({ digestHour: z.number().int(), smtpConfigured: z.boolean() }) },
        },
      },
      async (request) => {
        const s = await getSettings(deps, requireActor(request));
        return { digestHour: s.digestHour, smtpConfigured: s.smtpConfigured };
      },
    );

    app.put(
      '/api/v1/settings/notifications',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Atur jam ringkasan harian (0–23 WIB)',
          body: z.strictObject({ digestHour: z.number().int().min(0, 'Jam 0–23.').max(23, 'Jam 0–23.') }),
          response: { 200: z.object({ digestHour: z.number().int() }) },
        },
      },
      async (request) => putDigestHour(deps, requireActor(request), request.body.digestHour),
    );

    app.get(
      '/api/v1/notifications/mail-log',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Log surel: menunggu, terkirim, gagal (dengan galat terakhir)',
          querystring: z.strictObject({
            status: z.enum(['pending', 'sent', 'failed']).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  to: z.string(),
                  subject: z.string(),
                  kind: z.string(),
                  status: z.enum(['pending', 'sending', 'sent', 'failed']),
                  attempts: z.number().int(),
                  nextAttemptAt: z.string().nullable(),
                  lastError: z.string().nullable(),
                  createdAt: z.string(),
                  sentAt: z.string().nullable(),
                }),
              ),
              counts: z.record(z.string(), z.number().int()),
            }),
          },
        },
      },
      async (request) => mailLog(deps, requireActor(request), request.query),
    );

    app.post(
      '/api/v1/notifications/mail-log/:id/retry',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Kirim ulang surel yang gagal',
          params: idParams,
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (request) => retryMail(deps, requireActor(request), request.params.id),
    );
  };
