import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

/** Spreadsheet downloads of concerns and follow-ups: same filters and visibility as the lists, Indonesian headers. */
describe.each(DB_KINDS)('concern and follow-up exports on %s', (kind) => {
  let api: Api;
  const c: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi(kind);
    for (const u of ['admin', 'petugas.koperasi', 'dewirengganis']) c[u] = await api.login(u);
  });
  afterAll(async () => {
    await api?.close();
  });

  const get = (url: string, who = 'petugas.koperasi') => api.req({ method: 'GET', url, cookie: c[who] });
  const total = async (url: string, who = 'petugas.koperasi') =>
    (await get(`${url}${url.includes('?') ? '&' : '?'}pageSize=1`, who)).json().total as number;
  async function sheet(url: string, who = 'petugas.koperasi') {
    const res = await get(url, who);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(3).values as unknown[]).slice(1).map(String);
    const rows: Record<string, unknown>[] = [];
    for (let i = 4; i <= ws.rowCount; i++) {
      const v = ws.getRow(i).values as unknown[];
      rows.push(Object.fromEntries(header.map((h, j) => [h, v[j + 1] ?? null])));
    }
    return { header, rows };
  }
  function csv(body: string) {
    const lines = body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    return { header: lines[0]!.split(';'), count: lines.length - 1 };
  }

  it('exports the concern list with its filters and Indonesian headers', async () => {
    const all = await sheet('/api/v1/concerns/export.xlsx');
    expect(all.header).toEqual(
      expect.arrayContaining([
        'Tanggal dicatat',
        'Koperasi',
        'Kecamatan',
        'Jenis',
        'Topik',
        'Uraian',
        'Disampaikan oleh',
        'Status',
        'Sumber',
        'Tanggapan Dinas',
      ]),
    );
    expect(all.rows.length).toBe(await total('/api/v1/concerns'));
    expect(all.rows.length).toBeGreaterThan(3);

    const open = await sheet('/api/v1/concerns/export.xlsx?status=open&kind=KELUHAN');
    expect(open.rows.length).toBe(await total('/api/v1/concerns?status=open&kind=KELUHAN'));
    for (const r of open.rows) expect(r).toMatchObject({ Status: 'Terbuka', Jenis: 'Keluhan' });
  });

  it('filters concerns by kecamatan and by where they were raised, in the list and the export alike', async () => {
    const district = (await get(`/api/v1/cooperatives/${DEWI_ID}`)).json().district as { code: string; name: string };
    const inDistrict = (await get(`/api/v1/concerns?district=${district.code}&pageSize=100`)).json();
    expect(inDistrict.total).toBeGreaterThan(0);
    expect(inDistrict.total).toBeLessThan(await total('/api/v1/concerns'));
    const x = await sheet(`/api/v1/concerns/export.xlsx?district=${district.code}`);
    expect(x.rows.length).toBe(inDistrict.total);
    for (const r of x.rows) expect(r.Kecamatan).toBe(district.name);

    // A concern raised from the cooperative's portal is PORTAL; one written by staff outside a visit is DINAS.
    const portal = await api.req({
      method: 'POST',
      url: '/api/v1/concerns',
      cookie: c.dewirengganis,
      body: {
        cooperativeId: DEWI_ID,
        kind: 'KELUHAN',
        topic: 'pemasaran',
        description: 'Produk sulit masuk toko modern.',
        severity: 'tinggi',
      },
    });
    expect(portal.statusCode).toBe(201);
    const dinas = await api.req({
      method: 'POST',
      url: '/api/v1/concerns',
      cookie: c['petugas.koperasi'],
      body: {
        cooperativeId: DEWI_ID,
        kind: 'TANTANGAN',
        topic: 'sdm',
        description: 'Regenerasi pengurus belum disiapkan.',
        raisedBy: 'Ketua',
      },
    });
    expect(dinas.statusCode).toBe(201);
    const viaPortal = (await get('/api/v1/concerns?raisedVia=PORTAL&pageSize=100')).json();
    expect(viaPortal.items.map((i: { id: string }) => i.id)).toContain(portal.json().id);
    expect(viaPortal.items.map((i: { id: string }) => i.id)).not.toContain(dinas.json().id);
    for (const i of viaPortal.items) expect(i.raisedVia).toBe('PORTAL');
    const viaDinas = (await get('/api/v1/concerns?raisedVia=DINAS&pageSize=100')).json();
    expect(viaDinas.items.map((i: { id: string }) => i.id)).toContain(dinas.json().id);
    for (const i of viaDinas.items) expect(i.raisedVia).toBe('DINAS');
    const viaVisit = (await get('/api/v1/concerns?raisedVia=VISIT&pageSize=100')).json();
    for (const i of viaVisit.items) expect(i.visitId).not.toBeNull();
    expect(viaPortal.total + viaDinas.total + viaVisit.total).toBe(await total('/api/v1/concerns'));
    const sp = await sheet('/api/v1/concerns/export.xlsx?raisedVia=PORTAL');
    expect(sp.rows.length).toBe(viaPortal.total);
    for (const r of sp.rows) expect(r.Sumber).toBe('Portal koperasi');
  });

  it("gives a koperasi user only its own cooperative's rows, and refuses another cooperative", async () => {
    const own = await sheet('/api/v1/concerns/export.xlsx', 'dewirengganis');
    expect(own.rows.length).toBe(await total('/api/v1/concerns', 'dewirengganis'));
    expect(own.rows.length).toBeGreaterThan(0);
    for (const r of own.rows) expect(r.Koperasi).toBe('Kopwan Dewi Rengganis');
    const fu = csv((await get('/api/v1/follow-ups/export.csv', 'dewirengganis')).body);
    expect(fu.count).toBe(await total('/api/v1/follow-ups', 'dewirengganis'));
    const other = (await get('/api/v1/cooperatives?pageSize=2', 'admin'))
      .json()
      .items.find((i: { id: string }) => i.id !== DEWI_ID).id;
    expect((await get(`/api/v1/follow-ups/export.xlsx?cooperativeId=${other}`, 'dewirengganis')).statusCode).toBe(403);
    expect((await get(`/api/v1/concerns/export.csv?cooperativeId=${other}`, 'dewirengganis')).statusCode).toBe(403);
  });

  it('exports overdue follow-ups with the days late, and the CSV matches the list', async () => {
    const overdue = await sheet('/api/v1/follow-ups/export.xlsx?status=overdue');
    expect(overdue.header).toEqual(
      expect.arrayContaining([
        'Tenggat',
        'Koperasi',
        'Rekomendasi',
        'Penanggung jawab',
        'Rencana pemantauan',
        'Status',
        'Terlambat (hari)',
        'Bukti penyelesaian',
      ]),
    );
    expect(overdue.rows.length).toBe(await total('/api/v1/follow-ups?status=overdue'));
    expect(overdue.rows.length).toBeGreaterThan(0);
    for (const r of overdue.rows) {
      expect(Number(r['Terlambat (hari)'])).toBeGreaterThan(0);
      expect(['Belum dikerjakan', 'Sedang dikerjakan']).toContain(r.Status);
    }
    const done = await sheet('/api/v1/follow-ups/export.xlsx?status=done');
    for (const r of done.rows) expect(String(r['Bukti penyelesaian'] ?? '').length).toBeGreaterThan(4);

    const res = await get('/api/v1/follow-ups/export.csv?bidang=koperasi');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/tindak-lanjut\.csv/);
    const parsed = csv(res.body);
    expect(parsed.header.slice(0, 3)).toEqual(['Tenggat', 'Koperasi', 'Kecamatan']);
    expect(parsed.count).toBe(await total('/api/v1/follow-ups?bidang=koperasi'));
    const mine = csv((await get('/api/v1/follow-ups/export.csv?assignee=me')).body);
    expect(mine.count).toBe(await total('/api/v1/follow-ups?assignee=me'));
  });

  it('refuses a bad filter in Indonesian, and anonymous callers', async () => {
    const bad = await get('/api/v1/follow-ups/export.xlsx?status=terlambat');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error)).toMatch(/status/);
    expect((await get('/api/v1/concerns/export.xlsx?page=2')).statusCode).toBe(400);
    expect((await api.req({ method: 'GET', url: '/api/v1/concerns/export.xlsx' })).statusCode).toBe(401);
  });
});
