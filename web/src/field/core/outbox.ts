/**
 * The pure core of the field outbox (issue #6 §4): queueing, coalescing edits, dedup on import,
 * retry with backoff and "nothing leaves the phone until the server answered for its changeId".
 * No Dexie, no fetch: the engine (../sync.ts) feeds it and stores what it returns. Unit-tested.
 */
import type { Change, OutboxItem, PhotoItem, Result, Snapshot } from './types';

/** At most this many changes per push (docs/SYNC.md). */
export const MAX_BATCH = 200;
/** Photo chunk size: the server takes at most 256 KiB per PUT. */
export const CHUNK_BYTES = 256 * 1024;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the phone believes the server holds for a record: the last confirmed snapshot with the fields
 * of changes already sent (maybe applied, answer not yet received) laid over it, in order.
 */
export function knownValues<F extends object>(
  snapshot: Snapshot<F>,
  queue: readonly OutboxItem[],
  entityId: string,
  kind: string,
): F {
  const known = { ...snapshot.fields } as Record<string, unknown>;
  for (const it of [...queue].sort((a, b) => a.seq - b.seq)) {
    if (it.change.entityId !== entityId || it.change.kind !== kind || !it.sent || it.rejected) continue;
    for (const [k, v] of Object.entries(it.change.fields ?? {}))
      known[k] = NESTED.has(k) ? { ...(known[k] as object), ...(v as object) } : v;
  }
  return known as F;
}

/**
 * Fields the server judges per part (docs/SYNC.md "Merge units"): `findings` per aspect and
 * `checklist` per indicator. Only the changed parts are sent, a removed part as null.
 */
export const NESTED = new Set(['findings', 'checklist']);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields of `draft` that differ from `known`, among `keys`. */
export function diffFields<F extends object>(
  known: F,
  draft: F,
  keys: readonly (keyof F & string)[],
): { fields: Record<string, unknown>; base: Record<string, unknown> } {
  const fields: Record<string, unknown> = {};
  const base: Record<string, unknown> = {};
  for (const k of keys) {
    const d = draft[k] as unknown;
    const b = known[k] as unknown;
    if (NESTED.has(k) && isObj(d) && isObj(b)) {
      const fd: Record<string, unknown> = {};
      const fb: Record<string, unknown> = {};
      for (const sub of new Set([...Object.keys(d), ...Object.keys(b)])) {
        const dv = d[sub] ?? null;
        const bv = b[sub] ?? null;
        if (!same(dv, bv)) {
          fd[sub] = dv;
          fb[sub] = bv;
        }
      }
      if (Object.keys(fd).length) {
        fields[k] = fd;
        base[k] = fb;
      }
    } else if (!same(d, b)) {
      fields[k] = d;
      base[k] = b;
    }
  }
  return { fields, base };
}

export interface PlanInput<F extends object> {
  queue: readonly OutboxItem[];
  kind: 'visit.update' | 'followUp.update';
  entityId: string;
  snapshot: Snapshot<F>;
  draft: F;
  keys: readonly (keyof F & string)[];
  now: string;
  newId: () => string;
  nextSeq: number;
  label: string;
}

/**
 * Brings the queue in line with an edited draft. The one unsent update of the record (if any) is
 * rewritten in place (same changeId: it never left the phone); sent ones are frozen, and what they
 * carry counts as known. Returns the new queue (unchanged items keep their identity).
 */
export function planUpdate<F extends object>(p: PlanInput<F>): OutboxItem[] {
  const open = p.queue.find(
    (it) => it.change.kind === p.kind && it.change.entityId === p.entityId && !it.sent && !it.rejected,
  );
  const rest = p.queue.filter((it) => it !== open);
  const known = knownValues(p.snapshot, rest, p.entityId, p.kind);
  const { fields, base } = diffFields(known, p.draft, p.keys);
  if (Object.keys(fields).length === 0) return rest;
  const change: Change = {
    changeId: open?.change.changeId ?? p.newId(),
    clientTime: p.now,
    kind: p.kind,
    entityId: p.entityId,
    baseVersion: p.snapshot.version,
    base,
    fields,
  };
  const item: OutboxItem = open
    ? { ...open, change, error: null }
    : {
        change,
        seq: p.nextSeq,
        createdAt: p.now,
        attempts: 0,
        lastAttemptAt: null,
        sent: false,
        rejected: false,
        error: null,
        label: p.label,
      };
  return [...rest, item].sort((a, b) => a.seq - b.seq);
}

