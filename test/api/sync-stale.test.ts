import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, startApi } from './harness.js';

/**
 * Issue 16: an offline change whose base version is stale goes through exactly the validation a
 * current one gets, and nothing of an invalid change is applied (no merged field, no conflict).
 */
const jakartaToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(DB_KINDS)('stale offline changes on %s', (kind) => {
  let api: Api;
  const c: Record<string, string> = {};
  const id: Record<string, string> = {};
  let coop: string;
  beforeAll(async () => {
    api = await startApi(kind);
    for (const u of ['admin', 'petugas.koperasi', 'petugas.usahamikro']) c[u] = await api.login(u);
    for (const u of await api.deps.db.kysely.selectFrom('users').select(['id', 'username']).execute())
      id[u.username] = u.id;
    coop = (
      await api.req({ method: 'GET', url: '/api/v1/cooperatives?group=KUD&status=AKTIF&pageSize=1', cookie: c.admin })
    ).json().items[0].id;
  });
  afterAll(() => api?.close());

  const send = (method: string, url: string, body: unknown, who = 'petugas.koperasi') =>
    api.req({ method, url, cookie: c[who], body });
  const push = async (changes: unknown[]) => {
    const res = await send('POST', '/api/v1/sync/push', { changes });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().results as {
      changeId: string;
      status: string;
      error?: { code: string; message: string; fields?: Record<string, string> };
    }[];
  };
  const conflicts = async (entityId: string) =>
    Number(
      (
        await api.deps.db.kysely
          .selectFrom('sync_conflicts')
          .select((e) => e.fn.countAll().as('n'))
          .where('entity_id', '=', entityId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function movedVisit() {
    const created = await send(
      'POST',
      '/api/v1/visits',
      {
        cooperativeId: coop,
        date: jakartaToday(),
        startTime: '09:00',
        purposes: ['PEMBINAAN'],
        team: [{ userId: id['petugas.koperasi'], leader: true }, { userId: id['petugas.usahamikro'] }],
      },
      'admin',
    );
    expect(created.statusCode, created.body).toBe(201);
    const visit = created.json();
    // Someone else moves the record on: the GPS is taken and a finding written.
    const moved = await send(
      'PATCH',
      `/api/v1/visits/${visit.id}`,
      { gps: { lat: -7.95, lng: 113.39, accuracy: 10 }, findings: { usaha: 'Toko ramai.' }, version: 1 },
      'petugas.usahamikro',
    );
    expect(moved.statusCode, moved.body).toBe(200);
    return visit.id as string;
  }

  // A GPS position far outside the regency (Jakarta) plus a harmless finding nobody else touched.
  const badChange = (visitId: string, baseVersion: number) => ({
    changeId: randomUUID(),
    kind: 'visit.update',
    entityId: visitId,
    baseVersion,
    base: { gps: null, findings: { kelembagaan: null } },
    fields: { gps: { lat: -6.2, lng: 106.8, accuracy: 5 }, findings: { kelembagaan: 'Pengurus lengkap.' } },
  });

  it('rejects a stale visit change with the same error as a current one, applying none of it', async () => {
    const visitId = await movedVisit();
    const current = (await push([badChange(visitId, 2)]))[0]!;
    expect(current.status).toBe('rejected');
    const stale = (await push([badChange(visitId, 1)]))[0]!;
    expect(stale.status).toBe('rejected');
    expect(stale.error).toEqual(current.error);
    expect(stale.error!.fields).toHaveProperty('gps');
    const v = (
      await api.req({ method: 'GET', url: `/api/v1/visits/${visitId}`, cookie: c['petugas.koperasi'] })
    ).json();
    expect(v.version).toBe(2);
    expect(v.findings.kelembagaan ?? null).toBeNull(); // the harmless field was not merged either
    expect(v.gps).toMatchObject({ lat: -7.95, lng: 113.39 });
    expect(await conflicts(visitId)).toBe(0); // and the bad value was not kept as a conflict
  });

  it('still merges a valid stale change', async () => {
    const visitId = await movedVisit();
    const ok = {
      ...badChange(visitId, 1),
      fields: { gps: { lat: -7.9, lng: 113.3, accuracy: 5 }, findings: { kelembagaan: 'Pengurus lengkap.' } },
    };
    const [res] = await push([ok]);
    expect(res!.status).toBe('conflict'); // gps overlaps with the other officer's; the finding merges
    const v = (
      await api.req({ method: 'GET', url: `/api/v1/visits/${visitId}`, cookie: c['petugas.koperasi'] })
    ).json();
    expect(v.findings.kelembagaan).toBe('Pengurus lengkap.');
    expect(await conflicts(visitId)).toBe(1);
  });

  it('rejects a stale follow-up change the way a current one is rejected', async () => {
    const visitId = await movedVisit();
    const f = (
      await send('POST', '/api/v1/follow-ups', {
        visitId,
        recommendation: 'Perbarui daftar anggota.',
        responsible: { kind: 'COOPERATIVE' },
        deadline: addDays(jakartaToday(), 30),
      })
    ).json();
    expect(
      (
        await send(
          'PATCH',
          `/api/v1/follow-ups/${f.id}`,
          { deadline: addDays(jakartaToday(), 40), version: f.version },
          'admin',
        )
      ).statusCode,
    ).toBe(200);
    // A deadline in the past is refused by the follow-up rules; the monitoring plan alone would merge.
    const change = (baseVersion: number) => ({
      changeId: randomUUID(),
      kind: 'followUp.update',
      entityId: f.id,
      baseVersion,
      base: { deadline: f.deadline, monitoringPlan: null },
      fields: { deadline: '2001-01-01', monitoringPlan: 'Cek tiap bulan.' },
    });
    const current = (await push([change(f.version + 1)]))[0]!;
    const stale = (await push([change(f.version)]))[0]!;
    expect(current.status).toBe('rejected');
    expect(stale).toEqual({ ...current, changeId: stale.changeId });
    const after = (
      await api.req({ method: 'GET', url: `/api/v1/follow-ups/${f.id}`, cookie: c['petugas.koperasi'] })
    ).json();
    expect(after.monitoringPlan ?? null).toBeNull();
    expect(after.deadline).toBe(addDays(jakartaToday(), 40));
    expect(await conflicts(f.id)).toBe(0);
  });
});
