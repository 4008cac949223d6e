import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { getDashboard } from '../../src/app/dashboard/dashboard.js';
import { SYSTEM_ACTOR } from '../../src/app/context.js';
import { type Api, DB_KINDS, startApi } from './harness.js';

/**
 * Issue 11 point 5: the roll-up. A province's row for a regency holds exactly what that regency's own
 * dashboard shows; cooperatives under provincial (national) authority get their own row; figures
 * agree with direct queries; a user asks only for regions within their office's reach.
 */
type Dash = {
  region: { level: string; code: string; name: string };
  path: { code: string; name: string }[];
  rowLevel: string | null;
  coverage: { visited: number; visits: number; target: number; byDistrict: Row[] };
  health: Record<string, number> & { assessed: number; byDistrict: Row[] };
  rat: Record<string, number> & { byDistrict: Row[] };
  followUps: Record<string, number> & { byDistrict: Row[] };
};
type Row = { code: string; name: string; kind: string } & Record<string, number>;
const CATS = ['SEHAT', 'CUKUP_SEHAT', 'DALAM_PENGAWASAN', 'DALAM_PENGAWASAN_KHUSUS'];

/** The figures of a dashboard as a province row shows them. */
function figuresOf(d: Dash) {
  return {
    visited: d.coverage.visited,
    visits: d.coverage.visits,
    target: d.coverage.target,
    ...Object.fromEntries(CATS.map((c) => [c, d.health[c]])),
    due: d.rat.due,
    held: d.rat.held,
    onTime: d.rat.onTime,
    active: d.rat.active,
    cooperatives: d.rat.cooperatives,
    warnings: d.rat.withWarnings,
    open: (d.followUps.open ?? 0) + (d.followUps.in_progress ?? 0),
    overdue: d.followUps.overdue,
  };
}
function figuresOfRow(d: Dash, code: string) {
  const c = d.coverage.byDistrict.find((r) => r.code === code)!;
  const h = d.health.byDistrict.find((r) => r.code === code)!;
  const r = d.rat.byDistrict.find((x) => x.code === code)!;
  const f = d.followUps.byDistrict.find((x) => x.code === code)!;
  return {
    visited: c.visited,
    visits: c.visits,
    target: c.target,
    ...Object.fromEntries(CATS.map((k) => [k, h[k]])),
    due: r.due,
    held: r.held,
    onTime: r.onTime,
    active: r.active,
    cooperatives: r.cooperatives,
    warnings: r.warnings,
    open: f.open,
    overdue: f.overdue,
  };
}

