import { ratCompliance } from '../../domain/rat/compliance.js';
import type { AppDeps } from '../context.js';
import { graceMonths } from '../annual-meetings/annual-meetings.js';
import { CATEGORY_CODES } from '../assessments/assessments.js';
import { countedMeetings } from '../desk/verifications.js';
import { type RegionScope, type RollupRow, coopInRegion } from './region-scope.js';

export type CategoryCounts = Record<(typeof CATEGORY_CODES)[number], number>;
const emptyCounts = (): CategoryCounts => Object.fromEntries(CATEGORY_CODES.map((c) => [c, 0])) as CategoryCounts;

export type DistrictRef = RollupRow;

/**
 * Health of the registry in a year: for each cooperative its latest finalized assessment assessed
 * in that year, counted by category, in total and per kecamatan.
 */
export async function healthOfYear(deps: AppDeps, year: number, scope: RegionScope) {
  const districts = scope.rows;
  const rows = await deps.db.kysely
    .selectFrom('assessments as a')
    .innerJoin('cooperatives as c', 'c.id', 'a.cooperative_id')
    .select([
      'a.cooperative_id',
      'a.category',
      'a.assessed_on',
      'a.finalized_at',
      'c.district_code',
      'c.authority_level',
    ])
    .where(coopInRegion(scope))
    .where('a.status', '=', 'FINAL')
    .where('a.assessed_on', '>=', `${year}-01-01`)
    .where('a.assessed_on', '<=', `${year}-12-31`)
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const prev = latest.get(r.cooperative_id);
    if (!prev || `${r.assessed_on}${r.finalized_at}` > `${prev.assessed_on}${prev.finalized_at}`)
      latest.set(r.cooperative_id, r);
  }
  const total = emptyCounts();
  const byDistrict = new Map(districts.map((d) => [d.code, emptyCounts()]));
  for (const r of latest.values()) {
    const cat = r.category as keyof CategoryCounts;
    if (!(cat in total)) continue;
    total[cat]++;
    const d = byDistrict.get(scope.bucket(r.district_code, r.authority_level ?? 'KABUPATEN') ?? '');
    if (d) d[cat]++;
  }
  return {
    ...total,
    assessed: latest.size,
    byDistrict: districts.map((d) => ({ ...d, ...byDistrict.get(d.code)! })),
  };
}

interface CoopRow {
  id: string;
  district_code: string;
  authority_level?: string;
  legal_entity_date: string | null;
  created_at: string;
  status: string;
}

/**
 * RAT compliance in a year Y: the RATs due in Y are those of fiscal year Y−1. Per kecamatan: how
 * many cooperatives owed one, how many held it (and on time), the rate; plus how many are active
 * (a RAT in the last three due years) as of the end of Y (or today, for the current year).
 */
export async function ratOfYear(deps: AppDeps, year: number, scope: RegionScope, today: string) {
  const db = deps.db.kysely;
  const districts = scope.rows;
  const coops: CoopRow[] = await db
    .selectFrom('cooperatives as c')
    .select(['c.id', 'c.district_code', 'c.authority_level', 'c.legal_entity_date', 'c.created_at', 'c.status'])
    .where(coopInRegion(scope))
    .where('c.status', '!=', 'DIBUBARKAN')
    .execute();
  // Verified RATs with quorum only: a cooperative's unverified filing does not move the dashboard.
  const { meetings: byCoop } = await countedMeetings(db);
  const grace = await graceMonths(deps);
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  const fy = year - 1;
  const zero = () => ({ due: 0, held: 0, onTime: 0, active: 0, cooperatives: 0, warnings: 0 });
  const per = new Map(districts.map((d) => [d.code, zero()]));
  const total = zero();
  for (const c of coops) {
    const founded = c.legal_entity_date ?? c.created_at.slice(0, 10);
    if (founded > asOf) continue;
    const result = ratCompliance(byCoop.get(c.id) ?? [], founded, asOf, grace);
    const row = per.get(scope.bucket(c.district_code, c.authority_level ?? 'KABUPATEN') ?? '');
    // The totals count every cooperative of the scope (a kecamatan has no rows below it).
    for (const d of row ? [row, total] : [total]) {
      d.cooperatives++;
      if (result.active) d.active++;
      if (result.warnings.some((w) => w.code !== 'ODS_REPORT_LATE')) d.warnings++;
      const y = result.years.find((x) => x.fiscalYear === fy);
      if (!y) continue;
      if (y.status === 'NOT_YET_DUE' && !y.heldOn) continue;
      d.due++;
      if (y.heldOn) d.held++;
      if (y.status === 'ON_TIME') d.onTime++;
    }
  }
  const rate = (held: number, due: number) => (due === 0 ? null : Math.round((held / due) * 1000) / 10);
  const byDistrict = districts.map((d) => {
    const v = per.get(d.code)!;
    return { ...d, ...v, rate: rate(v.held, v.due) };
  });
  return {
    fiscalYear: fy,
    asOf,
    due: total.due,
    held: total.held,
    onTime: total.onTime,
    rate: rate(total.held, total.due),
    active: total.active,
    cooperatives: total.cooperatives,
    withWarnings: total.warnings,
    byDistrict,
  };
}
