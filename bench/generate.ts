/**
 * Synthetic registry for the benchmark: N cooperatives (with four officers each) spread over every
 * village of the configured regency, with the demo's type/group mix and word lists.
 *
 * Library:    await generateCooperatives(deps.db, { n: 200_000, region: '35.13' })
 * Standalone: node --import tsx bench/generate.ts --n 200000 --db sqlite:/tmp/x.db
 *             node --import tsx bench/generate.ts --n 1200 --db postgres://postgres@127.0.0.1:5432/test --schema my_schema
 *
 * The database must already be migrated and hold the regions (openApp does both). Rows are written
 * with batched multi-row INSERTs inside one transaction; batches stay under SQLite's 32,766 bound
 * variables and PostgreSQL's 65,535 parameters.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type Insertable, type Transaction, sql } from 'kysely';
import { openApp } from '../src/app/bootstrap.js';
import {
  FAMILY_NAMES,
  FEMALE_NAMES,
  MALE_NAMES,
  NAME_WORDS,
  PESANTREN_WORDS,
  SCHOOL_WORDS,
  STREETS,
} from '../src/app/demo/names.js';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/connect.js';
import type { CooperativeTable, Database, OfficerTable } from '../src/db/schema.js';
import type { CoopGroup, CoopType } from '../src/domain/codes.js';
import { searchText } from '../src/domain/cooperative.js';

/** mulberry32, so a given seed always yields the same registry (ids aside). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
export type Rng = ReturnType<typeof rng>;

/** Same mix as the demo's registry. */
const TYPE_MIX: [CoopType, number][] = [
  ['KONSUMEN', 555],
  ['SIMPAN_PINJAM', 129],
  ['PRODUSEN', 94],
  ['JASA', 4],
  ['PEMASARAN', 3],
];
const TYPE_TOTAL = TYPE_MIX.reduce((s, [, w]) => s + w, 0);
const GROUPS_BY_TYPE: Record<CoopType, CoopGroup[]> = {
  KONSUMEN: [
    'KPRI',
    'KPRI',
    'KOPKAR',
    'KOPONTREN',
    'KOPERASI_SEKOLAH',
    'KOPERASI_PASAR',
    'KSU',
    'KSU',
    'KOPWAN',
    'LAINNYA',
  ],
  SIMPAN_PINJAM: ['KOPWAN', 'KOPWAN', 'KSU', 'LAINNYA', 'KPRI'],
  PRODUSEN: ['KUD', 'KUD', 'LAINNYA', 'KSU'],
  JASA: ['LAINNYA', 'KSU'],
  PEMASARAN: ['KUD', 'LAINNYA'],
};
/** In the demo about 44% of the rows are Koperasi Desa/Kelurahan Merah Putih (one per village). */
const KDKMP_SHARE = 0.4;
const NIK_SHARE = 0.85;
const OFFICER_ROLES = ['KETUA', 'SEKRETARIS', 'BENDAHARA', 'PENGAWAS'] as const;

function pickType(r: Rng): CoopType {
  let x = r.next() * TYPE_TOTAL;
  for (const [t, w] of TYPE_MIX) {
    if (x < w) return t;
    x -= w;
  }
  return 'KONSUMEN';
}

