/**
 * The outbox engine: pushes queued changes (POST /sync/push), uploads photos in resumable chunks
 * (/uploads), fetches open conflicts. Runs on the `online` event, every 30 s when something waits,
 * and on the button. A 401 stops it with everything kept; it resumes after the user logs in again.
 */
import {
  failBatch,
  isDue,
  markSent,
  mergeImported,
  nextChunk,
  photosReady,
  selectBatch,
  setField,
  settle,
  snapshotAfter,
} from './core/outbox';
import type { ConflictItem, FollowUpFields, OutboxItem, PhotoItem, Result, VisitFields } from './core/types';
import { db, setMeta } from './db';
import { call, NetError } from './net';
import { saveFollowUpDraft, saveVisitDraft } from './store';

export interface SyncState {
  state: 'idle' | 'sending' | 'offline' | 'session' | 'error' | 'done';
  message: string | null;
  at: string | null;
}

let running: Promise<void> | null = null;
const listeners = new Set<(s: SyncState) => void>();
let current: SyncState = { state: 'idle', message: null, at: null };
export const syncState = () => current;
export function onSyncState(fn: (s: SyncState) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
async function setState(s: SyncState): Promise<void> {
  current = s;
  listeners.forEach((l) => l(s));
  await setMeta('sync', s);
}

const nowIso = () => new Date().toISOString();

async function applyConfirmed(item: OutboxItem, result: Result): Promise<void> {
  const c = item.change;
  if (c.kind === 'visit.update') {
    const rec = await db.records.get(c.entityId);
    if (rec) await db.records.put({ ...rec, snapshot: snapshotAfter<VisitFields>(rec.snapshot, c, result) });
  } else if (c.kind === 'followUp.update' || c.kind === 'followUp.create' || c.kind === 'followUp.status') {
    const row = await db.followUps.get(c.entityId);
    if (row?.snapshot) {
      const snap =
        c.kind === 'followUp.update'
          ? snapshotAfter<FollowUpFields>(row.snapshot, c, result)
          : { ...row.snapshot, version: Math.max(row.snapshot.version, result.entity?.version ?? 0) };
      await db.followUps.put({ ...row, snapshot: snap, local: c.kind === 'followUp.create' ? false : row.local });
    }
  } else if (c.kind === 'concern.create') {
    const row = await db.concerns.get(c.entityId);
    if (row) await db.concerns.put({ ...row, local: false });
  }
}

class SessionExpired extends Error {}

/** One push round: sends the next batch, applies the answers. Returns how many were confirmed. */
async function pushOnce(): Promise<{ sent: number; confirmed: number }> {
  const queue = (await db.outbox.orderBy('seq').toArray()) as OutboxItem[];
  const photoIds = new Set((await db.photos.toCollection().primaryKeys()) as string[]);
  const batch = selectBatch(queue, photoIds);
  if (!batch.length) return { sent: 0, confirmed: 0 };
  const now = nowIso();
  // Frozen before the request leaves: the server may apply it even if the answer is lost.
  await db.outbox.bulkPut(
    markSent(queue, batch, now).filter((it) => batch.some((b) => b.change.changeId === it.change.changeId)),
  );
  let results: Result[];
  try {
    results = (
      await call<{ results: Result[] }>('/sync/push', {
        method: 'POST',
        json: { changes: batch.map((b) => b.change) },
        timeoutMs: 90_000,
      })
    ).results;
  } catch (e) {
    const err = e as NetError;
    const fresh = (await db.outbox.orderBy('seq').toArray()) as OutboxItem[];
    await db.outbox.bulkPut(
      failBatch(fresh, batch, err.message).filter((it) => batch.some((b) => b.change.changeId === it.change.changeId)),
    );
    if (err.status === 401) throw new SessionExpired(err.message);
    throw err;
  }
  let confirmed = 0;
  await db.transaction('rw', [db.outbox, db.records, db.followUps, db.concerns], async () => {
    const fresh = (await db.outbox.orderBy('seq').toArray()) as OutboxItem[];
    const s = settle(
      fresh,
      batch.map((b) => b.change.changeId),
      results,
    );
    for (const { item, result } of s.confirmed) {
      await applyConfirmed(item, result);
      await db.outbox.delete(item.change.changeId);
      confirmed++;
    }
    const touched = new Set(batch.map((b) => b.change.changeId));
    await db.outbox.bulkPut(s.queue.filter((it) => touched.has(it.change.changeId)));
  });
  return { sent: batch.length, confirmed };
}

async function uploadPhoto(p: PhotoItem): Promise<void> {
  const stamp = nowIso();
  await db.photos.update(p.id, { lastAttemptAt: stamp, attempts: p.attempts + 1 });
  try {
    const start = await call<{ received: number; photo?: unknown }>('/uploads', {
      method: 'POST',
      json: {
        id: p.id,
        target: p.target,
        size: p.size,
        contentType: p.contentType,
        caption: p.caption ?? undefined,
        takenAt: p.takenAt,
      },
    });
    let received = start.received;
    let done = !!start.photo || received >= p.size;
    while (!done) {
      const next = nextChunk(p.size, received);
      if (!next) break;
      try {
        const r = await call<{ received: number; photo?: unknown }>(`/uploads/${p.id}?offset=${next.offset}`, {
          method: 'PUT',
          body: p.blob.slice(next.offset, next.end),
          contentType: 'application/octet-stream',
          timeoutMs: 120_000,
        });
        received = r.received;
        done = !!r.photo || received >= p.size;
      } catch (e) {
        const err = e as NetError;
        // The server has a different resume point: continue from there.
        if (err.status === 409 && typeof (err.body as { received?: number } | null)?.received === 'number') {
          received = (err.body as { received: number }).received;
          continue;
        }
        throw err;
      }
      await db.photos.update(p.id, { received });
    }
    // Stored on the server (its id is the upload id): only now does it leave the phone.
    await db.photos.delete(p.id);
  } catch (e) {
    const err = e as NetError;
    await db.photos.update(p.id, { error: err.message });
    if (err.status === 401) throw new SessionExpired(err.message);
    if (err.status === 0 || err.status >= 500) throw err;
  }
}

export async function fetchConflicts(): Promise<ConflictItem[]> {
  const r = await call<{ items: ConflictItem[] }>('/sync/conflicts?status=open');
  await db.transaction('rw', db.conflicts, async () => {
    await db.conflicts.clear();
    await db.conflicts.bulkPut(r.items);
  });
  return r.items;
}

export async function resolveConflict(id: string, choice: 'server' | 'client'): Promise<void> {
  const c = await db.conflicts.get(id);
  const r = await call<{ entity?: { version: number } }>(`/sync/conflicts/${id}/resolve`, {
    method: 'POST',
    json: { choice },
  });
  if (c) {
    // The phone now knows the chosen value: snapshot and draft take it, so a later edit starts from it.
    const value = choice === 'client' ? c.clientValue : c.serverValue;
    const version = r.entity?.version ?? 0;
    if (c.entityType === 'followUp') {
      const row = await db.followUps.get(c.entityId);
      if (row?.snapshot) {
        await db.followUps.put({
          ...row,
          snapshot: {
            version: Math.max(row.snapshot.version, version),
            fields: setField(row.snapshot.fields, c.field, value),
          },
        });
        await saveFollowUpDraft(c.entityId, setField(row.draft, c.field, value), c.cooperative.name);
      }
    } else if (c.entityType === 'visit') {
      const rec = await db.records.get(c.entityId);
      if (rec) {
        await db.records.put({
          ...rec,
          snapshot: {
            version: Math.max(rec.snapshot.version, version),
            fields: setField(rec.snapshot.fields, c.field, value),
          },
        });
        await saveVisitDraft(c.entityId, setField(rec.draft, c.field, value), c.cooperative.name);
      }
    }
  }
  await db.conflicts.delete(id);
}

async function run(): Promise<void> {
  await setState({ state: 'sending', message: null, at: nowIso() });
  try {
    const tried = new Set<string>();
    for (let round = 0; round < 50; round++) {
      const pushed = await pushOnce();
      const queue = await db.outbox.toArray();
      const ready = photosReady(await db.photos.toArray(), queue).filter((p) => !tried.has(p.id));
      ready.forEach((p) => tried.add(p.id));
      for (const p of ready) await uploadPhoto(p);
      if (pushed.sent === 0 && ready.length === 0) break;
      if (pushed.confirmed === 0 && ready.length === 0) break;
    }
    await fetchConflicts().catch(() => undefined);
    await setMeta('sessionExpired', false);
    await setMeta('lastSyncAt', nowIso());
    const left = (await db.outbox.filter((i) => !i.rejected).count()) + (await db.photos.count());
    await setState({
      state: left ? 'error' : 'done',
      message: left ? 'Sebagian belum terkirim. Dicoba lagi nanti.' : null,
      at: nowIso(),
    });
  } catch (e) {
    if (e instanceof SessionExpired) {
      await setMeta('sessionExpired', true);
      await setState({
        state: 'session',
        message: 'Sesi berakhir — masuk lagi. Data tetap tersimpan di ponsel.',
        at: nowIso(),
      });
    } else {
      const err = e as NetError;
      await setState({ state: err.status === 0 ? 'offline' : 'error', message: err.message, at: nowIso() });
    }
  }
}

let blocked: string | null = null;
/** Stops all sending (e.g. the outbox belongs to another officer than the one logged in). */
export function blockSync(reason: string | null): void {
  blocked = reason;
}

/** Sends what waits. `manual`: from the button (ignores the backoff). */
export function syncNow(manual = false): Promise<void> {
  if (blocked) return setState({ state: 'error', message: blocked, at: nowIso() });
  if (running) return running;
  running = (async () => {
    if (!manual) {
      const items = await db.outbox.toArray();
      const photos = await db.photos.toArray();
      if (!items.length && !photos.length) return;
      const due = [...items.filter((i) => !i.rejected), ...photos].some((i) =>
        isDue(i.lastAttemptAt, i.attempts, Date.now()),
      );
      if (!due) return;
    }
    await run();
  })().finally(() => {
    running = null;
  });
  return running;
}

let started = false;
/** Automatic sending: on `online`, on start, and every 30 s. */
export function startAutoSync(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void syncNow(true));
  window.setInterval(() => {
    if (navigator.onLine && current.state !== 'session') void syncNow(false);
  }, 30_000);
  if (navigator.onLine) void syncNow(true);
}

