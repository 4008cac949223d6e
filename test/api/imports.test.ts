import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, startApi } from './harness.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(DB_KINDS)('cooperative import from XLSX on %s', (kind) => {
  let api: Api;
  let petugas: string;
  beforeAll(async () => {
    api = await startApi(kind);
    petugas = await api.login('petugas.koperasi');
  });
  afterAll(() => api?.close());

  async function workbook(rows: (string | number)[][]): Promise<Buffer> {
    const t = await api.req({ method: 'GET', url: '/api/v1/cooperatives/import/template.xlsx', cookie: petugas });
    expect(t.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Koperasi')!;
    ws.spliceRows(2, 1); // the example row
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const post = (url: string, body: Buffer, cookie = petugas) => api.req({ method: 'POST', url, cookie, body, headers: { 'content-type': XLSX } });
  const count = async () => (await api.req({ method: 'GET', url: '/api/v1/cooperatives?pageSize=1', cookie: petugas })).json().total as number;

  const good = [
    ['KSU Impor Satu', 'KONSUMEN', 'KSU', '35.13.07', '35.13.07.2008', '3513999900000001', '12/BH/2019', '2019-03-04', 'Konvensional', 'Dusun Krajan', -7.95, 113.39, '0812', '', 10, 20],
    ['Kopwan Impor Dua', 'Simpan Pinjam', 'Kopwan', '35.13.01', '35.13.01.2001', '', '', '', 'SYARIAH', '', '', '', '', 'kopwan@example.org', 0, 45],
  ];

  it('checks every row in a dry run, naming row, column and problem, and saves nothing', async () => {
    const before = await count();
    const file = await workbook([
      ...good,
      ['X', 'BANK', 'KSU', '35.13.07', '35.13.01.2001', '123', '', '2019-02-30', '', '', '', '', '', 'bukan-email', -1, 0],
      ['KSU Impor Kembar', 'KONSUMEN', 'KSU', '35.13.07', '35.13.07.2008', '3513999900000001', '', '', '', '', 7.95, 113.39, '', '', 1, 1],
    ]);
    const res = await post('/api/v1/cooperatives/import/check', file);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ total: 4, valid: 2 });
    const on = (row: number) => r.errors.filter((e: { row: number }) => e.row === row).map((e: { field: string; message: string }) => `${e.field}: ${e.message}`).join(' | ');
    expect(on(4)).toMatch(/Nama koperasi/);
    expect(on(4)).toMatch(/Jenis: "BANK"/);
    expect(on(4)).toMatch(/NIK/);
    expect(on(4)).toMatch(/Email/);
    expect(on(4)).toMatch(/Anggota L/);
    expect(on(5)).toMatch(/NIK sama dengan baris 2/);
    expect(on(5)).toMatch(/Lintang: .*di luar wilayah/);
    expect(await count()).toBe(before);
    const refused = await post('/api/v1/cooperatives/import', file);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/tidak ada yang diimpor/);
    expect(await count()).toBe(before);
  });

  it('imports a clean file as a background job with progress, all rows at once, audited', async () => {
    const before = await count();
    const res = await post('/api/v1/cooperatives/import', await workbook(good));
    expect(res.statusCode).toBe(202);
    const job = res.json();
    expect(job).toMatchObject({ kind: 'cooperative-import', total: 2 });
    let state = job;
    for (let i = 0; i < 100 && state.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await api.req({ method: 'GET', url: `/api/v1/jobs/${job.id}`, cookie: petugas })).json();
    }
    expect(state).toMatchObject({ status: 'done', processed: 2, result: { created: 2 } });
    expect(await count()).toBe(before + 2);
    const kopwan = (await api.req({ method: 'GET', url: '/api/v1/cooperatives?search=kopwan%20impor%20dua', cookie: petugas })).json().items[0];
    expect(kopwan).toMatchObject({ type: 'SIMPAN_PINJAM', group: 'KOPWAN', scheme: 'SYARIAH', membersFemale: 45 });
    const log = (await api.req({ method: 'GET', url: `/api/v1/cooperatives/${kopwan.id}/timeline`, cookie: petugas })).json();
    expect(log.items[0].action).toBe('cooperative.import');
    // Another user cannot read the job.
    const pimpinan = await api.login('pimpinan');
    expect((await api.req({ method: 'GET', url: `/api/v1/jobs/${job.id}`, cookie: pimpinan })).statusCode).toBe(403);
  });

  it('refuses files that are not the template, and users who may not import', async () => {
    const junk = await post('/api/v1/cooperatives/import/check', Buffer.from('PK bukan excel'));
    expect(junk.statusCode).toBe(400);
    const koperasi = await api.login('dewirengganis');
    expect((await post('/api/v1/cooperatives/import/check', await workbook(good), koperasi)).statusCode).toBe(403);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Koperasi').addRow(['nama', 'jenis']);
    const wrong = await post('/api/v1/cooperatives/import/check', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.file).toMatch(/judul kolom templat/);
  });
});
