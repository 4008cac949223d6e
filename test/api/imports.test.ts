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
  const post = (url: string, body: Buffer, cookie = petugas) =>
    api.req({ method: 'POST', url, cookie, body, headers: { 'content-type': XLSX } });
  const count = async () =>
    (await api.req({ method: 'GET', url: '/api/v1/cooperatives?pageSize=1', cookie: petugas })).json().total as number;

  const good = [
    [
      'KSU Impor Satu',
      'KONSUMEN',
      'KSU',
      '35.13.07',
      '35.13.07.2008',
      '3513999900000001',
      '12/BH/2019',
      '2019-03-04',
      'Konvensional',
      'Dusun Krajan',
      -7.95,
      113.39,
      '0812',
      '',
      10,
      20,
    ],
    [
      'Kopwan Impor Dua',
      'Simpan Pinjam',
      'Kopwan',
      '35.13.01',
      '35.13.01.2001',
      '',
      '',
      '',
      'SYARIAH',
      '',
      '',
      '',
      '',
      'kopwan@example.org',
      0,
      45,
    ],
  ];

  it('checks every row in a dry run, naming row, column and problem, and saves nothing', async () => {
    const before = await count();
    const file = await workbook([
      ...good,
      [
        'X',
        'BANK',
        'KSU',
        '35.13.07',
        '35.13.01.2001',
        '123',
        '',
        '2019-02-30',
        '',
        '',
        '',
        '',
        '',
        'bukan-email',
        -1,
        0,
      ],
      [
        'KSU Impor Kembar',
        'KONSUMEN',
        'KSU',
        '35.13.07',
        '35.13.07.2008',
        '3513999900000001',
        '',
        '',
        '',
        '',
        7.95,
        113.39,
        '',
        '',
        1,
        1,
      ],
    ]);
    const res = await post('/api/v1/cooperatives/import/check', file);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ total: 4, valid: 2 });
    const on = (row: number) =>
      r.errors
        .filter((e: { row: number }) => e.row === row)
        .map((e: { field: string; message: string }) => `${e.field}: ${e.message}`)
        .join(' | ');
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
    const kopwan = (
      await api.req({ method: 'GET', url: '/api/v1/cooperatives?search=kopwan%20impor%20dua', cookie: petugas })
    ).json().items[0];
    expect(kopwan).toMatchObject({ type: 'SIMPAN_PINJAM', group: 'KOPWAN', scheme: 'SYARIAH', membersFemale: 45 });
    const log = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${kopwan.id}/timeline`, cookie: petugas })
    ).json();
    expect(log.items[0].action).toBe('cooperative.import');
    // Another user cannot read the job.
    const pimpinan = await api.login('pimpinan');
    expect((await api.req({ method: 'GET', url: `/api/v1/jobs/${job.id}`, cookie: pimpinan })).statusCode).toBe(403);
  });

  it('names NIKs already in the registry and unknown region codes, and saves nothing', async () => {
    // The clean import above put NIK 3513999900000001 in the registry.
    const before = await count();
    const file = await workbook([
      [
        'KSU Impor Ulang',
        'KONSUMEN',
        'KSU',
        '35.13.07',
        '35.13.07.2008',
        '3513999900000001',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        1,
        1,
      ],
      ['KSU Kecamatan Asing', 'KONSUMEN', 'KSU', '35.99.01', '35.99.01.2001', '', '', '', '', '', '', '', '', '', 1, 1],
    ]);
    const r = (await post('/api/v1/cooperatives/import/check', file)).json();
    expect(r).toMatchObject({ total: 2, valid: 0 });
    const on = (row: number) =>
      r.errors
        .filter((e: { row: number }) => e.row === row)
        .map((e: { field: string; message: string }) => `${e.field}: ${e.message}`)
        .join(' | ');
    expect(on(2)).toMatch(/NIK.*(terdaftar|sudah)/i);
    expect(on(3)).toMatch(/Kode kecamatan/);
    expect((await post('/api/v1/cooperatives/import', file)).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('imports a file of 20,000 rows in one job, all of them or none', async () => {
    const before = await count();
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 20_000; i++) {
      rows.push([
        `KSU Massal ${kind} ${i}`,
        'KONSUMEN',
        'KSU',
        '35.13.07',
        '35.13.07.2008',
        `35138${kind === 'sqlite' ? 1 : 2}${String(i).padStart(10, '0')}`,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        1,
        1,
      ]);
    }
    const big = await workbook(rows);
    // One bad row at the end refuses the whole file.
    const spoiled = await workbook([
      ...rows.slice(0, 100),
      ['', 'KONSUMEN', 'KSU', '35.13.07', '35.13.07.2008', '', '', '', '', '', '', '', '', '', 1, 1],
    ]);
    expect((await post('/api/v1/cooperatives/import', spoiled)).statusCode).toBe(400);
    expect(await count()).toBe(before);

    const check = (await post('/api/v1/cooperatives/import/check', big)).json();
    expect(check).toMatchObject({ total: 20_000, valid: 20_000, errors: [] });
    const res = await post('/api/v1/cooperatives/import', big);
    expect(res.statusCode).toBe(202);
    let state = res.json();
    for (let i = 0; i < 1200 && state.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await api.req({ method: 'GET', url: `/api/v1/jobs/${state.id}`, cookie: petugas })).json();
    }
    expect(state).toMatchObject({ status: 'done', processed: 20_000, total: 20_000, result: { created: 20_000 } });
    expect(await count()).toBe(before + 20_000);
  }, 180_000);

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

describe.each(DB_KINDS)('yearly figures import from XLSX on %s', (kind) => {
  let api: Api;
  let admin: string;
  beforeAll(async () => {
    api = await startApi(kind);
    admin = await api.login('admin');
  });
  afterAll(() => api?.close());
  const post = (url: string, body: Buffer) =>
    api.req({ method: 'POST', url, cookie: admin, body, headers: { 'content-type': XLSX } });

  /** The template's header row and first data rows, then the rows a test wants. */
  async function file(rows: unknown[][]): Promise<{ buf: Buffer; template: ExcelJS.Worksheet }> {
    const t = await api.req({ method: 'GET', url: '/api/v1/figures/import/template.xlsx', cookie: admin });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.rawPayload as unknown as ArrayBuffer);
    const template = wb.worksheets[0]!;
    const out = new ExcelJS.Workbook();
    const ws = out.addWorksheet(template.name);
    ws.addRow((template.getRow(1).values as unknown[]).slice(1));
    for (const r of rows) ws.addRow(r);
    return { buf: Buffer.from(await out.xlsx.writeBuffer()), template };
  }

  it('offers a template prefilled with the registry, checks rows, and imports all of them at once', async () => {
    const { template } = await file([]);
    const keys = [...Array(template.rowCount - 1).keys()].map((i) => template.getRow(i + 2).getCell(1).value);
    expect(keys).toContain('3513070200012345'); // prefilled with the registry, by NIK (or ID when none)
    expect(keys.length).toBeGreaterThan(700);
    const { buf } = await file([
      [
        '3513070200012345',
        'Kopwan Dewi Rengganis',
        2019,
        900_000_000,
        400_000_000,
        500_000_000,
        1_200_000_000,
        25_000_000,
        0,
        190,
      ],
    ]);
    const check = (await post('/api/v1/figures/import/check', buf)).json();
    expect(check).toMatchObject({ total: 1, valid: 1, errors: [] });
    const job = (await post('/api/v1/figures/import', buf)).json();
    let state = job;
    for (let i = 0; i < 100 && state.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await api.req({ method: 'GET', url: `/api/v1/jobs/${job.id}`, cookie: admin })).json();
    }
    expect(state).toMatchObject({ status: 'done', result: { saved: 1 } });
    const figures = (
      await api.req({
        method: 'GET',
        url: '/api/v1/cooperatives/0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01/figures',
        cookie: admin,
      })
    ).json().items;
    expect(figures.find((f: { fiscalYear: number }) => f.fiscalYear === 2019)).toMatchObject({
      assets: 900_000_000,
      shu: 25_000_000,
      membersFemale: 190,
    });
  });

  it('names unknown cooperatives, bad years, negatives and duplicates per row, and saves nothing', async () => {
    const { buf } = await file([
      ['9999999999999999', '', 2020, 1],
      ['3513070200012345', '', 2999, 1],
      ['3513070200012345', '', 2020, -5],
      ['3513070200012345', '', 2020, 5],
    ]);
    const check = (await post('/api/v1/figures/import/check', buf)).json();
    const text = check.errors.map((e: { row: number; message: string }) => `${e.row}: ${e.message}`).join(' | ');
    expect(text).toMatch(/2: "9999999999999999" tidak cocok/);
    expect(text).toMatch(/3: Harus tahun/);
    expect(text).toMatch(/4: Tidak boleh negatif/);
    expect(text).toMatch(/5: Koperasi dan tahun buku yang sama sudah ada di baris 4/);
    expect((await post('/api/v1/figures/import', buf)).statusCode).toBe(400);
  });
});
