import { villageKind } from '../../domain/cooperative.js';
import { notFound } from '../../domain/errors.js';
import type { AppDeps, Tx } from '../context.js';
import { oncePerTransaction } from '../tx-memo.js';

export interface Region {
  code: string;
  name: string;
}
export type Village = Region & { kind: 'DESA' | 'KELURAHAN' };

/**
 * The area this deployment's first office serves, as a code prefix: a regency ('35.13'), a
 * province ('35') or the nation (''). A kecamatan belongs to the area when its code starts with it.
 */
export interface OfficeArea {
  level: 'KABUPATEN' | 'PROVINSI' | 'NASIONAL';
  code: string;
}

export async function officeArea(db: Tx, officeId: string | null = null): Promise<OfficeArea> {
  // The given office (the user's, issue 11), else the first office.
  const o = await oncePerTransaction(db, `officeArea:${officeId ?? 'first'}`, () => {
    let q = db.selectFrom('offices').select(['level', 'region_code']);
    q = officeId ? q.where('id', '=', officeId) : q.orderBy('created_at').orderBy('id');
    return q.limit(1).executeTakeFirst();
  });
  if (!o) throw notFound('Profil kantor');
  return { level: o.level as OfficeArea['level'], code: o.level === 'NASIONAL' ? '' : (o.region_code ?? '') };
}

/** A LIKE pattern matching the codes of the kecamatan (and villages) inside the area. */
export function areaPattern(area: OfficeArea): string {
  return area.code ? `${area.code}.%` : '%';
}

/** Whether a region code (kecamatan, village, regency) lies inside an area prefix. */
export function insideArea(code: string, area: OfficeArea): boolean {
  return area.code === '' || code === area.code || code.startsWith(`${area.code}.`);
}

export async function listProvinces(deps: AppDeps): Promise<Region[]> {
  return deps.db.kysely.selectFrom('provinces').select(['code', 'name']).orderBy('code').execute();
}

export async function listRegencies(deps: AppDeps, provinceCode: string): Promise<Region[]> {
  const province = await deps.db.kysely
    .selectFrom('provinces')
    .select('code')
    .where('code', '=', provinceCode)
    .executeTakeFirst();
  if (!province) throw notFound('Provinsi');
  return deps.db.kysely
    .selectFrom('regencies')
    .select(['code', 'name'])
    .where('province_code', '=', provinceCode)
    .orderBy('code')
    .execute();
}

export async function listRegencyDistricts(deps: AppDeps, regencyCode: string): Promise<Region[]> {
  const regency = await deps.db.kysely
    .selectFrom('regencies')
    .select('code')
    .where('code', '=', regencyCode)
    .executeTakeFirst();
  if (!regency) throw notFound('Kabupaten/kota');
  return deps.db.kysely
    .selectFrom('districts')
    .select(['code', 'name'])
    .where('regency_code', '=', regencyCode)
    .orderBy('code')
    .execute();
}

/** The kecamatan of the office's area (its regency; every kecamatan of its province; all for the nation). */
export async function listDistricts(deps: AppDeps): Promise<Region[]> {
  const area = await officeArea(deps.db.kysely);
  let q = deps.db.kysely.selectFrom('districts').select(['code', 'name']);
  if (area.level === 'KABUPATEN') q = q.where('regency_code', '=', area.code);
  else if (area.level === 'PROVINSI') q = q.where('code', 'like', `${area.code}.%`);
  return q.orderBy('code').execute();
}

/** The villages of any kecamatan of the country. */
export async function listVillages(deps: AppDeps, districtCode: string): Promise<Village[]> {
  const district = await deps.db.kysely
    .selectFrom('districts')
    .select('code')
    .where('code', '=', districtCode)
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

/** A province or regency by code, from the region data; null when there is none. */
export async function regionByCode(db: Tx, code: string): Promise<Region | null> {
  const row = /^\d{2}$/.test(code)
    ? await db.selectFrom('provinces').select(['code', 'name']).where('code', '=', code).executeTakeFirst()
    : await db.selectFrom('regencies').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
  return row ?? null;
}

/** The regency a kecamatan lies in (for addresses): its name from the region data. */
export async function regencyOfDistrict(db: Tx, districtCode: string): Promise<Region> {
  const row = await db
    .selectFrom('districts as d')
    .innerJoin('regencies as r', 'r.code', 'd.regency_code')
    .select(['r.code', 'r.name'])
    .where('d.code', '=', districtCode)
    .executeTakeFirst();
  return row ?? { code: districtCode.slice(0, 5), name: '' };
}

/**
 * The area of the office, named from the region data (what `/meta` calls `regency`): its regency,
 * its province, or for a national office the country.
 */
export async function getRegency(deps: AppDeps): Promise<Region> {
  const area = await officeArea(deps.db.kysely);
  if (area.level === 'NASIONAL') return { code: '', name: 'Indonesia' };
  return (await regionByCode(deps.db.kysely, area.code)) ?? { code: area.code, name: area.code };
}
