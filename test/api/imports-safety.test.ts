import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForJob } from '../../src/app/jobs/jobs.js';
import { type Api, DB_KINDS, DEWI_ID, RANUAGUNG, startApi, TIRIS } from './harness.js';
import { xlsxBomb } from './xlsx-bomb.js';

/** Issue 16: imports that cannot destroy, hostile files. */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DEWI_NIK = '3513070200012345';
type Row = { row: number; field: string; message: string };
const on = (list: Row[], row: number) =>
  list
    .filter((e) => e.row === row)
    .map((e) => `${e.field}: ${e.message}`)
    .join(' | ');

describe.each(DB_KINDS)('imports that cannot destroy, on %s', (kind) => {
  let api: Api;
  let petugas: string;
  let admin: string;
  beforeAll(async () => {
    api = await startApi(kind);
    petugas = await api.login('petugas.koperasi');
    admin = await api.login('admin');
  });
  afterAll(() => api?.close());

  const post = (url: string, body: Buffer, cookie = petugas) =>
    api.req({ method: 'POST', url, cookie, body, headers: { 'content-type': XLSX } });
  const count = async () =>
    (await api.req({ method: 'GET', url: '/api/v1/cooperatives?pageSize=1', cookie: petugas })).json().total as number;
  const run = async (url: string, body: Buffer, cookie = petugas) => {
    const res = await post(url, body, cookie);
    expect(res.statusCode, res.body).toBe(202);
    return waitForJob(res.json().id);
  };
  async function template(path: string): Promise<ExcelJS.Workbook> {
    const t = await api.req({ method: 'GET', url: path, cookie: petugas });
    expect(t.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.rawPayload as unknown as ArrayBuffer);
    return wb;
  }
  /** The cooperative template as downloaded (example row kept), with rows appended. */
  async function coopFile(rows: (string | number)[][], keepExample = false): Promise<Buffer> {
    const wb = await template('/api/v1/cooperatives/import/template.xlsx');
    const ws = wb.getWorksheet('Koperasi')!;
    if (!keepExample) ws.spliceRows(2, 1);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const figures = async () =>
    (await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/figures`, cookie: admin })).json().items as {
      fiscalYear: number;
      assets: number | null;
      shu: number | null;
      businessVolume: number | null;
    }[];

  it('formats the NIK, phone and code columns of the templates as text', async () => {
    const ws = (await template('/api/v1/cooperatives/import/template.xlsx')).getWorksheet('Koperasi')!;
    for (const col of [4, 5, 6, 7, 13]) expect(ws.getColumn(col).numFmt, `column ${col}`).toBe('@');
    expect(ws.getColumn(1).numFmt).not.toBe('@');
    const fig = (await template('/api/v1/figures/import/template.xlsx')).worksheets[0]!;
    expect(fig.getColumn(1).numFmt).toBe('@');
  });

  it('never imports the example row, refuses NIK and phone read as numbers, accepts region names and suggests near ones', async () => {
    const before = await count();
    const file = await coopFile(
      [
        ['KSU Nama Wilayah', 'KONSUMEN', 'KSU', 'Tiris', 'Ranuagung', '', '', '', '', '', '', '', '', '', '1.250', 3],
        [
          'KSU Angka Salah',
          'KONSUMEN',
          'KSU',
          TIRIS,
          RANUAGUNG,
          3513070200018888,
          '',
          '',
          '',
          '',
          '',
          '',
          81234567890,
          '',
          1,
          1,
        ],
        ['KSU Salah Ketik', 'KONSUMEN', 'KSU', 'Tirs', RANUAGUNG, '', '', '', '', '', '', '', '', '', 1, 1],
      ],
      true,
    );
    const r = (await post('/api/v1/cooperatives/import/check', file)).json();
    expect(on(r.warnings, 2)).toMatch(/Baris contoh.*dilewati/);
    expect(on(r.errors, 2)).toBe('');
    expect(on(r.errors, 3)).toBe('');
    expect(r.preview.find((p: { row: number }) => p.row === 3)).toMatchObject({ district: TIRIS, village: RANUAGUNG });
    expect(on(r.errors, 4)).toMatch(/NIK: NIK terbaca sebagai angka/);
    expect(on(r.errors, 4)).toMatch(/Telepon: .*angka 0 di depan hilang/);
    expect(on(r.errors, 5)).toMatch(/Kode kecamatan: .*Maksud Anda "Tiris" \(35\.13\.07\)\?/);
    expect(r).toMatchObject({ total: 4, valid: 1, skipped: 1 });

    // Without the bad rows, the example row is still left out and "1.250" members read as 1250.
    const good = await coopFile(
      [
        [
          'KSU Nama Wilayah',
          'KONSUMEN',
          'KSU',
          'Kec. Tiris',
          'Ranuagung',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '1.250',
          3,
        ],
      ],
      true,
    );
    const job = await run('/api/v1/cooperatives/import', good);
    expect(job).toMatchObject({ status: 'done', result: { created: 1, skipped: 1 } });
    expect(await count()).toBe(before + 1);
    expect(
      (await api.req({ method: 'GET', url: '/api/v1/cooperatives?search=contoh%20sejahtera', cookie: petugas })).json()
        .total,
    ).toBe(0);
    const made = (
      await api.req({ method: 'GET', url: '/api/v1/cooperatives?search=ksu%20nama%20wilayah', cookie: petugas })
    ).json().items[0];
    expect(made).toMatchObject({ district: { code: TIRIS }, village: { code: RANUAGUNG }, membersMale: 1250 });
  });

  it('reports every error of a row in one pass: format, region and calendar together', async () => {
    const file = await coopFile([
      [
        'KSU Semua Salah',
        'KONSUMEN',
        'KSU',
        TIRIS,
        '35.13.01.2001',
        '',
        '',
        '2019-02-30',
        '',
        '',
        '-7.95',
        '',
        '',
        'bukan-email',
        1,
        1,
      ],
    ]);
    const r = (await post('/api/v1/cooperatives/import/check', file)).json();
    const text = on(r.errors, 2);
    expect(text).toMatch(/Kode desa: .*tidak berada di kecamatan/);
    expect(text).toMatch(/Tanggal badan hukum: .*bukan tanggal yang ada di kalender/);
    expect(text).not.toMatch(/masa depan/);
    expect(text).toMatch(/Email/);
    expect(text).toMatch(/Bujur: Lintang dan bujur harus diisi keduanya/);
  });

  it('is idempotent on re-upload: rows already in the registry (by NIK, or by name and village) are skipped with a warning', async () => {
    const rows = [
      [
        'KSU Ulang Ber-NIK',
        'KONSUMEN',
        'KSU',
        TIRIS,
        RANUAGUNG,
        '3513999900000777',
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
      ['KSU Ulang Tanpa NIK', 'KONSUMEN', 'KSU', TIRIS, RANUAGUNG, '', '', '', '', '', '', '', '', '', 1, 1],
    ];
    const file = await coopFile(rows);
    expect(await run('/api/v1/cooperatives/import', file)).toMatchObject({ status: 'done', result: { created: 2 } });
    const before = await count();
    const again = (await post('/api/v1/cooperatives/import/check', await coopFile(rows))).json();
    expect(again).toMatchObject({ total: 2, valid: 0, skipped: 2, errors: [] });
    expect(on(again.warnings, 2)).toMatch(/Sudah terdaftar/);
    expect(on(again.warnings, 3)).toMatch(/nama dan desa yang sama sudah terdaftar/);
    expect(await run('/api/v1/cooperatives/import', await coopFile(rows))).toMatchObject({
      status: 'done',
      result: { created: 0, skipped: 2 },
    });
    expect(await count()).toBe(before);
  });

  it('lets an admin undo a whole cooperative import within 7 days, unless its records were changed since', async () => {
    const before = await count();
    const job = await run(
      '/api/v1/cooperatives/import',
      await coopFile([
        ['KSU Batal Satu', 'KONSUMEN', 'KSU', TIRIS, RANUAGUNG, '', '', '', '', '', '', '', '', '', 1, 1],
        ['KSU Batal Dua', 'KONSUMEN', 'KSU', TIRIS, RANUAGUNG, '', '', '', '', '', '', '', '', '', 1, 1],
      ]),
    );
    const batchId = (job.result as { batchId: string }).batchId;
    expect(await count()).toBe(before + 2);
    const history = (await api.req({ method: 'GET', url: '/api/v1/imports', cookie: petugas })).json().items;
    expect(history[0]).toMatchObject({
      id: batchId,
      kind: 'cooperatives',
      actorName: 'petugas.koperasi',
      summary: { created: 2 },
      undoneAt: null,
    });
    expect(history[0].undoableUntil).toBeTruthy();
    expect(
      (await api.req({ method: 'POST', url: `/api/v1/imports/${batchId}/undo`, cookie: petugas })).statusCode,
    ).toBe(403);
    const undone = await api.req({ method: 'POST', url: `/api/v1/imports/${batchId}/undo`, cookie: admin });
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ undoneBy: 'admin', undoableUntil: null });
    expect(await count()).toBe(before);
    expect((await api.req({ method: 'POST', url: `/api/v1/imports/${batchId}/undo`, cookie: admin })).statusCode).toBe(
      409,
    );
    const audit = (await api.req({ method: 'GET', url: `/api/v1/audit?pageSize=100`, cookie: admin }))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(audit).toContain('import.undo');
    expect(audit).toContain('import.batch');

    // A batch whose cooperative was edited afterwards is not undone (the edit would be lost).
    const job2 = await run(
      '/api/v1/cooperatives/import',
      await coopFile([
        ['KSU Batal Tiga', 'KONSUMEN', 'KSU', TIRIS, RANUAGUNG, '', '', '', '', '', '', '', '', '', 1, 1],
      ]),
    );
    const made = (
      await api.req({ method: 'GET', url: '/api/v1/cooperatives?search=ksu%20batal%20tiga', cookie: admin })
    ).json().items[0];
    expect(
      (
        await api.req({
          method: 'PATCH',
          url: `/api/v1/cooperatives/${made.id}`,
          cookie: admin,
          body: { phone: '0811222333', version: made.version },
        })
      ).statusCode,
    ).toBe(200);
    const refused = await api.req({
      method: 'POST',
      url: `/api/v1/imports/${(job2.result as { batchId: string }).batchId}/undo`,
      cookie: admin,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/sudah diubah/);

    // After 7 days an admin can no longer undo.
    const job3 = await run(
      '/api/v1/cooperatives/import',
      await coopFile([
        ['KSU Batal Empat', 'KONSUMEN', 'KSU', TIRIS, RANUAGUNG, '', '', '', '', '', '', '', '', '', 1, 1],
      ]),
    );
    const id3 = (job3.result as { batchId: string }).batchId;
    await api.deps.db.kysely
      .updateTable('import_batches')
      .set({ created_at: new Date(Date.now() - 8 * 86_400_000).toISOString() })
      .where('id', '=', id3)
      .execute();
    const late = await api.req({ method: 'POST', url: `/api/v1/imports/${id3}/undo`, cookie: admin });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/7 hari/);
  });

  it('the prefilled yearly-figures template with four rows filled changes those four and nothing else', async () => {
    const wb = await template('/api/v1/figures/import/template.xlsx');
    const ws = wb.worksheets[0]!;
    const year = Number(ws.getRow(2).getCell(3).value);
    const stored = (await figures()).find((f) => f.fiscalYear === year);
    expect(stored?.assets).toBeGreaterThan(0); // the demo has figures for that year
    const total = ws.rowCount - 1;
    // Four rows, not Dewi's, get figures; the rest stay as downloaded (key and year, figures empty).
    let filled = 0;
    for (let n = 2; n <= ws.rowCount && filled < 4; n++) {
      if (ws.getRow(n).getCell(1).value === DEWI_NIK) continue;
      ws.getRow(n).getCell(8).value = 12_345 + filled; // SHU only
      filled++;
    }
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const check = (await post('/api/v1/figures/import/check', file, admin)).json();
    expect(check.errors).toEqual([]);
    expect(check.total).toBe(total);
    expect(check.valid).toBe(4);
    expect(check.skipped).toBe(total - 4);
    const job = await run(`/api/v1/figures/import?overwrite=true`, file, admin);
    expect(job).toMatchObject({ status: 'done', result: { saved: 4 } });
    expect((await figures()).find((f) => f.fiscalYear === year)).toEqual(stored);
  });

  it('lists every value an import would overwrite (old → new) and overwrites only when asked; empty cells keep their value; the batch undoes', async () => {
    const year = 2019;
    const put = await api.req({
      method: 'PUT',
      url: `/api/v1/cooperatives/${DEWI_ID}/figures/${year}`,
      cookie: admin,
      body: {
        assets: 900_000_000,
        ownCapital: null,
        externalCapital: null,
        businessVolume: 5_000_000,
        shu: 10_000_000,
        membersMale: null,
        membersFemale: null,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const out = new ExcelJS.Workbook();
    const ws = out.addWorksheet('Data tahunan');
    ws.addRow([
      'NIK atau ID Sambang*',
      'Nama koperasi (keterangan)',
      'Tahun buku*',
      'Aset',
      'Modal sendiri',
      'Modal luar',
      'Volume usaha',
      'SHU',
      'Anggota L',
      'Anggota P',
    ]);
    ws.addRow([DEWI_NIK, 'Kopwan Dewi Rengganis', year, '1.250.000.000', null, null, null, '10.000.000', null, 190]);
    const file = Buffer.from(await out.xlsx.writeBuffer());
    const check = (await post('/api/v1/figures/import/check', file, admin)).json();
    expect(check).toMatchObject({ valid: 1, errors: [] });
    expect(check.overwrites).toEqual([
      { row: 2, name: 'Kopwan Dewi Rengganis', field: 'Aset', before: 900_000_000, after: 1_250_000_000 },
    ]);
    const refused = await post('/api/v1/figures/import', file, admin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/menimpa 1 nilai/);
    expect((await figures()).find((f) => f.fiscalYear === year)?.assets).toBe(900_000_000);
    const job = await run('/api/v1/figures/import?overwrite=true', file, admin);
    expect(job).toMatchObject({ status: 'done', result: { saved: 1, overwritten: 1 } });
    expect((await figures()).find((f) => f.fiscalYear === year)).toMatchObject({
      assets: 1_250_000_000,
      businessVolume: 5_000_000,
      shu: 10_000_000,
      membersFemale: 190,
    });
    const undo = await api.req({
      method: 'POST',
      url: `/api/v1/imports/${(job.result as { batchId: string }).batchId}/undo`,
      cookie: admin,
    });
    expect(undo.statusCode, undo.body).toBe(200);
    expect((await figures()).find((f) => f.fiscalYear === year)).toMatchObject({
      assets: 900_000_000,
      businessVolume: 5_000_000,
      shu: 10_000_000,
      membersFemale: null,
    });
  });
});

describe.each(DB_KINDS)('hostile XLSX files on %s', (kind) => {
  let api: Api;
  let petugas: string;
  beforeAll(async () => {
    api = await startApi(kind);
    petugas = await api.login('petugas.koperasi');
  });
  afterAll(() => api?.close());
  const header = ['Nama koperasi*', 'Jenis*', 'Kelompok*', 'Kode kecamatan*', 'Kode desa*'];

  /**
   * Posts the file while /healthz is asked every 25 ms; returns the answer and the health checks'
   * 90th percentile (one stall of a shared, loaded CI machine is not the server's doing).
   */
  async function underLoad(file: Buffer) {
    const times: number[] = [];
    await api.req({ method: 'GET', url: '/healthz' }); // warm
    let running = true;
    const probe = (async () => {
      while (running) {
        const t0 = performance.now();
        const h = await api.req({ method: 'GET', url: '/healthz' });
        expect(h.statusCode).toBe(200);
        times.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const res = await api.req({
      method: 'POST',
      url: '/api/v1/cooperatives/import/check',
      cookie: petugas,
      body: file,
      headers: { 'content-type': XLSX },
    });
    running = false;
    await probe;
    times.sort((a, b) => a - b);
    return { res, slowest: times[Math.floor(times.length * 0.9)] ?? 0, checks: times.length };
  }

  it('refuses a 300 MiB-inside zip bomb at once, from its zip directory, with an Indonesian message', async () => {
    const bomb = await xlsxBomb({ sheet: 'Koperasi', header, mib: 300 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const t0 = performance.now();
    const res = await api.req({
      method: 'POST',
      url: '/api/v1/cooperatives/import/check',
      cookie: petugas,
      body: bomb,
      headers: { 'content-type': XLSX },
    });
    // Refused from the zip directory alone: nothing was inflated.
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.file).toMatch(/terlalu besar atau tidak wajar/);
  }, 60_000);

  it('refuses a bomb that lies about its size in a worker, while the server keeps answering, and memory returns', async () => {
    const bomb = await xlsxBomb({ sheet: 'Koperasi', header, mib: 300, lie: true });
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const { res, slowest, checks } = await underLoad(bomb);
    expect(checks).toBeGreaterThan(5); // the server was asked while the worker read the file
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.file).toMatch(/terlalu besar|tidak dapat dibaca|bukan XLSX/);
    expect(slowest).toBeLessThan(100);
    await new Promise((r) => setTimeout(r, 500));
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  }, 180_000);
});