function coopName(r: Rng, group: CoopGroup, type: CoopType, v: VillageRow): string {
  const village = v.name;
  const district = v.district_name;
  switch (group) {
    case 'KUD':
      return `KUD ${r.pick(NAME_WORDS)}${r.next() < 0.5 ? ` ${village}` : ''}`;
    case 'KOPWAN':
      return `Kopwan ${r.pick(['Melati', 'Mawar', 'Kartini', 'Srikandi', 'Cempaka', 'Anggrek', 'Sekar Arum', 'Putri Mandiri'])} ${village}`;
    case 'KPRI':
      return `KPRI ${r.pick(['Guru', 'Pegawai Puskesmas', 'Pegawai Kecamatan', 'Guru SD', 'Bhakti'])} ${district}`;
    case 'KOPKAR':
      return `Kopkar ${r.pick(['PT Tani Makmur', 'Pabrik Gula Wonolangan', 'PT Sinar Bromo', 'Karyawan RSUD', 'PLTU Paiton'])}`;
    case 'KOPONTREN':
      return `Kopontren ${r.pick(PESANTREN_WORDS)}${r.next() < 0.5 ? ` ${village}` : ''}`;
    case 'KOPERASI_SEKOLAH':
      return `Koperasi Sekolah ${r.pick(SCHOOL_WORDS)} ${district}`;
    case 'KOPERASI_PASAR':
      return `Koperasi Pedagang Pasar ${r.next() < 0.5 ? village : district}`;
    case 'KSU':
      return `KSU ${r.pick(NAME_WORDS)}${r.next() < 0.5 ? ` ${village}` : ''}`;
    case 'KDKMP':
      return `Koperasi ${isKelurahan(v) ? 'Kelurahan' : 'Desa'} Merah Putih ${village}`;
    default:
      return type === 'SIMPAN_PINJAM'
        ? `KSP ${r.pick(NAME_WORDS)} ${village}`
        : `Koperasi ${r.pick(NAME_WORDS)} ${village}`;
  }
}

/** Kemendagri codes: 35.13.07.1xxx is a kelurahan, 35.13.07.2xxx a desa. */
function isKelurahan(v: VillageRow): boolean {
  return v.code.split('.')[3]?.startsWith('1') ?? false;
}

function person(r: Rng, female: boolean): string {
  return `${r.pick(female ? FEMALE_NAMES : MALE_NAMES)} ${r.pick(FAMILY_NAMES)}`;
}

