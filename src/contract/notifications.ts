import { z } from 'zod';
import { CHANNELS, NOTICE_KINDS } from '../domain/notifications/kinds.js';

/** Notifications (issue 14): the inbox, preferences, the calendar feed and the admin's mail log. */

export const noticeOut = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  waLink: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const noticeListQuery = z.strictObject({
  unread: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const noticeListOut = z.object({ items: z.array(noticeOut), unread: z.number().int() });
export const okUnreadOut = z.object({ ok: z.literal(true), unread: z.number().int() });

export const notificationSettingsOut = z.object({
  email: z.string().nullable(),
  smtpConfigured: z.boolean(),
  digestHour: z.number().int(),
  kinds: z.array(z.object({ kind: z.enum(NOTICE_KINDS), label: z.string(), channel: z.enum(CHANNELS) })),
  channels: z.array(z.object({ code: z.enum(CHANNELS), label: z.string() })),
});
export const notificationSettingsBody = z.strictObject({
  email: z.union([z.string().max(200), z.null()]).optional(),
  kinds: z.partialRecord(z.enum(NOTICE_KINDS), z.enum(CHANNELS)).optional(),
});

export const calendarUrlOut = z.object({ url: z.string() });
export const calendarFileParams = z.strictObject({ file: z.string().max(100) });

export const officeNotificationSettingsOut = z.object({ digestHour: z.number().int(), smtpConfigured: z.boolean() });
export const digestHourBody = z.strictObject({ digestHour: z.number().int().min(0, 'Jam 0–23.').max(23, 'Jam 0–23.') });
export const digestHourOut = z.object({ digestHour: z.number().int() });

export const mailLogQuery = z.strictObject({
  status: z.enum(['pending', 'sent', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const mailOut = z.object({
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
});
export const mailLogOut = z.object({ items: z.array(mailOut), counts: z.record(z.string(), z.number().int()) });

export type NoticeOut = z.infer<typeof noticeOut>;
export type NoticeListOut = z.infer<typeof noticeListOut>;
export type NotificationSettingsOut = z.infer<typeof notificationSettingsOut>;
export type MailLogOut = z.infer<typeof mailLogOut>;
