import './i18n';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put } from '../../lib/api';

export interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  waLink: string | null;
  createdAt: string;
  readAt: string | null;
}
export interface Inbox {
  items: Notice[];
  unread: number;
}
export type Channel = 'instant' | 'digest' | 'off';
export interface NotificationSettings {
  email: string | null;
  smtpConfigured: boolean;
  digestHour: number;
  kinds: { kind: string; label: string; channel: Channel }[];
  channels: { code: Channel; label: string }[];
}
export interface MailLogItem {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** How often the bell asks; also on window focus. */
const POLL_MS = 15_000;

export function useInbox(opts: { unread?: boolean; limit?: number } = {}) {
  const q = `?limit=${opts.limit ?? 50}${opts.unread ? '&unread=1' : ''}`;
  return useQuery({
    queryKey: ['notifications', q],
    queryFn: ({ signal }) => get<Inbox>(`/notifications${q}`, signal),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => post<{ ok: true; unread: number }>(`/notifications/${id}/read`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useReadAll() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<{ ok: true; unread: number }>('/notifications/read-all'),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: ['notification-settings'],
    queryFn: ({ signal }) => get<NotificationSettings>('/me/notification-settings', signal),
  });
}

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email?: string | null; kinds?: Record<string, Channel> }) =>
      put<NotificationSettings>('/me/notification-settings', body),
    onSuccess: (data) => qc.setQueryData(['notification-settings'], data),
  });
}

export const fetchCalendar = () => get<{ url: string }>('/me/calendar');
export const rotateCalendar = () => post<{ url: string }>('/me/calendar/rotate');
export const saveDigestHour = (digestHour: number) =>
  put<{ digestHour: number }>('/settings/notifications', { digestHour });
export const fetchMailLog = (status: string | null) =>
  get<{ items: MailLogItem[]; counts: Record<string, number> }>(
    `/notifications/mail-log?limit=50${status ? `&status=${status}` : ''}`,
  );
export const retryMail = (id: string) => post<{ ok: true }>(`/notifications/mail-log/${id}/retry`);

/** "5 menit lalu", "kemarin", or the date: how the inbox says when. */
export function relativeTime(iso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return 'baru saja';
  if (s < 3600) return `${Math.floor(s / 60)} menit lalu`;
  if (s < 86_400) return `${Math.floor(s / 3600)} jam lalu`;
  if (s < 2 * 86_400) return 'kemarin';
  if (s < 7 * 86_400) return `${Math.floor(s / 86_400)} hari lalu`;
  return new Date(iso).toLocaleDateString('id-ID', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Asia/Jakarta',
  });
}
