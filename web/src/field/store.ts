/**
 * What the field screens do to the phone's store: prepare (download the pack), record a visit,
 * concerns, recommendations, follow-up edits and status, photos. Every action writes to Dexie at
 * once and puts the matching change in the outbox (core/outbox.ts decides what is queued).
 */
import { compressImage } from '../lib/image';
import { newId } from '../lib/visit-record';
import { enqueue, planUpdate } from './core/outbox';
import {
  FOLLOW_UP_FIELD_KEYS,
  VISIT_FIELD_KEYS,
  type Change,
  type FollowUpFields,
  type OutboxItem,
  type Pack,
  type PackItem,
  type PhotoItem,
  type Snapshot,
  type VisitFields,
} from './core/types';
import { db, getMeta, setMeta, type FollowUpRow } from './db';
import { saveNotices } from './notifications';
import { call } from './net';

export interface Me {
  id: string;
  username: string;
  fullName: string;
  role: string;
  bidang: string | null;
}

export const uuid = newId;
const nowIso = () => new Date().toISOString();

async function nextSeq(): Promise<number> {
  const last = await db.outbox.orderBy('seq').last();
  return (last?.seq ?? 0) + 1;
}

async function replaceQueue(before: OutboxItem[], after: OutboxItem[]): Promise<void> {
  const keep = new Set(after.map((i) => i.change.changeId));
  const gone = before.filter((i) => !keep.has(i.change.changeId)).map((i) => i.change.changeId);
  if (gone.length) await db.outbox.bulkDelete(gone);
  if (after.length) await db.outbox.bulkPut(after);
}

// --- session ------------------------------------------------------------------------------------

/** The logged-in user: asked from the server when online, else the last one seen on this phone. */
export async function loadMe(): Promise<{ me: Me | null; offline: boolean; otherOwner?: Me }> {
  try {
    const r = await call<{ user: Me }>('/auth/me', { timeoutMs: 8_000 });
    const owner = await getMeta<Me>('owner');
    if (owner && String(owner.id) !== String(r.user.id)) {
      // Another officer used this phone before. Their unsent changes must never go out under this
      // account; with nothing pending, their prepared visits are cleared for the new user.
      const pending = (await db.outbox.count()) + (await db.photos.count());
      if (pending > 0) return { me: r.user, offline: false, otherOwner: owner };
      await db.transaction('rw', [db.packs, db.records, db.followUps, db.concerns, db.conflicts, db.meta], async () => {
        await Promise.all([
          db.packs.clear(),
          db.records.clear(),
          db.followUps.clear(),
          db.concerns.clear(),
          db.conflicts.clear(),
          db.meta.delete('pack'),
        ]);
      });
    }
    await setMeta('owner', r.user);
    await setMeta('me', r.user);
    await setMeta('sessionExpired', false);
    return { me: r.user, offline: false };
  } catch (e) {
    const status = (e as { status?: number }).status ?? 0;
    if (status === 401) {
      const cached = await getMeta<Me>('me');
      // Records stay; the user logs in again and sync continues.
      if (cached) await setMeta('sessionExpired', true);
      return { me: null, offline: false };
    }
    return { me: (await getMeta<Me>('me')) ?? null, offline: true };
  }
}

// --- prepare ------------------------------------------------------------------------------------

export function visitFieldsOf(item: PackItem): VisitFields {
  const v = item.visit;
  return {
    attendance: (v.attendance ?? []).map((a) => ({ ...a })),
    findings: { kelembagaan: null, usaha: null, keuangan: null, pengawasanInternal: null, ...(v.findings ?? {}) },
    checklist: { ...(v.checklist?.answers ?? {}) },
    gps: v.gps ?? null,
    startTime: v.startTime ?? null,
    endTime: v.endTime ?? null,
  };
}

