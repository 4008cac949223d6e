import { jakartaYear } from '../../domain/dates.js';
import type { Insertable } from 'kysely';
import type {
  AnnualMeetingTable,
  AssessmentTable,
  BusinessUnitTable,
  CooperativeTable,
  Database,
  FinancialStatementTable,
  OfficerTable,
  YearlyFigureTable,
} from '../../db/schema.js';
import { KK_2021, KSP_2016, scoreAssessment } from '../../domain/rubrics/index.js';
import type { AssessmentInput, RubricDefinition } from '../../domain/rubrics/types.js';
import { demoGradedInput, demoKspInput } from './demo-assessments.js';
import { seedDemoVisits } from './seed-visits.js';
import { DEMO_PASSWORD, DEWI_RENGGANIS_ID } from './demo-ids.js';
import { seedDemoOffice } from './demo-office.js';
import { seedNeighbours } from './seed-neighbours.js';
import type { CoopGroup, CoopType, UnitSector } from '../../domain/codes.js';
import { searchText } from '../../domain/cooperative.js';
import { hashPassword } from '../auth/passwords.js';
import type { AppDeps } from '../context.js';
import type { Bbox } from '../../config.js';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, NAME_WORDS, PESANTREN_WORDS, SCHOOL_WORDS, STREETS } from './names.js';
import type { Transaction } from 'kysely';

const DEMO_ASSESSOR_ID = '5a3c9e10-2b7d-4c1f-9e8a-1d2f3b4c5d60';
const RANUAGUNG = '35.13.07.2008';