/** A change (create, status, complete) queued as is. */
export function enqueue(
  queue: readonly OutboxItem[],
  change: Change,
  seq: number,
  label: string,
  now: string,
  needsPhoto: string | null = null,
): OutboxItem[] {
  if (queue.some((it) => it.change.changeId === change.changeId)) return [...queue];
  return [
    ...queue,
    {
      change,
      seq,
      createdAt: now,
      attempts: 0,
      lastAttemptAt: null,
      sent: false,
      rejected: false,
      error: null,
      needsPhoto,
      label,
    },
  ];
}

/**
 * The next changes to push: in order, not rejected, at most MAX_BATCH, stopping before a change that
 * waits for a photo not yet on the server (so later changes never overtake an earlier one).
 */
export function selectBatch(
  queue: readonly OutboxItem[],
  pendingPhotoIds: ReadonlySet<string>,
  max = MAX_BATCH,
): OutboxItem[] {
  const out: OutboxItem[] = [];
  for (const it of [...queue].sort((a, b) => a.seq - b.seq)) {
    if (it.rejected) continue;
    if (it.needsPhoto && pendingPhotoIds.has(it.needsPhoto)) break;
    out.push(it);
    if (out.length >= max) break;
  }
  return out;
}

/** Marks the batch as sent (frozen) before the request leaves: a lost answer must not let it change. */
export function markSent(queue: readonly OutboxItem[], batch: readonly OutboxItem[], now: string): OutboxItem[] {
  const ids = new Set(batch.map((b) => b.change.changeId));
  return queue.map((it) => (ids.has(it.change.changeId) ? { ...it, sent: true, lastAttemptAt: now } : it));
}

export interface Settled {
  /** Items still on the phone (no answer, or rejected). */
  queue: OutboxItem[];
  /** Changes the server answered for (applied, merged, conflict, duplicate): removed from the phone. */
  confirmed: { item: OutboxItem; result: Result }[];
  rejected: { item: OutboxItem; result: Result }[];
}

/**
 * Applies the server's answers. An item is removed only when a result carries its changeId and is
 * not `rejected`; an item without an answer stays, untouched except for its attempt count.
 */
export function settle(queue: readonly OutboxItem[], sentIds: readonly string[], results: readonly Result[]): Settled {
  const byId = new Map(results.map((r) => [r.changeId, r]));
  const sent = new Set(sentIds);
  const out: Settled = { queue: [], confirmed: [], rejected: [] };
  for (const it of queue) {
    const r = byId.get(it.change.changeId);
    if (!r) {
      out.queue.push(
        sent.has(it.change.changeId)
          ? { ...it, attempts: it.attempts + 1, error: it.error ?? 'Belum ada jawaban dari server.' }
          : it,
      );
      continue;
    }
    if (r.status === 'rejected') {
      const item = { ...it, rejected: true, error: r.error?.message || 'Ditolak oleh server.' };
      out.queue.push(item);
      out.rejected.push({ item, result: r });
    } else {
      out.confirmed.push({ item: it, result: r });
    }
  }
  return out;
}

/** After a failed push (network, 5xx, 401): every sent item counts one more attempt with the error. */
export function failBatch(queue: readonly OutboxItem[], batch: readonly OutboxItem[], error: string): OutboxItem[] {
  const ids = new Set(batch.map((b) => b.change.changeId));
  return queue.map((it) => (ids.has(it.change.changeId) ? { ...it, attempts: it.attempts + 1, error } : it));
}

/**
 * The new snapshot of a record after the server answered for an update: the values the phone sent
 * count as known. For a conflicted field that means "the server holds my value as a conflict": the
 * phone must not send it again with every later edit (it would raise the same conflict again); the
 * Konflik screen settles it, and `setField` then records the chosen value.
 */