describe.each(DB_KINDS)('dashboard roll-up on %s', (kind) => {
  let api: Api;
  let provinsi: string;
  let pimpinan: string;
  let adminLumajang: string;
  let petugasLumajang: string;
  beforeAll(async () => {
    api = await startApi(kind);
    [provinsi, pimpinan, adminLumajang, petugasLumajang] = await Promise.all([
      api.login('provinsi'),
      api.login('pimpinan'),
      api.login('admin.lumajang'),
      api.login('petugas.lumajang'),
    ]);
  });
  afterAll(() => api?.close());
  const get = (url: string, cookie: string) => api.req({ method: 'GET', url, cookie });
  const dash = async (url: string, cookie: string): Promise<Dash> => {
    const res = await get(url, cookie);
    expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
    return res.json();
  };

  it('shows the province per regency, plus a row for provincial authority', async () => {
    const d = await dash('/api/v1/dashboard?year=2025', provinsi);
    expect(d.region).toEqual({ level: 'PROVINSI', code: '35', name: expect.stringMatching(/jawa timur/i) });
    expect(d.rowLevel).toBe('KABUPATEN');
    expect(d.path.map((p) => p.code)).toEqual(['35']);
    const codes = d.rat.byDistrict.map((r) => r.code);
    expect(codes).toContain('35.13');
    expect(codes).toContain('35.08');
    expect(codes.every((c) => c === 'PROVINSI' || c.startsWith('35.'))).toBe(true);
    const authority = d.rat.byDistrict.find((r) => r.code === 'PROVINSI')!;
    expect(authority).toMatchObject({ kind: 'AUTHORITY', name: 'Kewenangan provinsi' });
    // Every cooperative of the province sits in exactly one row: the rows add up to the totals.
    const sum = (rows: Row[], k: string) => rows.reduce((s, r) => s + r[k]!, 0);
    expect(sum(d.rat.byDistrict, 'cooperatives')).toBe(d.rat.cooperatives);
    expect(sum(d.rat.byDistrict, 'held')).toBe(d.rat.held);
    expect(sum(d.coverage.byDistrict, 'visited')).toBe(d.coverage.visited);
    expect(sum(d.coverage.byDistrict, 'target')).toBe(d.coverage.target);
    for (const c of CATS) expect(sum(d.health.byDistrict, c)).toBe(d.health[c]);
    expect(sum(d.followUps.byDistrict, 'overdue')).toBe(d.followUps.overdue);
  });

  it("holds in a regency's row exactly what that regency's own dashboard shows", async () => {
    for (const year of [2025, 2026]) {
      const province = await dash(`/api/v1/dashboard?year=${year}`, provinsi);
      const probolinggo = await dash(`/api/v1/dashboard?year=${year}`, pimpinan); // the regency's own user
      const lumajang = await dash(`/api/v1/dashboard?year=${year}`, adminLumajang);
      expect(probolinggo.region.code).toBe('35.13');
      expect(lumajang.region.code).toBe('35.08');
      expect(figuresOfRow(province, '35.13')).toEqual(figuresOf(probolinggo));
      expect(figuresOfRow(province, '35.08')).toEqual(figuresOf(lumajang));
      // The province user drilling into the regency sees the same dashboard, with the path from the province.
      const drilled = await dash(`/api/v1/dashboard?year=${year}&region=35.13`, provinsi);
      expect(figuresOf(drilled)).toEqual(figuresOf(probolinggo));
      expect(drilled.path.map((p) => p.code)).toEqual(['35', '35.13']);
      expect(probolinggo.path.map((p) => p.code)).toEqual(['35.13']);
      expect(probolinggo.rowLevel).toBe('KECAMATAN');
      expect(probolinggo.rat.byDistrict).toHaveLength(24);
    }
  });

  it('agrees with direct queries', async () => {
    const db = api.deps.db.kysely;
    const d = await dash('/api/v1/dashboard?year=2025', provinsi);
    const count = async (q: { execute(): Promise<{ n: unknown }[]> }) => Number((await q.execute())[0]!.n);
    // Cooperatives counted: not dissolved, founded by the end of 2025, in the row's area and tier.
    const coops = (where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) => count(where(base()));
    const base = () =>
      db
        .selectFrom('cooperatives as c')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('c.status', '!=', 'DIBUBARKAN')
        .where(sql<boolean>`coalesce(c.legal_entity_date, substr(c.created_at, 1, 10)) <= '2025-12-31'`);
    const row = (code: string) => d.rat.byDistrict.find((r) => r.code === code)!;
    expect(row('35.08').cooperatives).toBe(
      await coops((q) => q.where('c.district_code', 'like', '35.08.%').where('c.authority_level', '=', 'KABUPATEN')),
    );
    expect(row('35.08').cooperatives).toBeGreaterThan(20);
    expect(row('PROVINSI').cooperatives).toBe(
      await coops((q) => q.where('c.district_code', 'like', '35.%').where('c.authority_level', '=', 'PROVINSI')),
    );
    expect(row('PROVINSI').cooperatives).toBe(3);
    // Cooperatives visited in 2025, per row.
    const visited = (code: string, level: string) =>
      count(
        db
          .selectFrom('visits as v')
          .innerJoin('cooperatives as c', 'c.id', 'v.cooperative_id')
          .select((eb) => eb.fn.count('v.cooperative_id').distinct().as('n'))
          .where('v.status', '=', 'done')
          .where('v.visit_date', '>=', '2025-01-01')
          .where('v.visit_date', '<=', '2025-12-31')
          .where('c.district_code', 'like', `${code}.%`)
          .where('c.authority_level', '=', level),
      );
    const cov = (code: string) => d.coverage.byDistrict.find((r) => r.code === code)!;
    expect(cov('35.08').visited).toBe(await visited('35.08', 'KABUPATEN'));
    expect(cov('35.13').visited).toBe(await visited('35.13', 'KABUPATEN'));
    expect(cov('PROVINSI').visited).toBe(await visited('35', 'PROVINSI'));
    expect(cov('35.08').visited).toBeGreaterThan(0);
    // Program targets of 2025 of Lumajang's own programs.
    const target = await count(
      db
        .selectFrom('program_targets as t')
        .innerJoin('programs as p', 'p.id', 't.program_id')
        .innerJoin('offices as o', 'o.id', 'p.office_id')
        .select((eb) => eb.fn.sum('t.target').as('n'))
        .where('o.region_code', '=', '35.08')
        .where('p.period_start', '<=', '2025-12-31')
        .where('p.period_end', '>=', '2025-01-01'),
    );
    expect(cov('35.08').target).toBe(target);
    // Health: each cooperative's latest final assessment of 2025, by category.
    const health = await db
      .selectFrom('assessments as a')
      .innerJoin('cooperatives as c', 'c.id', 'a.cooperative_id')
      .select(['a.cooperative_id', 'a.category', 'a.assessed_on', 'a.finalized_at'])
      .where('a.status', '=', 'FINAL')
      .where('a.assessed_on', '>=', '2025-01-01')
      .where('a.assessed_on', '<=', '2025-12-31')
      .where('c.district_code', 'like', '35.08.%')
      .where('c.authority_level', '=', 'KABUPATEN')
      .orderBy('a.assessed_on')
      .orderBy('a.finalized_at')
      .execute();
    const latest = new Map(health.map((h) => [h.cooperative_id, h.category]));
    const h = d.health.byDistrict.find((r) => r.code === '35.08')!;
    for (const c of CATS) expect(h[c], c).toBe([...latest.values()].filter((x) => x === c).length);
  });

  it('keeps each user within their office reach', async () => {
    expect((await get('/api/v1/dashboard?region=35', pimpinan)).statusCode).toBe(403);
    expect((await get('/api/v1/dashboard?region=35.08', pimpinan)).statusCode).toBe(403);
    expect((await get('/api/v1/dashboard?region=35.13', adminLumajang)).statusCode).toBe(403);
    expect((await get('/api/v1/dashboard?region=', provinsi)).statusCode).toBe(403);
    expect((await get('/api/v1/dashboard?region=35.13.07', pimpinan)).statusCode).toBe(200);
    expect((await get('/api/v1/dashboard?region=35.1x', provinsi)).statusCode).toBe(400);
    expect((await get('/api/v1/priorities?region=35.13', petugasLumajang)).statusCode).toBe(403);
    expect((await get('/api/v1/reports/recap?year=2025&region=35.13', petugasLumajang)).statusCode).toBe(403);
  });

  it('filters priorities and the recap by the same region', async () => {
    const prio = (await get('/api/v1/priorities?limit=500', petugasLumajang)).json();
    expect(prio.items.length).toBeGreaterThan(20);
    expect(
      prio.items.every((i: { cooperative: { district: { code: string } } }) =>
        i.cooperative.district.code.startsWith('35.08.'),
      ),
    ).toBe(true);
    const prov = (await get('/api/v1/priorities?limit=500&region=35', provinsi)).json();
    const codes = prov.items.map((i: { cooperative: { district: { code: string } } }) => i.cooperative.district.code);
    expect(codes.some((c: string) => c.startsWith('35.08.'))).toBe(true);
    expect(codes.some((c: string) => c.startsWith('35.13.'))).toBe(true);

    const recap = (await get('/api/v1/reports/recap?year=2025', adminLumajang)).json();
    expect(recap.districts.every((x: { code: string }) => x.code.startsWith('35.08.'))).toBe(true);
    const provRecap = (await get('/api/v1/reports/recap?year=2025&region=35.08', provinsi)).json();
    expect(provRecap.totals).toEqual(recap.totals);
    expect(recap.totals.cooperatives).toBeGreaterThan(20);
    // The RATs of fiscal year 2025 (due in 2026): the recap and the dashboard of 2026 count the same.
    const d = await dash('/api/v1/dashboard?year=2026&region=35.08', provinsi);
    expect(d.rat.fiscalYear).toBe(2025);
    expect(d.rat.held).toBe(recap.totals.ratHeld);
    expect(d.rat.held).toBeGreaterThan(0);
  });

  it('rolls the nation up per province, plus national authority', async () => {
    const nation = (await getDashboard(api.deps, SYSTEM_ACTOR, 2025, '')) as unknown as Dash;
    expect(nation.rowLevel).toBe('PROVINSI');
    expect(nation.rat.byDistrict.length).toBe(39); // 38 provinces + Kewenangan nasional
    expect(nation.rat.byDistrict.at(-1)).toMatchObject({ code: 'NASIONAL', name: 'Kewenangan nasional' });
    const province = (await getDashboard(api.deps, SYSTEM_ACTOR, 2025, '35')) as unknown as Dash;
    expect(figuresOfRow(nation, '35')).toEqual(figuresOf(province));
  });
});
