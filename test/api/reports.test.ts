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
    expect(coops.getRow(3).values).toEqual(expect.arrayContaining(['Nama koperasi', 'Anggota L', 'Anggota P', 'Aset', 'Modal sendiri', 'Modal luar', 'Volume usaha', 'SHU', 'RAT', 'Aktif']));
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

  it('prints the kecamatan recap as a PDF, and is for the Dinas only', async () => {
    const pdf = await api.req({ method: 'GET', url: '/api/v1/reports/recap.pdf?year=2024', cookie: pimpinan });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const koperasi = await api.login('dewirengganis');
    expect((await api.req({ method: 'GET', url: '/api/v1/reports/recap?year=2024', cookie: koperasi })).statusCode).toBe(403);
    expect((await api.req({ method: 'GET', url: '/api/v1/reports/recap?year=2999', cookie: pimpinan })).statusCode).toBe(400);
  });
});
