import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegions } from '../../src/app/regions/load-regions.js';
import { type Api, DB_KINDS, DEWI_ID, startApi, TIRIS } from './harness.js';

/** Issue 11: the country's regions as data, offices of every level, and handing a cooperative upwards. */
describe.each(DB_KINDS)('regions and offices (%s)', (kind) => {
  let api: Api;
  let admin: string;
  let petugas: string;
  beforeAll(async () => {
    api = await startApi(kind);
    admin = await api.login('admin');
    petugas = await api.login('petugas.koperasi');
  }, 120_000);
  afterAll(async () => api?.close());

  const get = (url: string, cookie = petugas) => api.req({ method: 'GET', url, cookie });
  const post = (url: string, body: unknown, cookie = admin) => api.req({ method: 'POST', url, cookie, body });

  it('loads every province, regency, kecamatan and village once', async () => {
    const n = async (t: 'provinces' | 'regencies' | 'districts' | 'villages') =>
      Number(
        (
          await api.deps.db.kysely
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await n('provinces')).toBe(38);
    expect(await n('regencies')).toBe(514);
    expect(await n('districts')).toBeGreaterThan(7200);
    expect(await n('villages')).toBeGreaterThan(83000);
    // Loaded already: a second start reads nothing and writes nothing.
    expect(await loadRegions(api.deps)).toBeNull();
  });

  it('answers every level, from province to village', async () => {
    const provinces = (await get('/api/v1/regions/provinces')).json().items as { code: string; name: string }[];
    expect(provinces).toHaveLength(38);
    expect(provinces.map((p) => p.code)).toEqual([...provinces.map((p) => p.code)].sort());
    const regencies = (await get(`/api/v1/regions/provinces/${TIRIS.slice(0, 2)}/regencies`)).json().items as {
      code: string;
    }[];
    expect(regencies.length).toBeGreaterThan(30);
    expect(regencies.every((r) => r.code.startsWith(`${TIRIS.slice(0, 2)}.`))).toBe(true);
    const districts = (await get(`/api/v1/regions/regencies/${TIRIS.slice(0, 5)}/districts`)).json().items as {
      code: string;
    }[];
    expect(districts).toHaveLength(24);
    expect(districts.map((d) => d.code)).toContain(TIRIS);
    const villages = (await get(`/api/v1/regions/districts/${TIRIS}/villages`)).json().items as {
      code: string;
      kind: string;
    }[];
    expect(villages.length).toBeGreaterThan(10);
    expect(villages.every((v) => v.code.startsWith(`${TIRIS}.`) && (v.kind === 'DESA' || v.kind === 'KELURAHAN'))).toBe(
      true,
    );
    // Any regency of the country, not only the office's own.
    const other = (await get('/api/v1/regions/regencies/11.01/districts')).json().items as { code: string }[];
    expect(other.length).toBeGreaterThan(5);
    expect((await get(`/api/v1/regions/districts/${other[0]!.code}/villages`)).json().items.length).toBeGreaterThan(0);
    // The office's own kecamatan for the cooperative form, as before.
    expect((await get('/api/v1/regions/districts')).json().items).toEqual(
      districts.map((d) => expect.objectContaining({ code: d.code })),
    );
  });

  it('answers unknown codes with 404 and malformed ones with 400, in Indonesian', async () => {
    for (const [url, message] of [
      ['/api/v1/regions/provinces/99/regencies', 'Provinsi tidak ditemukan.'],
      ['/api/v1/regions/regencies/35.99/districts', 'Kabupaten/kota tidak ditemukan.'],
      ['/api/v1/regions/districts/35.13.99/villages', 'Kecamatan tidak ditemukan.'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message });
    }
    const bad = await get('/api/v1/regions/provinces/jatim/regencies');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.code).toMatch(/Kode provinsi berformat/);
    expect((await get('/api/v1/regions/provinces', '')).statusCode).toBe(401);
  });

  it('creates offices of every level from region codes that exist, one per area', async () => {
    const profile = {
      name: 'Dinas Koperasi Uji',
      shortName: 'Dinas Uji',
      government: 'Pemerintah Uji',
      address: 'Alamat uji',
      city: 'Kota Uji',
    };
    const wrongCode = await post('/api/v1/offices', { ...profile, level: 'PROVINSI', regionCode: '35.13' });
    expect(wrongCode.statusCode).toBe(400);
    expect(wrongCode.json().error.fields.regionCode).toMatch(/kode provinsi/);
    const unknown = await post('/api/v1/offices', { ...profile, level: 'KABUPATEN', regionCode: '35.99' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.regionCode).toMatch(/tidak ada dalam data wilayah/);
    // The demo holds Probolinggo (35.13), its neighbour Lumajang (35.08) and the province (35).
    expect((await post('/api/v1/offices', { ...profile, level: 'KABUPATEN', regionCode: '35.08' })).statusCode).toBe(
      409,
    );
    const regency = await post('/api/v1/offices', { ...profile, level: 'KABUPATEN', regionCode: '35.09' });
    expect(regency.statusCode).toBe(201);
    expect(regency.json()).toMatchObject({ level: 'KABUPATEN', regionCode: '35.09', bbox: null });
    expect((await post('/api/v1/offices', { ...profile, level: 'KABUPATEN', regionCode: '35.09' })).statusCode).toBe(
      409,
    );
    expect((await post('/api/v1/offices', { ...profile, level: 'NASIONAL' }, petugas)).statusCode).toBe(403);
    const bbox = { minLat: -8.5, maxLat: -7.9, minLng: 112.9, maxLng: 113.3 };
    // Another office's profile is out of this admin's reach; their own office's is theirs to edit.
    const other = await api.req({
      method: 'PATCH',
      url: `/api/v1/offices/${regency.json().id}`,
      cookie: admin,
      body: { bbox, version: 1 },
    });
    expect(other.statusCode).toBe(404);
    const current = (await get('/api/v1/offices/current')).json();
    expect(current).toMatchObject({ level: 'KABUPATEN', regionCode: '35.13' });
    const patch = (body: object) =>
      api.req({ method: 'PATCH', url: `/api/v1/offices/${current.id}`, cookie: admin, body });
    const patched = await patch({ bbox, version: current.version });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().bbox).toEqual(bbox);
    expect((await patch({ bbox: current.bbox, version: patched.json().version })).statusCode).toBe(200);
    // A regency admin's office list holds their own office only (office reach); the offices exist all the same.
    expect((await get('/api/v1/offices', admin)).json().items.map((o: { regionCode: string }) => o.regionCode)).toEqual(
      ['35.13'],
    );
    expect(
      (await api.deps.db.kysely.selectFrom('offices').select('region_code').orderBy('created_at').execute()).map(
        (o) => o.region_code,
      ),
    ).toEqual(['35.13', '35.08', '35', '35.09']);
  });

  it('gives new users and cooperatives to an office, at regency authority', async () => {
    const db = api.deps.db.kysely;
    const first = (await get('/api/v1/offices/current')).json().id as string;
    const user = await post('/api/v1/users', { username: 'uji.kantor', fullName: 'Uji Kantor', role: 'pimpinan' });
    expect(user.statusCode).toBe(201);
    expect(
      (await db.selectFrom('users').select('office_id').where('username', '=', 'uji.kantor').executeTakeFirstOrThrow())
        .office_id,
    ).toBe(first);
    const villages = (await get(`/api/v1/regions/districts/${TIRIS}/villages`)).json().items as { code: string }[];
    const coop = await post('/api/v1/cooperatives', {
      name: 'Koperasi Uji Kantor',
      type: 'JASA',
      group: 'LAINNYA',
      districtCode: TIRIS,
      villageCode: villages[0]!.code,
    });
    expect(coop.statusCode).toBe(201);
    expect(coop.json()).toMatchObject({ authorityLevel: 'KABUPATEN', officeId: first });
    // Every demo row belongs to an office; every row in Probolinggo's area belongs to Probolinggo's office.
    for (const t of ['users', 'cooperatives', 'visits', 'programs'] as const) {
      const orphans = await db
        .selectFrom(t as 'users')
        .select('id')
        .where((eb) =>
          eb.or([eb('office_id', 'is', null), eb('office_id', 'not in', eb.selectFrom('offices').select('id'))]),
        )
        .execute();
      expect(orphans, t).toEqual([]);
    }
    const strays = await db
      .selectFrom('cooperatives')
      .select('id')
      .where('district_code', 'like', '35.13.%')
      .where('authority_level', '=', 'KABUPATEN')
      .where('office_id', '!=', first)
      .execute();
    expect(strays).toEqual([]);
  });

  it('hands a cooperative to the province office (named from the region data) with an audited transfer', async () => {
    const db = api.deps.db.kysely;
    expect(
      (
        await post(
          `/api/v1/cooperatives/${DEWI_ID}/transfer`,
          { authorityLevel: 'PROVINSI', reason: 'Anggota lintas kabupaten' },
          petugas,
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await post(`/api/v1/cooperatives/${DEWI_ID}/transfer`, {
          authorityLevel: 'KABUPATEN',
          reason: 'Anggota lintas kabupaten',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await post(`/api/v1/cooperatives/${DEWI_ID}/transfer`, { authorityLevel: 'PROVINSI', reason: 'x' })).statusCode,
    ).toBe(400);
    const missing = await post('/api/v1/cooperatives/00000000-0000-4000-8000-000000000000/transfer', {
      authorityLevel: 'PROVINSI',
      reason: 'Anggota lintas kabupaten',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Koperasi tidak ditemukan.');

    const before = (await get(`/api/v1/cooperatives/${DEWI_ID}`)).json();
    const res = await post(`/api/v1/cooperatives/${DEWI_ID}/transfer`, {
      authorityLevel: 'PROVINSI',
      reason: 'Anggota lintas kabupaten',
    });
    expect(res.statusCode).toBe(200);
    const province = await db
      .selectFrom('offices')
      .selectAll()
      .where('level', '=', 'PROVINSI')
      .where('region_code', '=', TIRIS.slice(0, 2))
      .executeTakeFirstOrThrow();
    const provinceName = (
      await db.selectFrom('provinces').select('name').where('code', '=', TIRIS.slice(0, 2)).executeTakeFirstOrThrow()
    ).name;
    expect(province.government).toBe(`Pemerintah Provinsi ${provinceName}`);
    expect(res.json()).toMatchObject({
      authorityLevel: 'PROVINSI',
      officeId: province.id,
      version: before.version + 1,
    });
    expect(
      await db.selectFrom('letter_registers').select('kind').where('office_id', '=', province.id).execute(),
    ).not.toHaveLength(0);
    const audit = (await get('/api/v1/audit?action=cooperative.transfer&pageSize=10', admin)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ entityId: DEWI_ID });
    expect(JSON.stringify(audit.items[0])).toContain('Anggota lintas kabupaten');
    // The office that holds the cooperative now reads its history, the transfer included.
    const provinceAudit = (
      await get('/api/v1/audit?action=cooperative.transfer&pageSize=10', await api.login('admin.provinsi'))
    ).json();
    expect(provinceAudit.items.map((e: { entityId: string }) => e.entityId)).toContain(DEWI_ID);

    // Handed over, the cooperative is out of the regency's reach: it reads as absent there.
    const gone = await post(`/api/v1/cooperatives/${DEWI_ID}/transfer`, {
      authorityLevel: 'PROVINSI',
      reason: 'Anggota lintas kabupaten',
    });
    expect(gone.statusCode).toBe(404);
    expect((await get(`/api/v1/cooperatives/${DEWI_ID}`)).statusCode).toBe(404);
    // The province office holds it now: only upwards, and the national office must exist.
    const provinceAdmin = await api.login('admin.provinsi');
    const again = await post(
      `/api/v1/cooperatives/${DEWI_ID}/transfer`,
      { authorityLevel: 'PROVINSI', reason: 'Anggota lintas kabupaten' },
      provinceAdmin,
    );
    expect(again.statusCode).toBe(409);
    const noNation = await post(
      `/api/v1/cooperatives/${DEWI_ID}/transfer`,
      { authorityLevel: 'NASIONAL', reason: 'Anggota lintas provinsi' },
      provinceAdmin,
    );
    expect(noNation.statusCode).toBe(409);
    expect(noNation.json().error.message).toMatch(/Kantor nasional belum terdaftar/);
    const nation = await post('/api/v1/offices', {
      level: 'NASIONAL',
      name: 'Kementerian Uji',
      shortName: 'Kemenkop Uji',
      government: 'Pemerintah Uji',
      address: 'Alamat uji',
      city: 'Kota Uji',
    });
    expect(nation.statusCode).toBe(201);
    const up = await post(
      `/api/v1/cooperatives/${DEWI_ID}/transfer`,
      { authorityLevel: 'NASIONAL', reason: 'Anggota lintas provinsi' },
      provinceAdmin,
    );
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ authorityLevel: 'NASIONAL', officeId: nation.json().id });
    expect(await db.selectFrom('offices').select('id').where('level', '=', 'PROVINSI').execute()).toHaveLength(1);
  });
});

describe.each(DB_KINDS)('SAMBANG_REGION naming a province (%s)', (kind) => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi(kind, { demo: false, env: { SAMBANG_REGION: '35' } });
  }, 120_000);
  afterAll(async () => api?.close());

  it('creates a province office at first start, named from the region data, serving every kecamatan of the province', async () => {
    const cookie = await api.login('admin');
    const office = (await api.req({ method: 'GET', url: '/api/v1/offices/current', cookie })).json();
    const name = (
      await api.deps.db.kysely.selectFrom('provinces').select('name').where('code', '=', '35').executeTakeFirstOrThrow()
    ).name;
    expect(office).toMatchObject({
      level: 'PROVINSI',
      regionCode: '35',
      government: `Pemerintah Provinsi ${name}`,
      bbox: null,
    });
    const districts = (await api.req({ method: 'GET', url: '/api/v1/regions/districts', cookie })).json().items as {
      code: string;
    }[];
    expect(districts.length).toBeGreaterThan(600);
    expect(districts.every((d) => d.code.startsWith('35.'))).toBe(true);
    const meta = (await api.req({ method: 'GET', url: '/api/v1/meta' })).json();
    expect(meta.regency).toEqual({ code: '35', name });
    expect(meta.bbox).toBeNull();
  });
});
