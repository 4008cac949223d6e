import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { forbidden, invalid, notFound } from '../../domain/errors.js';
import type { Actor, Tx } from '../context.js';
import { type AuthorityLevel, authoritiesOfRegion, regionWithinReach } from '../policy/dashboard.js';
import { areaOf } from '../policy/reach.js';

export type RegionLevel = 'NASIONAL' | 'PROVINSI' | 'KABUPATEN' | 'KECAMATAN';

export interface RegionRef {
  level: RegionLevel;
  code: string;
  name: string;
}

/** A row of a roll-up: a region one level below, or the cooperatives under the region's own authority. */
export interface RollupRow {
  code: string;
  name: string;
  kind: 'AREA' | 'AUTHORITY';
}

/**
 * What a dashboard, priority list or recap of a region counts (issue 11 point 5): the cooperatives
 * located in `region` whose authority level is one of `authorities`; `rows` the roll-up below it and
 * `bucket` which row a cooperative falls in.
 */
export interface RegionScope {
  region: RegionRef;
  /** From the actor's office area down to the region, the region last. */
  path: RegionRef[];
  rowLevel: Exclude<RegionLevel, 'NASIONAL'> | null;
  rows: RollupRow[];
  authorities: AuthorityLevel[];
  bucket(districtCode: string, authority: string): string | null;
}

const AUTHORITY_ROW: Record<'PROVINSI' | 'NASIONAL', RollupRow> = {
  PROVINSI: { code: 'PROVINSI', name: 'Kewenangan provinsi', kind: 'AUTHORITY' },
  NASIONAL: { code: 'NASIONAL', name: 'Kewenangan nasional', kind: 'AUTHORITY' },
};

function levelOf(code: string): RegionLevel | null {
  if (code === '') return 'NASIONAL';
  if (/^\d{2}$/.test(code)) return 'PROVINSI';
  if (/^\d{2}\.\d{2}$/.test(code)) return 'KABUPATEN';
  if (/^\d{2}\.\d{2}\.\d{2}$/.test(code)) return 'KECAMATAN';
  return null;
}

async function nameOf(db: Tx, level: RegionLevel, code: string): Promise<string | null> {
  if (level === 'NASIONAL') return 'Indonesia';
  const table = level === 'PROVINSI' ? 'provinces' : level === 'KABUPATEN' ? 'regencies' : 'districts';
  const r = await db
    .selectFrom(table as 'provinces')
    .select('name')
    .where('code', '=', code)
    .executeTakeFirst();
  return r?.name ?? null;
}

/**
 * The scope of `region` for this actor: `region` defaults to the actor's office area; a region
 * outside the office's reach is refused (FORBIDDEN), an unknown one is NOT_FOUND.
 */
export async function regionScope(db: Tx, actor: Actor, region: string | undefined): Promise<RegionScope> {
  const reach = await areaOf(db, actor);
  const code = region ?? reach.code;
  const level = levelOf(code);
  if (!level) throw invalid({ region: 'Kode wilayah tidak dikenal.' });
  if (!regionWithinReach(reach, code)) throw forbidden('Wilayah ini di luar jangkauan kantor Anda.');
  const name = await nameOf(db, level, code);
  if (name === null) throw notFound('Wilayah');

  // The breadcrumb: from the office's own area down to the region.
  const path: RegionRef[] = [];
  const parts = code === '' ? [] : code.split('.');
  const prefixes = ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('.'))];
  for (const p of prefixes) {
    if (!regionWithinReach(reach, p)) continue;
    const l = levelOf(p)!;
    path.push({ level: l, code: p, name: p === code ? name : ((await nameOf(db, l, p)) ?? p) });
  }

  const authorities = authoritiesOfRegion(code);
  let rowLevel: RegionScope['rowLevel'] = null;
  let rows: RollupRow[] = [];
  let bucket: RegionScope['bucket'] = () => null;
  if (level === 'NASIONAL') {
    rowLevel = 'PROVINSI';
    const provinces = await db.selectFrom('provinces').select(['code', 'name']).orderBy('code').execute();
    rows = [...provinces.map((p) => ({ ...p, kind: 'AREA' as const })), AUTHORITY_ROW.NASIONAL];
    bucket = (d, a) => (a === 'NASIONAL' ? 'NASIONAL' : d.slice(0, 2));
  } else if (level === 'PROVINSI') {
    rowLevel = 'KABUPATEN';
    const regencies = await db
      .selectFrom('regencies')
      .select(['code', 'name'])
      .where('province_code', '=', code)
      .orderBy('code')
      .execute();
    rows = [...regencies.map((r) => ({ ...r, kind: 'AREA' as const })), AUTHORITY_ROW.PROVINSI];
    bucket = (d, a) => (a === 'PROVINSI' ? 'PROVINSI' : d.slice(0, 5));
  } else if (level === 'KABUPATEN') {
    rowLevel = 'KECAMATAN';
    const districts = await db
      .selectFrom('districts')
      .select(['code', 'name'])
      .where('regency_code', '=', code)
      .orderBy('code')
      .execute();
    rows = districts.map((r) => ({ ...r, kind: 'AREA' as const }));
    bucket = (d) => d;
  }
  return { region: { level, code, name }, path, rowLevel, rows, authorities, bucket };
}

/**
 * The SQL condition "this cooperative counts in the scope", over a kecamatan code and an authority
 * level expression (a cooperative's columns, or a program target's kecamatan and its office's level).
 */
export function inRegion(
  scope: RegionScope,
  districtCode: Expression<unknown> | RawBuilder<unknown>,
  authority: Expression<unknown> | RawBuilder<unknown>,
): RawBuilder<SqlBool> {
  const code = scope.region.code;
  const levels = sql`${authority} in (${sql.join(scope.authorities)})`;
  if (scope.region.level === 'NASIONAL') return sql<SqlBool>`${levels}`;
  if (scope.region.level === 'KECAMATAN') return sql<SqlBool>`(${districtCode} = ${code} and ${levels})`;
  return sql<SqlBool>`(${districtCode} like ${`${code}.%`} and ${levels})`;
}

/** `inRegion` over a cooperatives table aliased `alias`. */
export function coopInRegion(scope: RegionScope, alias = 'c'): RawBuilder<SqlBool> {
  return inRegion(scope, sql.ref(`${alias}.district_code`), sql.ref(`${alias}.authority_level`));
}
