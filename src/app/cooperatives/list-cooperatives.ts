import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { CooperativeTable, Database } from '../../db/schema.js';
import type { Actor, AppDeps } from '../context.js';
import { cooperativePolicy } from '../policy/index.js';
import { COOPERATIVE_SORTS, type CooperativeSort } from '../../domain/cooperative.js';

export { COOPERATIVE_SORTS, type CooperativeSort };

export interface ListCooperativesQuery {
  search?: string;
  district?: string;
  village?: string;
  type?: string;
  group?: string;
  status?: string;
  scheme?: string;
  /** KABUPATEN | PROVINSI | NASIONAL: the tier supervising the cooperative. */
  authority?: string;
  /** A province or regency code: cooperatives whose kecamatan lies in it. */
  region?: string;
  sort?: CooperativeSort;
  page: number;
  pageSize: number;
}

export interface CooperativeListItem {
  id: string;
  name: string;
  nik: string | null;
  type: string;
  group: string;
  scheme: string;
  status: string;
  district: { code: string; name: string };
  village: { code: string; name: string };
  membersMale: number;
  membersFemale: number;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** LIKE pattern for a substring, with the user's % and _ taken literally. */
export function containsPattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type WithC = Database & { c: CooperativeTable };

/** The WHERE of the list, shared by the count and the page query. */
function filters(actor: Actor, q: ListCooperativesQuery) {
  return (eb: ExpressionBuilder<WithC, 'c'>): Expression<SqlBool> => {
    const conds: Expression<SqlBool>[] = [];
    const scope = cooperativePolicy.scope(actor, 'c.id', 'c.office_id');
    if (scope) conds.push(scope);
    const term = q.search?.replace(/\s+/g, ' ').trim();
    if (term) conds.push(sql<SqlBool>`c.name_search like ${containsPattern(term)} escape '\\'`);
    if (q.district) conds.push(eb('c.district_code', '=', q.district));
    if (q.village) conds.push(eb('c.village_code', '=', q.village));
    if (q.type) conds.push(eb('c.type', '=', q.type));
    if (q.group) conds.push(eb('c.group_code', '=', q.group));
    if (q.status) conds.push(eb('c.status', '=', q.status));
    if (q.scheme) conds.push(eb('c.scheme', '=', q.scheme));
    if (q.authority) conds.push(eb('c.authority_level', '=', q.authority));
    if (q.region) conds.push(eb('c.district_code', 'like', `${q.region}.%`));
    return eb.and(conds);
  };
}

/** ORDER BY of the list; the id last makes it a total order, so pages never overlap. */
function ordering(sort: CooperativeSort): [Expression<unknown>, 'asc' | 'desc'][] {
  const dir = sort.startsWith('-') ? 'desc' : 'asc';
  const id: [Expression<unknown>, 'asc'] = [sql.ref('c.id'), 'asc'];
  switch (sort.replace('-', '')) {
    case 'updatedAt':
      return [[sql.ref('c.updated_at'), dir], id];
    case 'district':
      return [[sql.ref('c.district_code'), dir], [sql.ref('c.name'), 'asc'], id];
    case 'members':
      return [[sql`c.members_male + c.members_female`, dir], id];
    default:
      return [[sql.ref('c.name'), dir], id];
  }
}

export async function listCooperatives(
  deps: AppDeps,
  actor: Actor,
  q: ListCooperativesQuery,
): Promise<Page<CooperativeListItem>> {
  const db = deps.db.kysely;
  const where = filters(actor, q);
  const order = ordering(q.sort ?? 'name');
  const offset = (q.page - 1) * q.pageSize;

  // The page is chosen on ids alone: ordering, filters and the search text are all in the
  // cooperatives_(district_)name_search indexes, so a search walks index entries (an index-only
  // scan on PostgreSQL) and reads table rows only for the page, not for every entry it rejects.
  let pageIds = db.selectFrom('cooperatives as c').select('c.id').where(where);
  for (const [e, d] of order) pageIds = pageIds.orderBy(e, d);
  let rows = db
    .selectFrom('cooperatives as c')
    .innerJoin('districts as d', 'd.code', 'c.district_code')
    .innerJoin('villages as v', 'v.code', 'c.village_code')
    .select([
      'c.id',
      'c.name',
      'c.nik',
      'c.type',
      'c.group_code',
      'c.scheme',
      'c.status',
      'c.district_code',
      'd.name as district_name',
      'c.village_code',
      'v.name as village_name',
      'c.members_male',
      'c.members_female',
      'c.updated_at',
    ])
    .where('c.id', 'in', pageIds.limit(q.pageSize).offset(offset));
  for (const [e, d] of order) rows = rows.orderBy(e, d);
  const items = await rows.execute();

  // A short page that is not past the end is the last one, so it gives the exact total. Searches
  // that match a few rows (a NIK, a village) are answered by the page query alone; the count,
  // like the page query a scan of the whole index for a substring search, runs only when needed.
  const total =
    items.length < q.pageSize && (items.length > 0 || offset === 0)
      ? offset + items.length
      : Number(
          (
            await db
              .selectFrom('cooperatives as c')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where(where)
              .executeTakeFirstOrThrow()
          ).n,
        );
  return {
    items: items.map((r) => ({
      id: r.id,
      name: r.name,
      nik: r.nik,
      type: r.type,
      group: r.group_code,
      scheme: r.scheme,
      status: r.status,
      district: { code: r.district_code, name: r.district_name },
      village: { code: r.village_code, name: r.village_name },
      membersMale: r.members_male,
      membersFemale: r.members_female,
      updatedAt: r.updated_at,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
