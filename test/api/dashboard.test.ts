import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_WEIGHTS } from '../../src/domain/priority/priority.js';
import { type Api, DB_KINDS, startApi } from './harness.js';

describe.each(DB_KINDS)('dashboard and early warning on %s', (kind) => {
  let api: Api;
  let pimpinan: string;
  let admin: string;
  let petugas: string;
  beforeAll(async () => {
    api = await startApi(kind);
    [pimpinan, admin, petugas] = await Promise.all([api.login('pimpinan'), api.login('admin'), api.login('petugas.koperasi')]);
  });
  afterAll(() => api?.close());
  const get = (url: string, cookie = pimpinan) => api.req({ method: 'GET', url, cookie });

  it('shows every kecamatan with figures that add up, for 2025', async () => {
    const res = await get('/api/v1/dashboard?year=2025');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.coverage.byDistrict).toHaveLength(24);
    for (const k of ['code', 'name', 'visited', 'target']) expect(d.coverage.byDistrict[0]).toHaveProperty(k);
    expect(d.coverage.visited).toBe(d.coverage.byDistrict.reduce((s: number, x: { visited: number }) => s + x.visited, 0));
    expect(d.coverage.target).toBeGreaterThan(0);
    expect(d.coverage.visited).toBeGreaterThan(0);
    for (const c of ['SEHAT', 'CUKUP_SEHAT', 'DALAM_PENGAWASAN', 'DALAM_PENGAWASAN_KHUSUS']) expect(typeof d.health[c]).toBe('number');
    expect(d.health.SEHAT + d.health.CUKUP_SEHAT + d.health.DALAM_PENGAWASAN + d.health.DALAM_PENGAWASAN_KHUSUS).toBe(d.health.assessed);
    expect(d.rat.byDistrict).toHaveLength(24);
    expect(d.rat.held).toBe(d.rat.byDistrict.reduce((s: number, x: { held: number }) => s + x.held, 0));
    expect(d.rat.rate).toBeGreaterThan(0);
    expect(d.followUps.overdue).toBeGreaterThan(0);
    expect(d.concerns.topTopics.length).toBeGreaterThan(0);
    expect(d.trends.map((t: { year: number }) => t.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('counts a kecamatan as visited exactly as its done visits say', async () => {
    const d = (await get('/api/v1/dashboard?year=2025')).json();
    const tiris = d.coverage.byDistrict.find((x: { code: string }) => x.code === '35.13.07');
    const rows = await api.deps.db.kysely
      .selectFrom('visits as v')
      .innerJoin('cooperatives as c', 'c.id', 'v.cooperative_id')
      .select('v.cooperative_id')
      .distinct()
      .where('v.status', '=', 'done')
      .where('c.district_code', '=', '35.13.07')
      .where('v.visit_date', '>=', '2025-01-01')
      .where('v.visit_date', '<=', '2025-12-31')
      .execute();
    expect(tiris.visited).toBe(rows.length);
    expect(tiris.visited).toBeGreaterThan(0); // Dewi Rengganis, 19 January 2025
  });

  it('is for pimpinan and admin only', async () => {
    expect((await get('/api/v1/dashboard', petugas)).statusCode).toBe(403);
    expect((await get('/api/v1/dashboard?year=1800')).statusCode).toBe(400);
  });

  it('ranks cooperatives to visit next, each with reasons that add up to its score', async () => {
    const res = (await get('/api/v1/priorities?limit=100', petugas)).json();
    expect(res.items.length).toBe(100);
    for (let i = 1; i < res.items.length; i++) expect(res.items[i - 1].score).toBeGreaterThanOrEqual(res.items[i].score);
    for (const it of res.items) {
      expect(it.score).toBe(it.reasons.reduce((s: number, r: { points: number }) => s + r.points, 0));
      for (const r of it.reasons) expect(r.label.length).toBeGreaterThan(5);
    }
    expect(res.items[0].score).toBeGreaterThan(0);
  });

  it('follows the weights an admin sets', async () => {
    const zero = Object.fromEntries(Object.keys(DEFAULT_PRIORITY_WEIGHTS).map((k) => [k, 0]));
    expect((await api.req({ method: 'PUT', url: '/api/v1/settings/priority-weights', cookie: petugas, body: zero })).statusCode).toBe(403);
    const put = await api.req({ method: 'PUT', url: '/api/v1/settings/priority-weights', cookie: admin, body: { ...zero, neverVisited: 7 } });
    expect(put.statusCode).toBe(200);
    const res = (await get('/api/v1/priorities?limit=500')).json();
    for (const it of res.items) for (const r of it.reasons) expect(r.code).toBe('NEVER_VISITED');
    expect(res.items[0].score).toBe(7);
    await api.req({ method: 'PUT', url: '/api/v1/settings/priority-weights', cookie: admin, body: DEFAULT_PRIORITY_WEIGHTS });
    expect((await api.req({ method: 'PUT', url: '/api/v1/settings/priority-weights', cookie: admin, body: { ...zero, extra: 1 } })).statusCode).toBe(400);
    const koperasi = await api.login('dewirengganis');
    expect((await get('/api/v1/priorities', koperasi)).statusCode).toBe(403);
  });
});
