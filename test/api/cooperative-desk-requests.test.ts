import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

describe.each(DB_KINDS)('requests to the Dinas and announced RATs on %s', (kind) => {
  let api: Api;
  let koperasi: string;
  let petugas: string;
  let usahaMikro: string;
  beforeAll(async () => {
    api = await startApi(kind);
    koperasi = await api.login('dewirengganis');
    petugas = await api.login('petugas.koperasi');
    usahaMikro = await api.login('petugas.usahamikro');
  });
  afterAll(() => api?.close());

  const ask = (body: unknown, cookie = koperasi, coop = DEWI_ID) =>
    api.req({ method: 'POST', url: `/api/v1/cooperatives/${coop}/requests`, cookie, body });
  const queue = async (cookie: string, query = '') =>
    (await api.req({ method: 'GET', url: `/api/v1/requests?${query}`, cookie })).json().items as {
      id: string;
      kind: string;
      bidang: string;
      status: string;
      visitId: string | null;
    }[];

  it("routes each request to its division's queue, and a petugas turns one into a planned visit", async () => {
    const visit = await ask({ kind: 'VISIT', message: 'Mohon pendampingan menyusun RAT tahun ini.' });
    expect(visit.statusCode).toBe(201);
    expect(visit.json()).toMatchObject({ bidang: 'koperasi', status: 'OPEN' });
    const unit = (await ask({ kind: 'BUSINESS_UNIT', message: 'Butuh bantuan PIRT untuk olahan kopi.' })).json();
    expect(unit.bidang).toBe('usaha_mikro');
    expect((await ask({ kind: 'VISIT', message: 'pendek' })).statusCode).toBe(400);
    expect((await ask({ kind: 'HADIAH', message: 'Mohon hadiah untuk anggota kami.' })).statusCode).toBe(400);

    expect((await queue(petugas)).map((r) => r.id)).toEqual([visit.json().id]);
    expect((await queue(usahaMikro)).map((r) => r.id)).toEqual([unit.id]);
    expect((await queue(koperasi)).map((r) => r.id).sort()).toEqual([visit.json().id, unit.id].sort());

    const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (
        await api.req({
          method: 'POST',
          url: `/api/v1/requests/${unit.id}/plan-visit`,
          cookie: koperasi,
          body: { date },
        })
      ).statusCode,
    ).toBe(403);
    const planned = await api.req({
      method: 'POST',
      url: `/api/v1/requests/${visit.json().id}/plan-visit`,
      cookie: petugas,
      body: { date },
    });
    expect(planned.statusCode).toBe(200);
    expect(planned.json().status).toBe('PLANNED');
    const v = (
      await api.req({ method: 'GET', url: `/api/v1/visits/${planned.json().visitId}`, cookie: koperasi })
    ).json();
    expect(v).toMatchObject({ date, status: 'planned', cooperative: { id: DEWI_ID } });
    expect(
      (
        await api.req({
          method: 'POST',
          url: `/api/v1/requests/${visit.json().id}/plan-visit`,
          cookie: petugas,
          body: { date },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('lets an officer close a request as done or declined with a note, audited; it leaves the open queue and the cooperative sees how it ended', async () => {
    const asked = (
      await ask({ kind: 'CONSULTATION', message: 'Mohon konsultasi tentang perubahan anggaran dasar.' })
    ).json();
    const planned = (await queue(petugas, 'open=true')).find((r) => r.status === 'PLANNED')!;
    expect((await queue(petugas, 'open=true')).map((r) => r.id)).toEqual(
      expect.arrayContaining([asked.id, planned.id]),
    );

    const close = (id: string, body: unknown, cookie = petugas) =>
      api.req({ method: 'POST', url: `/api/v1/requests/${id}/close`, cookie, body });
    expect((await close(asked.id, { outcome: 'DECLINED', note: 'Bukan kewenangan Dinas' }, koperasi)).statusCode).toBe(
      403,
    );
    expect((await close(asked.id, { outcome: 'DECLINED', note: 'x' })).statusCode).toBe(400);
    expect((await close(asked.id, { outcome: 'LATER', note: 'Nanti saja ya' })).statusCode).toBe(400);
    const declined = await close(asked.id, {
      outcome: 'DECLINED',
      note: 'Perubahan AD diurus di notaris; datang ke Dinas bila sudah ada draf.',
    });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({
      status: 'CLOSED',
      closure: {
        outcome: 'DECLINED',
        outcomeLabel: 'Ditolak',
        note: 'Perubahan AD diurus di notaris; datang ke Dinas bila sudah ada draf.',
        by: expect.any(String),
      },
    });
    expect((await close(asked.id, { outcome: 'DONE', note: 'Sudah ditangani' })).statusCode).toBe(409);
    // A planned request is closed once the visit has been made.
    const done = await close(planned.id, { outcome: 'DONE', note: 'Kunjungan sudah dilakukan.' });
    expect(done.json()).toMatchObject({
      status: 'CLOSED',
      visitId: planned.visitId,
      closure: { outcome: 'DONE', outcomeLabel: 'Selesai' },
    });

    const open = (await queue(petugas, 'open=true')).map((r) => r.id);
    expect(open).not.toContain(asked.id);
    expect(open).not.toContain(planned.id);
    const own = await queue(koperasi);
    expect(own.find((r) => r.id === asked.id)).toMatchObject({
      status: 'CLOSED',
      closure: { outcome: 'DECLINED', note: expect.stringMatching(/notaris/) },
    });
    expect(own.find((r) => r.id === planned.id)).toMatchObject({ status: 'CLOSED', closure: { outcome: 'DONE' } });

    const events = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/timeline?pageSize=100`, cookie: petugas })
    ).json().items;
    const closing = events.filter((e: { action: string }) => e.action === 'request.close');
    expect(closing.map((e: { entityId: string }) => e.entityId).sort()).toEqual([asked.id, planned.id].sort());
    expect(closing.find((e: { entityId: string }) => e.entityId === asked.id).changes).toMatchObject({
      status: { before: 'OPEN', after: 'CLOSED' },
      outcome: { after: 'DECLINED' },
    });
  });

  it('keeps a cooperative to its own requests', async () => {
    const other = (
      await api.req({ method: 'GET', url: '/api/v1/cooperatives?group=KUD&pageSize=1', cookie: petugas })
    ).json().items[0].id;
    expect(
      (await ask({ kind: 'VISIT', message: 'Mohon kunjungan ke koperasi lain.' }, koperasi, other)).statusCode,
    ).toBe(403);
    await ask({ kind: 'CONSULTATION', message: 'Konsultasi dari petugas atas nama koperasi.' }, petugas, other);
    expect((await queue(koperasi)).every((r) => r.id && r.kind)).toBe(true);
    expect((await queue(koperasi)).length).toBe(3);
  });

  it('lets the cooperative announce its RAT and the Dinas link a visit planned for that day', async () => {
    const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const fy = Number(day.slice(0, 4)) - 1;
    const ann = await api.req({
      method: 'POST',
      url: `/api/v1/cooperatives/${DEWI_ID}/rat-announcements`,
      cookie: koperasi,
      body: {
        fiscalYear: fy,
        plannedOn: day,
        place: 'Balai Desa Ranuagung',
        agenda: 'LPJ pengurus, pengesahan laporan keuangan, pembagian SHU',
      },
    });
    expect(ann.statusCode).toBe(201);
    expect(
      (
        await api.req({
          method: 'POST',
          url: `/api/v1/cooperatives/${DEWI_ID}/rat-announcements`,
          cookie: koperasi,
          body: { fiscalYear: fy, plannedOn: '2020-01-01', place: 'Balai', agenda: 'LPJ pengurus' },
        })
      ).statusCode,
    ).toBe(400);
    const upcoming = (
      await api.req({ method: 'GET', url: '/api/v1/rat-announcements?district=35.13.07', cookie: petugas })
    ).json().items;
    expect(upcoming.map((a: { id: string }) => a.id)).toContain(ann.json().id);
    const me = (await api.req({ method: 'GET', url: '/api/v1/auth/me', cookie: petugas })).json().user;
    const created = await api.req({
      method: 'POST',
      url: '/api/v1/visits',
      cookie: petugas,
      body: { cooperativeId: DEWI_ID, date: day, purposes: ['RAT'], team: [{ userId: me.id, leader: true }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const visit = created.json();
    const wrongDay = (
      await api.req({
        method: 'POST',
        url: '/api/v1/visits',
        cookie: petugas,
        body: {
          cooperativeId: DEWI_ID,
          date: new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10),
          purposes: ['RAT'],
          team: [{ userId: me.id, leader: true }],
        },
      })
    ).json();
    expect(
      (
        await api.req({
          method: 'POST',
          url: `/api/v1/rat-announcements/${ann.json().id}/visit`,
          cookie: petugas,
          body: { visitId: wrongDay.id },
        })
      ).statusCode,
    ).toBe(400);
    const linked = await api.req({
      method: 'POST',
      url: `/api/v1/rat-announcements/${ann.json().id}/visit`,
      cookie: petugas,
      body: { visitId: visit.id },
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().visitId).toBe(visit.id);
  });
});