function date(r: Rng, fromYear: number, toYear: number): string {
  const y = r.int(fromYear, toYear);
  return `${y}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}

/**
 * A NIK that is unique per row index: 3513 + a 12-digit number obtained by multiplying the index
 * by a constant coprime with 10^12 (a bijection on 0..10^12-1), so it looks scattered.
 */
function nikFor(index: number): string {
  const x = (BigInt(index) * 7_919_393n + 104_729n) % 1_000_000_000_000n;
  return `3513${x.toString().padStart(12, '0')}`;
}

export interface GenerateOptions {
  n: number;
  /** Regency whose villages receive the rows (default: every village in the database). */
  region?: string;
  seed?: number;
  now?: Date;
  /** Called after each batch with the number of cooperatives written so far. */
  progress?: (done: number) => void;
}

export interface GenerateResult {
  ids: string[];
  officers: number;
  ms: number;
}

interface VillageRow {
  code: string;
  name: string;
  district_code: string;
  district_name: string;
}

/** Bulk-inserts `n` synthetic cooperatives with their officers; returns the new ids. */
export async function generateCooperatives(db: Db, opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const k = db.kysely;
  let vq = k
    .selectFrom('villages as v')
    .innerJoin('districts as d', 'd.code', 'v.district_code')
    .select(['v.code', 'v.name', 'v.district_code', 'd.name as district_name'])
    .orderBy('v.code');
  if (opts.region) vq = vq.where('d.regency_code', '=', opts.region);
  const villages: VillageRow[] = await vq.execute();
  if (villages.length === 0)
    throw new Error('no villages in the database: run openApp (which loads the regions) first');
  // Row indexes continue after the existing rows, so a second run never repeats a NIK.
  const existing = Number(
    (
      await k
        .selectFrom('cooperatives')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

  const r = rng(opts.seed ?? 2025);
  const now = opts.now ?? new Date();
  const thisYear = now.getUTCFullYear();
  // Points inside the demo regency's bounding box (as the demo scatters them).
  const bbox = { minLat: -8.2, maxLat: -7.6, minLng: 112.8, maxLng: 113.65 };
  const lat = () => Math.round((bbox.minLat + (0.15 + r.next() * 0.7) * (bbox.maxLat - bbox.minLat)) * 1e6) / 1e6;
  const lng = () => Math.round((bbox.minLng + (0.1 + r.next() * 0.8) * (bbox.maxLng - bbox.minLng)) * 1e6) / 1e6;
  const nowMs = now.getTime();
  const ids: string[] = [];
  let officerCount = 0;

  // Bound parameters per statement: SQLite allows 32,766, PostgreSQL 65,535.
  const maxParams = db.dialect === 'sqlite' ? 32_000 : 65_000;
  // On PostgreSQL a batch is one array per column, so the row count is not bound by parameters.
  const coopBatch = db.dialect === 'sqlite' ? Math.floor(maxParams / Object.keys(COOP_COLUMNS).length) : 4_000;
  const officerBatch = db.dialect === 'sqlite' ? Math.floor(maxParams / Object.keys(OFFICER_COLUMNS).length) : 20_000;

  // A large page cache while loading (random UUID keys touch pages all over the B-trees); the
  // connection's default is restored afterwards so the benchmark measures the app's settings.
  let restoreCache: string | null = null;
  if (db.dialect === 'sqlite') {
    const row = (await sql<{ cache_size: number }>`pragma cache_size`.execute(k)).rows[0];
    restoreCache = String(row?.cache_size ?? -2000);
    await sql`pragma cache_size = -524288`.execute(k);
  }
  try {
    await k.transaction().execute(async (trx) => {
      let coops: Insertable<CooperativeTable>[] = [];
      let officers: Insertable<OfficerTable>[] = [];
      // One batch in flight while the next is built: on PostgreSQL the server inserts while Node
      // generates (with SQLite the driver is synchronous and this simply runs in order).
      let pending: Promise<void> = Promise.resolve();
      const flush = async () => {
        const batchCoops = coops;
        const batchOfficers = officers;
        coops = [];
        officers = [];
        await pending;
        pending = (async () => {
          // Parents first: officers reference cooperatives (foreign keys are checked on both databases).
          if (batchCoops.length) await insertRows(trx, db.dialect, 'cooperatives', COOP_COLUMNS, batchCoops);
          for (let j = 0; j < batchOfficers.length; j += officerBatch) {
            await insertRows(
              trx,
              db.dialect,
              'cooperative_officers',
              OFFICER_COLUMNS,
              batchOfficers.slice(j, j + officerBatch),
            );
          }
        })();
        pending.catch(() => {}); // surfaced by the next await of `pending`
      };

      for (let i = 0; i < opts.n; i++) {
        const index = existing + i;
        // Every village gets its share; the walk order is scrambled so neighbours in the table differ.
        const village = villages[(index * 7_919) % villages.length]!;
        const kdkmp = r.next() < KDKMP_SHARE;
        const type: CoopType = kdkmp ? (r.next() < 0.8 ? 'KONSUMEN' : 'PRODUSEN') : pickType(r);
        const group: CoopGroup = kdkmp ? 'KDKMP' : r.pick(GROUPS_BY_TYPE[type]);
        const name = coopName(r, group, type, village);
        const nik = r.next() < NIK_SHARE ? nikFor(index) : null;
        const members = r.int(group === 'KPRI' ? 40 : 20, group === 'KUD' ? 900 : 400);
        const femaleBoard = group === 'KOPWAN';
        const membersFemale = femaleBoard ? members : Math.round(members * (0.2 + r.next() * 0.5));
        const roll = r.next();
        const status = kdkmp ? 'AKTIF' : roll < 0.025 ? 'DIBUBARKAN' : roll < 0.2 ? 'TIDAK_AKTIF' : 'AKTIF';
        const created = new Date(nowMs - r.int(0, 6 * 365) * 86_400_000 - r.int(0, 86_399_999));
        const updated = new Date(Math.min(nowMs, created.getTime() + r.int(0, 3 * 365) * 86_400_000));
        const withCoords = r.next() < 0.65;
        const id = randomUUID();
        ids.push(id);
        coops.push({
          id,
          name,
          name_search: searchText(name, nik),
          nik,
          legal_entity_number: kdkmp
            ? `AHU-${r.int(10000, 99999)}.AH.01.29.TAHUN 2025`
            : `${r.int(100, 999)}/BH/XVI/${r.int(1980, 2022)}`,
          legal_entity_date: kdkmp ? date(r, 2025, 2025) : date(r, 1980, 2022),
          legal_entity_amendment_date: r.next() < 0.2 ? date(r, 2015, 2024) : null,
          type,
          group_code: group,
          scheme: group === 'KOPONTREN' || r.next() < 0.08 ? 'SYARIAH' : 'KONVENSIONAL',
          status,
          dissolved_reason: status === 'DIBUBARKAN' ? 'Tidak melaksanakan RAT tiga tahun buku berturut-turut.' : null,
          dissolved_at: status === 'DIBUBARKAN' ? date(r, 2021, 2024) : null,
          street: kdkmp
            ? `Kantor ${isKelurahan(village) ? 'Kelurahan' : 'Desa'} ${village.name}`
            : `${r.pick(STREETS)} No. ${r.int(1, 120)}`,
          district_code: village.district_code,
          village_code: village.code,
          latitude: withCoords ? lat() : null,
          longitude: withCoords ? lng() : null,
          phone: r.next() < 0.8 ? `08${r.int(11, 59)}${r.int(1000_0000, 9999_9999)}` : null,
          email: null,
          simkopdes_id: kdkmp ? `SIMKOPDES-${village.code.replaceAll('.', '')}-${index}` : null,
          members_male: members - membersFemale,
          members_female: membersFemale,
          employees_male: r.int(0, 4),
          employees_female: r.int(0, 4),
          version: 1,
          created_at: created.toISOString(),
          updated_at: updated.toISOString(),
        });
        const start = date(r, thisYear - 4, thisYear - 1);
        const end = `${Number(start.slice(0, 4)) + 5}${start.slice(4)}`;
        OFFICER_ROLES.forEach((role, position) => {
          officers.push({
            id: randomUUID(),
            cooperative_id: id,
            position,
            role,
            name: person(r, femaleBoard || r.next() < 0.3),
            phone: r.next() < 0.7 ? `08${r.int(11, 59)}${r.int(1000_0000, 9999_9999)}` : null,
            term_start: start,
            term_end: end,
          });
        });
        officerCount += OFFICER_ROLES.length;
        if (coops.length >= coopBatch) {
          // Parents first: officers reference cooperatives (foreign keys are on in SQLite).
          await flush();
          opts.progress?.(i + 1);
        }
      }
      await flush();
      await pending;
    });
  } finally {
    if (restoreCache !== null) await sql.raw(`pragma cache_size = ${Number(restoreCache)}`).execute(k);
  }
  // Office reach (issue 11): every cooperative belongs to its regency's office when there is one,
  // else to the first office, as a cooperative registered by that office would.
  await sql`update cooperatives set office_id = (select o.id from offices o
      where o.level = 'KABUPATEN' and o.region_code = substr(cooperatives.district_code, 1, 5))
    where office_id is null`.execute(k);
  await sql`update cooperatives set office_id = (select id from offices order by created_at, id limit 1)
    where office_id is null`.execute(k);
  if (db.dialect === 'postgres') {
    // What autovacuum does shortly after a bulk load: statistics for the planner and the visibility
    // map (index-only scans). Without it the first minutes after the load would be measured.
    await sql`vacuum analyze cooperatives`.execute(k);
    await sql`vacuum analyze cooperative_officers`.execute(k);
  }
  opts.progress?.(opts.n);
  return { ids, officers: officerCount, ms: performance.now() - started };
}

/** Column → PostgreSQL array element type, in insert order. */
// office_id is filled after the load (its regency's office, else the first); authority_level keeps KABUPATEN.
const COOP_COLUMNS: Record<Exclude<keyof CooperativeTable, 'office_id' | 'authority_level'>, string> = {
  id: 'text',
  name: 'text',
  name_search: 'text',
  nik: 'text',
  legal_entity_number: 'text',
  legal_entity_date: 'text',
  legal_entity_amendment_date: 'text',
  type: 'text',
  group_code: 'text',
  scheme: 'text',
  status: 'text',
  dissolved_reason: 'text',
  dissolved_at: 'text',
  street: 'text',
  district_code: 'text',
  village_code: 'text',
  latitude: 'float8',
  longitude: 'float8',
  phone: 'text',
  email: 'text',
  simkopdes_id: 'text',
  members_male: 'int4',
  members_female: 'int4',
  employees_male: 'int4',
  employees_female: 'int4',
  version: 'int4',
  created_at: 'text',
  updated_at: 'text',
};
const OFFICER_COLUMNS: Record<keyof OfficerTable, string> = {
  id: 'text',
  cooperative_id: 'text',
  position: 'int4',
  role: 'text',
  name: 'text',
  phone: 'text',
  term_start: 'text',
  term_end: 'text',
};

/**
 * One batch. SQLite: a multi-row INSERT … VALUES (the caller keeps rows × columns under the
 * variable limit). PostgreSQL: INSERT … SELECT FROM unnest($1::text[], …), one array parameter per
 * column, which parses and plans once per batch instead of once per 65,535 placeholders.
 */
async function insertRows<T extends 'cooperatives' | 'cooperative_officers'>(
  trx: Transaction<Database>,
  dialect: Db['dialect'],
  table: T,
  columns: Record<string, string>,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  if (dialect === 'sqlite') {
    await trx
      .insertInto(table)
      .values(rows as never)
      .execute();
    return;
  }
  const names = Object.keys(columns);
  const arrays = names.map((c) => rows.map((r) => (r as Record<string, unknown>)[c] ?? null));
  const args = sql.join(names.map((c, i) => sql`${arrays[i]}::${sql.raw(columns[c]!)}[]`));
  await sql`insert into ${sql.table(table)} (${sql.join(names.map((c) => sql.ref(c)))}) select * from unnest(${args})`.execute(
    trx,
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '1200' },
      db: { type: 'string', default: 'sqlite:./data/bench.db' },
      schema: { type: 'string' },
      seed: { type: 'string' },
      'admin-password': { type: 'string' },
    },
  });
  const n = Number(values.n);
  if (!Number.isInteger(n) || n < 1) throw new Error('--n must be a positive integer');
  const config = loadConfig({
    DATABASE_URL: values.db,
    SAMBANG_DEMO: '0',
    SAMBANG_LOG_LEVEL: 'silent',
    ...(values['admin-password'] ? { SAMBANG_ADMIN_PASSWORD: values['admin-password'] } : {}),
  });
  const { deps, generatedAdminPassword } = await openApp(config, values.schema ? { schema: values.schema } : {});
  try {
    if (generatedAdminPassword) console.log(`admin password (generated): ${generatedAdminPassword}`);
    const res = await generateCooperatives(deps.db, {
      n,
      region: config.region,
      ...(values.seed ? { seed: Number(values.seed) } : {}),
      progress: (done) => process.stdout.write(`\r${done.toLocaleString('en')} / ${n.toLocaleString('en')}`),
    });
    process.stdout.write('\n');
    console.log(
      `inserted ${res.ids.length.toLocaleString('en')} cooperatives and ${res.officers.toLocaleString('en')} officers in ${(res.ms / 1000).toFixed(1)} s`,
    );
  } finally {
    await deps.db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
