import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, startApi } from './harness.js';

describe.each(DB_KINDS)('ODS-style yearly recap on %s', (kind) => {
  let api: Api;
  let pimpinan: string;
  beforeAll(async () => {
    api = await startApi(kind);
    pimpinan = await api.login('pimpinan');
  });
  afterAll(() => api?.close());

  it('sums every kecamatan, and its RAT count matches the RAT records of that year', async () => {
    const r = (await api.req({ method: 'GET', url: '/api/v1/reports/recap?year=2024', cookie: pimpinan })).json();
    expect(r.districts).toHaveLength(24);
    const tiris = r.districts.find((d: { code: string }) => d.code === '35.13.07');
    const held = await api.deps.db.kysely
      .selectFrom('annual_meetings as m')
      .innerJoin('cooperatives as c', 'c.id', 'm.cooperative_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('m.fiscal_year', '=', 2024)
      .where('c.district_code', '=', '35.13.07')
      .where('c.status', '!=', 'DIBUBARKAN')
      .executeTakeFirstOrThrow();
    expect(tiris.ratHeld).toBe(Number(held.n));
    expect(tiris.active).toBeLessThanOrEqual(tiris.cooperatives);
    expect(tiris.assets).toBeGreaterThan(0);
  });

  it('exports per cooperative and per kecamatan as XLSX whose totals agree', async () => {
    const load = async (url: string) => {
      const res = await api.req({ method: 'GET', url, cookie: pimpinan });
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return wb.worksheets[0]!;
    };
    const coops = await load('/api/v1/reports/recap.xlsx?year=2024');
    const districts = await load('/api/v1/reports/recap.xlsx?year=2024&level=district');
    expect(coops.getRow(3).values).toEqual(
      expect.arrayContaining([
        'Nama koperasi',
        'Anggota L',
        'Anggota P',
        'Aset',
        'Modal sendiri',
        'Modal luar',
        'Volume usaha',
        'SHU',
        'RAT',
        'Aktif',
      ]),
    );
    let assetsByCoop = 0;
    for (let i = 4; i <= coops.rowCount; i++) assetsByCoop += Number(coops.getRow(i).getCell(8).value ?? 0);
    let assetsByDistrict = 0;
    let count = 0;
    for (let i = 4; i <= districts.rowCount; i++) {
      assetsByDistrict += Number(districts.getRow(i).getCell(5).value ?? 0);
      count += Number(districts.getRow(i).getCell(2).value ?? 0);
    }
    expect(assetsByCoop).toBe(assetsByDistrict);
    expect(count).toBe(coops.rowCount - 3);
  });

  it('pages the per-cooperative recap, filters one kecamatan, and its totals are the sums of the rows', async () => {
    const all = (
      await api.req({
        method: 'GET',
        url: '/api/v1/reports/recap?year=2024&level=cooperative&pageSize=200',
        cookie: pimpinan,
      })
    ).json();
    expect(all.districts).toHaveLength(24);
    expect(all.totals.cooperatives).toBe(all.cooperatives.total);
    expect(all.totals.cooperatives).toBe(
      all.districts.reduce((s: number, d: { cooperatives: number }) => s + d.cooperatives, 0),
    );
    const tiris = (
      await api.req({
        method: 'GET',
        url: '/api/v1/reports/recap?year=2024&level=cooperative&district=35.13.07&pageSize=200',
        cookie: pimpinan,
      })
    ).json();
    expect(tiris.districts.map((d: { code: string }) => d.code)).toEqual(['35.13.07']);
    expect(new Set(tiris.cooperatives.items.map((r: { district: string }) => r.district))).toEqual(new Set(['Tiris']));
    expect(tiris.cooperatives.total).toBe(tiris.cooperatives.items.length);
    expect(tiris.totals.cooperatives).toBe(tiris.cooperatives.total);
    const sum = (k: 'assets' | 'membersMale') =>
      tiris.cooperatives.items.reduce((s: number, r: Record<string, number | null>) => s + (r[k] ?? 0), 0);
    expect(tiris.totals.assets).toBe(sum('assets'));
    expect(tiris.totals.membersMale).toBe(sum('membersMale'));
    expect(tiris.totals.ratHeld).toBe(tiris.cooperatives.items.filter((r: { ratHeld: boolean }) => r.ratHeld).length);
    // Pages do not overlap and cover every row.
    const p1 = (
      await api.req({
        method: 'GET',
        url: '/api/v1/reports/recap?year=2024&level=cooperative&district=35.13.07&pageSize=5',
        cookie: pimpinan,
      })
    ).json();
    const p2 = (
      await api.req({
        method: 'GET',
        url: '/api/v1/reports/recap?year=2024&level=cooperative&district=35.13.07&pageSize=5&page=2',
        cookie: pimpinan,
      })
    ).json();
    expect(p1.cooperatives.items.map((r: { name: string }) => r.name)).toEqual(
      tiris.cooperatives.items.slice(0, 5).map((r: { name: string }) => r.name),
    );
    expect(p2.cooperatives.items.map((r: { name: string }) => r.name)).toEqual(
      tiris.cooperatives.items.slice(5, 10).map((r: { name: string }) => r.name),
    );
    // The district level has no cooperative rows.
    expect(
      (await api.req({ method: 'GET', url: '/api/v1/reports/recap?year=2024', cookie: pimpinan })).json().cooperatives,
    ).toBeUndefined();
    // The XLSX of one kecamatan has exactly its rows; the PDF per cooperative renders.
    const x = await api.req({
      method: 'GET',
      url: '/api/v1/reports/recap.xlsx?year=2024&level=cooperative&district=35.13.07',
      cookie: pimpinan,
    });
    expect(x.headers['content-disposition']).toContain('rekap-koperasi-2024-35.13.07.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount - 3).toBe(tiris.cooperatives.total);
    const pdf = await api.req({
      method: 'GET',
      url: '/api/v1/reports/recap.pdf?year=2024&level=cooperative&district=35.13.07',
      cookie: pimpinan,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    for (const bad of ['district=Tiris', 'level=desa', 'pageSize=0', 'page=x']) {
      const res = await api.req({ method: 'GET', url: `/api/v1/reports/recap?year=2024&${bad}`, cookie: pimpinan });
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('prints the kecamatan recap as a PDF, and is for the Dinas only', async () => {
    const pdf = await api.req({ method: 'GET', url: '/api/v1/reports/recap.pdf?year=2024', cookie: pimpinan });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const koperasi = await api.login('dewirengganis');
    expect(
      (await api.req({ method: 'GET', url: '/api/v1/reports/recap?year=2024', cookie: koperasi })).statusCode,
    ).toBe(403);
    expect(
      (await api.req({ method: 'GET', url: '/api/v1/reports/recap?year=2999', cookie: pimpinan })).statusCode,
    ).toBe(400);
  });
});
