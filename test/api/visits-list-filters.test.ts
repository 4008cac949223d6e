import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

/**
 * The filters the planning list and calendar use (kecamatan, bidang, officer, status, dates), the
 * exports with the same filters, and the team-candidate list — on both databases, against direct
 * queries on the demo data.
 */
interface Item {
  id: string;
  date: string;
  status: string;
  cooperative: { id: string; name: string; district: { code: string; name: string } };
  team: { userId: string; bidang: string | null; leader: boolean }[];
  conflicts: unknown[];
}

describe.each(DB_KINDS)('visit list filters and exports on %s', (kind) => {
  let api: Api;
  const c: Record<string, string> = {};
  const id: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi(kind);
    for (const u of ['admin', 'pimpinan', 'petugas.koperasi', 'petugas.industri', 'dewirengganis'])
      c[u] = await api.login(u);
    for (const u of await api.deps.db.kysely.selectFrom('users').select(['id', 'username']).execute())
      id[u.username] = u.id;
  });
  afterAll(() => api?.close());

  const get = (url: string, who = 'petugas.koperasi') => api.req({ method: 'GET', url, cookie: c[who] });
  const all = async (query: string, who = 'petugas.koperasi'): Promise<{ items: Item[]; total: number }> => {
    const items: Item[] = [];
    let total = 0;
    for (let page = 1; page < 100; page++) {
      const res = await get(`/api/v1/visits?${query}&pageSize=100&page=${page}`, who);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      total = body.total;
      items.push(...body.items);
      if (items.length >= total || body.items.length === 0) break;
    }
    return { items, total };
  };
  const db = () => api.deps.db.kysely;

  it('filters by kecamatan: only that kecamatan, and every visit there', async () => {
    const busiest = await db()
      .selectFrom('visits as v')
      .innerJoin('cooperatives as c', 'c.id', 'v.cooperative_id')
      .select(['c.district_code', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('c.district_code')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    expect(Number(busiest.n)).toBeGreaterThan(1);
    const { items, total } = await all(`district=${busiest.district_code}`);
    expect(total).toBe(Number(busiest.n));
    expect(items).toHaveLength(total);
    expect(new Set(items.map((i) => i.cooperative.district.code))).toEqual(new Set([busiest.district_code]));
  });

  it('filters by bidang: visits whose team holds an officer of that bidang', async () => {
    const expected = await db()
      .selectFrom('visit_team as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select('t.visit_id')
      .distinct()
      .where('u.bidang', '=', 'perindustrian')
      .execute();
    expect(expected.length).toBeGreaterThan(0);
    const { items, total } = await all('bidang=perindustrian');
    expect(total).toBe(expected.length);
    for (const i of items) expect(i.team.some((m) => m.bidang === 'perindustrian')).toBe(true);
    expect((await get('/api/v1/visits?bidang=keuangan')).statusCode).toBe(400);
  });

  it('filters by officer, combined with status and a date range', async () => {
    const officer = id['petugas.koperasi']!;
    const { items, total } = await all(`officerId=${officer}`);
    expect(total).toBeGreaterThan(0);
    for (const i of items) expect(i.team.map((m) => m.userId)).toContain(officer);
    const expected = await db()
      .selectFrom('visit_team as t')
      .innerJoin('visits as v', 'v.id', 't.visit_id')
      .select('v.id')
      .where('t.user_id', '=', officer)
      .where('v.status', '=', 'done')
      .where('v.visit_date', '>=', '2025-01-01')
      .where('v.visit_date', '<=', '2025-06-30')
      .execute();
    const narrowed = await all(`officerId=${officer}&status=done&from=2025-01-01&to=2025-06-30`);
    expect(narrowed.total).toBe(expected.length);
    expect(new Set(narrowed.items.map((i) => i.id))).toEqual(new Set(expected.map((e) => e.id)));
    for (const i of narrowed.items)
      expect(i.date >= '2025-01-01' && i.date <= '2025-06-30' && i.status === 'done').toBe(true);
  });

  it('sorts oldest first for the calendar and newest first by default', async () => {
    const asc = (await get('/api/v1/visits?sort=date&pageSize=50')).json().items as Item[];
    const desc = (await get('/api/v1/visits?pageSize=50')).json().items as Item[];
    expect(asc.map((i) => i.date)).toEqual([...asc.map((i) => i.date)].sort());
    expect(desc.map((i) => i.date)).toEqual([...desc.map((i) => i.date)].sort().reverse());
  });

  it('shows a koperasi user only its own visits, whatever the filters, without naming other bookings', async () => {
    const { items, total } = await all('', 'dewirengganis');
    expect(total).toBeGreaterThan(0);
    for (const i of items) {
      expect(i.cooperative.id).toBe(DEWI_ID);
      expect(i.conflicts).toEqual([]);
    }
    const other = await db()
      .selectFrom('visits')
      .select('cooperative_id')
      .where('cooperative_id', '!=', DEWI_ID)
      .executeTakeFirstOrThrow();
    expect((await get(`/api/v1/visits?cooperativeId=${other.cooperative_id}`, 'dewirengganis')).statusCode).toBe(403);
  });

  it('exports the filtered list as XLSX with Indonesian headers, one row per visit, real dates', async () => {
    const res = await get('/api/v1/visits/export.xlsx?bidang=perindustrian&status=done');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toMatch(/daftar-kunjungan\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Daftar kunjungan');
    expect(ws.getRow(3).values).toEqual(
      expect.arrayContaining([
        'Tanggal',
        'Koperasi',
        'Kecamatan',
        'Tujuan kunjungan',
        'Status',
        'Ketua tim',
        'Jadwal bentrok',
      ]),
    );
    const { items, total } = await all('bidang=perindustrian&status=done');
    expect(ws.rowCount - 3).toBe(total);
    const statusCol = (ws.getRow(3).values as unknown[]).indexOf('Status');
    for (let r = 4; r <= ws.rowCount; r++) {
      expect(ws.getRow(r).getCell(1).value).toBeInstanceOf(Date);
      expect(ws.getRow(r).getCell(statusCol).value).toBe('Selesai');
    }
    // oldest first, like a work plan
    const first = ws.getRow(4).getCell(1).value as Date;
    expect(first.toISOString().slice(0, 10)).toBe(items.map((i) => i.date).sort()[0]);
  });

  it('exports CSV with the same filters; a koperasi user gets only its own rows; bad filters are a 400', async () => {
    const res = await get(`/api/v1/visits/export.csv?cooperativeId=${DEWI_ID}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.split(';').slice(0, 5)).toEqual(['Tanggal', 'Jam mulai', 'Jam selesai', 'Koperasi', 'Kecamatan']);
    const total = (await get(`/api/v1/visits?cooperativeId=${DEWI_ID}&pageSize=1`)).json().total;
    expect(lines).toHaveLength(total + 1);
    expect(lines.slice(1).every((l) => l.includes('Kopwan Dewi Rengganis'))).toBe(true);
    expect(res.body).toMatch(/Menghadiri RAT/);
    const own = await get('/api/v1/visits/export.csv', 'dewirengganis');
    expect(
      own.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(total + 1);
    expect((await get('/api/v1/visits/export.csv?status=unknown')).statusCode).toBe(400);
    const backwards = await get('/api/v1/visits/export.xlsx?from=2025-06-01&to=2025-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields.to).toMatch(/sebelum/);
  });

  it('lists team candidates of every bidang for a petugas, never koperasi or disabled accounts', async () => {
    const res = await get('/api/v1/team-candidates');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; fullName: string; role: string; bidang: string | null }[];
    const ids = items.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        id['petugas.koperasi'],
        id['petugas.industri'],
        id['petugas.usahamikro'],
        id['kepala.dinas'],
      ]),
    );
    expect(new Set(items.map((i) => i.bidang).filter(Boolean))).toEqual(
      new Set(['koperasi', 'usaha_mikro', 'perindustrian']),
    );
    expect(items.some((i) => i.role === 'koperasi')).toBe(false);
    expect(ids).not.toContain(id.dewirengganis);
    // a disabled officer drops out
    await db().updateTable('users').set({ disabled: 1 }).where('id', '=', id['petugas.industri']!).execute();
    const after = (await get('/api/v1/team-candidates', 'pimpinan')).json().items.map((i: { id: string }) => i.id);
    expect(after).not.toContain(id['petugas.industri']);
    await db().updateTable('users').set({ disabled: 0 }).where('id', '=', id['petugas.industri']!).execute();
    expect((await get('/api/v1/team-candidates', 'dewirengganis')).statusCode).toBe(403);
  });
});
