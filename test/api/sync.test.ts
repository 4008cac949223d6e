import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removePhoto } from '../../src/app/photos/photo-store.js';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

/** Field sync (issue 6, docs/SYNC.md): push, merge, conflicts, the field pack and chunked photos — on both databases. */
const jakartaToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(DB_KINDS)('field sync on %s', (kind) => {
  let api: Api;
  const c: Record<string, string> = {};
  const id: Record<string, string> = {};
  let otherCoop: string;

  beforeAll(async () => {
    api = await startApi(kind);
    for (const u of [
      'admin',
      'pimpinan',
      'petugas.koperasi',
      'petugas.usahamikro',
      'petugas.industri',
      'dewirengganis',
    ])
      c[u] = await api.login(u);
    for (const u of await api.deps.db.kysely.selectFrom('users').select(['id', 'username']).execute())
      id[u.username] = u.id;
    otherCoop = (
      await api.req({ method: 'GET', url: '/api/v1/cooperatives?group=KUD&status=AKTIF&pageSize=1', cookie: c.admin })
    ).json().items[0].id;
  });
  afterAll(async () => {
    for (const p of await api.deps.db.kysely.selectFrom('photos').select('file_name').execute())
      await removePhoto(api.deps, p.file_name);
    await api?.close();
  });

  const send = (method: string, url: string, body: unknown, who = 'petugas.koperasi') =>
    api.req({ method, url, cookie: c[who], body });
  const get = (url: string, who = 'petugas.koperasi') => api.req({ method: 'GET', url, cookie: c[who] });
  const push = async (changes: unknown[], who = 'petugas.koperasi') => {
    const res = await send('POST', '/api/v1/sync/push', { changes }, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().results as {
      changeId: string;
      status: string;
      duplicate?: true;
      entity?: { id: string; version: number };
      conflicts?: { id: string; field: string }[];
      error?: { code: string; message: string };
    }[];
  };
  const count = async (
    table: 'sync_changes' | 'concerns' | 'follow_ups' | 'photos' | 'sync_conflicts',
    col: string,
    value: string,
  ) =>
    Number(
      (
        await api.deps.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(col as never, '=', value as never)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = async (entityId: string, action: string) =>
    api.deps.db.kysely
      .selectFrom('audit_events')
      .select(['actor_id', 'changes'])
      .where('entity_id', '=', entityId)
      .where('action', '=', action)
      .execute();

  /** A visit today to the other cooperative, led by petugas.koperasi with petugas.usahamikro. */
  async function planVisit(over: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
    const res = await send(
      'POST',
      '/api/v1/visits',
      {
        cooperativeId: otherCoop,
        date: jakartaToday(),
        startTime: '09:00',
        purposes: ['PEMBINAAN'],
        team: [{ userId: id['petugas.koperasi'], leader: true }, { userId: id['petugas.usahamikro'] }],
        ...over,
      },
      'admin',
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  async function followUpOn(visitId: string): Promise<{ id: string; version: number; deadline: string }> {
    const res = await send('POST', '/api/v1/follow-ups', {
      visitId,
      recommendation: 'Perbarui daftar anggota dan simpanan wajib.',
      responsible: { kind: 'COOPERATIVE' },
      deadline: addDays(jakartaToday(), 30),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const concernChange = (over: Record<string, unknown> = {}) => ({
    changeId: randomUUID(),
    clientTime: new Date().toISOString(),
    kind: 'concern.create',
    entityId: randomUUID(),
    fields: {
      cooperativeId: otherCoop,
      kind: 'KELUHAN',
      topic: 'lainnya',
      description: 'Pengurus mengeluhkan sinyal di balai desa.',
      raisedBy: 'Ketua Koperasi',
      severity: 'sedang',
    },
    ...over,
  });

  describe('exactly once', () => {
    it('applies a change sent twice once and answers the copy with the first outcome', async () => {
      const change = concernChange();
      const [first, copyInBatch] = await push([change, change]);
      expect(first).toMatchObject({
        changeId: change.changeId,
        status: 'applied',
        entity: { id: change.entityId, version: 1 },
      });
      expect(first!.duplicate).toBeUndefined();
      expect(copyInBatch).toMatchObject({ status: 'applied', duplicate: true, entity: { id: change.entityId } });
      const [later] = await push([change]);
      expect(later).toMatchObject({ status: 'applied', duplicate: true });
      expect(await count('concerns', 'id', change.entityId)).toBe(1);
      expect(await count('sync_changes', 'change_id', change.changeId)).toBe(1);
      expect(await audits(change.entityId, 'concern.create')).toHaveLength(1);
    });

    it('refuses a change id already used by another user, without telling its outcome', async () => {
      const change = concernChange();
      await push([change]);
      const [res] = await push([change], 'petugas.usahamikro');
      expect(res).toMatchObject({ status: 'rejected', error: { code: 'CONFLICT' } });
      expect(res!.error!.message).toMatch(/sudah dipakai/);
      expect(res!.entity).toBeUndefined();
    });
  });

  describe('merging offline edits', () => {
    it('merges fields nobody else touched after the record moved on', async () => {
      const visit = await planVisit();
      const moved = await send(
        'PATCH',
        `/api/v1/visits/${visit.id}`,
        { findings: { usaha: 'Unit toko ramai.' }, version: 1 },
        'petugas.usahamikro',
      );
      expect(moved.statusCode, moved.body).toBe(200);
      const [res] = await push([
        {
          changeId: randomUUID(),
          kind: 'visit.update',
          entityId: visit.id,
          baseVersion: 1,
          base: { findings: { kelembagaan: null }, checklist: { K1: null }, endTime: null },
          fields: { findings: { kelembagaan: 'Pengurus lengkap, rapat rutin bulanan.' }, endTime: '11:30' },
        },
      ]);
      expect(res).toMatchObject({ status: 'merged', entity: { id: visit.id, version: 3 } });
      const v = (await get(`/api/v1/visits/${visit.id}`)).json();
      expect(v.findings).toMatchObject({
        usaha: 'Unit toko ramai.',
        kelembagaan: 'Pengurus lengkap, rapat rutin bulanan.',
      });
      expect(v.endTime).toBe('11:30');
      const merge = await audits(visit.id, 'sync.merge');
      expect(merge).toHaveLength(1);
      expect(merge[0]!.actor_id).toBe(id['petugas.koperasi']);
    });

    it('does nothing for a field the server already holds with the phone value', async () => {
      const visit = await planVisit();
      await send(
        'PATCH',
        `/api/v1/visits/${visit.id}`,
        { findings: { usaha: 'Sama persis.' }, version: 1 },
        'petugas.usahamikro',
      );
      const [res] = await push([
        {
          changeId: randomUUID(),
          kind: 'visit.update',
          entityId: visit.id,
          baseVersion: 1,
          base: { findings: { usaha: null } },
          fields: { findings: { usaha: 'Sama persis.' } },
        },
      ]);
      expect(res).toMatchObject({ status: 'merged', entity: { version: 2 } });
      expect(res!.conflicts).toBeUndefined();
    });

    it('two officers edit the same follow-up offline: the first push applies, the second shows a conflict that a user resolves', async () => {
      const visit = await planVisit();
      const f = await followUpOn(visit.id);
      const d0 = f.deadline;
      const [a] = await push([
        {
          changeId: randomUUID(),
          kind: 'followUp.update',
          entityId: f.id,
          baseVersion: f.version,
          base: { deadline: d0 },
          fields: { deadline: addDays(d0, 7) },
        },
      ]);
      expect(a).toMatchObject({ status: 'applied', entity: { id: f.id, version: 2 } });
      const [b] = await push(
        [
          {
            changeId: randomUUID(),
            kind: 'followUp.update',
            entityId: f.id,
            baseVersion: f.version,
            base: { deadline: d0, monitoringPlan: null },
            fields: { deadline: addDays(d0, 14), monitoringPlan: 'Cek buku anggota tiap bulan.' },
          },
        ],
        'petugas.usahamikro',
      );
      expect(b).toMatchObject({
        status: 'conflict',
        entity: { id: f.id, version: 3 },
        conflicts: [{ field: 'deadline' }],
      });
      const after = (await get(`/api/v1/follow-ups/${f.id}`)).json();
      expect(after.deadline).toBe(addDays(d0, 7)); // the server value stays
      expect(after.monitoringPlan).toBe('Cek buku anggota tiap bulan.'); // the non-overlapping field merged

      const list = await get('/api/v1/sync/conflicts?status=open', 'petugas.usahamikro');
      expect(list.statusCode).toBe(200);
      const item = list.json().items.find((k: { id: string }) => k.id === b!.conflicts![0]!.id);
      expect(item).toMatchObject({
        entityType: 'followUp',
        entityId: f.id,
        field: 'deadline',
        fieldLabel: 'Tenggat',
        baseValue: d0,
        serverValue: addDays(d0, 7),
        clientValue: addDays(d0, 14),
        user: { id: id['petugas.usahamikro'] },
        status: 'open',
        cooperative: { id: otherCoop },
      });
      expect(
        (await get('/api/v1/sync/conflicts', 'pimpinan')).json().items.some((k: { id: string }) => k.id === item.id),
      ).toBe(true);
      expect(
        (await get('/api/v1/sync/conflicts', 'petugas.industri'))
          .json()
          .items.some((k: { id: string }) => k.id === item.id),
      ).toBe(false);
      expect((await get('/api/v1/sync/conflicts', 'dewirengganis')).statusCode).toBe(403);
      expect(await audits(f.id, 'sync.conflict')).toHaveLength(1);

      const stranger = await send(
        'POST',
        `/api/v1/sync/conflicts/${item.id}/resolve`,
        { choice: 'client' },
        'petugas.industri',
      );
      expect(stranger.statusCode).toBe(403);
      const resolved = await send('POST', `/api/v1/sync/conflicts/${item.id}/resolve`, { choice: 'client' }, 'admin');
      expect(resolved.statusCode, resolved.body).toBe(200);
      expect(resolved.json()).toMatchObject({
        conflict: {
          status: 'resolved',
          resolvedBy: { id: id.admin },
          resolution: { choice: 'client', value: addDays(d0, 14) },
        },
        entity: { id: f.id, version: 4 },
      });
      expect((await get(`/api/v1/follow-ups/${f.id}`)).json()).toMatchObject({ deadline: addDays(d0, 14), version: 4 });
      const audit = await audits(f.id, 'sync.conflict_resolve');
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_id).toBe(id.admin);
      expect(JSON.parse(audit[0]!.changes).deadline).toEqual({ before: addDays(d0, 7), after: addDays(d0, 14) });
      const again = await send('POST', `/api/v1/sync/conflicts/${item.id}/resolve`, { choice: 'server' }, 'admin');
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toMatch(/sudah diselesaikan/);
    });

    it('resolves a visit conflict with a value typed by the resolver, or keeps the server value', async () => {
      const visit = await planVisit();
      await send(
        'PATCH',
        `/api/v1/visits/${visit.id}`,
        { findings: { usaha: 'Versi kantor.' }, startTime: '08:00', version: 1 },
        'petugas.usahamikro',
      );
      const [res] = await push([
        {
          changeId: randomUUID(),
          kind: 'visit.update',
          entityId: visit.id,
          baseVersion: 1,
          base: { findings: { usaha: null }, startTime: '09:00' },
          fields: { findings: { usaha: 'Versi lapangan.' }, startTime: '08:30' },
        },
      ]);
      expect(res!.status).toBe('conflict');
      expect(res!.conflicts!.map((k) => k.field).sort()).toEqual(['findings.usaha', 'startTime']);
      const byField = Object.fromEntries(res!.conflicts!.map((k) => [k.field, k.id]));
      const bad = await send('POST', `/api/v1/sync/conflicts/${byField['startTime']}/resolve`, {
        choice: 'custom',
        value: 'jam sembilan',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.value).toMatch(/Jam mulai/);
      const custom = await send('POST', `/api/v1/sync/conflicts/${byField['findings.usaha']}/resolve`, {
        choice: 'custom',
        value: 'Versi kantor dan lapangan.',
      });
      expect(custom.statusCode, custom.body).toBe(200);
      const kept = await send('POST', `/api/v1/sync/conflicts/${byField['startTime']}/resolve`, { choice: 'server' });
      expect(kept.statusCode, kept.body).toBe(200);
      const v = (await get(`/api/v1/visits/${visit.id}`)).json();
      expect(v.findings.usaha).toBe('Versi kantor dan lapangan.');
      expect(v.startTime).toBe('08:00');
      expect(kept.json().entity.version).toBe(v.version);
      expect(custom.json().conflict.fieldLabel).toMatch(/^Temuan: /);
    });
  });

  describe('rejections and permissions', () => {
    it('rejects a bad change with an Indonesian message, stores nothing for it, and applies the next', async () => {
      const visit = await planVisit();
      const bad = {
        changeId: randomUUID(),
        kind: 'followUp.create',
        entityId: randomUUID(),
        fields: {
          cooperativeId: otherCoop,
          visitId: visit.id,
          recommendation: 'Tenggat sebelum kunjungan.',
          responsible: { kind: 'COOPERATIVE' },
          deadline: '2020-01-01',
          monitoringPlan: null,
        },
      };
      const good = concernChange();
      const [r1, r2] = await push([bad, good]);
      expect(r1).toMatchObject({ status: 'rejected', error: { code: 'VALIDATION' } });
      expect(r1!.error!.message).toMatch(/belum benar/);
      expect(r2).toMatchObject({ status: 'applied' });
      expect(await count('sync_changes', 'change_id', bad.changeId)).toBe(0);
      expect(await count('follow_ups', 'id', bad.entityId)).toBe(0);
    });

    it('holds the normal rules: a koperasi user cannot push visit updates, a petugas only on their own visits', async () => {
      const visit = await planVisit({ cooperativeId: DEWI_ID });
      const update = (who: string) =>
        push(
          [
            {
              changeId: randomUUID(),
              kind: 'visit.update',
              entityId: visit.id,
              baseVersion: 1,
              base: {},
              fields: { findings: { usaha: `oleh ${who}` } },
            },
          ],
          who,
        );
      const [kop] = await update('dewirengganis');
      expect(kop).toMatchObject({ status: 'rejected', error: { code: 'FORBIDDEN' } });
      const [stranger] = await update('petugas.industri');
      expect(stranger).toMatchObject({ status: 'rejected', error: { code: 'FORBIDDEN' } });
      expect(stranger!.error!.message).toMatch(/anggota tim/);
      const [member] = await update('petugas.usahamikro');
      expect(member).toMatchObject({ status: 'applied' });
      expect((await send('POST', '/api/v1/sync/push', { changes: [] }, 'pimpinan')).statusCode).toBe(403);
      // A koperasi user may raise a concern for its own cooperative (as on its portal), not for another.
      const [own] = await push(
        [
          concernChange({
            fields: {
              cooperativeId: DEWI_ID,
              kind: 'KELUHAN',
              topic: 'lainnya',
              description: 'Dari portal koperasi.',
              raisedBy: null,
              severity: 'rendah',
            },
          }),
        ],
        'dewirengganis',
      );
      expect(own).toMatchObject({ status: 'applied' });
      const [foreign] = await push([concernChange()], 'dewirengganis');
      expect(foreign).toMatchObject({ status: 'rejected', error: { code: 'FORBIDDEN' } });
    });

    it('refuses more than 200 changes and malformed changes as a whole, never with a 500', async () => {
      const many = Array.from({ length: 201 }, () => concernChange());
      const res = await send('POST', '/api/v1/sync/push', { changes: many });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/belum benar/);
      for (const body of [
        { changes: [{ kind: 'visit.update' }] },
        { changes: [{ ...concernChange(), kind: 'nope' }] },
        { changes: 'x' },
        {},
      ]) {
        expect((await send('POST', '/api/v1/sync/push', body)).statusCode).toBe(400);
      }
    });
  });

  describe('the field pack', () => {
    it('holds only my visits from yesterday to the window, with what I need about each cooperative', async () => {
      const today = jakartaToday();
      const mine = await planVisit({ cooperativeId: DEWI_ID });
      const later = await planVisit({ cooperativeId: DEWI_ID, date: addDays(today, 20) });
      const notMine = await planVisit({ team: [{ userId: id['petugas.industri'], leader: true }] });
      const cancelled = await planVisit();
      await send('POST', `/api/v1/visits/${cancelled.id}/cancel`, { reason: 'Jalan tertutup longsor.' }, 'admin');
      const f = await followUpOn(mine.id);
      const res = await get('/api/v1/field/pack?days=7');
      expect(res.statusCode, res.body).toBe(200);
      const pack = res.json();
      const ids = pack.items.map((i: { visit: { id: string } }) => i.visit.id);
      expect(ids).toContain(mine.id);
      for (const other of [later.id, notMine.id, cancelled.id]) expect(ids).not.toContain(other);
      for (const item of pack.items) {
        expect(item.visit.team.map((m: { userId: string }) => m.userId)).toContain(id['petugas.koperasi']);
        expect(item.visit.date >= addDays(today, -1) && item.visit.date <= addDays(today, 7)).toBe(true);
      }
      const item = pack.items.find((i: { visit: { id: string } }) => i.visit.id === mine.id);
      expect(item.cooperative).toMatchObject({ id: DEWI_ID, name: 'Kopwan Dewi Rengganis' });
      expect(item.officers.length).toBeGreaterThan(0);
      expect(item.rat).toHaveProperty('years');
      expect(item.followUps.map((x: { id: string }) => x.id)).toContain(f.id);
      expect(item.followUps.every((x: { status: string }) => x.status === 'open' || x.status === 'in_progress')).toBe(
        true,
      );
      expect(item.concerns.every((x: { status: string }) => x.status !== 'closed')).toBe(true);
      expect(pack.checklist.areas.length).toBeGreaterThan(0);
      expect(pack.days).toBe(7);
      const wide = (await get('/api/v1/field/pack?days=30')).json();
      expect(wide.items.map((i: { visit: { id: string } }) => i.visit.id)).toContain(later.id);
      expect((await get('/api/v1/field/pack', 'dewirengganis')).statusCode).toBe(403);
      expect((await get('/api/v1/field/pack', 'pimpinan')).statusCode).toBe(403);
      expect((await get('/api/v1/field/pack?days=400')).statusCode).toBe(400);
    });
  });

  describe('photos in chunks', () => {
    it('refuses a wrong offset with the resume point, resumes, stores one photo under the upload id, and answers a re-sent last chunk with it', async () => {
      const visit = await planVisit();
      // A real PNG followed by padding: three chunks of up to 128 KiB.
      const bytes = Buffer.concat([PNG_1x1, Buffer.alloc(300_000, 7)]);
      const uploadId = randomUUID();
      const start = {
        id: uploadId,
        target: { type: 'visit', id: visit.id },
        size: bytes.length,
        contentType: 'image/png',
        caption: 'Papan nama koperasi',
      };
      const started = await send('POST', '/api/v1/uploads', start);
      expect(started.statusCode, started.body).toBe(200);
      expect(started.json()).toEqual({ id: uploadId, size: bytes.length, received: 0, photo: null });
      const chunk = (offset: number, part: Buffer, who = 'petugas.koperasi') =>
        api.req({
          method: 'PUT',
          url: `/api/v1/uploads/${uploadId}?offset=${offset}`,
          cookie: c[who],
          headers: { 'content-type': 'application/octet-stream' },
          body: part,
        });
      const K = 128 * 1024;
      expect((await chunk(0, bytes.subarray(0, K))).json()).toMatchObject({ received: K, photo: null });
      const dup = await chunk(0, bytes.subarray(0, K));
      expect(dup.statusCode).toBe(409);
      expect(dup.json().received).toBe(K);
      expect(dup.json().error.message).toMatch(/lanjutkan/);
      expect((await chunk(2 * K, bytes.subarray(2 * K))).json().received).toBe(K);
      // The phone lost track: asking again gives the resume point.
      expect((await send('POST', '/api/v1/uploads', start)).json().received).toBe(K);
      expect((await chunk(K, bytes.subarray(K, 2 * K))).json().received).toBe(2 * K);
      const last = await chunk(2 * K, bytes.subarray(2 * K));
      expect(last.statusCode, last.body).toBe(200);
      expect(last.json()).toMatchObject({
        received: bytes.length,
        photo: { id: uploadId, contentType: 'image/png', caption: 'Papan nama koperasi' },
      });
      const photo = await get(`/api/v1/photos/${uploadId}`);
      expect(photo.statusCode).toBe(200);
      expect(Buffer.compare(photo.rawPayload, bytes)).toBe(0);
      const again = await chunk(2 * K, bytes.subarray(2 * K));
      expect(again.statusCode).toBe(200);
      expect(again.json().photo.id).toBe(uploadId);
      expect(await count('photos', 'id', uploadId)).toBe(1);
      expect(await audits(visit.id, 'photo.upload')).toHaveLength(1);
      expect((await get(`/api/v1/uploads/${uploadId}`)).json()).toMatchObject({
        received: bytes.length,
        photo: { id: uploadId },
      });
      expect((await get(`/api/v1/uploads/${uploadId}`, 'petugas.usahamikro')).statusCode).toBe(404);
      expect((await get(`/api/v1/uploads/${uploadId}`, 'dewirengganis')).statusCode).toBe(403);
    });

    it('refuses an oversized chunk, a photo over 5 MB, and someone off the team', async () => {
      const visit = await planVisit();
      const uploadId = randomUUID();
      const start = { id: uploadId, target: { type: 'visit', id: visit.id }, size: 400_000, contentType: 'image/png' };
      expect((await send('POST', '/api/v1/uploads', start, 'petugas.industri')).statusCode).toBe(403);
      expect((await send('POST', '/api/v1/uploads', { ...start, size: 6 * 1024 * 1024 })).statusCode).toBe(400);
      expect((await send('POST', '/api/v1/uploads', start)).statusCode).toBe(200);
      const big = await api.req({
        method: 'PUT',
        url: `/api/v1/uploads/${uploadId}?offset=0`,
        cookie: c['petugas.koperasi'],
        headers: { 'content-type': 'application/octet-stream' },
        body: Buffer.alloc(300_000),
      });
      expect([400, 413]).toContain(big.statusCode);
      const json = await api.req({
        method: 'PUT',
        url: `/api/v1/uploads/${uploadId}?offset=0`,
        cookie: c['petugas.koperasi'],
        body: { x: 1 },
      });
      expect(json.statusCode).toBe(400);
      expect((await get(`/api/v1/uploads/${uploadId}`)).json().received).toBe(0);
    });
  });
  describe('concurrency and bad input', () => {
    it('applies the same change sent five times at once exactly once', async () => {
      const visit = await planVisit();
      const f = await followUpOn(visit.id);
      const change = {
        changeId: randomUUID(),
        kind: 'followUp.update',
        entityId: f.id,
        baseVersion: 1,
        base: { monitoringPlan: null },
        fields: { monitoringPlan: 'Sekali saja.' },
      };
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => send('POST', '/api/v1/sync/push', { changes: [change] })),
      );
      const results = answers.map((a) => a.json().results[0]);
      expect(results.filter((r) => r.status === 'applied' && !r.duplicate)).toHaveLength(1);
      expect(results.filter((r) => r.duplicate)).toHaveLength(4);
      expect((await get(`/api/v1/follow-ups/${f.id}`)).json()).toMatchObject({
        monitoringPlan: 'Sekali saja.',
        version: 2,
      });
      expect(await audits(f.id, 'follow_up.update')).toHaveLength(1);
    });

    it('answers random changes with a result per change or a 400, never a 500', async () => {
      const visit = await planVisit();
      const f = await followUpOn(visit.id);
      const today = jakartaToday();
      // Mostly well-formed changes with random contents (they reach the rules), some malformed ones.
      const entity = fc.constantFrom(visit.id, f.id, otherCoop, randomUUID());
      const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constant(null), fc.constant('Teks yang cukup panjang.'));
      const time = fc.constantFrom('07:00', '09:00', '10:30', '23:59', null);
      const date = fc.constantFrom(addDays(today, -400), today, addDays(today, 10), '2099-12-31');
      const answer = fc.oneof(
        fc.constant(null),
        fc.record({ result: fc.constantFrom('SESUAI', 'CUKUP', 'TIDAK_SESUAI'), note: text }),
      );
      const visitFields = fc.record(
        {
          findings: fc.dictionary(fc.constantFrom('kelembagaan', 'usaha', 'keuangan', 'pengawasanInternal'), text, {
            maxKeys: 2,
          }),
          checklist: fc.dictionary(fc.constantFrom('K1', 'ZZ9', 'U1'), answer, { maxKeys: 2 }),
          attendance: fc.array(
            fc.record({
              name: fc.string({ minLength: 2, maxLength: 20 }),
              role: fc.constantFrom('pengurus', 'anggota'),
              gender: fc.constantFrom('L', 'P'),
            }),
            { maxLength: 3 },
          ),
          gps: fc.oneof(
            fc.constant(null),
            fc.record({
              lat: fc.double({ min: -90, max: 90, noNaN: true }),
              lng: fc.double({ min: -180, max: 180, noNaN: true }),
            }),
          ),
          startTime: time,
          endTime: time,
        },
        { requiredKeys: [] },
      );
      const responsible = fc.oneof(
        fc.record({ kind: fc.constant('COOPERATIVE') }),
        fc.record({ kind: fc.constant('BIDANG'), bidang: fc.constantFrom('koperasi', 'perindustrian', null) }),
        fc.record({
          kind: fc.constant('USER'),
          userId: fc.constantFrom(id['petugas.industri']!, id['dewirengganis']!, randomUUID(), null),
        }),
      );
      const followUpFields = fc.record(
        {
          recommendation: fc.string({ minLength: 5, maxLength: 30 }),
          deadline: date,
          monitoringPlan: text,
          responsible,
        },
        { requiredKeys: [] },
      );
      const head = { changeId: fc.uuid(), entityId: entity };
      const changeArb = fc.oneof(
        fc.record({
          ...head,
          kind: fc.constant('visit.update'),
          baseVersion: fc.integer({ min: 1, max: 4 }),
          base: visitFields,
          fields: visitFields,
        }),
        fc.record({ ...head, kind: fc.constant('visit.complete') }),
        fc.record({
          ...head,
          kind: fc.constant('concern.create'),
          fields: fc.record({
            cooperativeId: fc.constantFrom(otherCoop, DEWI_ID, randomUUID()),
            visitId: fc.constantFrom(visit.id, null, randomUUID()),
            kind: fc.constantFrom('KELUHAN', 'TANTANGAN'),
            topic: fc.constant('lainnya'),
            description: fc.string({ minLength: 5, maxLength: 30 }),
            raisedBy: text,
            severity: fc.constantFrom('rendah', 'tinggi'),
          }),
        }),
        fc.record({
          ...head,
          kind: fc.constant('followUp.create'),
          fields: fc.record({
            cooperativeId: fc.constantFrom(otherCoop, DEWI_ID),
            visitId: fc.constantFrom(visit.id, null, randomUUID()),
            concernId: fc.constantFrom(null, randomUUID()),
            recommendation: fc.string({ minLength: 5, maxLength: 30 }),
            responsible,
            deadline: date,
            monitoringPlan: text,
          }),
        }),
        fc.record({
          ...head,
          kind: fc.constant('followUp.update'),
          baseVersion: fc.integer({ min: 1, max: 4 }),
          base: followUpFields,
          fields: followUpFields,
        }),
        fc.record({
          ...head,
          kind: fc.constant('followUp.status'),
          baseVersion: fc.integer({ min: 1, max: 4 }),
          fields: fc.record(
            {
              status: fc.constantFrom('in_progress', 'done', 'cancelled'),
              note: text,
              reason: text,
              evidence: fc.record({ note: text, photoId: fc.constantFrom(null, randomUUID()) }, { requiredKeys: [] }),
            },
            { requiredKeys: ['status'] },
          ),
        }),
        fc.record({
          changeId: fc.oneof(fc.uuid(), fc.constant('x')),
          kind: fc.constantFrom('lain', 'visit.update'),
          entityId: fc.oneof(entity, fc.constant('bukan-uuid')),
          fields: fc.jsonValue(),
        }),
      );
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(
          fc.array(changeArb, { maxLength: 4 }),
          fc.constantFrom('petugas.koperasi', 'petugas.industri', 'dewirengganis', 'admin'),
          async (changes, who) => {
            const res = await send('POST', '/api/v1/sync/push', { changes }, who);
            expect(res.statusCode, res.body).toBeLessThan(500);
            if (res.statusCode === 200) {
              for (const r of res.json().results) {
                expect(['applied', 'merged', 'conflict', 'rejected']).toContain(r.status);
                seen.add(r.status);
                if (r.status === 'rejected') expect(r.error.message.length).toBeGreaterThan(5);
              }
            } else {
              expect(res.json().error.message.length).toBeGreaterThan(5);
            }
          },
        ),
        { numRuns: 150 },
      );
      // The generator reaches the rules, not only the request schema.
      expect(seen).toContain('rejected');
      expect(seen).toContain('applied');
    });

    it('answers random chunk offsets and bodies, and random resolutions, never with a 500', async () => {
      const visit = await planVisit();
      const uploadId = randomUUID();
      await send('POST', '/api/v1/uploads', {
        id: uploadId,
        target: { type: 'visit', id: visit.id },
        size: 1000,
        contentType: 'image/jpeg',
      });
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.integer({ min: -5, max: 2000 }).map(String), fc.constantFrom('abc', '1e3', '')),
          fc.uint8Array({ maxLength: 600 }),
          fc.constantFrom('application/octet-stream', 'text/plain', 'application/json'),
          async (offset, bytes, type) => {
            const res = await api.req({
              method: 'PUT',
              url: `/api/v1/uploads/${uploadId}?offset=${offset}`,
              cookie: c['petugas.koperasi'],
              headers: { 'content-type': type },
              body: Buffer.from(bytes),
            });
            expect(res.statusCode, res.body).toBeLessThan(500);
          },
        ),
        { numRuns: 80 },
      );
      // JPEG declared, random bytes received: once complete the photo is refused, in Indonesian, never stored.
      const state = (await get(`/api/v1/uploads/${uploadId}`)).json();
      if (state.received === state.size) expect(state.photo).toBeNull();

      await send(
        'PATCH',
        `/api/v1/visits/${visit.id}`,
        { findings: { keuangan: 'Kantor.' }, version: 1 },
        'petugas.usahamikro',
      );
      const [r] = await push([
        {
          changeId: randomUUID(),
          kind: 'visit.update',
          entityId: visit.id,
          baseVersion: 1,
          base: { findings: { keuangan: null } },
          fields: { findings: { keuangan: 'Lapangan.' } },
        },
      ]);
      const conflictId = r!.conflicts![0]!.id;
      await fc.assert(
        fc.asyncProperty(
          fc.record({ choice: fc.constantFrom('custom', 'lain'), value: fc.jsonValue() }, { requiredKeys: ['choice'] }),
          async (body) => {
            const res = await send('POST', `/api/v1/sync/conflicts/${conflictId}/resolve`, body);
            expect(res.statusCode, res.body).toBeLessThan(500);
          },
        ),
        { numRuns: 60 },
      );
    });
  });
});
