import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  enqueue,
  failBatch,
  isDue,
  markSent,
  mergeImported,
  nextChunk,
  photosReady,
  planUpdate,
  selectBatch,
  setField,
  settle,
  snapshotAfter,
  totals,
  CHUNK_BYTES,
} from './outbox';
import type { Change, OutboxItem, PhotoItem, Snapshot } from './types';

interface F {
  a: string;
  b: string;
  c: string[];
}
const KEYS = ['a', 'b', 'c'] as const;
const snap: Snapshot<F> = { version: 3, fields: { a: 'A', b: 'B', c: [] } };
let n = 0;
const newId = () => `id-${++n}`;
const NOW = '2026-11-28T10:00:00.000Z';

function plan(queue: OutboxItem[], draft: F, snapshot = snap) {
  return planUpdate({
    queue,
    kind: 'visit.update',
    entityId: 'v1',
    snapshot,
    draft,
    keys: KEYS,
    now: NOW,
    newId,
    nextSeq: queue.length + 1,
    label: 'Catatan kunjungan',
  });
}
const create = (id: string): Change => ({
  changeId: `c-${id}`,
  clientTime: NOW,
  kind: 'concern.create',
  entityId: id,
  fields: { topic: 'x' },
});

describe('planUpdate', () => {
  it('queues only the changed fields, with the base the phone saw', () => {
    const q = plan([], { a: 'A2', b: 'B', c: [] });
    expect(q).toHaveLength(1);
    expect(q[0]?.change).toMatchObject({
      kind: 'visit.update',
      entityId: 'v1',
      baseVersion: 3,
      base: { a: 'A' },
      fields: { a: 'A2' },
    });
  });

  it('nothing changed: nothing queued; edited back: the unsent change disappears', () => {
    expect(plan([], { ...snap.fields })).toEqual([]);
    const q = plan([], { a: 'A2', b: 'B', c: [] });
    expect(plan(q, { a: 'A', b: 'B', c: [] })).toEqual([]);
  });

  it('rewrites the unsent change in place, keeping its changeId', () => {
    const q1 = plan([], { a: 'A2', b: 'B', c: [] });
    const q2 = plan(q1, { a: 'A3', b: 'B2', c: [] });
    expect(q2).toHaveLength(1);
    expect(q2[0]?.change.changeId).toBe(q1[0]?.change.changeId);
    expect(q2[0]?.change.fields).toEqual({ a: 'A3', b: 'B2' });
  });

  it('never edits a sent change: a new one carries the sent values as base', () => {
    const p0 = plan([], { a: 'A2', b: 'B', c: [] });
    const q1 = markSent(p0, p0, NOW);
    const sentId = q1[0]?.change.changeId;
    const q2 = plan(q1, { a: 'A3', b: 'B', c: ['x'] });
    expect(q2).toHaveLength(2);
    expect(q2[0]?.change.changeId).toBe(sentId);
    expect(q2[0]?.change.fields).toEqual({ a: 'A2' });
    expect(q2[1]?.change.changeId).not.toBe(sentId);
    expect(q2[1]?.change.base).toEqual({ a: 'A2', c: [] });
    expect(q2[1]?.change.fields).toEqual({ a: 'A3', c: ['x'] });
  });
});

