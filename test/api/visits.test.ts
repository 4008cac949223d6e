import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removePhoto } from '../../src/app/photos/photo-store.js';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

/** Visits: planning, approval, carrying out, outputs, and bad input — on both databases. */
const DEWI_VISIT = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e02';
const PROGRAM_2025 = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e03';
const jakartaToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(DB_KINDS)('visits on %s', (kind) => {
  let api: Api;
  const c: Record<string, string> = {};
  const id: Record<string, string> = {};
  let otherCoop: string;

  beforeAll(async () => {
    api = await startApi(kind);
    for (const u of [
      'admin',
      'pimpinan',
      'kepala.dinas',
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
    // Photo files live outside the database: remove the ones this suite stored.
    for (const p of await api.deps.db.kysely.selectFrom('photos').select('file_name').execute())
      await removePhoto(api.deps, p.file_name);
    await api?.close();
  });

  const get = (url: string, who = 'petugas.koperasi') => api.req({ method: 'GET', url, cookie: c[who] });
  const send = (method: string, url: string, body: unknown, who = 'petugas.koperasi') =>
    api.req({ method, url, cookie: c[who], body });
  const count = async (table: 'visits' | 'concerns' | 'follow_ups' | 'photos') =>
    Number(
      (
        await api.deps.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const plan = (over: Record<string, unknown> = {}) => ({
    cooperativeId: otherCoop,
    date: jakartaToday(),
    startTime: '09:00',
    purposes: ['PEMBINAAN', 'MONITORING'],
    team: [{ userId: id['petugas.koperasi'], leader: true }, { userId: id['petugas.usahamikro'] }],
    ...over,
  });

  describe('the demo', () => {
    it('holds the launch visit to Dewi Rengganis at its RAT, led by the head of the Dinas with Usaha Mikro and Perindustrian', async () => {
      const res = await get(`/api/v1/visits?cooperativeId=${DEWI_ID}&from=2025-01-01&to=2025-01-31`);
      expect(res.statusCode).toBe(200);
      const item = res.json().items.find((v: { id: string }) => v.id === DEWI_VISIT);
      expect(item).toMatchObject({
        date: '2025-01-19',
        status: 'done',
        cooperative: { id: DEWI_ID, name: 'Kopwan Dewi Rengganis' },
      });
      expect(item.purposes).toEqual(expect.arrayContaining(['RAT', 'PEMBINAAN']));
      const meeting = (await get(`/api/v1/cooperatives/${DEWI_ID}/annual-meetings`))
        .json()
        .items.find((m: { fiscalYear: number }) => m.fiscalYear === 2024);
      expect(item.annualMeetingId).toBe(meeting.id);
      const leader = item.team.find((m: { leader: boolean }) => m.leader);
      expect(leader).toMatchObject({ userId: id['kepala.dinas'], role: 'pimpinan' });
      expect(item.team.map((m: { bidang: string }) => m.bidang)).toEqual(
        expect.arrayContaining(['usaha_mikro', 'perindustrian']),
      );
      const v = (await get(`/api/v1/visits/${DEWI_VISIT}`)).json();
      expect(v.attendance.length).toBeGreaterThan(5);
      expect(v.findings.pengawasanInternal).toMatch(/pemeriksaan berkala/);
      expect(Object.keys(v.checklist.answers).length).toBeGreaterThan(10);
      const fu = (await get(`/api/v1/follow-ups?visitId=${DEWI_VISIT}`)).json();
      expect(fu.total).toBe(4);
      expect(new Set(fu.items.map((f: { status: string }) => f.status))).toEqual(
        new Set(['done', 'in_progress', 'open']),
      );
    });

    it('has a program for 2025 with targets in every kecamatan, and concerns and follow-ups in every state', async () => {
      const p = (await get(`/api/v1/programs/${PROGRAM_2025}`)).json();
      expect(p.name).toBe('Gerakan Sambang Koperasi 2025');
      expect(p.targets.length).toBe(24);
      expect(p.totals.visited).toBeGreaterThan(60);
      for (const s of ['open', 'in_progress', 'done', 'cancelled', 'overdue'])
        expect((await get(`/api/v1/follow-ups?status=${s}&pageSize=1`)).json().total).toBeGreaterThan(0);
      for (const s of ['open', 'addressed', 'closed'])
        expect((await get(`/api/v1/concerns?status=${s}&pageSize=1`)).json().total).toBeGreaterThan(0);
      expect((await get('/api/v1/concerns?unseen=true', 'pimpinan')).json().total).toBeGreaterThan(0);
    });
  });

  describe('planning and approval', () => {
    let visitId: string;

    it('lets a petugas plan a visit they lead, flags nothing yet, and keeps it planned', async () => {
      const res = await send('POST', '/api/v1/visits', plan());
      expect(res.statusCode).toBe(201);
      const v = res.json();
      visitId = v.id;
      expect(v).toMatchObject({ status: 'planned', version: 1, annualMeetingId: null, cooperative: { id: otherCoop } });
      expect(v.team.filter((m: { leader: boolean }) => m.leader)).toHaveLength(1);
    });

    it('refuses approval by a petugas, approves for pimpinan, and refuses a second approval', async () => {
      expect((await send('POST', `/api/v1/visits/${visitId}/approve`, {})).statusCode).toBe(403);
      const ok = await send('POST', `/api/v1/visits/${visitId}/approve`, { version: 1 }, 'pimpinan');
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'approved', version: 2, approvedBy: { id: id.pimpinan } });
      const again = await send('POST', `/api/v1/visits/${visitId}/approve`, {}, 'kepala.dinas');
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toMatch(/sudah disetujui/);
    });

    it('answers a stale version with 409 and changes nothing', async () => {
      const res = await send('PATCH', `/api/v1/visits/${visitId}`, { startTime: '10:00', version: 1 });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.fields.version).toMatch(/Versi Anda 1, versi di server 2/);
      expect((await get(`/api/v1/visits/${visitId}`)).json()).toMatchObject({ startTime: '09:00', version: 2 });
    });

    it('refuses an officer who is not on the team, in Indonesian', async () => {
      const res = await send(
        'PATCH',
        `/api/v1/visits/${visitId}`,
        { findings: { usaha: 'Coba ubah' } },
        'petugas.industri',
      );
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toMatch(/Hanya anggota tim kunjungan/);
      expect(res.json().error.fields.team).toMatch(/bukan anggota tim/);
    });

    it('sends a rescheduled visit back for approval', async () => {
      const res = await send('PATCH', `/api/v1/visits/${visitId}`, { date: addDays(jakartaToday(), 1), version: 2 });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'planned', approvedBy: null, version: 3 });
      await send('PATCH', `/api/v1/visits/${visitId}`, { date: jakartaToday() });
      expect((await send('POST', `/api/v1/visits/${visitId}/approve`, {}, 'admin')).statusCode).toBe(200);
    });

    it('records the visit: attendance, findings per aspect, checklist, GPS inside the regency; then marks it done', async () => {
      const res = await send('PATCH', `/api/v1/visits/${visitId}`, {
        attendance: [
          { name: 'Siti Aminah', role: 'pengurus', gender: 'P' },
          { name: 'Budi Santoso', role: 'pengawas', gender: 'L' },
          { name: 'Rina Wulandari', role: 'anggota', gender: 'P' },
        ],
        findings: { kelembagaan: 'RAT terlaksana.', keuangan: 'Pembukuan manual.' },
        checklist: {
          'keuangan.pembukuan': { result: 'CUKUP', note: 'Masih manual' },
          'pengawasan.berkala': { result: 'TIDAK_SESUAI' },
        },
        gps: { lat: -7.95, lng: 113.39, accuracy: 15 },
      });
      expect(res.statusCode).toBe(200);
      const v = res.json();
      expect(v.attendance).toHaveLength(3);
      expect(v.findings).toMatchObject({ kelembagaan: 'RAT terlaksana.', keuangan: 'Pembukuan manual.', usaha: null });
      expect(v.checklist.answers['pengawasan.berkala']).toEqual({ result: 'TIDAK_SESUAI', note: null });
      expect(v.gps).toMatchObject({ lat: -7.95, lng: 113.39, accuracy: 15 });
      // One aspect at a time: the others stay.
      const more = (await send('PATCH', `/api/v1/visits/${visitId}`, { findings: { usaha: 'Toko berjalan.' } })).json();
      expect(more.findings).toMatchObject({ kelembagaan: 'RAT terlaksana.', usaha: 'Toko berjalan.' });
      const done = await send('POST', `/api/v1/visits/${visitId}/complete`, {});
      expect(done.statusCode).toBe(200);
      expect(done.json().status).toBe('done');
    });

    it('refuses to complete a visit that has not happened yet, or one not approved', async () => {
      const future = (await send('POST', '/api/v1/visits', plan({ date: addDays(jakartaToday(), 30) }))).json();
      expect((await send('POST', `/api/v1/visits/${future.id}/complete`, {})).statusCode).toBe(409);
      await send('POST', `/api/v1/visits/${future.id}/approve`, {}, 'pimpinan');
      const res = await send('POST', `/api/v1/visits/${future.id}/complete`, {});
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.status).toMatch(/belum dapat ditandai selesai/);
    });

    it('cancels with a reason only, and then refuses every change', async () => {
      const v = (await send('POST', '/api/v1/visits', plan({ date: addDays(jakartaToday(), 40) }))).json();
      const noReason = await send('POST', `/api/v1/visits/${v.id}/cancel`, { reason: '' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.fields.reason).toBeDefined();
      const ok = await send('POST', `/api/v1/visits/${v.id}/cancel`, { reason: 'Pengurus berhalangan hadir.' });
      expect(ok.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Pengurus berhalangan hadir.' });
      expect((await send('PATCH', `/api/v1/visits/${v.id}`, { startTime: '08:00' })).statusCode).toBe(409);
    });

    it('accepts a client-generated id once: sending the same create again returns the same visit', async () => {
      const clientId = '3f1c2b7a-8d4e-4a6b-9c0d-1e2f3a4b5c6d';
      const before = await count('visits');
      const first = await send('POST', '/api/v1/visits', plan({ id: clientId, date: addDays(jakartaToday(), 50) }));
      const second = await send('POST', '/api/v1/visits', plan({ id: clientId, date: addDays(jakartaToday(), 50) }));
      expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
      expect(second.json().id).toBe(clientId);
      expect(await count('visits')).toBe(before + 1);
    });
  });

  describe('bad input', () => {
    const bad = async (body: Record<string, unknown>, field: string, pattern: RegExp) => {
      const before = await count('visits');
      const res = await send('POST', '/api/v1/visits', plan(body));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields[field]).toMatch(pattern);
      expect(await count('visits')).toBe(before);
    };

    it('refuses impossible dates and times', async () => {
      await bad({ date: '2025-02-30' }, 'date', /tidak ada di kalender/);
      await bad({ date: '2025-13-01' }, 'date', /tidak ada di kalender|YYYY-MM-DD/);
      await bad({ date: '1999-12-31' }, 'date', /tidak masuk akal/);
      await bad({ date: '2099-01-01' }, 'date', /tidak masuk akal/);
      await bad({ startTime: '25:00' }, 'startTime', /JJ:MM/);
      await bad({ startTime: '10:00', endTime: '09:00' }, 'endTime', /setelah jam mulai/);
    });

    it('refuses a team without a leader, with two leaders, or with someone twice', async () => {
      await bad({ team: [{ userId: id['petugas.koperasi'] }] }, 'team', /satu ketua tim/);
      await bad({ team: [] }, 'team', /wajib diisi/);
      await bad(
        {
          team: [
            { userId: id['petugas.koperasi'], leader: true },
            { userId: id['petugas.industri'], leader: true },
          ],
        },
        'team',
        /hanya boleh memiliki satu ketua/,
      );
      await bad(
        { team: [{ userId: id['petugas.koperasi'], leader: true }, { userId: id['petugas.koperasi'] }] },
        'team',
        /dua kali/,
      );
      await bad(
        { team: [{ userId: id['petugas.koperasi'], leader: true }, { userId: id.dewirengganis }] },
        'team.1.userId',
        /bukan petugas Dinas/,
      );
    });

    it('refuses a plan the petugas is not on, a RAT of another cooperative or day, and a date outside the program', async () => {
      await bad({ team: [{ userId: id['petugas.industri'], leader: true }] }, 'team', /harus termasuk dalam tim/);
      const meeting = (await get(`/api/v1/cooperatives/${DEWI_ID}/annual-meetings`))
        .json()
        .items.find((m: { fiscalYear: number }) => m.fiscalYear === 2024);
      await bad({ annualMeetingId: meeting.id }, 'annualMeetingId', /bukan milik koperasi/);
      await bad(
        { cooperativeId: DEWI_ID, annualMeetingId: meeting.id, date: '2025-01-20' },
        'annualMeetingId',
        /diadakan pada 2025-01-19/,
      );
      await bad(
        { programId: PROGRAM_2025, date: addDays(jakartaToday() > '2025-12-31' ? jakartaToday() : '2025-12-31', 1) },
        'date',
        /di luar periode program/,
      );
      await bad({ purposes: [] }, 'purposes', /minimal satu tujuan/);
    });

    it('refuses unknown checklist indicators and a GPS position outside the regency, saving nothing', async () => {
      const v = (await send('POST', '/api/v1/visits', plan({ date: addDays(jakartaToday(), 60) }))).json();
      const res = await send('PATCH', `/api/v1/visits/${v.id}`, {
        checklist: { 'tidak.ada': { result: 'SESUAI' } },
        findings: { usaha: 'x' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields['checklist.tidak.ada']).toBeDefined();
      const far = await send('PATCH', `/api/v1/visits/${v.id}`, {
        gps: { lat: -6.2, lng: 106.8 },
        findings: { usaha: 'x' },
      });
      expect(far.statusCode).toBe(400);
      expect(far.json().error.fields.gps).toMatch(/di luar wilayah kerja Dinas/);
      const after = (await get(`/api/v1/visits/${v.id}`)).json();
      expect(after).toMatchObject({ version: 1, gps: null, findings: { usaha: null } });
    });

    it('answers malformed bodies with 400 and field names, never 500', async () => {
      for (const body of [
        '{',
        '[]',
        'null',
        JSON.stringify({ ...plan(), surprise: 1 }),
        JSON.stringify({ ...plan(), purposes: ['JALAN_JALAN'] }),
      ]) {
        const res = await api.req({
          method: 'POST',
          url: '/api/v1/visits',
          cookie: c['petugas.koperasi'],
          body,
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode, body).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION');
      }
    });
  });

  describe('double booking', () => {
    it('flags an officer booked on two visits the same day, on both visits and in the query, until one is cancelled', async () => {
      const day = addDays(jakartaToday(), 70);
      const a = (await send('POST', '/api/v1/visits', plan({ date: day }))).json();
      const b = (
        await send(
          'POST',
          '/api/v1/visits',
          plan({
            cooperativeId: DEWI_ID,
            date: day,
            team: [{ userId: id['petugas.industri'], leader: true }, { userId: id['petugas.koperasi'] }],
          }),
        )
      ).json();
      expect(b.conflicts).toEqual([
        {
          userId: id['petugas.koperasi'],
          fullName: expect.any(String),
          visits: [{ id: a.id, cooperative: { id: otherCoop, name: expect.any(String) } }],
        },
      ]);
      const listed = (await get(`/api/v1/visits?from=${day}&to=${day}`)).json().items;
      expect(listed.find((v: { id: string }) => v.id === a.id).conflicts[0].visits[0].id).toBe(b.id);
      const q = (await get(`/api/v1/visits/double-bookings?from=${day}&to=${day}`, 'pimpinan')).json();
      expect(q.items).toEqual([
        expect.objectContaining({ date: day, officer: expect.objectContaining({ id: id['petugas.koperasi'] }) }),
      ]);
      expect(q.items[0].visits.map((v: { id: string }) => v.id).sort()).toEqual([a.id, b.id].sort());
      expect((await get(`/api/v1/visits/double-bookings?from=${day}&to=${day}`, 'dewirengganis')).statusCode).toBe(403);
      await send('POST', `/api/v1/visits/${b.id}/cancel`, { reason: 'Bentrok jadwal petugas.' }, 'petugas.industri');
      expect((await get(`/api/v1/visits/${a.id}`)).json().conflicts).toEqual([]);
      expect((await get(`/api/v1/visits/double-bookings?from=${day}&to=${day}`)).json().total).toBe(0);
    });

    it('filters the list by kecamatan, bidang, officer, status and period', async () => {
      const all = (await get('/api/v1/visits?from=2025-01-01&to=2025-12-31&pageSize=100', 'pimpinan')).json();
      expect(all.total).toBeGreaterThan(50);
      for (const v of all.items) expect(v.date >= '2025-01-01' && v.date <= '2025-12-31').toBe(true);
      const tiris = (await get('/api/v1/visits?district=35.13.07&pageSize=100', 'pimpinan')).json();
      for (const v of tiris.items) expect(v.cooperative.district.code).toBe('35.13.07');
      const industri = (await get('/api/v1/visits?bidang=perindustrian&status=done&pageSize=100', 'pimpinan')).json();
      expect(industri.total).toBeGreaterThan(0);
      for (const v of industri.items) {
        expect(v.status).toBe('done');
        expect(v.team.some((m: { bidang: string }) => m.bidang === 'perindustrian')).toBe(true);
      }
      const mine = (await get(`/api/v1/visits?officerId=${id['kepala.dinas']}&pageSize=100`, 'pimpinan')).json();
      for (const v of mine.items)
        expect(v.team.some((m: { userId: string }) => m.userId === id['kepala.dinas'])).toBe(true);
      const asc = (await get('/api/v1/visits?from=2025-03-01&to=2025-03-31&sort=date&pageSize=100'))
        .json()
        .items.map((v: { date: string }) => v.date);
      expect(asc).toEqual([...asc].sort());
      expect((await get('/api/v1/visits?from=2025-03-31&to=2025-03-01')).statusCode).toBe(400);
      expect((await get('/api/v1/visits?pageSize=1000')).statusCode).toBe(400);
    });
  });

  describe('photos', () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = (visitId: string, body: Buffer | string, type: string, who = 'petugas.koperasi', query = '') =>
      api.req({
        method: 'POST',
        url: `/api/v1/visits/${visitId}/photos${query}`,
        cookie: c[who],
        body,
        headers: { 'content-type': type },
      });
    let visitId: string;
    beforeAll(async () => {
      visitId = (
        await send('POST', '/api/v1/visits', plan({ cooperativeId: DEWI_ID, date: addDays(jakartaToday(), 80) }))
      ).json().id;
    });

    it('stores a photo outside the database and serves it, with its thumbnail, to the cooperative itself', async () => {
      const res = await upload(
        visitId,
        png,
        'image/png',
        'petugas.koperasi',
        '?caption=Foto%20bersama&id=6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      );
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        id: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        contentType: 'image/png',
        width: 1,
        height: 1,
        caption: 'Foto bersama',
      });
      const again = await upload(
        visitId,
        png,
        'image/png',
        'petugas.koperasi',
        '?id=6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      );
      expect(again.statusCode).toBe(200);
      const photo = await get(res.json().url, 'dewirengganis');
      expect(photo.statusCode).toBe(200);
      expect(photo.headers['content-type']).toBe('image/png');
      expect(photo.rawPayload.equals(png)).toBe(true);
      expect((await get(res.json().thumbnailUrl, 'pimpinan')).rawPayload.equals(png)).toBe(true);
      expect((await get(`/api/v1/visits/${visitId}`)).json().photos).toHaveLength(1);
      const row = await api.deps.db.kysely
        .selectFrom('photos')
        .selectAll()
        .where('id', '=', res.json().id)
        .executeTakeFirstOrThrow();
      expect(Object.values(row).some((v) => Buffer.isBuffer(v))).toBe(false);
    });

    it('refuses files that are not images, that lie about their type, or are too large', async () => {
      const before = await count('photos');
      const cases: [Buffer | string, string, RegExp][] = [
        [Buffer.from('%PDF-1.7 not a photo'), 'image/jpeg', /bukan gambar JPEG, PNG atau WebP/],
        [Buffer.from('GIF89a......'), 'image/gif', /bukan gambar/],
        [png, 'image/jpeg', /tidak sesuai dengan isinya/],
        [Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), 'image/png', /maksimal 5 MB/],
        [Buffer.concat([png, Buffer.alloc(9 * 1024 * 1024)]), 'image/png', /maksimal 5 MB/],
        ['', 'image/png', /Kirim berkas foto/],
      ];
      for (const [body, type, pattern] of cases) {
        const res = await upload(visitId, body, type);
        expect(res.statusCode, `${type} ${res.body}`).toBe(400);
        expect(res.json().error.fields.file).toMatch(pattern);
      }
      expect(await count('photos')).toBe(before);
    });

    it('keeps another cooperative out of the photos and lets the team delete them', async () => {
      const p = (await upload(visitId, png, 'image/png')).json();
      const other = (await send('POST', '/api/v1/visits', plan({ date: addDays(jakartaToday(), 81) }))).json();
      const q = (await upload(other.id, png, 'image/png')).json();
      expect((await get(q.url, 'dewirengganis')).statusCode).toBe(403);
      expect((await upload(visitId, png, 'image/png', 'petugas.industri')).statusCode).toBe(403);
      expect((await api.req({ method: 'DELETE', url: p.url, cookie: c['petugas.koperasi'] })).statusCode).toBe(200);
      expect((await get(p.url)).statusCode).toBe(404);
    });
  });

  describe('dialog and follow-ups', () => {
    let visitId: string;
    beforeAll(async () => {
      const v = (await send('POST', '/api/v1/visits', plan({ cooperativeId: DEWI_ID, date: '2025-03-03' }))).json();
      visitId = v.id;
    });

    it('lets the cooperative raise a concern from its portal, which waits unseen in the Dinas inbox', async () => {
      const res = await send(
        'POST',
        '/api/v1/concerns',
        {
          cooperativeId: DEWI_ID,
          kind: 'KELUHAN',
          topic: 'pemasaran',
          description: 'Produk kopi sulit masuk toko modern.',
        },
        'dewirengganis',
      );
      expect(res.statusCode).toBe(201);
      const concern = res.json();
      expect(concern).toMatchObject({
        raisedVia: 'PORTAL',
        status: 'open',
        seenAt: null,
        severity: 'sedang',
        raisedBy: expect.stringContaining('Dewi Rengganis'),
      });
      const inbox = (await get('/api/v1/concerns?unseen=true&status=open&pageSize=100', 'pimpinan')).json();
      expect(inbox.items.map((x: { id: string }) => x.id)).toContain(concern.id);
      const seen = await send('POST', `/api/v1/concerns/${concern.id}/seen`, {}, 'pimpinan');
      expect(seen.json().seenAt).not.toBeNull();
      expect(
        (await get('/api/v1/concerns?unseen=true&pageSize=100', 'pimpinan'))
          .json()
          .items.map((x: { id: string }) => x.id),
      ).not.toContain(concern.id);
      expect(
        (
          await send(
            'POST',
            '/api/v1/concerns',
            { cooperativeId: otherCoop, kind: 'KELUHAN', topic: 'lainnya', description: 'Bukan koperasi saya.' },
            'dewirengganis',
          )
        ).statusCode,
      ).toBe(403);
    });

    it('shows a cooperative only its own concerns and follow-ups', async () => {
      const own = (await get('/api/v1/concerns?pageSize=100', 'dewirengganis')).json();
      expect(own.total).toBeGreaterThan(0);
      for (const x of own.items) expect(x.cooperative.id).toBe(DEWI_ID);
      const fus = (await get('/api/v1/follow-ups?pageSize=100', 'dewirengganis')).json();
      for (const x of fus.items) expect(x.cooperative.id).toBe(DEWI_ID);
      expect((await get(`/api/v1/concerns?cooperativeId=${otherCoop}`, 'dewirengganis')).statusCode).toBe(403);
      const foreign = (await get(`/api/v1/concerns?cooperativeId=${otherCoop}&pageSize=1`, 'admin')).json().items[0];
      if (foreign) expect((await get(`/api/v1/concerns/${foreign.id}`, 'dewirengganis')).statusCode).toBe(403);
    });

    let concernId: string;
    let followUpId: string;
    it('records a concern during the visit and a recommendation from it, which marks the concern addressed', async () => {
      const cr = await send('POST', '/api/v1/concerns', {
        cooperativeId: DEWI_ID,
        visitId,
        kind: 'PERMASALAHAN',
        topic: 'sdm',
        description: 'Bendahara belum terlatih pembukuan.',
        raisedBy: 'Ketua',
        severity: 'tinggi',
      });
      expect(cr.statusCode).toBe(201);
      concernId = cr.json().id;
      expect(cr.json()).toMatchObject({ raisedVia: 'VISIT', seenAt: expect.any(String) });
      const fr = await send('POST', '/api/v1/follow-ups', {
        concernId,
        recommendation: 'Mengikutkan bendahara pelatihan pembukuan',
        responsible: { kind: 'BIDANG', bidang: 'koperasi' },
        deadline: '2025-03-31',
        monitoringPlan: 'Cek laporan April',
      });
      expect(fr.statusCode).toBe(201);
      followUpId = fr.json().id;
      expect(fr.json()).toMatchObject({
        visitId,
        status: 'open',
        overdue: jakartaToday() > '2025-03-31',
        responsible: { kind: 'BIDANG', bidang: 'koperasi', label: 'Bidang Koperasi' },
      });
      expect((await get(`/api/v1/concerns/${concernId}`)).json()).toMatchObject({ status: 'addressed', followUps: 1 });
    });

    it('refuses a follow-up without a source, with a deadline before the visit, or an owner who is not staff', async () => {
      const before = await count('follow_ups');
      const base = {
        visitId,
        recommendation: 'Sesuatu yang disepakati',
        responsible: { kind: 'COOPERATIVE' },
        deadline: '2025-06-30',
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, visitId: undefined }, 'visitId'],
        [{ ...base, deadline: '2025-03-02' }, 'deadline'],
        [{ ...base, deadline: '2025-02-29' }, 'deadline'],
        [{ ...base, responsible: { kind: 'BIDANG' } }, 'responsible.bidang'],
        [{ ...base, responsible: { kind: 'USER', userId: id.dewirengganis } }, 'responsible.userId'],
      ];
      for (const [body, field] of cases) {
        const res = await send('POST', '/api/v1/follow-ups', body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.fields[field], res.body).toBeDefined();
      }
      expect(await count('follow_ups')).toBe(before);
    });

    it('lists it as overdue, and in "my follow-ups" of the Bidang Koperasi officer but not of the industry officer', async () => {
      const overdue = (await get(`/api/v1/follow-ups?status=overdue&visitId=${visitId}`)).json();
      expect(overdue.items.map((f: { id: string }) => f.id)).toEqual([followUpId]);
      expect(overdue.items[0].daysOverdue).toBeGreaterThan(0);
      const mine = (await get('/api/v1/follow-ups?assignee=me&pageSize=100')).json();
      expect(mine.items.map((f: { id: string }) => f.id)).toContain(followUpId);
      const theirs = (await get('/api/v1/follow-ups?assignee=me&pageSize=100', 'petugas.industri')).json();
      expect(theirs.items.map((f: { id: string }) => f.id)).not.toContain(followUpId);
      for (const f of theirs.items)
        expect(f.responsible.userId === id['petugas.industri'] || f.responsible.bidang === 'perindustrian').toBe(true);
      const koperasi = (await get('/api/v1/follow-ups?assignee=me&pageSize=100', 'dewirengganis')).json();
      expect(koperasi.total).toBeGreaterThan(0);
      for (const f of koperasi.items) expect(f.responsible.kind).toBe('COOPERATIVE');
    });

    it('moves it to in progress, refuses done without evidence, then closes it with a note and a photo', async () => {
      const started = await send('POST', `/api/v1/follow-ups/${followUpId}/status`, {
        status: 'in_progress',
        note: 'Jadwal pelatihan disusun.',
      });
      expect(started.json()).toMatchObject({
        status: 'in_progress',
        progressNote: 'Jadwal pelatihan disusun.',
        version: 2,
      });
      const noEvidence = await send('POST', `/api/v1/follow-ups/${followUpId}/status`, { status: 'done' });
      expect(noEvidence.statusCode).toBe(400);
      expect(noEvidence.json().error.fields['evidence.note']).toMatch(/Bukti tindak lanjut wajib diisi/);
      expect((await get(`/api/v1/follow-ups/${followUpId}`)).json()).toMatchObject({
        status: 'in_progress',
        version: 2,
      });
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      );
      const photo = (
        await api.req({
          method: 'POST',
          url: `/api/v1/follow-ups/${followUpId}/photos`,
          cookie: c['petugas.koperasi'],
          body: png,
          headers: { 'content-type': 'image/png' },
        })
      ).json();
      const stale = await send('POST', `/api/v1/follow-ups/${followUpId}/status`, {
        status: 'done',
        evidence: { note: 'Pelatihan selesai.' },
        version: 1,
      });
      expect(stale.statusCode).toBe(409);
      const done = await send('POST', `/api/v1/follow-ups/${followUpId}/status`, {
        status: 'done',
        evidence: {
          note: 'Bendahara mengikuti pelatihan 2 hari.',
          photoId: photo.id,
          documentRef: 'Sertifikat No. 12/2025',
        },
        version: 2,
      });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({
        status: 'done',
        overdue: false,
        evidence: {
          note: 'Bendahara mengikuti pelatihan 2 hari.',
          photoId: photo.id,
          documentRef: 'Sertifikat No. 12/2025',
        },
      });
      const reopen = await send('POST', `/api/v1/follow-ups/${followUpId}/status`, { status: 'in_progress' });
      expect(reopen.statusCode).toBe(409);
      expect((await send('PATCH', `/api/v1/follow-ups/${followUpId}`, { deadline: '2025-12-31' })).statusCode).toBe(
        409,
      );
    });

    it('cancels only with a reason, and lets the cooperative report on its own tasks but not cancel them', async () => {
      const own = (
        await send('POST', '/api/v1/follow-ups', {
          visitId,
          recommendation: 'Memperbarui buku daftar anggota',
          responsible: { kind: 'COOPERATIVE' },
          deadline: '2030-06-30',
        })
      ).json();
      expect(own.overdue).toBe(false);
      expect(
        (await send('POST', `/api/v1/follow-ups/${own.id}/status`, { status: 'in_progress' }, 'dewirengganis'))
          .statusCode,
      ).toBe(200);
      expect(
        (
          await send(
            'POST',
            `/api/v1/follow-ups/${own.id}/status`,
            { status: 'cancelled', reason: 'Tidak perlu lagi.' },
            'dewirengganis',
          )
        ).statusCode,
      ).toBe(403);
      const noReason = await send('POST', `/api/v1/follow-ups/${own.id}/status`, { status: 'cancelled' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.fields.reason).toMatch(/Alasan pembatalan/);
      expect(
        (
          await send('POST', `/api/v1/follow-ups/${own.id}/status`, {
            status: 'cancelled',
            reason: 'Sudah ditangani lewat RAT.',
          })
        ).json().status,
      ).toBe('cancelled');
      const bidang = (
        await send('POST', '/api/v1/follow-ups', {
          visitId,
          recommendation: 'Tugas bidang',
          responsible: { kind: 'BIDANG', bidang: 'perindustrian' },
          deadline: '2030-06-30',
        })
      ).json();
      expect(
        (await send('POST', `/api/v1/follow-ups/${bidang.id}/status`, { status: 'in_progress' }, 'dewirengganis'))
          .statusCode,
      ).toBe(403);
      expect(
        (await send('POST', `/api/v1/follow-ups/${bidang.id}/status`, { status: 'in_progress' }, 'petugas.industri'))
          .statusCode,
      ).toBe(200);
    });

    it("puts every change in the cooperative's timeline", async () => {
      const t = (await get(`/api/v1/cooperatives/${DEWI_ID}/timeline?pageSize=100`)).json();
      const actions = t.items
        .filter((e: { entityId: string }) => e.entityId === followUpId)
        .map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['follow_up.create', 'follow_up.start', 'follow_up.complete']));
      expect(t.items.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['concern.create', 'concern.update', 'visit.create', 'photo.upload']),
      );
      for (const e of t.items) expect(e.cooperativeId).toBe(DEWI_ID);
    });
  });

  describe('outputs', () => {
    it('prints the berita acara for the team and for the cooperative, not for another cooperative', async () => {
      const res = await get(`/api/v1/visits/${DEWI_VISIT}/minutes.pdf`, 'dewirengganis');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/berita-acara-kopwan-dewi-rengganis-2025-01-19\.pdf/);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.rawPayload.length).toBeGreaterThan(20_000);
      const foreign = (await get(`/api/v1/visits?cooperativeId=${otherCoop}&pageSize=1`, 'admin')).json().items[0];
      expect((await get(`/api/v1/visits/${foreign.id}/minutes.pdf`, 'dewirengganis')).statusCode).toBe(403);
      expect((await get(`/api/v1/visits/${foreign.id}`, 'dewirengganis')).statusCode).toBe(403);
      expect((await get('/api/v1/visits/00000000-0000-4000-8000-000000000000/minutes.pdf')).statusCode).toBe(404);
    });

    it('writes the activity report as a news item, with a WhatsApp share link', async () => {
      const res = (await get(`/api/v1/visits/${DEWI_VISIT}/activity-report`, 'kepala.dinas')).json();
      expect(res.text).toMatch(/^Probolinggo — /);
      expect(res.text).toContain('Koperasi Wanita (Kopwan) Dewi Rengganis');
      expect(res.text).toContain('Desa Ranuagung, Kecamatan Tiris');
      expect(res.text).toContain('Minggu (19/1/2025)');
      expect(res.text).toContain('Rapat Anggota Tahunan (RAT) Tahun Buku 2024');
      // Every officer with their position (issue 12 point 8), and each recommendation as a sentence.
      expect(res.text).toContain(
        'didampingi Pengawas Koperasi Ahli Muda Petugas Bidang Koperasi (demo), Penyuluh Usaha Mikro Ahli Pertama',
      );
      expect(res.text).toContain(
        'Pengurus koperasi diminta menyusun jadwal dan format pemeriksaan berkala oleh pengawas paling lambat 31 Maret 2025.',
      );
      expect(res.text).toContain(
        'Bidang Usaha Mikro DKUPP akan menghubungkan koperasi dengan pembiayaan KUR atau LPDB',
      );
      expect(res.shareUrl.startsWith('https://wa.me/?text=')).toBe(true);
      // The shared message opens with the headline in WhatsApp bold (issue 12 point 8).
      expect(decodeURIComponent(res.shareUrl.slice('https://wa.me/?text='.length))).toBe(
        `*${res.headline}*\n\n${res.text}`,
      );
    });

    it('lists only its own visits to a cooperative', async () => {
      const own = (await get('/api/v1/visits?pageSize=100', 'dewirengganis')).json();
      expect(own.total).toBeGreaterThan(0);
      for (const v of own.items) {
        expect(v.cooperative.id).toBe(DEWI_ID);
        expect(v.conflicts).toEqual([]);
      }
      expect((await get(`/api/v1/visits?cooperativeId=${otherCoop}`, 'dewirengganis')).statusCode).toBe(403);
    });
  });

  describe('programs and business units', () => {
    it('creates a program with targets per kecamatan for pimpinan only, and counts what was reached', async () => {
      const [start, end] = [addDays(jakartaToday(), 100), addDays(jakartaToday(), 190)];
      const body = {
        name: 'Sambang Triwulan Uji',
        periodStart: start,
        periodEnd: end,
        targets: [{ districtCode: '35.13.07', target: 3 }],
      };
      expect((await send('POST', '/api/v1/programs', body)).statusCode).toBe(403);
      const p = await send('POST', '/api/v1/programs', body, 'kepala.dinas');
      expect(p.statusCode).toBe(201);
      expect(p.json()).toMatchObject({
        totals: { target: 3, visited: 0 },
        targets: [{ district: { code: '35.13.07', name: 'Tiris' }, target: 3 }],
      });
      const badPeriod = await send(
        'PATCH',
        `/api/v1/programs/${p.json().id}`,
        { periodEnd: addDays(start, -1) },
        'admin',
      );
      expect(badPeriod.statusCode).toBe(400);
      expect(badPeriod.json().error.fields.periodEnd).toBeDefined();
      const badDistrict = await send(
        'PATCH',
        `/api/v1/programs/${p.json().id}`,
        { targets: [{ districtCode: '99.99.99', target: 1 }] },
        'admin',
      );
      expect(badDistrict.json().error.fields['targets.0.districtCode']).toBeDefined();
      const tiris = (
        await send(
          'POST',
          '/api/v1/visits',
          plan({ cooperativeId: DEWI_ID, date: addDays(start, 20), programId: p.json().id }),
        )
      ).json();
      expect(tiris.programId).toBe(p.json().id);
      expect((await get(`/api/v1/programs/${p.json().id}`)).json().totals).toMatchObject({ scheduled: 1, visited: 0 });
    });

    it('records unit needs, mentoring by Usaha Mikro staff and proposals that move forward only', async () => {
      const units = (await get(`/api/v1/cooperatives/${DEWI_ID}/unit-development`, 'dewirengganis')).json().units;
      const unit = units[0];
      const need = await send(
        'POST',
        `/api/v1/cooperatives/${DEWI_ID}/business-units/${unit.id}/needs`,
        { kind: 'MODAL', description: 'Modal kerja tambahan', amount: 25_000_000 },
        'dewirengganis',
      );
      expect(need.statusCode).toBe(201);
      expect(
        (
          await send('POST', `/api/v1/cooperatives/${DEWI_ID}/business-units/${unit.id}/needs`, {
            kind: 'PEMASARAN',
            description: 'Pasar',
            amount: 5,
          })
        ).statusCode,
      ).toBe(400);
      expect((await send('PATCH', `/api/v1/unit-needs/${need.json().id}`, { status: 'met' })).json().status).toBe(
        'met',
      );
      const self = await send(
        'POST',
        `/api/v1/cooperatives/${DEWI_ID}/business-units/${unit.id}/mentoring`,
        { heldOn: '2025-04-02', topic: 'Pencatatan stok' },
        'petugas.usahamikro',
      );
      expect(self.statusCode).toBe(201);
      expect(self.json()).toMatchObject({ bidang: 'usaha_mikro', mentor: { id: id['petugas.usahamikro'] } });
      const wrong = await send('POST', `/api/v1/cooperatives/${DEWI_ID}/business-units/${unit.id}/mentoring`, {
        heldOn: '2025-04-02',
        topic: 'Pencatatan stok',
        mentorId: id['petugas.koperasi'],
      });
      expect(wrong.json().error.fields.mentorId).toMatch(/Usaha Mikro atau Bidang Perindustrian/);
      const prop = (
        await send(
          'POST',
          `/api/v1/cooperatives/${DEWI_ID}/unit-proposals`,
          { name: 'Toko daring koperasi', sector: 'TOKO' },
          'dewirengganis',
        )
      ).json();
      expect(prop.status).toBe('idea');
      expect((await send('PATCH', `/api/v1/unit-proposals/${prop.id}`, { status: 'started' })).statusCode).toBe(409);
      expect((await send('PATCH', `/api/v1/unit-proposals/${prop.id}`, { status: 'studied' })).json().status).toBe(
        'studied',
      );
      expect(
        (await send('PATCH', `/api/v1/unit-proposals/${prop.id}`, { status: 'dropped' })).json().error.fields
          .dropReason,
      ).toBeDefined();
      expect(
        (
          await send('PATCH', `/api/v1/unit-proposals/${prop.id}`, {
            status: 'dropped',
            dropReason: 'Modal belum cukup.',
          })
        ).json().status,
      ).toBe('dropped');
      const dev = (await get(`/api/v1/cooperatives/${DEWI_ID}/unit-development`)).json();
      expect(dev.units.find((u: { id: string }) => u.id === unit.id).mentoring.length).toBeGreaterThan(0);
      expect((await get(`/api/v1/cooperatives/${otherCoop}/unit-development`, 'dewirengganis')).statusCode).toBe(403);
    });

    it('links a visit to the units it worked on, only units of that cooperative', async () => {
      const own = (await get(`/api/v1/cooperatives/${DEWI_ID}/unit-development`))
        .json()
        .units.map((u: { id: string }) => u.id);
      const foreign = (await get(`/api/v1/cooperatives/${otherCoop}/unit-development`))
        .json()
        .units.map((u: { id: string }) => u.id);
      const v = (
        await send(
          'POST',
          '/api/v1/visits',
          plan({ cooperativeId: DEWI_ID, date: addDays(jakartaToday(), 90), businessUnitIds: own.slice(0, 1) }),
        )
      ).json();
      expect(v.businessUnitIds).toEqual(own.slice(0, 1));
      if (foreign.length) {
        const res = await send('PATCH', `/api/v1/visits/${v.id}`, { businessUnitIds: foreign.slice(0, 1) });
        expect(res.json().error.fields['businessUnitIds.0']).toMatch(/bukan milik koperasi/);
      }
    });
  });
});