/** Downloads the visits of the coming days with all they need, into the phone's store. */
export async function preparePack(days = 7): Promise<{ visits: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(`/api/v1/field/pack?days=${days}`, {
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { Accept: 'application/json' },
  }).catch(() => null);
  if (!res)
    throw Object.assign(new Error('Tidak ada koneksi ke server. Siapkan kunjungan saat ada sinyal.'), { status: 0 });
  const text = await res.text();
  if (!res.ok) {
    if (res.status === 401) await setMeta('sessionExpired', true);
    let msg = res.status === 401 ? 'Sesi berakhir — masuk lagi.' : 'Gagal mengambil data kunjungan.';
    try {
      msg = (JSON.parse(text) as { error?: { message?: string } }).error?.message || msg;
    } catch {
      /* keep */
    }
    throw Object.assign(new Error(msg), { status: res.status });
  }
  const pack = JSON.parse(text) as Pack;
  const takenAt = nowIso();
  if (pack.notifications) await saveNotices(pack.notifications);
  const queue = await db.outbox.toArray();
  const pendingFor = new Set(queue.map((q) => q.change.entityId));
  await db.transaction('rw', [db.packs, db.records, db.followUps, db.meta], async () => {
    await setMeta('checklist', pack.checklist);
    await setMeta('pack', {
      generatedAt: pack.generatedAt,
      takenAt,
      days: pack.days,
      bytes: text.length,
      ms: Math.round(performance.now() - started),
    });
    const ids = new Set(pack.items.map((i) => i.visit.id));
    // Visits no longer in the pack are dropped only when nothing of theirs waits to be sent.
    for (const old of await db.packs.toArray()) {
      if (!ids.has(old.visitId) && !pendingFor.has(old.visitId)) {
        await db.packs.delete(old.visitId);
        await db.records.delete(old.visitId);
      }
    }
    for (const item of pack.items) {
      await db.packs.put({ visitId: item.visit.id, item, sizeBytes: new Blob([JSON.stringify(item)]).size, takenAt });
      const fields = visitFieldsOf(item);
      const existing = await db.records.get(item.visit.id);
      const snapshot: Snapshot<VisitFields> = { version: item.visit.version, fields };
      if (!existing)
        await db.records.put({
          visitId: item.visit.id,
          snapshot,
          draft: structuredClone(fields),
          updatedAt: takenAt,
          completed: false,
        });
      else if (!pendingFor.has(item.visit.id))
        await db.records.put({ ...existing, snapshot, draft: structuredClone(fields), updatedAt: takenAt });
      else if (existing.snapshot.version < snapshot.version) await db.records.put({ ...existing, snapshot });
      for (const f of item.followUps) {
        const fuFields: FollowUpFields = {
          recommendation: f.recommendation,
          deadline: f.deadline,
          monitoringPlan: f.monitoringPlan,
        };
        const ex = await db.followUps.get(f.id);
        const row: FollowUpRow = {
          id: f.id,
          visitId: item.visit.id,
          cooperativeId: item.cooperative.id,
          snapshot: { version: f.version, fields: fuFields },
          draft: { ...fuFields },
          concernId: f.concernId,
          status: f.status,
          local: false,
          updatedAt: takenAt,
        };
        if (!ex || !pendingFor.has(f.id)) await db.followUps.put(row);
        else if ((ex.snapshot?.version ?? 0) < f.version) await db.followUps.put({ ...ex, snapshot: row.snapshot });
      }
    }
  });
  return { visits: pack.items.length, bytes: text.length };
}

// --- recording ----------------------------------------------------------------------------------

/** Saves the visit draft and brings its outbox change up to date, in one transaction. */
export async function saveVisitDraft(visitId: string, draft: VisitFields, coopName: string): Promise<void> {
  await db.transaction('rw', [db.records, db.outbox], async () => {
    const rec = await db.records.get(visitId);
    if (!rec) return;
    await db.records.put({ ...rec, draft, updatedAt: nowIso() });
    const before = await db.outbox.toArray();
    const after = planUpdate({
      queue: before,
      kind: 'visit.update',
      entityId: visitId,
      snapshot: rec.snapshot,
      draft,
      keys: VISIT_FIELD_KEYS,
      now: nowIso(),
      newId: uuid,
      nextSeq: await nextSeq(),
      label: `Catatan kunjungan — ${coopName}`,
    });
    await replaceQueue(before, after);
  });
}

async function queueChange(
  change: Omit<Change, 'changeId' | 'clientTime'>,
  label: string,
  needsPhoto: string | null = null,
): Promise<void> {
  const full: Change = { ...change, changeId: uuid(), clientTime: nowIso() };
  const before = await db.outbox.toArray();
  const after = enqueue(before, full, await nextSeq(), label, nowIso(), needsPhoto);
  await replaceQueue(before, after);
}

export async function completeVisit(visitId: string, coopName: string): Promise<void> {
  await db.transaction('rw', [db.records, db.outbox], async () => {
    const rec = await db.records.get(visitId);
    if (!rec || rec.completed) return;
    await db.records.put({ ...rec, completed: true });
    await queueChange({ kind: 'visit.complete', entityId: visitId }, `Kunjungan selesai — ${coopName}`);
  });
}

export interface ConcernInput {
  kind: string;
  topic: string;
  description: string;
  raisedBy: string;
  severity: string;
}

export async function addConcern(item: PackItem, input: ConcernInput): Promise<string> {
  const id = uuid();
  await db.transaction('rw', [db.concerns, db.outbox], async () => {
    await db.concerns.put({
      id,
      visitId: item.visit.id,
      cooperativeId: item.cooperative.id,
      ...input,
      local: true,
      createdAt: nowIso(),
    });
    await queueChange(
      {
        kind: 'concern.create',
        entityId: id,
        fields: { cooperativeId: item.cooperative.id, visitId: item.visit.id, ...input },
      },
      `Permasalahan — ${item.cooperative.name}`,
    );
  });
  return id;
}

