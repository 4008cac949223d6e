import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, DEWI_ID, startApi, TIRIS, RANUAGUNG } from './harness.js';

/**
 * Issue 11, the edges of office reach: a figures import with a row out of the user's reach (a row error,
 * not a failed job), the province dashboard's rows, and the hand-over of a cooperative to a province
 * office that does not exist yet (made on the spot; the office list every request's reach reads from
 * is refreshed at once).
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DEWI_NIK = '3513070200012345';

describe.each(DB_KINDS)('office reach edges on the demo (%s)', (kind) => {
  let api: Api;
  const cookie: Record<string, string> = {};
  beforeAll(async () => {
    api = await startApi(kind);
    for (const who of ['admin', 'admin.lumajang', 'admin.provinsi', 'provinsi']) cookie[who] = await api.login(who);
  });
  afterAll(() => api?.close());

  async function figuresFile(who: string, rows: unknown[][]): Promise<Buffer> {
    const t = await api.req({ method: 'GET', url: '/api/v1/figures/import/template.xlsx', cookie: cookie[who] });
    expect(t.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.rawPayload as unknown as ArrayBuffer);
    const template = wb.worksheets[0]!;
    const out = new ExcelJS.Workbook();
    const ws = out.addWorksheet(template.name);
    ws.addRow((template.getRow(1).values as unknown[]).slice(1));
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await out.xlsx.writeBuffer());
  }
  /** The cooperatives a user's figures template is prefilled with (its first column: NIK or id). */
  async function templateKeys(who: string): Promise<string[]> {
    const t = await api.req({ method: 'GET', url: '/api/v1/figures/import/template.xlsx', cookie: cookie[who] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    return [...Array(ws.rowCount - 1).keys()].map((i) => String(ws.getRow(i + 2).getCell(1).value));
  }
  const post = (url: string, who: string, body: Buffer) =>
    api.req({ method: 'POST', url, cookie: cookie[who], body, headers: { 'content-type': XLSX } });

  it('prefills the figures template with the cooperatives the office manages, no other office’s', async () => {
    expect(await templateKeys('admin')).toContain(DEWI_NIK);
    expect(await templateKeys('admin.lumajang')).not.toContain(DEWI_NIK);
    expect(await templateKeys('admin.provinsi')).not.toContain(DEWI_NIK);
    expect((await templateKeys('admin.lumajang')).length).toBeGreaterThan(0);
  });

  it('refuses a figures row out of reach as a row error in Indonesian, and saves none of the file', async () => {
    const lumajangKey = (await templateKeys('admin.lumajang'))[0]!;
    const row = (key: string) => [key, '', 2018, 123_456_789];
    // Another regency: Dewi Rengganis is unknown to Lumajang, as everywhere else.
    const file = await figuresFile('admin.lumajang', [row(lumajangKey), row(DEWI_NIK)]);
    const check = await post('/api/v1/figures/import/check', 'admin.lumajang', file);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ total: 2, valid: 1 });
    expect(check.json().errors).toEqual([
      expect.objectContaining({ row: 3, message: `"${DEWI_NIK}" tidak cocok dengan NIK atau ID koperasi mana pun.` }),
    ]);
    const run = await post('/api/v1/figures/import', 'admin.lumajang', file);
    expect(run.statusCode).toBe(400);
    expect(run.body).toContain('baris 3');
    // The province reads Dewi Rengganis but does not manage it: a row error naming why.
    const provincial = await figuresFile('admin.provinsi', [row(DEWI_NIK)]);
    const byProvince = (await post('/api/v1/figures/import/check', 'admin.provinsi', provincial)).json();
    expect(byProvince.errors).toEqual([
      expect.objectContaining({ row: 2, message: expect.stringMatching(/kantor lain/) }),
    ]);
    expect((await post('/api/v1/figures/import', 'admin.provinsi', provincial)).statusCode).toBe(400);
    // Nothing of either file landed.
    const figures = (
      await api.req({ method: 'GET', url: `/api/v1/cooperatives/${DEWI_ID}/figures`, cookie: cookie.admin })
    ).json().items as { fiscalYear: number }[];
    expect(figures.find((f) => f.fiscalYear === 2018)?.fiscalYear ?? null).toBeNull();
  });

  it('lists the cooperatives of the dashboard’s authority row: the authority filter, within the reach', async () => {
    const expected = Number(
      (
        await api.deps.db.kysely
          .selectFrom('cooperatives')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('authority_level', '=', 'PROVINSI')
          .where('district_code', 'like', '35.%')
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(expected).toBeGreaterThan(0);
    const list = (who: string, query: string) =>
      api.req({ method: 'GET', url: `/api/v1/cooperatives?${query}`, cookie: cookie[who] });
    const byProvince = await list('provinsi', 'authority=PROVINSI&region=35&pageSize=100');
    expect(byProvince.statusCode, byProvince.body).toBe(200);
    expect(byProvince.json().total).toBe(expected);
    expect((await list('provinsi', 'authority=KABUPATEN&region=35.13&pageSize=1')).json().total).toBeGreaterThan(0);
    // A regency office holds none of them, and reads none.
    expect((await list('admin', 'authority=PROVINSI&pageSize=1')).json().total).toBe(0);
    expect((await list('provinsi', 'region=35.1')).statusCode).toBe(400);
  });

  it('rolls the province dashboard up by the province’s own regencies, plus the province-authority row', async () => {
    const res = await api.req({ method: 'GET', url: '/api/v1/dashboard?year=2025', cookie: cookie.provinsi });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const rows = body.coverage.byDistrict as { code: string; kind: string }[];
    expect(body.rowLevel).toBe('KABUPATEN');
    const regencies = await api.deps.db.kysely
      .selectFrom('regencies')
      .select('code')
      .where('province_code', '=', '35')
      .orderBy('code')
      .execute();
    const areaRows = rows.filter((r) => r.kind !== 'AUTHORITY').map((r) => r.code);
    expect(areaRows).toEqual(regencies.map((r) => r.code));
    expect(areaRows.every((c) => c.startsWith('35.'))).toBe(true);
    expect(rows.filter((r) => r.kind === 'AUTHORITY').map((r) => r.code)).toEqual(['PROVINSI']);
  });
});

