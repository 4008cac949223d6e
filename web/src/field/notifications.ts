/**
 * Notices in field mode (issue #14): what the server had for the officer at the last sync, kept on
 * the phone so the list opens without signal. Refreshed with the pack and whenever the phone syncs.
 */
import { getMeta, setMeta } from './db';

export interface FieldNotice {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  waLink: string | null;
  createdAt: string;
  readAt: string | null;
}
export interface FieldNotices {
  takenAt: string;
  items: FieldNotice[];
  unread: number;
}

export const getNotices = () => getMeta<FieldNotices>('notifications');

export async function saveNotices(n: { items: FieldNotice[]; unread: number }): Promise<void> {
  await setMeta('notifications', { takenAt: new Date().toISOString(), items: n.items, unread: n.unread });
}

/** Quietly asks the server; without signal or session the stored list stays as it was. */
export async function refreshNotices(): Promise<void> {
  const res = await fetch('/api/v1/notifications?limit=30', {
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { Accept: 'application/json' },
  }).catch(() => null);
  if (!res?.ok) return;
  await saveNotices((await res.json()) as { items: FieldNotice[]; unread: number });
}

/** Marks one read on the server when there is signal; the phone's copy is updated either way. */
export async function markNoticeRead(id: string): Promise<void> {
  const n = await getNotices();
  if (n) {
    const was = n.items.find((i) => i.id === id);
    if (was && !was.readAt)
      await setMeta('notifications', {
        ...n,
        unread: Math.max(0, n.unread - 1),
        items: n.items.map((i) => (i.id === id ? { ...i, readAt: new Date().toISOString() } : i)),
      });
  }
  await fetch(`/api/v1/notifications/${id}/read`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  }).catch(() => null);
}