export interface RecommendationInput {
  concernId: string | null;
  recommendation: string;
  deadline: string;
  monitoringPlan: string | null;
  responsible: { kind: 'COOPERATIVE' | 'USER' | 'BIDANG'; userId: string | null; bidang: string | null };
}

export async function addRecommendation(item: PackItem, input: RecommendationInput): Promise<string> {
  const id = uuid();
  const fields: FollowUpFields = {
    recommendation: input.recommendation,
    deadline: input.deadline,
    monitoringPlan: input.monitoringPlan,
  };
  await db.transaction('rw', [db.followUps, db.outbox], async () => {
    await db.followUps.put({
      id,
      visitId: item.visit.id,
      cooperativeId: item.cooperative.id,
      // A follow-up made here starts at version 1 once the server creates it.
      snapshot: { version: 1, fields },
      draft: { ...fields },
      concernId: input.concernId,
      status: 'open',
      local: true,
      updatedAt: nowIso(),
    });
    await queueChange(
      {
        kind: 'followUp.create',
        entityId: id,
        fields: {
          cooperativeId: item.cooperative.id,
          visitId: item.visit.id,
          concernId: input.concernId,
          recommendation: input.recommendation,
          responsible: input.responsible,
          deadline: input.deadline,
          monitoringPlan: input.monitoringPlan,
        },
      },
      `Rekomendasi — ${item.cooperative.name}`,
    );
  });
  return id;
}

export async function saveFollowUpDraft(id: string, draft: FollowUpFields, coopName: string): Promise<void> {
  await db.transaction('rw', [db.followUps, db.outbox], async () => {
    const row = await db.followUps.get(id);
    if (!row || !row.snapshot) return;
    await db.followUps.put({ ...row, draft, updatedAt: nowIso() });
    const before = await db.outbox.toArray();
    const after = planUpdate({
      queue: before,
      kind: 'followUp.update',
      entityId: id,
      snapshot: row.snapshot,
      draft,
      keys: FOLLOW_UP_FIELD_KEYS,
      now: nowIso(),
      newId: uuid,
      nextSeq: await nextSeq(),
      label: `Ubah tindak lanjut — ${coopName}`,
    });
    await replaceQueue(before, after);
  });
}

async function storePhoto(
  file: Blob,
  target: PhotoItem['target'],
  visitId: string,
  caption: string | null,
): Promise<PhotoItem> {
  const c = await compressImage(file);
  const photo: PhotoItem = {
    id: uuid(),
    target,
    blob: c.blob,
    size: c.blob.size,
    contentType: c.blob.type || 'image/jpeg',
    caption,
    takenAt: nowIso(),
    width: c.width,
    height: c.height,
    originalBytes: c.originalBytes,
    received: 0,
    createdAt: nowIso(),
    attempts: 0,
    lastAttemptAt: null,
    error: null,
    visitId,
  };
  await db.photos.put(photo);
  return photo;
}

export const addVisitPhoto = (visitId: string, file: Blob, caption: string | null) =>
  storePhoto(file, { type: 'visit', id: visitId }, visitId, caption);

export async function setFollowUpStatus(
  row: FollowUpRow,
  coopName: string,
  status: 'in_progress' | 'done',
  note: string,
  photo: Blob | null,
): Promise<void> {
  const p = photo
    ? await storePhoto(photo, { type: 'followUp', id: row.id }, row.visitId, 'Bukti tindak lanjut')
    : null;
  await db.transaction('rw', [db.followUps, db.outbox], async () => {
    await db.followUps.put({ ...row, status, updatedAt: nowIso() });
    const fields: Record<string, unknown> = { status };
    if (status === 'done') fields.evidence = { note, photoId: p?.id ?? null, documentRef: null };
    else if (note) fields.note = note;
    await queueChange(
      { kind: 'followUp.status', entityId: row.id, baseVersion: row.snapshot?.version ?? 1, fields },
      `${status === 'done' ? 'Tindak lanjut selesai' : 'Tindak lanjut berjalan'} — ${coopName}`,
      p?.id ?? null,
    );
  });
}

/** A rejected change sent again (the server does not store rejections: it judges it anew). */
export async function retryOutboxItem(changeId: string): Promise<void> {
  await db.outbox.update(changeId, { rejected: false, error: null, attempts: 0, lastAttemptAt: null });
}

export async function dropOutboxItem(changeId: string): Promise<void> {
  await db.outbox.delete(changeId);
}