// --- the outbox file ------------------------------------------------------------------------------

interface OutboxFile {
  format: 'sambang-kotak-keluar';
  version: 1;
  exportedAt: string;
  user: unknown;
  items: OutboxItem[];
  photos: (Omit<PhotoItem, 'blob'> & { data: string })[];
}

async function toBase64(b: Blob): Promise<string> {
  const bytes = new Uint8Array(await b.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export async function exportOutbox(): Promise<Blob> {
  const items = await db.outbox.orderBy('seq').toArray();
  const photos = await db.photos.toArray();
  const file: OutboxFile = {
    format: 'sambang-kotak-keluar',
    version: 1,
    exportedAt: nowIso(),
    user: (await db.meta.get('me'))?.value ?? null,
    items,
    photos: await Promise.all(photos.map(async ({ blob, ...rest }) => ({ ...rest, data: await toBase64(blob) }))),
  };
  return new Blob([JSON.stringify(file)], { type: 'application/json' });
}

export async function importOutbox(text: string): Promise<{ added: number; skipped: number; photos: number }> {
  let file: OutboxFile;
  try {
    file = JSON.parse(text) as OutboxFile;
  } catch {
    throw new Error('Berkas ini bukan berkas kotak keluar Sambang.');
  }
  if (file?.format !== 'sambang-kotak-keluar' || !Array.isArray(file.items))
    throw new Error('Berkas ini bukan berkas kotak keluar Sambang.');
  let photos = 0;
  const res = await db.transaction('rw', [db.outbox, db.photos], async () => {
    const queue = await db.outbox.toArray();
    const m = mergeImported(queue, file.items);
    await db.outbox.bulkPut(m.queue);
    for (const p of file.photos ?? []) {
      if (await db.photos.get(p.id)) continue;
      const { data, ...rest } = p;
      const bin = atob(data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      await db.photos.put({
        ...rest,
        blob: new Blob([bytes], { type: p.contentType }),
        received: 0,
        attempts: 0,
        error: null,
      });
      photos++;
    }
    return m;
  });
  return { added: res.added, skipped: res.skipped, photos };
}