/** mulberry32: a small seeded generator, so every demo database is the same. */
function rng(seed: number) {
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
    uuid: () => {
      const h = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
      h[12] = '4';
      h[16] = ((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16);
      const s = h.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}
type Rng = ReturnType<typeof rng>;

/** 2019 type mix of Kab. Probolinggo (DOMAIN.md §5): konsumen 555, simpan pinjam 129, produsen 94, jasa 4, pemasaran 3. */
const TYPE_MIX: [CoopType, number][] = [
  ['KONSUMEN', 555],
  ['SIMPAN_PINJAM', 129],
  ['PRODUSEN', 94],
  ['JASA', 4],
  ['PEMASARAN', 3],
];

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

function person(r: Rng, female: boolean): string {
  return `${r.pick(female ? FEMALE_NAMES : MALE_NAMES)} ${r.pick(FAMILY_NAMES)}`;
}

function coopName(r: Rng, group: CoopGroup, type: CoopType, villageName: string, districtName: string): string {
  switch (group) {
    case 'KUD':
      return `KUD ${r.pick(NAME_WORDS)}`;
    case 'KOPWAN':
      return `Kopwan ${r.pick(['Melati', 'Mawar', 'Kartini', 'Srikandi', 'Cempaka', 'Anggrek', 'Sekar Arum', 'Putri Mandiri'])} ${villageName}`;
    case 'KPRI':
      return `KPRI ${r.pick(['Guru', 'Pegawai Puskesmas', 'Pegawai Kecamatan', 'Guru SD', 'Bhakti'])} ${districtName}`;
    case 'KOPKAR':
      return `Kopkar ${r.pick(['PT Tani Probolinggo', 'Pabrik Gula Wonolangan', 'PT Sinar Bromo', 'Karyawan RSUD', 'PLTU Paiton'])}`;
    case 'KOPONTREN':
      return `Kopontren ${r.pick(PESANTREN_WORDS)}`;
    case 'KOPERASI_SEKOLAH':
      return `Koperasi Sekolah ${r.pick(SCHOOL_WORDS)} ${districtName}`;
    case 'KOPERASI_PASAR':
      return `Koperasi Pedagang Pasar ${districtName}`;
    case 'KOPMA':
      return `Kopma ${r.pick(['Universitas Nurul Jadid', 'STIE Probolinggo', 'Politeknik Probolinggo'])}`;
    case 'KSU':
      return `KSU ${r.pick(NAME_WORDS)}`;
    default:
      return type === 'SIMPAN_PINJAM' ? `KSP ${r.pick(NAME_WORDS)}` : `Koperasi ${r.pick(NAME_WORDS)} ${villageName}`;
  }
}

function nik(r: Rng): string {
  return `3513${String(r.int(0, 999_999_999_999)).padStart(12, '0')}`;
}

function date(r: Rng, fromYear: number, toYear: number): string {
  const y = r.int(fromYear, toYear);
  return `${y}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}

/**
 * The demo regency's map extent (Kabupaten Probolinggo: about 7°40'–8°10' S, 112°50'–113°35' E, with a
 * margin). Demo data only: a real office sets its extent in its profile or with SAMBANG_REGION_BBOX.
 */
export const DEMO_BBOX: Record<string, Bbox> = {
  '35.13': { minLat: -8.2, maxLat: -7.6, minLng: 112.8, maxLng: 113.65 },
};

/** The demo regency's office gets the demo map extent when it has none (so coordinates are checked as before). */
export async function applyDemoBbox(deps: AppDeps): Promise<void> {
  const demoBbox = DEMO_BBOX[deps.config.region];
  if (!demoBbox) return;
  await deps.db.kysely
    .updateTable('offices')
    .set({ bbox: JSON.stringify(demoBbox) })
    .where('bbox', 'is', null)
    .where('level', '=', 'KABUPATEN')
    .where('region_code', '=', deps.config.region)
    .execute();
}

/** Scatter a point near the regency's middle, inside its bounding box. */
function coords(r: Rng, deps: AppDeps): [number, number] | [null, null] {
  const b = deps.config.bbox ?? DEMO_BBOX[deps.config.region];
  if (!b || r.next() < 0.35) return [null, null];
  const lat = b.minLat + 0.15 * (b.maxLat - b.minLat) + r.next() * 0.7 * (b.maxLat - b.minLat);
  const lng = b.minLng + 0.1 * (b.maxLng - b.minLng) + r.next() * 0.8 * (b.maxLng - b.minLng);
  return [Math.round(lat * 1e6) / 1e6, Math.round(lng * 1e6) / 1e6];
}

interface Batch {
  coops: Insertable<CooperativeTable>[];
  officers: Insertable<OfficerTable>[];
  figures: Insertable<YearlyFigureTable>[];
  units: Insertable<BusinessUnitTable>[];
  meetings: Insertable<AnnualMeetingTable>[];
}

const FULL_AGENDA = JSON.stringify({
  accountabilityReport: true,
  financialStatementsApproved: true,
  supervisorsReport: true,
  shuDistribution: true,
  workPlanBudget: true,
  elections: false,
});

/** A RAT for fiscal year `fy`, held `daysAfter` days after the year ended, reported to ODS `reportDays` later (null: not reported). */
function meeting(
  r: Rng,
  coopId: string,
  fy: number,
  daysAfter: number,
  members: number,
  reportDays: number | null,
  at: string,
): Insertable<AnnualMeetingTable> {
  const held = new Date(Date.UTC(fy + 1, 0, daysAfter)).toISOString().slice(0, 10);
  const present = Math.max(1, Math.round(members * (0.55 + r.next() * 0.35)));
  return {
    id: r.uuid(),
    cooperative_id: coopId,
    fiscal_year: fy,
    held_on: held,
    place: null,
    members_present: present,
    members_total: members,
    quorum_required: Math.ceil(members / 2),
    agenda: FULL_AGENDA,
    documents: null,
    reported_to_ods_on:
      reportDays === null ? null : new Date(Date.parse(held) + reportDays * 86_400_000).toISOString().slice(0, 10),
    notes: null,
    version: 1,
    created_at: at,
    updated_at: at,
  };
}

function addFigures(r: Rng, b: Batch, coopId: string, members: number, years: number[], at: string, scale: number) {
  let assets = Math.round(members * r.int(300_000, 2_500_000) * scale);
  for (const fy of years) {
    assets = Math.round(assets * (0.95 + r.next() * 0.2));
    const own = Math.round(assets * (0.35 + r.next() * 0.4));
    const volume = Math.round(assets * (0.6 + r.next() * 1.2));
    b.figures.push({
      id: r.uuid(),
      cooperative_id: coopId,
      fiscal_year: fy,
      assets,
      own_capital: own,
      external_capital: assets - own,
      business_volume: volume,
      shu: Math.round(volume * (r.next() * 0.08 - 0.01)),
      members_male: null,
      members_female: null,
      updated_at: at,
    });
  }
}

const UNIT_BY_TYPE: Record<CoopType, [UnitSector, string][]> = {
  KONSUMEN: [
    ['TOKO', 'Toko/waserda anggota'],
    ['JASA', 'Pembayaran listrik dan pulsa'],
    ['SIMPAN_PINJAM', 'Unit simpan pinjam'],
  ],
  SIMPAN_PINJAM: [
    ['SIMPAN_PINJAM', 'Simpan pinjam anggota'],
    ['TOKO', 'Toko sembako'],
  ],
  PRODUSEN: [
    ['PERTANIAN', 'Penggilingan padi'],
    ['PENGOLAHAN', 'Olahan mangga dan anggur'],
    ['PETERNAKAN', 'Penggemukan sapi'],
    ['PERIKANAN', 'Budidaya bandeng'],
  ],
  JASA: [['JASA', 'Jasa angkutan wisata Bromo']],
  PEMASARAN: [
    ['PERTANIAN', 'Pemasaran bawang merah'],
    ['KERAJINAN', 'Pemasaran batik Probolinggo'],
  ],
};

/**
 * Loads the demo registry and accounts into an empty database. Returns false when data exists already.
 * `neighbours: false` leaves out the neighbouring regency and province offices (a database as made before
 * offices existed, for the upgrade test).
 */
export async function seedDemo(deps: AppDeps, opts: { neighbours?: boolean } = {}): Promise<boolean> {
  const db = deps.db.kysely;
  const existing = await db.selectFrom('cooperatives').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const r = rng(35_13);
  const at = deps.now().toISOString();
  const villages = await db
    .selectFrom('villages as v')
    .innerJoin('districts as d', 'd.code', 'v.district_code')
    .select(['v.code', 'v.name', 'v.district_code', 'd.name as district_name'])
    .where('d.regency_code', '=', deps.config.region)
    .orderBy('v.code')
    .execute();
  if (villages.length === 0) return false;
  const b: Batch = { coops: [], officers: [], figures: [], units: [], meetings: [] };
  const thisYear = jakartaYear(deps.now());
  const years = [thisYear - 3, thisYear - 2, thisYear - 1];

  const addOfficers = (coopId: string, femaleBoard: boolean) => {
    const roles = ['KETUA', 'SEKRETARIS', 'BENDAHARA', 'PENGAWAS'] as const;
    const start = date(r, thisYear - 4, thisYear - 1);
    const end = `${Number(start.slice(0, 4)) + 5}${start.slice(4)}`;
    roles.forEach((role, i) => {
      const female = femaleBoard || r.next() < 0.3;
      b.officers.push({
        id: r.uuid(),
        cooperative_id: coopId,
        position: i,
        role,
        name: person(r, female),
        phone: r.next() < 0.7 ? `08${r.int(11, 59)}${r.int(1000_0000, 9999_9999)}` : null,
        term_start: start,
        term_end: end,
      });
    });
  };

  // Kopwan Dewi Rengganis, Desa Ranuagung, Kecamatan Tiris: visited at its RAT on 19 January 2025.
  const ranuagung = villages.find((v) => v.code === RANUAGUNG);
  if (ranuagung) {
    b.coops.push({
      id: DEWI_RENGGANIS_ID,
      name: 'Kopwan Dewi Rengganis',
      name_search: searchText('Kopwan Dewi Rengganis', '3513070200012345'),
      nik: '3513070200012345',
      legal_entity_number: '188.4/125/BH/XVI.20/426.113/2012',
      legal_entity_date: '2012-03-14',
      legal_entity_amendment_date: '2021-08-02',
      type: 'SIMPAN_PINJAM',
      group_code: 'KOPWAN',
      scheme: 'KONVENSIONAL',
      status: 'AKTIF',
      dissolved_reason: null,
      dissolved_at: null,
      street: 'Dusun Krajan RT 02 RW 01',
      district_code: ranuagung.district_code,
      village_code: RANUAGUNG,
      latitude: -7.9583,
      longitude: 113.3921,
      phone: '085233104512',
      email: null,
      simkopdes_id: null,
      members_male: 0,
      members_female: 214,
      employees_male: 0,
      employees_female: 3,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    addOfficers(DEWI_RENGGANIS_ID, true);
    addFigures(r, b, DEWI_RENGGANIS_ID, 214, years, at, 1);
    // The launch of Gerakan Sambang Koperasi: the team visited during this RAT on 19 January 2025.
    for (const [fy, day] of [
      [2021, 26],
      [2022, 22],
      [2023, 21],
      [2024, 19],
    ] as const) {
      const m = meeting(r, DEWI_RENGGANIS_ID, fy, day, 214 - (2024 - fy) * 6, 14, at);
      b.meetings.push(fy === 2024 ? { ...m, place: 'Balai Desa Ranuagung, Kecamatan Tiris', members_present: 176 } : m);
    }
    b.units.push(
      {
        id: r.uuid(),
        cooperative_id: DEWI_RENGGANIS_ID,
        name: 'Simpan pinjam anggota',
        sector: 'SIMPAN_PINJAM',
        status: 'EXISTING',
        turnover: 640_000_000,
        employees: 2,
        permit_nib: '9120001234567',
        permit_pirt: null,
        permit_halal: null,
        needs: 'Pencatatan pinjaman masih manual; perlu aplikasi akuntansi sederhana.',
        created_at: at,
        updated_at: at,
      },
      {
        id: r.uuid(),
        cooperative_id: DEWI_RENGGANIS_ID,
        name: 'Olahan kopi Tiris',
        sector: 'PENGOLAHAN',
        status: 'PLANNED',
        turnover: null,
        employees: null,
        permit_nib: null,
        permit_pirt: null,
        permit_halal: null,
        needs: 'Butuh PIRT dan sertifikat halal, mesin sangrai, serta pendampingan pemasaran.',
        created_at: at,
        updated_at: at,
      },
    );
  }

  // Regular cooperatives: 420 with the 2019 type mix, spread over every kecamatan.
  const N = 420;
  const totalWeight = TYPE_MIX.reduce((s, [, w]) => s + w, 0);
  const types: CoopType[] = [];
  for (const [t, w] of TYPE_MIX) for (let i = 0; i < Math.max(1, Math.round((w / totalWeight) * N)); i++) types.push(t);
  const districtCodes = [...new Set(villages.map((v) => v.district_code))];
  types.forEach((type, i) => {
    const district = districtCodes[i % districtCodes.length]!;
    const inDistrict = villages.filter((v) => v.district_code === district);
    const village = r.pick(inDistrict);
    const group = r.pick(GROUPS_BY_TYPE[type]);
    const name = coopName(r, group, type, village.name, village.district_name);
    const id = r.uuid();
    const female = group === 'KOPWAN';
    const members = r.int(group === 'KPRI' ? 40 : 20, group === 'KUD' ? 900 : 400);
    const membersFemale = female ? members : Math.round(members * (0.2 + r.next() * 0.5));
    const roll = r.next();
    const status = roll < 0.025 ? 'DIBUBARKAN' : roll < 0.2 ? 'TIDAK_AKTIF' : 'AKTIF';
    const n = r.next() < 0.85 ? nik(r) : null;
    const [lat, lng] = coords(r, deps);
    const legalDate = date(r, 1980, 2022);
    b.coops.push({
      id,
      name,
      name_search: searchText(name, n),
      nik: n,
      legal_entity_number: `${r.int(100, 999)}/BH/XVI/${legalDate.slice(0, 4)}`,
      legal_entity_date: legalDate,
      legal_entity_amendment_date: null,
      type,
      group_code: group,
      scheme: group === 'KOPONTREN' || r.next() < 0.08 ? 'SYARIAH' : 'KONVENSIONAL',
      status,
      dissolved_reason: status === 'DIBUBARKAN' ? 'Tidak melaksanakan RAT tiga tahun buku berturut-turut.' : null,
      dissolved_at: status === 'DIBUBARKAN' ? date(r, 2021, 2024) : null,
      street: `${r.pick(STREETS)} No. ${r.int(1, 120)}`,
      district_code: district,
      village_code: village.code,
      latitude: lat,
      longitude: lng,
      phone: r.next() < 0.8 ? `08${r.int(11, 59)}${r.int(1000_0000, 9999_9999)}` : null,
      email: null,
      simkopdes_id: null,
      members_male: members - membersFemale,
      members_female: membersFemale,
      employees_male: r.int(0, 4),
      employees_female: r.int(0, 4),
      version: 1,
      created_at: at,
      updated_at: at,
    });
    addOfficers(id, female);
    if (status !== 'DIBUBARKAN') addFigures(r, b, id, members, status === 'AKTIF' ? years : years.slice(0, 1), at, 1);
    // RAT history: active ones mostly on time with some late or missed years; inactive ones stopped.
    const ratYears = [thisYear - 4, thisYear - 3, ...years.slice(1)].filter(
      (fy) => fy >= Number(legalDate.slice(0, 4)),
    );
    const stopAfter = status === 'AKTIF' ? Number.POSITIVE_INFINITY : thisYear - (r.next() < 0.5 ? 4 : 3);
    for (const fy of ratYears) {
      if (fy > stopAfter || (status === 'AKTIF' && r.next() < 0.12)) continue;
      const heldDay = r.next() < 0.85 ? r.int(15, 175) : r.int(185, 330);
      if (new Date(Date.UTC(fy + 1, 0, heldDay)) > deps.now()) continue;
      b.meetings.push(
        meeting(
          r,
          id,
          fy,
          heldDay,
          members,
          r.next() < 0.85 ? r.int(3, 28) : r.next() < 0.5 ? r.int(35, 90) : null,
          at,
        ),
      );
    }
    const [sector, unitName] = r.pick(UNIT_BY_TYPE[type]);
    b.units.push({
      id: r.uuid(),
      cooperative_id: id,
      name: unitName,
      sector,
      status: 'EXISTING',
      turnover: r.int(20, 900) * 1_000_000,
      employees: r.int(0, 6),
      permit_nib: r.next() < 0.5 ? String(r.int(9_100_000_000_000, 9_199_999_999_999)) : null,
      permit_pirt: sector === 'PENGOLAHAN' && r.next() < 0.5 ? `P-IRT ${r.int(2_000_000_000, 2_999_999_999)}` : null,
      permit_halal: null,
      needs:
        r.next() < 0.4
          ? r.pick(['Tambahan modal kerja', 'Perluasan pemasaran', 'Pelatihan pembukuan', 'Izin PIRT dan halal'])
          : null,
      created_at: at,
      updated_at: at,
    });
  });

  // Koperasi Desa/Kelurahan Merah Putih: one per village, formed in 2025.
  for (const v of villages) {
    const kelurahan = v.code.split('.')[3]!.startsWith('1');
    const name = `Koperasi ${kelurahan ? 'Kelurahan' : 'Desa'} Merah Putih ${v.name}`;
    const id = r.uuid();
    const members = r.int(25, 180);
    const formed = `2025-${String(r.int(5, 7)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    b.coops.push({
      id,
      name,
      name_search: searchText(name, null),
      nik: null,
      legal_entity_number: `AHU-${r.int(10000, 99999)}.AH.01.29.TAHUN 2025`,
      legal_entity_date: formed,
      legal_entity_amendment_date: null,
      type: r.next() < 0.8 ? 'KONSUMEN' : 'PRODUSEN',
      group_code: 'KDKMP',
      scheme: 'KONVENSIONAL',
      status: 'AKTIF',
      dissolved_reason: null,
      dissolved_at: null,
      street: `Kantor ${kelurahan ? 'Kelurahan' : 'Desa'} ${v.name}`,
      district_code: v.district_code,
      village_code: v.code,
      latitude: null,
      longitude: null,
      phone: null,
      email: null,
      simkopdes_id: `SIMKOPDES-${v.code.replaceAll('.', '')}`,
      members_male: Math.round(members * 0.6),
      members_female: members - Math.round(members * 0.6),
      employees_male: 0,
      employees_female: 0,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    addOfficers(id, false);
  }

  // Health assessments: savings-and-loan cooperatives on ksp-2016 over three years (with trends),
  // other active ones on kk-2021 for the last year; all four categories appear.
  const ra = rng(2016);
  const statements: Insertable<FinancialStatementTable>[] = [];
  const assessments: Insertable<AssessmentTable>[] = [];
  const assess = (
    coopId: string,
    fy: number,
    rubric: RubricDefinition,
    inputs: AssessmentInput,
    statementId: string | null,
  ) => {
    const result = scoreAssessment(rubric, inputs);
    if (!result.complete || !result.category) return;
    const assessedOn = new Date(Date.UTC(fy + 1, 1, 1 + Math.floor(ra.next() * 120))).toISOString().slice(0, 10);
    if (assessedOn > at.slice(0, 10)) return;
    assessments.push({
      id: ra.uuid(),
      cooperative_id: coopId,
      fiscal_year: fy,
      rubric: rubric.id,
      rubric_version: rubric.version,
      statement_id: statementId,
      inputs: JSON.stringify(inputs),
      result: JSON.stringify(result),
      total: result.total,
      category: result.category.code,
      status: 'FINAL',
      assessor_id: DEMO_ASSESSOR_ID,
      assessor_name: 'Petugas Bidang Koperasi (demo)',
      assessed_on: assessedOn,
      finalized_at: `${assessedOn}T03:00:00.000Z`,
      version: 1,
      created_at: at,
      updated_at: at,
    });
  };
  const kspCoops = b.coops.filter((c) => c.type === 'SIMPAN_PINJAM' && c.status !== 'DIBUBARKAN');
  for (const c of kspCoops) {
    const members = c.members_male + c.members_female;
    let q = c.id === DEWI_RENGGANIS_ID ? 0.3 : ra.next();
    const drift = c.id === DEWI_RENGGANIS_ID ? 0.18 : (ra.next() - 0.45) * 0.3;
    for (const fy of years) {
      const inputs = demoKspInput(ra, Math.min(1, Math.max(0, q)), members * (2_000_000 + ra.next() * 6_000_000));
      const sid = ra.uuid();
      statements.push({
        id: sid,
        cooperative_id: c.id,
        fiscal_year: fy,
        lines: JSON.stringify(inputs.financials),
        source: 'FORM',
        version: 1,
        created_at: at,
        updated_at: at,
        updated_by: DEMO_ASSESSOR_ID,
      });
      if (c.id === DEWI_RENGGANIS_ID || ra.next() < 0.8) assess(c.id, fy, KSP_2016, inputs, sid);
      q += drift;
    }
  }
  for (const c of b.coops.filter(
    (x) => x.type !== 'SIMPAN_PINJAM' && x.group_code !== 'KDKMP' && x.status === 'AKTIF',
  )) {
    if (ra.next() < 0.15)
      assess(c.id, years[years.length - 1]!, KK_2021, demoGradedInput(ra, ra.next(), KK_2021), null);
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await insertChunks(trx, 'cooperatives', b.coops);
    await insertChunks(trx, 'cooperative_officers', b.officers);
    await insertChunks(trx, 'yearly_figures', b.figures);
    await insertChunks(trx, 'business_units', b.units);
    await insertChunks(trx, 'annual_meetings', b.meetings);
    await insertChunks(
      trx,
      'audit_events',
      b.coops.map((c) => ({
        id: r.uuid(),
        at,
        actor_id: null,
        actor_name: 'Data demo',
        action: 'cooperative.create',
        entity_type: 'cooperative',
        entity_id: c.id,
        cooperative_id: c.id,
        changes: JSON.stringify({ name: { before: null, after: c.name } }),
      })),
    );
    const users = [
      { username: 'pimpinan', full_name: 'Kepala Dinas (demo)', role: 'pimpinan', bidang: null, cooperative_id: null },
      {
        id: DEMO_ASSESSOR_ID,
        username: 'petugas.koperasi',
        full_name: 'Petugas Bidang Koperasi (demo)',
        role: 'petugas',
        bidang: 'koperasi',
        cooperative_id: null,
      },
      {
        username: 'petugas.usahamikro',
        full_name: 'Petugas Bidang Usaha Mikro (demo)',
        role: 'petugas',
        bidang: 'usaha_mikro',
        cooperative_id: null,
      },
      {
        username: 'petugas.industri',
        full_name: 'Petugas Bidang Perindustrian (demo)',
        role: 'petugas',
        bidang: 'perindustrian',
        cooperative_id: null,
      },
      ...(ranuagung
        ? [
            {
              username: 'dewirengganis',
              full_name: 'Pengurus Kopwan Dewi Rengganis (demo)',
              role: 'koperasi',
              bidang: null,
              cooperative_id: DEWI_RENGGANIS_ID,
            },
          ]
        : []),
    ];
    for (const u of users) {
      await trx
        .insertInto('users')
        .values({
          id: r.uuid(),
          ...u,
          password_hash: passwordHash,
          must_change_password: 0,
          disabled: 0,
          failed_logins: 0,
          locked_until: null,
          last_login_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    await insertChunks(trx, 'financial_statements', statements);
    await insertChunks(trx, 'assessments', assessments);
  });
  await seedDemoVisits(deps);
  await seedDemoOffice(deps);
  if (opts.neighbours !== false) await seedNeighbours(deps);
  return true;
}

async function insertChunks<T extends keyof Database & string>(
  trx: Transaction<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
) {
  for (let i = 0; i < rows.length; i += 100) {
    // biome-ignore lint: generic insert over a table union
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + 100) as never)
      .execute();
  }
}
