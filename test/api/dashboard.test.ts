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
    [pimpinan, admin, petugas] = await Promise.all([
      api.login('pimpinan'),
      api.login('admin'),
      api.login('petugas.koperasi'),
    ]);
  });
  afterAll(() => api?.close());
  const get = (url: string, cookie = pimpinan) => api.req({ method: 'GET', url, cookie });

  it('shows every kecamatan with figures that add up, for 2025', async () => {
    const res = await get('/api/v1/dashboard?year=2025');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.coverage.byDistrict).toHaveLength(24);
    for (const k of ['code', 'name', 'visited', 'target']) expect(d.coverage.byDistrict[0]).toHaveProperty(k);
    expect(d.coverage.visited).toBe(
      d.coverage.byDistrict.reduce((s: number, x: { visited: number }) => s + x.visited, 0),
    );
    expect(d.coverage.target).toBeGreaterThan(0);
    expect(d.coverage.visited).toBeGreaterThan(0);
    for (const c of ['SEHAT', 'CUKUP_SEHAT', 'DALAM_PENGAWASAN', 'DALAM_PENGAWASAN_KHUSUS'])
      expect(typeof d.health[c]).toBe('number');
    expect(d.health.SEHAT + d.health.CUKUP_SEHAT + d.health.DALAM_PENGAWASAN + d.health.DALAM_PENGAWASAN_KHUSUS).toBe(
      d.health.assessed,
    );
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
      .where('c.authority_level', '=', 'KABUPATEN') // the regency's own; not those under provincial authority
      .where('v.visit_date', '>=', '2025-01-01')
      .where('v.visit_date', '<=', '2025-12-31')
      .execute();
    expect(tiris.visited).toBe(rows.length);
    expect(tiris.visited).toBeGreaterThan(0); // Dewi Rengganis, 19 January 2025
  });

  /**
   * Every figure drills down to a list (see DashboardPage): the list behind a figure, with the
   * filters the link sets, must count the same, and the figure must match a direct query.
   */
  it('matches the lists its figures drill down to, and direct queries on the demo data', async () => {
    const year = 2025;
    const d = (await get(`/api/v1/dashboard?year=${year}`)).json();
    const total = async (url: string) => {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      return res.json().total as number;
    };
    const db = api.deps.db.kysely;

    // Coverage per kecamatan → /kunjungan?district&status=done&from&to: the visits of the year.
    let visits = 0;
    for (const r of d.coverage.byDistrict.filter((x: { visits: number }) => x.visits > 0).slice(0, 4)) {
      expect(
        await total(`/api/v1/visits?district=${r.code}&status=done&from=${year}-01-01&to=${year}-12-31&pageSize=1`),
      ).toBe(r.visits);
      visits += r.visits;
    }
    expect(visits).toBeGreaterThan(0);
    expect(await total(`/api/v1/visits?status=done&from=${year}-01-01&to=${year}-12-31&pageSize=1`)).toBe(
      d.coverage.visits,
    );

    // Follow-ups per bidang → /tindak-lanjut?status=overdue&bidang= (or responsibleKind=COOPERATIVE).
    const today = d.asOf;
    // The regency's own cooperatives (issue 11): in Kabupaten Probolinggo, under its authority.
    const fus = await db
      .selectFrom('follow_ups as f')
      .innerJoin('cooperatives as c', 'c.id', 'f.cooperative_id')
      .leftJoin('users as u', 'u.id', 'f.responsible_user_id')
      .select(['f.status', 'f.deadline', 'f.responsible_kind', 'f.responsible_bidang', 'u.bidang'])
      .where('c.district_code', 'like', '35.13.%')
      .where('c.authority_level', '=', 'KABUPATEN')
      .execute();
    const pending = fus.filter((f) => f.status === 'open' || f.status === 'in_progress');
    expect(d.followUps.overdue).toBe(pending.filter((f) => f.deadline < today).length);
    expect(d.followUps.overdue).toBe(await total('/api/v1/follow-ups?status=overdue&pageSize=1'));
    expect(d.followUps.byBidang.length).toBeGreaterThan(1);
    for (const b of d.followUps.byBidang as { code: string; open: number; overdue: number }[]) {
      const mine = pending.filter(
        (f) =>
          (f.responsible_kind === 'COOPERATIVE'
            ? 'koperasi_sendiri'
            : (f.responsible_bidang ?? f.bidang ?? 'lainnya')) === b.code,
      );
      expect(b.open, b.code).toBe(mine.length);
      expect(b.overdue, b.code).toBe(mine.filter((f) => f.deadline < today).length);
      if (b.code === 'lainnya') continue;
      const filter = b.code === 'koperasi_sendiri' ? 'responsibleKind=COOPERATIVE' : `bidang=${b.code}`;
      expect(await total(`/api/v1/follow-ups?status=overdue&${filter}&pageSize=1`), b.code).toBe(b.overdue);
      const open =
        (await total(`/api/v1/follow-ups?status=open&${filter}&pageSize=1`)) +
        (await total(`/api/v1/follow-ups?status=in_progress&${filter}&pageSize=1`));
      expect(open, b.code).toBe(b.open);
    }

    // Concern topics of the year → /aspirasi?topic&from&to.
    const from = new Date(Date.parse(`${year}-01-01T00:00:00+07:00`)).toISOString();
    const to = new Date(Date.parse(`${year + 1}-01-01T00:00:00+07:00`)).toISOString();
    const concerns = await db
      .selectFrom('concerns as k')
      .innerJoin('cooperatives as c', 'c.id', 'k.cooperative_id')
      .select('k.topic')
      .where('c.district_code', 'like', '35.13.%')
      .where('c.authority_level', '=', 'KABUPATEN')
      .where('k.created_at', '>=', from)
      .where('k.created_at', '<', to)
      .execute();
    expect(d.concerns.topTopics.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(concerns.length);
    for (const x of d.concerns.topTopics as { topic: string; count: number }[]) {
      expect(x.count).toBe(concerns.filter((c) => c.topic === x.topic).length);
      expect(
        await total(`/api/v1/concerns?topic=${x.topic}&from=${year}-01-01&to=${year}-12-31&pageSize=1`),
        x.topic,
      ).toBe(x.count);
    }
    for (let i = 1; i < d.concerns.topTopics.length; i++)
      expect(d.concerns.topTopics[i - 1].count).toBeGreaterThanOrEqual(d.concerns.topTopics[i].count);

    // Health categories → /penilaian?category&assessedYear: finalized assessments assessed that year.
    for (const c of ['SEHAT', 'CUKUP_SEHAT', 'DALAM_PENGAWASAN', 'DALAM_PENGAWASAN_KHUSUS']) {
      expect(await total(`/api/v1/assessments?category=${c}&assessedYear=${year}&pageSize=1`), c).toBe(d.health[c]);
    }
    const tirisHealth = d.health.byDistrict.find((x: { code: string }) => x.code === '35.13.07');
    expect(await total(`/api/v1/assessments?category=SEHAT&assessedYear=${year}&district=35.13.07&pageSize=1`)).toBe(
      tirisHealth.SEHAT,
    );

    // RAT → /rekap?tahun=fiscal year: the RATs held for the fiscal year due this year.
    const recap = (await get(`/api/v1/reports/recap?year=${d.rat.fiscalYear}`)).json();
    const held = await db
      .selectFrom('annual_meetings as m')
      .innerJoin('cooperatives as c', 'c.id', 'm.cooperative_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('m.fiscal_year', '=', d.rat.fiscalYear)
      .where('c.status', '!=', 'DIBUBARKAN')
      .where('c.district_code', 'like', '35.13.%')
      .where('c.authority_level', '=', 'KABUPATEN')
      .executeTakeFirstOrThrow();
    expect(recap.totals.ratHeld).toBe(Number(held.n));
    expect(d.rat.held).toBe(Number(held.n));
  });

  /**
   * Issue #15: the same figure has the same value on every screen. The dashboard of the current year,
   * the yearly recap and the registry/follow-up lists count cooperatives, "koperasi aktif" (a RAT in
   * the last three fiscal years, as of today), the RATs held and the follow-ups open and overdue alike.
   */
  it('agrees with the yearly recap and the lists on the figures they share', async () => {
    const thisYear = Number(api.deps.now().toISOString().slice(0, 4));
    const d = (await get('/api/v1/dashboard')).json();
    expect(d.year).toBe(thisYear);
    const recapNow = (await get(`/api/v1/reports/recap?year=${thisYear}`)).json();
    expect(recapNow.asOf).toBe(d.rat.asOf);
    // Cooperatives in the registry (not dissolved) and the active ones among them, as of today.
    expect(d.rat.cooperatives).toBe(recapNow.totals.cooperatives);
    expect(d.rat.active).toBe(recapNow.totals.active);
    expect(d.rat.active).toBeGreaterThan(0);
    expect(d.rat.active).toBeLessThan(d.rat.cooperatives);
    const registry = (await get('/api/v1/cooperatives?pageSize=1')).json().total as number;
    const dissolved = (await get('/api/v1/cooperatives?status=DIBUBARKAN&pageSize=1')).json().total as number;
    expect(d.rat.cooperatives).toBe(registry - dissolved);
    // Per kecamatan too (the recap's kecamatan rows against the dashboard's).
    for (const r of recapNow.districts as { code: string; cooperatives: number; active: number }[]) {
      const x = d.rat.byDistrict.find((y: { code: string }) => y.code === r.code);
      expect([x.cooperatives, x.active], r.code).toEqual([r.cooperatives, r.active]);
    }
    // RATs held for the fiscal year due this year: the dashboard's count and the recap of that fiscal year.
    const recapFy = (await get(`/api/v1/reports/recap?year=${d.rat.fiscalYear}`)).json();
    expect(d.rat.held).toBe(recapFy.totals.ratHeld);
    // Follow-ups: the card's figures are the follow-up list's filters, and the kecamatan map adds up to them.
    const total = async (url: string) => (await get(url)).json().total as number;
    expect(d.followUps.open).toBe(await total('/api/v1/follow-ups?status=open&pageSize=1'));
    expect(d.followUps.in_progress + d.followUps.done).toBe(
      (await total('/api/v1/follow-ups?status=in_progress&pageSize=1')) +
        (await total('/api/v1/follow-ups?status=done&pageSize=1')),
    );
    expect(d.followUps.overdue).toBe(await total('/api/v1/follow-ups?status=overdue&pageSize=1'));
    expect(d.followUps.overdue).toBeGreaterThan(0);
    expect(d.followUps.byDistrict).toHaveLength(24);
    const sum = (k: 'open' | 'overdue') =>
      d.followUps.byDistrict.reduce((s: number, x: Record<'open' | 'overdue', number>) => s + x[k], 0);
    expect(sum('overdue')).toBe(d.followUps.overdue);
    expect(sum('open')).toBe(d.followUps.open + d.followUps.in_progress);
    const today = d.asOf;
    const tiris = await api.deps.db.kysely
      .selectFrom('follow_ups as f')
      .innerJoin('cooperatives as c', 'c.id', 'f.cooperative_id')
      .select(['f.deadline'])
      .where('c.district_code', '=', '35.13.07')
      .where('c.authority_level', '=', 'KABUPATEN')
      .where('f.status', 'in', ['open', 'in_progress'])
      .execute();
    const tirisRow = d.followUps.byDistrict.find((x: { code: string }) => x.code === '35.13.07');
    expect(tirisRow.open).toBe(tiris.length);
    expect(tirisRow.overdue).toBe(tiris.filter((f) => f.deadline < today).length);
  });

  it('is for pimpinan and admin only', async () => {
    expect((await get('/api/v1/dashboard', petugas)).statusCode).toBe(403);
    expect((await get('/api/v1/dashboard?year=1800')).statusCode).toBe(400);
  });

  it('ranks cooperatives to visit next, each with reasons that add up to its score', async () => {
    const res = (await get('/api/v1/priorities?limit=100', petugas)).json();
    expect(res.items.length).toBe(100);
    for (let i = 1; i < res.items.length; i++)
      expect(res.items[i - 1].score).toBeGreaterThanOrEqual(res.items[i].score);
    for (const it of res.items) {
      expect(it.score).toBe(it.reasons.reduce((s: number, r: { points: number }) => s + r.points, 0));
      for (const r of it.reasons) expect(r.label.length).toBeGreaterThan(5);
    }
    expect(res.items[0].score).toBeGreaterThan(0);
  });

  it('follows the weights an admin sets', async () => {
    const zero = Object.fromEntries(Object.keys(DEFAULT_PRIORITY_WEIGHTS).map((k) => [k, 0]));
    expect(
      (await api.req({ method: 'PUT', url: '/api/v1/settings/priority-weights', cookie: petugas, body: zero }))
        .statusCode,
    ).toBe(403);
    const put = await api.req({
      method: 'PUT',
      url: '/api/v1/settings/priority-weights',
      cookie: admin,
      body: { ...zero, neverVisited: 7 },
    });
    expect(put.statusCode).toBe(200);
    const res = (await get('/api/v1/priorities?limit=500')).json();
    for (const it of res.items) for (const r of it.reasons) expect(r.code).toBe('NEVER_VISITED');
    expect(res.items[0].score).toBe(7);
    await api.req({
      method: 'PUT',
      url: '/api/v1/settings/priority-weights',
      cookie: admin,
      body: DEFAULT_PRIORITY_WEIGHTS,
    });
    expect(
      (
        await api.req({
          method: 'PUT',
          url: '/api/v1/settings/priority-weights',
          cookie: admin,
          body: { ...zero, extra: 1 },
        })
      ).statusCode,
    ).toBe(400);
    const koperasi = await api.login('dewirengganis');
    expect((await get('/api/v1/priorities', koperasi)).statusCode).toBe(403);
  });
});
