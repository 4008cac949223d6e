import { BIDANG_LABELS, type Bidang } from '../../domain/codes.js';
import { followUpsAwaitingVerification } from '../desk/verifications.js';
import { CONCERN_TOPIC_LABELS, type ConcernTopic } from '../../domain/visits/codes.js';
import { type Actor, type AppDeps, todayJakarta } from '../context.js';
import { authorize, dashboardPolicy } from '../policy/index.js';
import { sql } from 'kysely';
import { healthOfYear, ratOfYear } from './health-and-rat.js';
import { type RegionScope, coopInRegion, inRegion, regionScope } from './region-scope.js';

/** Jakarta calendar year of a UTC ISO timestamp range: [start, end) in UTC. */
function yearRangeUtc(year: number): [string, string] {
  return [
    new Date(Date.parse(`${year}-01-01T00:00:00+07:00`)).toISOString(),
    new Date(Date.parse(`${year + 1}-01-01T00:00:00+07:00`)).toISOString(),
  ];
}

/** Program coverage in a year: cooperatives visited (a done visit dated that year) against the targets of that year's programs. */
async function coverageOfYear(deps: AppDeps, year: number, scope: RegionScope) {
  const db = deps.db.kysely;
  // A program target counts at the tier of the office whose program it is (a province's program
  // targets its own cooperatives); programs from before offices count as the regency's.
  const authority = sql`coalesce(o.level, 'KABUPATEN')`;
  const targets = await db
    .selectFrom('program_targets as t')
    .innerJoin('programs as p', 'p.id', 't.program_id')
    .leftJoin('offices as o', 'o.id', 'p.office_id')
    .select([
      't.district_code',
      sql<string>`${authority}`.as('authority'),
      (eb) => eb.fn.sum<number>('t.target').as('target'),
    ])
    .where(inRegion(scope, sql.ref('t.district_code'), authority))
    .where('p.period_start', '<=', `${year}-12-31`)
    .where('p.period_end', '>=', `${year}-01-01`)
    .groupBy(['t.district_code', sql`${authority}`])
    .execute();
  // Cooperatives visited are counted per row (distinct within it): one cooperative sits in one row.
  const visited = await db
    .selectFrom('visits as v')
    .innerJoin('cooperatives as c', 'c.id', 'v.cooperative_id')
    .select([
      'c.district_code',
      'c.authority_level',
      (eb) => eb.fn.count<number>('v.cooperative_id').distinct().as('visited'),
      (eb) => eb.fn.countAll<number>().as('visits'),
    ])
    .where(coopInRegion(scope))
    .where('v.status', '=', 'done')
    .where('v.visit_date', '>=', `${year}-01-01`)
    .where('v.visit_date', '<=', `${year}-12-31`)
    .groupBy(['c.district_code', 'c.authority_level'])
    .execute();
  const per = new Map(scope.rows.map((d) => [d.code, { visited: 0, visits: 0, target: 0 }]));
  const total = { visited: 0, visits: 0, target: 0 };
  for (const r of targets) {
    total.target += Number(r.target);
    const row = per.get(scope.bucket(r.district_code, r.authority) ?? '');
    if (row) row.target += Number(r.target);
  }
  for (const r of visited) {
    total.visited += Number(r.visited);
    total.visits += Number(r.visits);
    const row = per.get(scope.bucket(r.district_code, r.authority_level ?? 'KABUPATEN') ?? '');
    if (row) {
      row.visited += Number(r.visited);
      row.visits += Number(r.visits);
    }
  }
  return { ...total, byDistrict: scope.rows.map((d) => ({ ...d, ...per.get(d.code)! })) };
}

/**
 * Follow-ups as they stand today: by status, overdue, per responsible bidang and per kecamatan (of
 * the cooperative). The same counts as the follow-up list's filters (`status=open`, `status=overdue`).
 */
