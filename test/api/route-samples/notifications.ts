import type { RouteSample } from './types.js';

/** Route × role samples of notifications (issue 14). Each inbox is the caller's own; no fixture needed. */
export const NOTIFICATION_SAMPLES: Record<string, RouteSample> = {
  'GET /api/v1/notifications': { query: 'unread=1' },
  'POST /api/v1/notifications/:id/read': {},
  'POST /api/v1/notifications/read-all': {},
  'GET /api/v1/me/notification-settings': {},
  'PUT /api/v1/me/notification-settings': { body: { kinds: { 'rat.upcoming': 'digest' } } },
  'GET /api/v1/me/calendar': {},
  'POST /api/v1/me/calendar/rotate': {},
  'GET /api/v1/calendar/:file': {},
  'GET /api/v1/settings/notifications': {},
  'PUT /api/v1/settings/notifications': { body: { digestHour: 7 } },
  'GET /api/v1/notifications/mail-log': {},
  'POST /api/v1/notifications/mail-log/:id/retry': {},
};