describe('sending and settling', () => {
  it('removes an item only when the server answered for its changeId', () => {
    let q = enqueue(enqueue(enqueue([], create('1'), 1, 'x', NOW), create('2'), 2, 'x', NOW), create('3'), 3, 'x', NOW);
    const batch = selectBatch(q, new Set());
    q = markSent(q, batch, NOW);
    // The answer covers only the first two (e.g. a truncated response).
    const s = settle(
      q,
      batch.map((b) => b.change.changeId),
      [
        { changeId: 'c-1', status: 'applied', entity: { type: 'concern', id: '1', version: 1 } },
        { changeId: 'c-2', status: 'applied', duplicate: true },
      ],
    );
    expect(s.confirmed.map((c) => c.item.change.changeId)).toEqual(['c-1', 'c-2']);
    expect(s.queue.map((it) => it.change.changeId)).toEqual(['c-3']);
    expect(s.queue[0]?.attempts).toBe(1);
    expect(s.queue[0]?.sent).toBe(true);
  });

  it('a rejected change stays with its Indonesian error and is not sent again', () => {
    let q = enqueue([], create('1'), 1, 'x', NOW);
    q = markSent(q, q, NOW);
    const s = settle(
      q,
      ['c-1'],
      [{ changeId: 'c-1', status: 'rejected', error: { code: 'VALIDATION', message: 'Uraian wajib diisi.' } }],
    );
    expect(s.queue).toHaveLength(1);
    expect(s.queue[0]).toMatchObject({ rejected: true, error: 'Uraian wajib diisi.' });
    expect(selectBatch(s.queue, new Set())).toEqual([]);
  });

  it('conflict and merged answers confirm the change', () => {
    let q = enqueue(enqueue([], create('1'), 1, 'x', NOW), create('2'), 2, 'x', NOW);
    q = markSent(q, q, NOW);
    const s = settle(
      q,
      ['c-1', 'c-2'],
      [
        { changeId: 'c-2', status: 'conflict', conflicts: [{ id: 'k', field: 'a' }] },
        { changeId: 'c-1', status: 'merged' },
      ],
    );
    expect(s.queue).toEqual([]);
    expect(s.confirmed).toHaveLength(2);
  });

  it('a failed push keeps everything and counts the attempt', () => {
    let q = enqueue([], create('1'), 1, 'x', NOW);
    q = markSent(q, q, NOW);
    q = failBatch(q, q, 'Tidak ada sinyal.');
    expect(q[0]).toMatchObject({ attempts: 1, error: 'Tidak ada sinyal.', sent: true });
  });

  it('batches keep order, cap at 200 and stop before a change waiting for its photo', () => {
    let q: OutboxItem[] = [];
    for (let i = 1; i <= 250; i++) q = enqueue(q, create(String(i)), i, 'x', NOW);
    expect(selectBatch(q, new Set())).toHaveLength(200);
    q = enqueue(q, create('p'), 0, 'x', NOW, 'photo-1');
    q.sort((a, b) => a.seq - b.seq);
    expect(selectBatch(q, new Set(['photo-1']))).toEqual([]);
    expect(selectBatch(q, new Set())).toHaveLength(200);
  });

  it('enqueue ignores a changeId already queued', () => {
    const q = enqueue(enqueue([], create('1'), 1, 'x', NOW), create('1'), 2, 'x', NOW);
    expect(q).toHaveLength(1);
  });
});

describe('per-part fields (findings, checklist)', () => {
  interface V {
    findings: Record<string, string | null>;
    checklist: Record<string, { result: string } | null>;
    gps: null;
  }
  const vs: Snapshot<V> = {
    version: 2,
    fields: { findings: { usaha: 'lama', keuangan: null }, checklist: { K1: { result: 'SESUAI' } }, gps: null },
  };
  const planV = (queue: OutboxItem[], draft: V) =>
    planUpdate({
      queue,
      kind: 'visit.update',
      entityId: 'v',
      snapshot: vs,
      draft,
      keys: ['findings', 'checklist', 'gps'],
      now: NOW,
      newId,
      nextSeq: 1,
      label: 'x',
    });
  it('sends only the changed aspect and indicator, a removed answer as null', () => {
    const q = planV([], {
      findings: { usaha: 'lama', keuangan: 'baru' },
      checklist: { K2: { result: 'CUKUP' } },
      gps: null,
    });
    expect(q[0]?.change.fields).toEqual({
      findings: { keuangan: 'baru' },
      checklist: { K1: null, K2: { result: 'CUKUP' } },
    });
    expect(q[0]?.change.base).toEqual({
      findings: { keuangan: null },
      checklist: { K1: { result: 'SESUAI' }, K2: null },
    });
  });
  it('after a conflict, a later edit of another part does not send the conflicted part again', () => {
    const draft = { findings: { usaha: 'x', keuangan: 'y' }, checklist: { K1: { result: 'SESUAI' } }, gps: null };
    const [first] = planV([], draft);
    if (!first) throw new Error('Expected a planned change.');
    const s = snapshotAfter(vs, first.change, {
      changeId: first.change.changeId,
      status: 'conflict',
      conflicts: [{ id: 'k', field: 'findings.usaha' }],
      entity: { type: 'visit', id: 'v', version: 3 },
    });
    expect(s).toEqual({
      version: 3,
      fields: { findings: { usaha: 'x', keuangan: 'y' }, checklist: { K1: { result: 'SESUAI' } }, gps: null },
    });
    const later = planUpdate({
      queue: [],
      kind: 'visit.update',
      entityId: 'v',
      snapshot: s,
      draft: { ...draft, findings: { ...draft.findings, keuangan: 'z' } },
      keys: ['findings', 'checklist', 'gps'],
      now: NOW,
      newId,
      nextSeq: 1,
      label: 'x',
    });
    expect(later[0]?.change.fields).toEqual({ findings: { keuangan: 'z' } });
  });
});