async function followUpsNow(deps: AppDeps, today: string, scope: RegionScope) {
  const districts = scope.rows;
  const rows = await deps.db.kysely
    .selectFrom('follow_ups as f')
    .innerJoin('cooperatives as c', 'c.id', 'f.cooperative_id')
    .leftJoin('users as u', 'u.id', 'f.responsible_user_id')
    .select([
      'f.id',
      'f.status',
      'f.deadline',
      'f.responsible_kind',
      'f.responsible_bidang',
      'u.bidang as user_bidang',
      'c.district_code',
      'c.authority_level',
    ])
    .where(coopInRegion(scope))
    .execute();
  const perDistrict = new Map(districts.map((d) => [d.code, { open: 0, overdue: 0 }]));
  const awaiting = await followUpsAwaitingVerification(deps.db.kysely);
  const byStatus = { open: 0, in_progress: 0, done: 0, cancelled: 0, overdue: 0 };
  const groups = new Map<string, { code: string; label: string; open: number; overdue: number }>();
  for (const r of rows) {
    // A cooperative's "done" waiting for verification still counts as in progress.
    const status = r.status === 'done' && awaiting.has(r.id) ? 'in_progress' : r.status;
    byStatus[status as keyof typeof byStatus]++;
    const pending = status === 'open' || status === 'in_progress';
    const overdue = pending && r.deadline < today;
    if (overdue) byStatus.overdue++;
    const code =
      r.responsible_kind === 'COOPERATIVE' ? 'koperasi_sendiri' : (r.responsible_bidang ?? r.user_bidang ?? 'lainnya');
    const label = code === 'koperasi_sendiri' ? 'Koperasi sendiri' : (BIDANG_LABELS[code as Bidang] ?? 'Lainnya');
    const g = groups.get(code) ?? { code, label, open: 0, overdue: 0 };
    if (pending) g.open++;
    if (overdue) g.overdue++;
    groups.set(code, g);
    const d = perDistrict.get(scope.bucket(r.district_code, r.authority_level ?? 'KABUPATEN') ?? '');
    if (d && pending) d.open++;
    if (d && overdue) d.overdue++;
  }
  return {
    ...byStatus,
    byBidang: [...groups.values()].sort((a, b) => b.open - a.open),
    byDistrict: districts.map((d) => ({ ...d, ...perDistrict.get(d.code)! })),
  };
}

/** The concern topics raised most often in a year. */
async function topConcernTopics(deps: AppDeps, year: number, scope: RegionScope) {
  const [from, to] = yearRangeUtc(year);
  const rows = await deps.db.kysely
    .selectFrom('concerns as k')
    .innerJoin('cooperatives as c', 'c.id', 'k.cooperative_id')
    .select(['k.topic', (eb) => eb.fn.countAll<number>().as('n')])
    .where(coopInRegion(scope))
    .where('k.created_at', '>=', from)
    .where('k.created_at', '<', to)
    .groupBy('k.topic')
    .execute();
  return rows
    .map((r) => ({
      topic: r.topic,
      label: CONCERN_TOPIC_LABELS[r.topic as ConcernTopic] ?? r.topic,
      count: Number(r.n),
    }))
    .sort((a, b) => b.count - a.count);
}

/**
 * The dashboard of a region (issue 11 point 5): its figures, and per row below it (kecamatan of a
 * regency; regencies of a province plus "Kewenangan provinsi"; provinces of the nation plus
 * "Kewenangan nasional") the same figures, each row equal to that region's own dashboard. `region`
 * defaults to the actor's office area and must lie within its reach.
 */
export async function getDashboard(deps: AppDeps, actor: Actor, year: number, region?: string) {
  authorize(dashboardPolicy.read, actor, null, 'Dasbor hanya untuk pimpinan dan admin.');
  const today = todayJakarta(deps);
  const scope = await regionScope(deps.db.kysely, actor, region);
  const years = [year - 4, year - 3, year - 2, year - 1, year];
  const [coverage, health, rat, followUps, concerns] = await Promise.all([
    coverageOfYear(deps, year, scope),
    healthOfYear(deps, year, scope),
    ratOfYear(deps, year, scope, today),
    followUpsNow(deps, today, scope),
    topConcernTopics(deps, year, scope),
  ]);
  const trends = [];
  for (const y of years) {
    const [c, h, r] = await Promise.all([
      coverageOfYear(deps, y, scope),
      healthOfYear(deps, y, scope),
      ratOfYear(deps, y, scope, today),
    ]);
    trends.push({
      year: y,
      visits: c.visits,
      ratRate: r.rate,
      health: {
        SEHAT: h.SEHAT,
        CUKUP_SEHAT: h.CUKUP_SEHAT,
        DALAM_PENGAWASAN: h.DALAM_PENGAWASAN,
        DALAM_PENGAWASAN_KHUSUS: h.DALAM_PENGAWASAN_KHUSUS,
      },
    });
  }
  const { region: r, path, rowLevel } = scope;
  return {
    year,
    asOf: today,
    region: r,
    path,
    rowLevel,
    coverage,
    health,
    rat,
    followUps,
    concerns: { topTopics: concerns },
    trends,
  };
}