describe.each(DB_KINDS)('hand-over to a province office not there yet (%s)', (kind) => {
  let api: Api;
  let admin = '';
  beforeAll(async () => {
    api = await startApi(kind, { demo: false });
    admin = await api.login('admin');
  });
  afterAll(() => api?.close());

  it('makes the province office from the region data, audits it, and the regency stops reading the cooperative', async () => {
    const db = api.deps.db.kysely;
    expect((await db.selectFrom('offices').select(['level']).execute()).map((o) => o.level)).toEqual(['KABUPATEN']);
    const created = await api.req({
      method: 'POST',
      url: '/api/v1/cooperatives',
      cookie: admin,
      body: {
        name: 'Koperasi Lintas Kabupaten',
        type: 'JASA',
        group: 'LAINNYA',
        districtCode: TIRIS,
        villageCode: RANUAGUNG,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    // A single office reads everything: the reach of the request before the hand-over.
    expect((await api.req({ method: 'GET', url: `/api/v1/cooperatives/${id}`, cookie: admin })).statusCode).toBe(200);

    const res = await api.req({
      method: 'POST',
      url: `/api/v1/cooperatives/${id}/transfer`,
      cookie: admin,
      body: { authorityLevel: 'PROVINSI', reason: 'Anggota kini tersebar di tiga kabupaten.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ authorityLevel: 'PROVINSI' });

    const province = await db
      .selectFrom('offices')
      .selectAll()
      .where('level', '=', 'PROVINSI')
      .executeTakeFirstOrThrow();
    expect(province.region_code).toBe(TIRIS.slice(0, 2));
    expect(province.government).toMatch(/Provinsi Jawa Timur/i);
    const coop = await db
      .selectFrom('cooperatives')
      .select(['office_id', 'authority_level'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(coop).toEqual({ office_id: province.id, authority_level: 'PROVINSI' });
    // Its letter registers, so it can issue documents at once.
    expect(
      (await db.selectFrom('letter_registers').select('kind').where('office_id', '=', province.id).execute()).length,
    ).toBeGreaterThan(0);
    const audits = await db
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'cooperative_id'])
      .where('action', 'in', ['office.create', 'cooperative.transfer'])
      .where('entity_id', 'in', [province.id, id])
      .orderBy('seq')
      .execute();
    expect(audits).toEqual([
      { action: 'office.create', entity_id: province.id, cooperative_id: null },
      { action: 'cooperative.transfer', entity_id: id, cooperative_id: id },
    ]);

    // Two offices now: the very next request of the regency admin no longer reads the cooperative (the
    // cached office list was dropped when the transfer committed), and nothing else of it.
    expect((await api.req({ method: 'GET', url: `/api/v1/cooperatives/${id}`, cookie: admin })).statusCode).toBe(404);
    const list = await api.req({ method: 'GET', url: '/api/v1/cooperatives?search=Lintas', cookie: admin });
    expect(list.json().items).toEqual([]);
    // A second hand-over of another cooperative finds the office made by the first.
    const other = await api.req({
      method: 'POST',
      url: '/api/v1/cooperatives',
      cookie: admin,
      body: {
        name: 'Koperasi Lintas Dua',
        type: 'JASA',
        group: 'LAINNYA',
        districtCode: TIRIS,
        villageCode: RANUAGUNG,
      },
    });
    const again = await api.req({
      method: 'POST',
      url: `/api/v1/cooperatives/${other.json().id}/transfer`,
      cookie: admin,
      body: { authorityLevel: 'PROVINSI', reason: 'Anggota kini tersebar di dua kabupaten.' },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(await db.selectFrom('offices').select('id').where('level', '=', 'PROVINSI').execute()).toHaveLength(1);
  });
});
