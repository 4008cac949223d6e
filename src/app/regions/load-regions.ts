import { createRequire } from 'node:module';
import { CompiledQuery } from 'kysely';
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { AppDeps, Tx } from '../context.js';

export const REGION_SOURCE =
  'Data wilayah: paket npm idn-area-data (Fityan Nugroho), berdasarkan Keputusan Menteri Dalam Negeri tentang kode dan data wilayah administrasi pemerintahan (2025); data berlisensi Open Database License (ODbL).';

/** The settings key recording which release of the region data the tables hold. */
export const REGIONS_KEY = 'regions';

/** The installed idn-area-data release: a new release (a new Kepmendagri) is loaded again at start. */
export function regionDataVersion(): string {
  const pkg = createRequire(import.meta.url)('idn-area-data/package.json') as { version: string };
  return `idn-area-data@${pkg.version}`;
}

export interface RegionCounts {
  provinces: number;
  regencies: number;
  districts: number;
  villages: number;
}

/** Rows per INSERT: 3 columns × 1,000 rows stays far below SQLite's and PostgreSQL's parameter limits. */
const BATCH = 1000;

/**
 * Multi-row INSERTs written once per batch size (no query builder per row: 84,000 villages would
 * spend seconds there). A database from before this loader holds one regency's kecamatan and
 * villages already, and a new data release may rename a place: keep the code, take the new name.
 */
async function insertAll(
  trx: Tx,
  postgres: boolean,
  table: 'provinces' | 'regencies' | 'districts' | 'villages',
  columns: string[],
  rows: string[][],
): Promise<void> {
  const statement = (n: number) => {
    let p = 0;
    const tuples = Array.from({ length: n }, () => `(${columns.map(() => (postgres ? `$${++p}` : '?')).join(', ')})`);
    return `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')} on conflict (code) do update set name = excluded.name`;
  };
  const full = statement(BATCH);
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await trx.executeQuery(CompiledQuery.raw(batch.length === BATCH ? full : statement(batch.length), batch.flat()));
  }
}

/**
 * Loads all of Indonesia's provinces, regencies, kecamatan and villages from the idn-area-data package
 * into the database, in one transaction with multi-row inserts. Does nothing (without reading the
 * package's files) when this release is loaded already.
 */
export async function loadRegions(deps: AppDeps): Promise<RegionCounts | null> {
  const db = deps.db.kysely;
  const version = regionDataVersion();
  const loaded = await db.selectFrom('settings').select('value').where('key', '=', REGIONS_KEY).executeTakeFirst();
  if (loaded && (JSON.parse(loaded.value) as { version?: string }).version === version) return null;

  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const counts: RegionCounts = {
    provinces: provinces.length,
    regencies: regencies.length,
    districts: districts.length,
    villages: villages.length,
  };
  const value = JSON.stringify({ version, ...counts, loadedAt: deps.now().toISOString() });
  await db.transaction().execute(async (trx) => {
    const pg = deps.db.dialect === 'postgres';
    await insertAll(
      trx,
      pg,
      'provinces',
      ['code', 'name'],
      provinces.map((p) => [p.code, p.name]),
    );
    await insertAll(
      trx,
      pg,
      'regencies',
      ['code', 'province_code', 'name'],
      regencies.map((r) => [r.code, r.province_code, r.name]),
    );
    await insertAll(
      trx,
      pg,
      'districts',
      ['code', 'regency_code', 'name'],
      districts.map((d) => [d.code, d.regency_code, d.name]),
    );
    await insertAll(
      trx,
      pg,
      'villages',
      ['code', 'district_code', 'name'],
      villages.map((v) => [v.code, v.district_code, v.name]),
    );
    await trx
      .insertInto('settings')
      .values({ key: REGIONS_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  });
  return counts;
}
