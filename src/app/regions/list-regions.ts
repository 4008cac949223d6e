import { villageKind } from '../../domain/cooperative.js';
import { notFound } from '../../domain/errors.js';
import type { AppDeps } from '../context.js';

export interface Region { code: string; name: string }

export async function listDistricts(deps: AppDeps): Promise<Region[]> {
  return deps.db.kysely
    .selectFrom('districts')
    .select(['code', 'name'])
    .where('regency_code', '=', deps.config.region)
    .orderBy('code')
    .execute();
}

export async function listVillages(deps: AppDeps, districtCode: string): Promise<(Region & { kind: 'DESA' | 'KELURAHAN' })[]> {
  const district = await deps.db.kysely
    .selectFrom('districts')
    .select('code')
    .where('code', '=', districtCode)
    .where('regency_code', '=', deps.config.region)
    .executeTakeFirst();
  if (!district) throw notFound('Kecamatan');
  const rows = await deps.db.kysely
    .selectFrom('villages')
    .select(['code', 'name'])
    .where('district_code', '=', districtCode)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ ...r, kind: villageKind(r.code) }));
}

export async function getRegency(deps: AppDeps): Promise<Region> {
  const row = await deps.db.kysely.selectFrom('settings').select('value').where('key', '=', 'regency').executeTakeFirst();
  return row ? (JSON.parse(row.value) as Region) : { code: deps.config.region, name: deps.config.region };
}