export function snapshotAfter<F extends object>(snap: Snapshot<F>, change: Change, result: Result): Snapshot<F> {
  if (result.status === 'rejected') return snap;
  const fields = { ...snap.fields } as Record<string, unknown>;
  for (const [k, v] of Object.entries(change.fields ?? {})) {
    if (NESTED.has(k) && isObj(v)) {
      const merged: Record<string, unknown> = { ...(isObj(fields[k]) ? fields[k] : {}) };
      for (const [sub, sv] of Object.entries(v)) {
        if (sv === null && k === 'checklist') delete merged[sub];
        else merged[sub] = sv;
      }
      fields[k] = merged;
    } else fields[k] = v;
  }
  return { version: Math.max(snap.version, result.entity?.version ?? snap.version), fields: fields as F };
}

/** Delay before the next automatic attempt: 5 s, 10 s, 20 s … at most 5 minutes, with ±20 % jitter. */
export function backoffMs(attempts: number, random = Math.random): number {
  if (attempts <= 0) return 0;
  const base = Math.min(5 * 60_000, 5_000 * 2 ** (attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Whether an automatic attempt is due (a button press always sends). */
export function isDue(lastAttemptAt: string | null, attempts: number, now: number, random = () => 0.5): boolean {
  if (!lastAttemptAt || attempts === 0) return true;
  return now - Date.parse(lastAttemptAt) >= backoffMs(attempts, random);
}

/** Import of an outbox file: adds the items whose changeId is not already queued, after the rest. */
export function mergeImported(
  queue: readonly OutboxItem[],
  imported: readonly OutboxItem[],
): { queue: OutboxItem[]; added: number; skipped: number } {
  const have = new Set(queue.map((it) => it.change.changeId));
  let seq = queue.reduce((m, it) => Math.max(m, it.seq), 0);
  const out = [...queue];
  let added = 0;
  for (const it of [...imported].sort((a, b) => a.seq - b.seq)) {
    if (have.has(it.change.changeId)) continue;
    have.add(it.change.changeId);
    // Sent state travels with it: the other phone may have sent it; the server's dedup makes a resend safe.
    out.push({ ...it, seq: ++seq, rejected: false });
    added++;
  }
  return { queue: out, added, skipped: imported.length - added };
}

/** The next chunk of a photo to upload, or null when the server has all of it. */
export function nextChunk(size: number, received: number, chunk = CHUNK_BYTES): { offset: number; end: number } | null {
  if (received >= size) return null;
  const offset = Math.max(0, received);
  return { offset, end: Math.min(size, offset + chunk) };
}

/**
 * Photos that may be uploaded now: their target exists on the server (a follow-up created on this
 * phone must be confirmed first).
 */
export function photosReady(photos: readonly PhotoItem[], queue: readonly OutboxItem[]): PhotoItem[] {
  const pendingCreates = new Set(
    queue.filter((it) => it.change.kind.endsWith('.create')).map((it) => it.change.entityId),
  );
  return photos.filter((p) => !pendingCreates.has(p.target.id));
}

/** Totals for the outbox screen. */
export function totals(
  queue: readonly OutboxItem[],
  photos: readonly PhotoItem[],
): { items: number; photos: number; bytes: number; lastAttemptAt: string | null } {
  const bytes =
    queue.reduce((s, it) => s + new Blob([JSON.stringify(it.change)]).size, 0) +
    photos.reduce((s, p) => s + Math.max(0, p.size - p.received), 0);
  const times = [...queue.map((q) => q.lastAttemptAt), ...photos.map((p) => p.lastAttemptAt)]
    .filter((t): t is string => !!t)
    .sort();
  return { items: queue.length, photos: photos.length, bytes, lastAttemptAt: times.at(-1) ?? null };
}

/** Sets `field` ("recommendation", "findings.usaha", "checklist.K1") in a fields object. */
export function setField<F extends object>(fields: F, field: string, value: unknown): F {
  const [top = field, sub] = field.split('.', 2);
  const out = { ...fields } as Record<string, unknown>;
  if (sub === undefined) out[top] = value;
  else {
    const inner = { ...((out[top] as Record<string, unknown> | null) ?? {}) };
    if (value === null && top === 'checklist') delete inner[sub];
    else inner[sub] = value;
    out[top] = inner;
  }
  return out as F;
}
