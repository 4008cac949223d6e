import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, DEWI_ID, RANUAGUNG, startApi, TIRIS } from './harness.js';

describe.each(DB_KINDS)('cooperative registry on %s', (kind) => {
  let api: Api;
  let petugas: string;
  let pimpinan: string;
  let koperasi: string;
  let admin: string;
  beforeAll(async () => {
    api = await startApi(kind);
    [petugas, pimpinan, koperasi, admin] = await Promise.all([
      api.login('petugas.koperasi'),
      api.login('pimpinan'),
      api.login('dewirengganis'),
      api.login('admin'),
    ]);
  });
  afterAll(() => api?.close());

  const get = (url: string, cookie = petugas) => api.req({ method: 'GET', url, cookie });
  const send = (method: string, url: string, body: unknown, cookie = petugas) => api.req({ method, url, cookie, body });
  const minimal = (over: Record<string, unknown> = {}) => ({
    name: 'Koperasi Uji Coba Sejahtera',
    type: 'KONSUMEN',
    group: 'KSU',
    districtCode: TIRIS,
    villageCode: RANUAGUNG,
    ...over,
  });

  describe('health and regions', () => {
    it('reports the database it runs on, without login', async () => {
      const res = await api.req({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', database: kind });
    });

    it('lists the 24 kecamatan of Kabupaten Probolinggo and their 330 villages', async () => {
      const districts = (await get('/api/v1/regions/districts')).json().items as { code: string; name: string }[];
      expect(districts).toHaveLength(24);
      expect(districts[0]).toEqual({ code: '35.13.01', name: 'Sukapura' });
      expect(districts.at(-1)).toEqual({ code: '35.13.24', name: 'Lumbang' });
      let villages = 0;
      for (const d of districts)
        villages += (await get(`/api/v1/regions/districts/${d.code}/villages`)).json().items.length;
      expect(villages).toBe(330);
      const tiris = (await get(`/api/v1/regions/districts/${TIRIS}/villages`)).json().items;
      expect(tiris).toContainEqual({ code: RANUAGUNG, name: 'Ranuagung', kind: 'DESA' });
    });

    it('answers 404 in Indonesian for a kecamatan that does not exist', async () => {
      const res = await get('/api/v1/regions/districts/35.13.99/villages');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toMatch(/tidak ditemukan/);
    });
  });

  describe('list', () => {
    it('pages on the server with a total', async () => {
      const first = (await get('/api/v1/cooperatives?page=1&pageSize=25')).json();
      const second = (await get('/api/v1/cooperatives?page=2&pageSize=25')).json();
      expect(first.items).toHaveLength(25);
      expect(first.total).toBeGreaterThanOrEqual(300);
      expect(second.total).toBe(first.total);
      const ids = new Set([...first.items, ...second.items].map((c: { id: string }) => c.id));
      expect(ids.size).toBe(50);
      const item = first.items[0];
      for (const key of ['id', 'name', 'nik', 'type', 'group', 'status']) expect(item).toHaveProperty(key);
      expect(item.district).toEqual({ code: expect.any(String), name: expect.any(String) });
      expect(item.village).toEqual({ code: expect.any(String), name: expect.any(String) });
    });

    it('finds Dewi Rengganis by part of its name, in any case, and by NIK', async () => {
      const byName = (await get('/api/v1/cooperatives?search=dewi%20RENGGANIS')).json();
      expect(byName.items.map((c: { id: string }) => c.id)).toContain(DEWI_ID);
      const byNik = (await get('/api/v1/cooperatives?search=3513070200012345')).json();
      expect(byNik.total).toBe(1);
      expect(byNik.items[0].name).toBe('Kopwan Dewi Rengganis');
    });

    it('treats % and _ in a search as plain characters', async () => {
      const res = (await get('/api/v1/cooperatives?search=%25')).json();
      expect(res.total).toBe(0);
    });

    it('filters by kecamatan, village, type, group and status together', async () => {
      const res = (
        await get(
          `/api/v1/cooperatives?district=${TIRIS}&village=${RANUAGUNG}&type=SIMPAN_PINJAM&group=KOPWAN&status=AKTIF`,
        )
      ).json();
      expect(res.items.map((c: { id: string }) => c.id)).toContain(DEWI_ID);
      for (const c of res.items) {
        expect(c.district.code).toBe(TIRIS);
        expect(c.village.code).toBe(RANUAGUNG);
        expect(c.type).toBe('SIMPAN_PINJAM');
        expect(c.group).toBe('KOPWAN');
      }
      const kdkmp = (await get(`/api/v1/cooperatives?group=KDKMP&pageSize=100`)).json();
      expect(kdkmp.total).toBe(330);
    });

    it('spreads the demo over all 24 kecamatan with the 2019 type mix', async () => {
      const districts = (await get('/api/v1/regions/districts')).json().items as { code: string }[];
      for (const d of districts) {
        const n = (await get(`/api/v1/cooperatives?district=${d.code}&pageSize=1`)).json().total;
        expect(n, d.code).toBeGreaterThan(10);
      }
      // The 2019 mix is of the cooperatives before the 2025 village cooperatives (KDKMP).
      const total = async (q: string) => (await get(`/api/v1/cooperatives?${q}&pageSize=1`)).json().total as number;
      const count = async (type: string) => (await total(`type=${type}`)) - (await total(`type=${type}&group=KDKMP`));
      const konsumen = await count('KONSUMEN');
      const sp = await count('SIMPAN_PINJAM');
      const produsen = await count('PRODUSEN');
      expect(konsumen).toBeGreaterThan(sp);
      expect(sp).toBeGreaterThan(produsen);
      expect(await count('JASA')).toBeGreaterThan(0);
      expect(await count('PEMASARAN')).toBeGreaterThan(0);
    });

    it('sorts by name both ways', async () => {
      const asc = (await get('/api/v1/cooperatives?sort=name&pageSize=50'))
        .json()
        .items.map((c: { name: string }) => c.name);
      const desc = (await get('/api/v1/cooperatives?sort=-name&pageSize=50'))
        .json()
        .items.map((c: { name: string }) => c.name);
      expect(asc).toEqual([...asc].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(desc[0] >= desc[desc.length - 1]).toBe(true);
      expect(asc[0] <= desc[0]).toBe(true);
    });

    it.each([
      ['pageSize=0', 'pageSize'],
      ['pageSize=100000', 'pageSize'],
      ['page=-1', 'page'],
      ['page=abc', 'page'],
      ['type=BANK', 'type'],
      ['sort=password', 'sort'],
      ['foo=bar', 'foo'],
    ])('rejects absurd query %s with a field message', async (query, field) => {
      const res = await get(`/api/v1/cooperatives?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(Object.keys(res.json().error.fields)).toContain(field);
    });
  });

  describe('create, read, edit, dissolve', () => {
    it('creates with only the five required fields and reads it back', async () => {
      const res = await send('POST', '/api/v1/cooperatives', minimal());
      expect(res.statusCode).toBe(201);
      const c = res.json();
      expect(c).toMatchObject({
        name: 'Koperasi Uji Coba Sejahtera',
        status: 'AKTIF',
        scheme: 'KONVENSIONAL',
        version: 1,
        nik: null,
      });
      expect(c.district).toEqual({ code: TIRIS, name: 'Tiris' });
      const read = await get(`/api/v1/cooperatives/${c.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json().village).toEqual({ code: RANUAGUNG, name: 'Ranuagung' });
    });

    it('stores every optional field, officers included', async () => {
      const body = minimal({
        name: 'KSP Lengkap Data',
        nik: '3513000000000001',
        legalEntityNumber: '518/12/BH/2019',
        legalEntityDate: '2019-04-02',
        scheme: 'SYARIAH',
        street: 'Jl. Raya Tiris No. 3',
        latitude: -7.95,
        longitude: 113.39,
        phone: '081234567890',
        email: 'ksp@example.org',
        membersMale: 12,
        membersFemale: 30,
        officers: [
          { role: 'KETUA', name: 'Siti Aminah', phone: '0812', termStart: '2023-01-01', termEnd: '2027-12-31' },
        ],
      });
      const res = await send('POST', '/api/v1/cooperatives', body);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        ...body,
        officers: [
          { role: 'KETUA', name: 'Siti Aminah', phone: '0812', termStart: '2023-01-01', termEnd: '2027-12-31' },
        ],
      });
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expect((await get('/api/v1/cooperatives/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
      const bad = await get('/api/v1/cooperatives/not-a-uuid');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toHaveProperty('id');
    });

    it('rejects a village that is not in the chosen kecamatan, and saves nothing', async () => {
      const before = (await get('/api/v1/cooperatives?pageSize=1')).json().total;
      const res = await send('POST', '/api/v1/cooperatives', minimal({ villageCode: '35.13.01.2001' }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.villageCode).toMatch(/tidak berada di kecamatan/);
      expect((await get('/api/v1/cooperatives?pageSize=1')).json().total).toBe(before);
    });

    it('rejects region codes that do not exist', async () => {
      const res = await send(
        'POST',
        '/api/v1/cooperatives',
        minimal({ districtCode: '35.13.77', villageCode: '35.13.77.2001' }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.districtCode).toMatch(/tidak ada/);
      const res2 = await send('POST', '/api/v1/cooperatives', minimal({ villageCode: '35.13.07.2999' }));
      expect(res2.statusCode).toBe(400);
      expect(res2.json().error.fields.villageCode).toMatch(/tidak dikenal/);
    });

    it('rejects coordinates outside the regency (e.g. a swapped sign)', async () => {
      const res = await send('POST', '/api/v1/cooperatives', minimal({ latitude: 7.95, longitude: 113.39 }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.latitude).toMatch(/di luar wilayah/);
      const half = await send('POST', '/api/v1/cooperatives', minimal({ latitude: -7.95 }));
      expect(half.statusCode).toBe(400);
    });

    it('refuses a duplicate NIK with 409 naming the holder', async () => {
      const res = await send('POST', '/api/v1/cooperatives', minimal({ nik: '3513070200012345' }));
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CONFLICT');
      expect(res.json().error.fields.nik).toMatch(/Dewi Rengganis/);
    });

    it('names every bad field at once, unknown fields included', async () => {
      const res = await send('POST', '/api/v1/cooperatives', {
        name: 'X',
        type: 'BANK',
        districtCode: 1,
        hacker: true,
        nik: '123',
        legalEntityDate: '2024-02-30',
      });
      expect(res.statusCode).toBe(400);
      const f = res.json().error.fields;
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining([
          'name',
          'type',
          'group',
          'districtCode',
          'villageCode',
          'hacker',
          'nik',
          'legalEntityDate',
        ]),
      );
      expect(f.group).toBe('Wajib diisi.');
      expect(f.hacker).toBe('Kolom tidak dikenal.');
    });

    it.each([
      ['malformed JSON', '{"name": ', 'application/json', 400],
      ['an array body', '[1,2]', 'application/json', 400],
      ['form encoding', 'name=x', 'application/x-www-form-urlencoded', 415],
    ])('answers %s with a clear 4xx', async (_label, payload, type, status) => {
      const res = await api.req({
        method: 'POST',
        url: '/api/v1/cooperatives',
        cookie: petugas,
        body: payload,
        headers: { 'content-type': type },
      });
      expect(res.statusCode).toBe(status);
      expect(res.json().error.message).toMatch(/\w/);
    });

    it('refuses a body over 1 MB with 413', async () => {
      const res = await send('POST', '/api/v1/cooperatives', minimal({ street: 'x'.repeat(1_100_000) }));
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('edits, bumps the version, and refuses a stale version', async () => {
      const c = (await send('POST', '/api/v1/cooperatives', minimal({ name: 'Koperasi Versi' }))).json();
      const ok = await send('PATCH', `/api/v1/cooperatives/${c.id}`, { membersFemale: 40, version: 1 });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ membersFemale: 40, version: 2 });
      const stale = await send('PATCH', `/api/v1/cooperatives/${c.id}`, { membersFemale: 41, version: 1 });
      expect(stale.statusCode).toBe(409);
      expect((await get(`/api/v1/cooperatives/${c.id}`)).json().membersFemale).toBe(40);
    });

    it('validates the merged record on edit (village must follow a new kecamatan)', async () => {
      const c = (await send('POST', '/api/v1/cooperatives', minimal({ name: 'Koperasi Pindah' }))).json();
      const res = await send('PATCH', `/api/v1/cooperatives/${c.id}`, { districtCode: '35.13.01' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.villageCode).toBeDefined();
      const moved = await send('PATCH', `/api/v1/cooperatives/${c.id}`, {
        districtCode: '35.13.01',
        villageCode: '35.13.01.2001',
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json().district.name).toBe('Sukapura');
    });

    it('dissolves with a reason instead of deleting, and then refuses edits', async () => {
      const c = (await send('POST', '/api/v1/cooperatives', minimal({ name: 'Koperasi Akan Bubar' }))).json();
      const noReason = await send('POST', `/api/v1/cooperatives/${c.id}/dissolve`, { reason: '' });
      expect(noReason.statusCode).toBe(400);
      const res = await send('POST', `/api/v1/cooperatives/${c.id}/dissolve`, {
        reason: 'Tidak RAT tiga tahun berturut-turut',
        date: '2025-06-30',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'DIBUBARKAN',
        dissolvedReason: 'Tidak RAT tiga tahun berturut-turut',
        dissolvedAt: '2025-06-30',
      });
      expect((await send('PATCH', `/api/v1/cooperatives/${c.id}`, { phone: '0812' })).statusCode).toBe(409);
      expect((await send('PATCH', `/api/v1/cooperatives/${c.id}`, { status: 'DIBUBARKAN' })).statusCode).toBe(400);
      expect((await get(`/api/v1/cooperatives?status=DIBUBARKAN&search=akan%20bubar`)).json().total).toBe(1);
    });

    it('does not let pimpinan change anything', async () => {
      const res = await send('PATCH', `/api/v1/cooperatives/${DEWI_ID}`, { phone: '0811' }, pimpinan);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toMatch(/tidak berwenang/);
    });
  });

  describe('yearly figures and business units', () => {
    it('keeps one row per fiscal year, newest first, and rejects negatives and the future', async () => {
      const c = (await send('POST', '/api/v1/cooperatives', minimal({ name: 'Koperasi Angka' }))).json();
      const put = (fy: number, body: unknown) => send('PUT', `/api/v1/cooperatives/${c.id}/figures/${fy}`, body);
      expect(
        (
          await put(2023, {
            assets: 1_500_000_000,
            ownCapital: 600_000_000,
            externalCapital: 900_000_000,
            businessVolume: 2_000_000_000,
            shu: 45_000_000,
          })
        ).statusCode,
      ).toBe(200);
      expect((await put(2024, { assets: 1_700_000_000, shu: -5_000_000 })).statusCode).toBe(200);
      expect((await put(2024, { assets: 1_800_000_000, shu: 12_000_000 })).statusCode).toBe(200);
      const list = (await get(`/api/v1/cooperatives/${c.id}/figures`)).json().items;
      expect(list.map((f: { fiscalYear: number }) => f.fiscalYear)).toEqual([2024, 2023]);
      expect(list[0]).toMatchObject({ assets: 1_800_000_000, shu: 12_000_000 });
      expect(list[1].assets).toBe(1_500_000_000);
      const neg = await put(2022, { assets: -1 });
      expect(neg.statusCode).toBe(400);
      expect(neg.json().error.fields.assets).toMatch(/negatif/);
      expect((await put(2999, { assets: 1 })).statusCode).toBe(400);
      expect((await put(2022, { assets: 1.5 })).statusCode).toBe(400);
      expect((await send('DELETE', `/api/v1/cooperatives/${c.id}/figures/2023`, undefined)).statusCode).toBe(200);
      expect((await get(`/api/v1/cooperatives/${c.id}/figures`)).json().items).toHaveLength(1);
    });

    it('adds, edits and removes business units', async () => {
      const c = (await send('POST', '/api/v1/cooperatives', minimal({ name: 'Koperasi Unit' }))).json();
      const created = await send('POST', `/api/v1/cooperatives/${c.id}/business-units`, {
        name: 'Olahan mangga',
        sector: 'PENGOLAHAN',
        status: 'PLANNED',
        permits: { pirt: 'P-IRT 123' },
        needs: 'Sertifikat halal',
      });
      expect(created.statusCode).toBe(201);
      const unit = created.json();
      expect(unit).toMatchObject({
        name: 'Olahan mangga',
        status: 'PLANNED',
        permits: { nib: null, pirt: 'P-IRT 123', halal: null },
      });
      const edited = await send('PATCH', `/api/v1/cooperatives/${c.id}/business-units/${unit.id}`, {
        status: 'EXISTING',
        permits: { halal: 'ID123' },
      });
      expect(edited.json()).toMatchObject({ status: 'EXISTING', permits: { pirt: 'P-IRT 123', halal: 'ID123' } });
      expect(
        (await send('DELETE', `/api/v1/cooperatives/${c.id}/business-units/${unit.id}`, undefined)).statusCode,
      ).toBe(200);
      expect((await get(`/api/v1/cooperatives/${c.id}/business-units`)).json().items).toEqual([]);
    });
  });

  describe('a koperasi user', () => {
    it('sees only its own cooperative in the list', async () => {
      const res = (await get('/api/v1/cooperatives?pageSize=100', koperasi)).json();
      expect(res.total).toBe(1);
      expect(res.items[0].id).toBe(DEWI_ID);
    });

    it('cannot read, edit or add to another cooperative', async () => {
      const other = (await get('/api/v1/cooperatives?search=merah%20putih&pageSize=1')).json().items[0];
      for (const [method, url, body] of [
        ['GET', `/api/v1/cooperatives/${other.id}`, undefined],
        ['GET', `/api/v1/cooperatives/${other.id}/timeline`, undefined],
        ['GET', `/api/v1/cooperatives/${other.id}/figures`, undefined],
        ['PATCH', `/api/v1/cooperatives/${other.id}`, { phone: '0812' }],
        ['PUT', `/api/v1/cooperatives/${other.id}/figures/2024`, { assets: 1 }],
        ['POST', `/api/v1/cooperatives/${other.id}/business-units`, { name: 'Toko', sector: 'TOKO' }],
      ] as const) {
        const res = await api.req({ method, url, cookie: koperasi, body });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
      }
      expect((await get(`/api/v1/cooperatives/${other.id}`)).json().phone).not.toBe('0812');
    });

    it('may edit its contact data and member counts, but not its identity', async () => {
      const ok = await send(
        'PATCH',
        `/api/v1/cooperatives/${DEWI_ID}`,
        { phone: '085200001111', membersFemale: 215 },
        koperasi,
      );
      expect(ok.statusCode).toBe(200);
      const denied = await send(
        'PATCH',
        `/api/v1/cooperatives/${DEWI_ID}`,
        { name: 'Kopwan Baru', nik: '3513999999999999' },
        koperasi,
      );
      expect(denied.statusCode).toBe(403);
      expect(Object.keys(denied.json().error.fields)).toEqual(['name', 'nik']);
      expect((await get(`/api/v1/cooperatives/${DEWI_ID}`)).json().name).toBe('Kopwan Dewi Rengganis');
    });

    it('may submit its own yearly figures and business units', async () => {
      expect(
        (await send('PUT', `/api/v1/cooperatives/${DEWI_ID}/figures/2020`, { assets: 100_000_000 }, koperasi))
          .statusCode,
      ).toBe(200);
      expect(
        (
          await send(
            'POST',
            `/api/v1/cooperatives/${DEWI_ID}/business-units`,
            { name: 'Warung anggota', sector: 'TOKO' },
            koperasi,
          )
        ).statusCode,
      ).toBe(201);
    });

    it('cannot create or dissolve cooperatives', async () => {
      expect((await send('POST', '/api/v1/cooperatives', minimal(), koperasi)).statusCode).toBe(403);
      expect(
        (await send('POST', `/api/v1/cooperatives/${DEWI_ID}/dissolve`, { reason: 'coba-coba saja' }, koperasi))
          .statusCode,
      ).toBe(403);
    });
  });

  describe('audit', () => {
    it('records who changed what, before and after, as the timeline', async () => {
      const c = (
        await send('POST', '/api/v1/cooperatives', minimal({ name: 'Koperasi Jejak', membersMale: 10 }))
      ).json();
      await send('PATCH', `/api/v1/cooperatives/${c.id}`, { membersMale: 25, phone: '0811' });
      const timeline = (await get(`/api/v1/cooperatives/${c.id}/timeline`)).json();
      expect(timeline.items.map((e: { action: string }) => e.action)).toEqual([
        'cooperative.update',
        'cooperative.create',
      ]);
      const update = timeline.items[0];
      expect(update.actor.username).toBe('petugas.koperasi');
      expect(update.changes).toEqual({
        membersMale: { before: 10, after: 25 },
        phone: { before: null, after: '0811' },
      });
      expect(Date.parse(update.at)).not.toBeNaN();
    });

    it('writes no audit event and no change when the request fails', async () => {
      const before = (await get('/api/v1/audit?pageSize=1', admin)).json().total;
      await send('POST', '/api/v1/cooperatives', minimal({ nik: '3513070200012345' }));
      await send('PATCH', `/api/v1/cooperatives/${DEWI_ID}`, { villageCode: '35.13.01.2001' });
      expect((await get('/api/v1/audit?pageSize=1', admin)).json().total).toBe(before);
    });

    it('offers admin and pimpinan a filterable log, and nobody else', async () => {
      const all = (await get('/api/v1/audit?action=cooperative.update&pageSize=100', pimpinan)).json();
      expect(all.total).toBeGreaterThan(0);
      for (const e of all.items) expect(e.action).toBe('cooperative.update');
      const today = new Date().toISOString().slice(0, 10);
      const byCoop = (await get(`/api/v1/audit?cooperativeId=${DEWI_ID}&from=2020-01-01&to=${today}`, admin)).json();
      for (const e of byCoop.items) expect(e.cooperativeId).toBe(DEWI_ID);
      expect((await get('/api/v1/audit', petugas)).statusCode).toBe(403);
      expect((await get('/api/v1/audit', koperasi)).statusCode).toBe(403);
      expect((await get('/api/v1/audit?from=2025-13-01', admin)).statusCode).toBe(400);
    });
  });
});

describe.each(DB_KINDS)('cooperative list exports on %s', (kind) => {
  let api: Api;
  let petugas: string;
  let koperasi: string;
  beforeAll(async () => {
    api = await startApi(kind);
    petugas = await api.login('petugas.koperasi');
    koperasi = await api.login('dewirengganis');
  });
  afterAll(() => api?.close());

  it('exports the filtered list as XLSX with Indonesian headers and every matching row', async () => {
    const res = await api.req({
      method: 'GET',
      url: `/api/v1/cooperatives/export.xlsx?district=${TIRIS}`,
      cookie: petugas,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/daftar-koperasi\.xlsx/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).values).toEqual(
      expect.arrayContaining(['Nama koperasi', 'NIK', 'Kecamatan', 'Desa/Kelurahan', 'Anggota L', 'Anggota P']),
    );
    const total = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives?district=${TIRIS}&pageSize=1`, cookie: petugas })
    ).json().total;
    expect(ws.rowCount - 3).toBe(total);
    for (let i = 4; i <= ws.rowCount; i++) expect(ws.getRow(i).getCell(7).value).toBe('Tiris');
    const dewi = [...Array(ws.rowCount - 3).keys()]
      .map((k) => ws.getRow(k + 4))
      .find((r) => r.getCell(1).value === 'Kopwan Dewi Rengganis')!;
    expect(dewi.getCell(3).value).toBe('Simpan Pinjam');
    expect(dewi.getCell(11).value).toBeInstanceOf(Date);
  });

  it('exports CSV for Indonesian spreadsheets, and a koperasi user gets only its own row', async () => {
    const res = await api.req({
      method: 'GET',
      url: '/api/v1/cooperatives/export.csv?search=dewi%20rengganis',
      cookie: koperasi,
    });
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.split(';').slice(0, 3)).toEqual(['Nama koperasi', 'NIK', 'Jenis']);
    expect(lines).toHaveLength(2);
    const all = await api.req({ method: 'GET', url: '/api/v1/cooperatives/export.csv', cookie: koperasi });
    expect(all.body.trim().split('\r\n')).toHaveLength(2);
    expect(
      (await api.req({ method: 'GET', url: '/api/v1/cooperatives/export.csv?type=BANK', cookie: petugas })).statusCode,
    ).toBe(400);
  });
});