describe('snapshotAfter', () => {
  it('takes the sent values and the new version; a rejection changes nothing', () => {
    const change: Change = {
      changeId: 'x',
      clientTime: NOW,
      kind: 'visit.update',
      entityId: 'v1',
      baseVersion: 3,
      base: { a: 'A', b: 'B' },
      fields: { a: 'A2', b: 'B2' },
    };
    expect(
      snapshotAfter(snap, change, {
        changeId: 'x',
        status: 'applied',
        entity: { type: 'visit', id: 'v1', version: 4 },
      }),
    ).toEqual({ version: 4, fields: { a: 'A2', b: 'B2', c: [] } });
    expect(snapshotAfter(snap, change, { changeId: 'x', status: 'rejected', error: { code: 'X', message: 'x' } })).toBe(
      snap,
    );
  });
});

describe('retry timing', () => {
  it('backs off exponentially to at most 5 minutes', () => {
    const mid = () => 0.5;
    expect(backoffMs(0, mid)).toBe(0);
    expect(backoffMs(1, mid)).toBe(5_000);
    expect(backoffMs(2, mid)).toBe(10_000);
    expect(backoffMs(20, mid)).toBe(300_000);
    expect(backoffMs(3, () => 0)).toBe(16_000);
    expect(backoffMs(3, () => 1)).toBe(24_000);
  });
  it('is due after the delay', () => {
    const t = Date.parse(NOW);
    expect(isDue(null, 0, t)).toBe(true);
    expect(isDue(NOW, 2, t + 9_000)).toBe(false);
    expect(isDue(NOW, 2, t + 10_000)).toBe(true);
  });
});

describe('outbox file import', () => {
  it('adds only unknown changeIds, after the existing ones', () => {
    const q = enqueue(enqueue([], create('1'), 1, 'x', NOW), create('2'), 2, 'x', NOW);
    const other = enqueue(enqueue([], create('2'), 1, 'x', NOW), create('3'), 2, 'x', NOW);
    const m = mergeImported(q, other);
    expect(m.added).toBe(1);
    expect(m.skipped).toBe(1);
    expect(m.queue.map((it) => it.change.changeId)).toEqual(['c-1', 'c-2', 'c-3']);
    expect(m.queue[2]?.seq).toBe(3);
    expect(mergeImported(m.queue, other).added).toBe(0);
  });
});

describe('photos', () => {
  it('chunks resume from what the server received', () => {
    expect(nextChunk(600_000, 0)).toEqual({ offset: 0, end: CHUNK_BYTES });
    expect(nextChunk(600_000, CHUNK_BYTES * 2)).toEqual({ offset: CHUNK_BYTES * 2, end: 600_000 });
    expect(nextChunk(600_000, 600_000)).toBeNull();
  });
  it('wait for the follow-up they belong to', () => {
    const photo = (id: string, target: string): PhotoItem =>
      ({ id, target: { type: 'followUp', id: target }, size: 10, received: 0 }) as unknown as PhotoItem;
    const q = enqueue(
      [],
      { changeId: 'c', clientTime: NOW, kind: 'followUp.create', entityId: 'f1', fields: {} },
      1,
      'x',
      NOW,
    );
    expect(photosReady([photo('p1', 'f1'), photo('p2', 'f2')], q).map((p) => p.id)).toEqual(['p2']);
  });
  it('totals count items, photos and bytes left', () => {
    const q = enqueue([], create('1'), 1, 'x', NOW);
    const t = totals(q, [{ id: 'p', size: 1000, received: 400, lastAttemptAt: NOW } as unknown as PhotoItem]);
    expect(t.items).toBe(1);
    expect(t.photos).toBe(1);
    expect(t.bytes).toBeGreaterThan(600);
    expect(t.lastAttemptAt).toBe(NOW);
  });
});

describe('setField (after a conflict is resolved)', () => {
  it('sets a whole field or one part of findings / checklist', () => {
    expect(setField({ recommendation: 'a', deadline: 'd' }, 'recommendation', 'b')).toEqual({
      recommendation: 'b',
      deadline: 'd',
    });
    expect(setField({ findings: { usaha: 'x', keuangan: 'y' } }, 'findings.usaha', 'z')).toEqual({
      findings: { usaha: 'z', keuangan: 'y' },
    });
    expect(
      setField({ checklist: { K1: { result: 'SESUAI' }, K2: { result: 'CUKUP' } } }, 'checklist.K1', null),
    ).toEqual({ checklist: { K2: { result: 'CUKUP' } } });
  });
});
