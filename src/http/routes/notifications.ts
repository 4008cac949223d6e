import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { file, MEDIA } from '../../contract/files.js';
import type { AppDeps } from '../../app/context.js';
import { calendarFeed } from '../../app/notifications/calendar.js';
import { listNotices, mailLog, markAllRead, markRead, retryMail } from '../../app/notifications/inbox.js';
import { calendarToken, getSettings, putDigestHour, putSettings } from '../../app/notifications/settings.js';
import { AppError } from '../../domain/errors.js';
import { ADMIN, EVERYONE, requireActor } from '../access.js';
import { idParams, okOut } from '../../contract/common.js';
import {
  calendarFileParams,
  calendarUrlOut,
  digestHourBody,
  digestHourOut,
  mailLogOut,
  mailLogQuery,
  noticeListOut,
  noticeListQuery,
  notificationSettingsBody,
  notificationSettingsOut,
  officeNotificationSettingsOut,
  okUnreadOut,
} from '../../contract/notifications.js';

/** Notifications (issue 14): inbox, preferences, calendar feed, and the admin's mail log. */

const tags = ['pemberitahuan'];

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
          querystring: noticeListQuery,
          response: { 200: noticeListOut },
        },
      },
      async (request) => listNotices(deps, requireActor(request), request.query),
    );

    app.post(
      '/api/v1/notifications/:id/read',
      {
        config: { access: EVERYONE },
        schema: { tags, summary: 'Tandai sudah dibaca', params: idParams, response: { 200: okUnreadOut } },
      },
      async (request) => markRead(deps, requireActor(request), request.params.id),
    );

    app.post(
      '/api/v1/notifications/read-all',
      {
        config: { access: EVERYONE },
        schema: { tags, summary: 'Tandai semua sudah dibaca', response: { 200: okUnreadOut } },
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
          response: { 200: notificationSettingsOut },
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
          body: notificationSettingsBody,
          response: { 200: notificationSettingsOut },
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
          response: { 200: calendarUrlOut },
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
          response: { 200: calendarUrlOut },
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
          params: calendarFileParams,
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
          response: { 200: officeNotificationSettingsOut },
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
          body: digestHourBody,
          response: { 200: digestHourOut },
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
          querystring: mailLogQuery,
          response: { 200: mailLogOut },
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
          response: { 200: okOut },
        },
      },
      async (request) => retryMail(deps, requireActor(request), request.params.id),
    );
  };
