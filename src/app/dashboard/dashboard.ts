import { BIDANG_LABELS, type Bidang } from '../../domain/codes.js';
import { followUpsAwaitingVerification } from '../desk/verifications.js';
import { CONCERN_TOPIC_LABELS, type ConcernTopic } from '../../domain/visits/codes.js';
import { type Actor, type AppDeps, todayJakarta } from '../context.js';
import { authorize, dashboardPolicy } from '../policy/index.js';
import { listDistricts } from '../regions/list-regions.js';
import { type DistrictRef, healthOfYear, ratOfYear } from './health-and-rat.js';

/** Jakarta calendar year of a UTC ISO timestamp range: [start, end) in UTC. */
function yearRangeUtc(year: number): [string, string] {
  return [
    new Date(Date.parse(`${year}-01-01T00:00:00+07:00`)).toISOString(),
    new Date(Date.parse(`${year + 1}-01-01T00:00:00+07:00`)).toISOString(),
  ];
}

/** Program coverage in a year: cooperatives visited (a done visit dated that year) against the targets of that year's programs. */
async function coverageOfYear(deps: AppDeps, year: number, districts: DistrictRef[]) {
  const db = deps.db.kysely;
  const targets = await db
    .selectFrom('program_targets as t')
    .innerJoin('programs as p', 'p.id', 't.program_id')
    .select(['t.district_code', (eb) => eb.fn.sum<number>('t.target').as('target')])
    .where('p.period_start', '<=', `${year}-12-31`)
    .where('p.period_end', '>=', `${year}-01-01`)
    .groupBy('t.district_code')
    .execute();
  const visited = await db
    .selectFrom('visits as v')
    .innerJoin('cooperatives as c', 'c.id', 'v.cooperative_id')
    .select([
      'c.district_code',
      (eb) => eb.fn.count<number>('v.cooperative_id').distinct().as('visited'),
      (eb) => eb.fn.countAll<number>().as('visits'),
    ])
    .where('v.status', '=', 'done')
    .where('v.visit_date', '>=', `${year}-01-01`)
    .where('v.visit_date', '<=', `${year}-12-31`)
    .groupBy('c.district_code')
    .execute();
  const t = new Map(targets.map((r) => [r.district_code, Number(r.target)]));
  const v = new Map(visited.map((r) => [r.district_code, { visited: Number(r.visited), visits: Number(r.visits) }]));
  const byDistrict = districts.map((d) => ({
    ...d,
    visited: v.get(d.code)?.visited ?? 0,
    visits: v.get(d.code)?.visits ?? 0,
    target: t.get(d.code) ?? 0,
  }));
  return {
    visited: byDistrict.reduce((s, d) => s + d.visited, 0),
    visits: byDistrict.reduce((s, d) => s + d.visits, 0),
    target: byDistrict.reduce((s, d) => s + d.target, 0),
    byDistrict,
  };
}

/**
 * Follow-ups as they stand today: by status, overdue, per responsible bidang and per kecamatan (of
 * the cooperative). The same counts as the follow-up list's filters (`status=open`, `status=overdue`).
 */
async function followUpsNow(deps: AppDeps, today: string, districts: DistrictRef[]) {
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
    ])
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
    const d = perDistrict.get(r.district_code);
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
async function topConcernTopics(deps: AppDeps, year: number) {
  const [from, to] = yearRangeUtc(year);
  const rows = await deps.db.kysely
    .selectFrom('concerns')
    .select(['topic', (eb) => eb.fn.countAll<number>().as('n')])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .groupBy('topic')
    .execute();
  return rows
    .map((r) => ({
      topic: r.topic,
      label: CONCERN_TOPIC_LABELS[r.topic as ConcernTopic] ?? r.topic,
      count: Number(r.n),
    }))
    .sort((a, b) => b.count - a.count);
}

export async function getDashboard(deps: AppDeps, actor: Actor, year: number) {
  authorize(dashboardPolicy.read, actor, null, 'Dasbor hanya untuk pimpinan dan admin.');
  const today = todayJakarta(deps);
  const districts = await listDistricts(deps);
  const years = [year - 4, year - 3, year - 2, year - 1, year];
  const [coverage, health, rat, followUps, concerns] = await Promise.all([
    coverageOfYear(deps, year, districts),
    healthOfYear(deps, year, districts),
    ratOfYear(deps, year, districts, today),
    followUpsNow(deps, today, districts),
    topConcernTopics(deps, year),
  ]);
  const trends = [];
  for (const y of years) {
    const [c, h, r] = await Promise.all([
      coverageOfYear(deps, y, districts),
      healthOfYear(deps, y, districts),
      ratOfYear(deps, y, districts, today),
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
  return { year, asOf: today, coverage, health, rat, followUps, concerns: { topTopics: concerns }, trends };
}
