import { jakartaYear } from '../../domain/dates.js';
import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { KK_2021, scoreAssessment } from '../../domain/rubrics/index.js';
import { searchText } from '../../domain/cooperative.js';
import type { CoopType } from '../../domain/codes.js';
import { type AppDeps, SYSTEM_ACTOR } from '../context.js';
import { createOffice } from '../offices/offices.js';
import { demoGradedInput } from './demo-assessments.js';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, NAME_WORDS } from './names.js';

/**
 * The demo's neighbours (issue 11 point 7): the regency office of Kabupaten Lumajang (35.08) with a
 * small registry of its own, and the East Java province office (35) with a few cooperatives under
 * provincial authority whose members live in several regencies. Loaded after the Probolinggo demo,
 * only when the demo's first office is Kabupaten Probolinggo (35.13). All names here are demo data.
 */
export const LUMAJANG = '35.08';
export const JAWA_TIMUR = '35';

const LUMAJANG_PROFILE = {
  name: 'Dinas Koperasi dan Usaha Mikro',
  shortName: 'Diskop UM',
  government: 'Pemerintah Kabupaten Lumajang',
  address: 'Kabupaten Lumajang, Jawa Timur',
  city: 'Lumajang',
  headName: 'Dra. Endang Sulistyowati, M.M.',
  headNip: '197003121996032004',
  headRank: 'Pembina Utama Muda, IV/c',
  headPosition: 'Kepala Dinas',
  legalBasis: [
    'Undang-Undang Nomor 25 Tahun 1992 tentang Perkoperasian sebagaimana telah diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023;',
    'Peraturan Menteri Koperasi dan Usaha Kecil dan Menengah Nomor 9 Tahun 2020 tentang Pengawasan Koperasi;',
    'Program pembinaan koperasi Kabupaten Lumajang tahun berjalan.',
  ],
};
const PROVINCE_PROFILE = {
  name: 'Dinas Koperasi dan Usaha Kecil dan Menengah',
  shortName: 'Dinas Koperasi dan UKM',
  government: 'Pemerintah Provinsi Jawa Timur',
  address: 'Provinsi Jawa Timur',
  city: 'Surabaya',
  headName: 'Ir. Bambang Setiyo Utomo, M.T.',
  headNip: '196808151994031009',
  headRank: 'Pembina Utama Madya, IV/d',
  headPosition: 'Kepala Dinas',
  legalBasis: [
    'Undang-Undang Nomor 25 Tahun 1992 tentang Perkoperasian sebagaimana telah diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023;',
    'Peraturan Menteri Koperasi dan Usaha Kecil dan Menengah Nomor 9 Tahun 2020 tentang Pengawasan Koperasi.',
  ],
};

/** Province-authority cooperatives: [name, type, village of the address, regencies their members live in]. */
const PROVINCIAL: [string, CoopType, string, string][] = [
  ['KSP Tapal Kuda Sejahtera', 'SIMPAN_PINJAM', '35.13.07.2001', 'Kabupaten Probolinggo, Lumajang dan Jember'],
  ['Koperasi Produsen Susu Tengger Raya', 'PRODUSEN', '35.08.05.2001', 'Kabupaten Lumajang, Probolinggo dan Pasuruan'],
  ['KSPPS Bina Umat Jawa Timur', 'SIMPAN_PINJAM', '35.13.19.2001', 'Kabupaten Probolinggo, Situbondo dan Bondowoso'],
];

const LUMAJANG_NAMES: [string, CoopType][] = [
  ['KUD', 'PRODUSEN'],
  ['Kopwan', 'SIMPAN_PINJAM'],
  ['KSU', 'KONSUMEN'],
  ['Koperasi Petani Pisang Agung', 'PRODUSEN'],
  ['KPRI Guru', 'KONSUMEN'],
  ['Koperasi Pasir Semeru', 'JASA'],
  ['KSP', 'SIMPAN_PINJAM'],
  ['Koperasi Pemasaran Kopi', 'PEMASARAN'],
];

function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (a: number, b: number) => a + Math.floor(next() * (b - a + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`;
  return { next, int, pick, uuid };
}
type Rng = ReturnType<typeof rng>;

const person = (r: Rng, female: boolean) => `${r.pick(female ? FEMALE_NAMES : MALE_NAMES)} ${r.pick(FAMILY_NAMES)}`;
const day = (y: number, r: Rng) =>
  `${y}-${String(r.int(1, 11)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;

export async function seedNeighbours(deps: AppDeps): Promise<void> {
  const db = deps.db.kysely;
  const first = await db
    .selectFrom('offices')
    .select(['id', 'level', 'region_code', 'created_at'])
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!first || first.level !== 'KABUPATEN' || first.region_code !== '35.13') return;
  const exists = await db.selectFrom('offices').select('id').where('region_code', '=', LUMAJANG).executeTakeFirst();
  if (exists) return;
  const r = rng(35_08);
  const at = deps.now().toISOString();
  const thisYear = jakartaYear(deps.now());

  const lumajang = await createOffice(deps, SYSTEM_ACTOR, {
    level: 'KABUPATEN',
    regionCode: LUMAJANG,
    ...LUMAJANG_PROFILE,
  });
  const province = await createOffice(deps, SYSTEM_ACTOR, {
    level: 'PROVINSI',
    regionCode: JAWA_TIMUR,
    ...PROVINCE_PROFILE,
  });
  // The first office stays first (it owns every row from before offices), even under a frozen clock.
  const later = (ms: number) => new Date(Date.parse(first.created_at) + ms).toISOString();
  await db
    .updateTable('offices')
    .set({ created_at: later(1000) })
    .where('id', '=', lumajang.id)
    .execute();
  await db
    .updateTable('offices')
    .set({ created_at: later(2000) })
    .where('id', '=', province.id)
    .execute();

  // Same password as every demo account: reuse the hash made for the Probolinggo users.
  const hash = await db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'pimpinan')
    .executeTakeFirst();
  if (!hash) return;
  const user = (
    username: string,
    fullName: string,
    [role, bidang]: [string, string | null],
    officeId: string,
    position: string,
  ) => ({
    id: r.uuid(),
    username,
    full_name: fullName,
    role,
    bidang,
    cooperative_id: null,
    password_hash: hash.password_hash,
    must_change_password: 0,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    created_at: at,
    updated_at: at,
    office_id: officeId,
    nip: `19${r.int(75, 95)}0${r.int(1, 9)}${r.int(10, 28)}20${r.int(10, 20)}0${r.int(1, 2)}100${r.int(1, 9)}`,
    rank: 'Penata, III/c',
    position,
  });
  const users = [
    user(
      'admin.lumajang',
      'Admin Dinas Lumajang (demo)',
      ['admin', null],
      lumajang.id,
      'Pranata Komputer Ahli Pertama',
    ),
    user(
      'petugas.lumajang',
      'Petugas Koperasi Lumajang (demo)',
      ['petugas', 'koperasi'],
      lumajang.id,
      'Pengawas Koperasi Ahli Muda',
    ),
    user('provinsi', 'Pimpinan Dinas Provinsi (demo)', ['pimpinan', null], province.id, 'Sekretaris Dinas'),
    user('admin.provinsi', 'Admin Dinas Provinsi (demo)', ['admin', null], province.id, 'Pranata Komputer Ahli Muda'),
  ];
  const officer = users[1]!;
  const provinceOfficer = users[3]!;

  // Lumajang's kecamatan and villages, from the region data (real codes).
  const villages = await db
    .selectFrom('villages as v')
    .innerJoin('districts as d', 'd.code', 'v.district_code')
    .select(['v.code', 'v.name', 'v.district_code', 'd.name as district_name'])
    .where('d.regency_code', '=', LUMAJANG)
    .orderBy('v.code')
    .execute();
  if (villages.length === 0) return;
  const districtCodes = [...new Set(villages.map((v) => v.district_code))].slice(0, 12);

  type Row<T extends keyof Database> = Insertable<Database[T]>;
  const coops: Row<'cooperatives'>[] = [];
  const meetings: Row<'annual_meetings'>[] = [];
  const assessments: Row<'assessments'>[] = [];
  const visits: Row<'visits'>[] = [];
  const team: Row<'visit_team'>[] = [];
  const concerns: Row<'concerns'>[] = [];
  const followUps: Row<'follow_ups'>[] = [];
  const targets: Row<'program_targets'>[] = [];
  const programId = r.uuid();

  const addCoop = (
    name: string,
    type: CoopType,
    village: (typeof villages)[number],
    officeId: string,
    authority: 'KABUPATEN' | 'PROVINSI',
    members: number,
  ) => {
    const id = r.uuid();
    const legal = `${r.int(1985, 2020)}-0${r.int(1, 9)}-1${r.int(0, 9)}`;
    coops.push({
      id,
      name,
      name_search: searchText(name, null),
      nik: null,
      legal_entity_number: `${r.int(100, 999)}/BH/XVI/${legal.slice(0, 4)}`,
      legal_entity_date: legal,
      legal_entity_amendment_date: null,
      type,
      group_code: name.startsWith('KUD')
        ? 'KUD'
        : name.startsWith('Kopwan')
          ? 'KOPWAN'
          : name.startsWith('KPRI')
            ? 'KPRI'
            : 'LAINNYA',
      scheme: name.startsWith('KSPPS') ? 'SYARIAH' : 'KONVENSIONAL',
      status: 'AKTIF',
      dissolved_reason: null,
      dissolved_at: null,
      street: `Dusun ${r.pick(['Krajan', 'Sumberejo', 'Karanganyar', 'Tegalrejo'])}`,
      district_code: village.district_code,
      village_code: village.code,
      latitude: null,
      longitude: null,
      phone: null,
      email: null,
      simkopdes_id: null,
      members_male: Math.round(members * 0.55),
      members_female: members - Math.round(members * 0.55),
      employees_male: r.int(0, 3),
      employees_female: r.int(0, 3),
      authority_level: authority,
      office_id: officeId,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    // RAT: most held on time each year, some missed.
    for (const fy of [thisYear - 3, thisYear - 2, thisYear - 1]) {
      if (r.next() < 0.2) continue;
      const held = new Date(Date.UTC(fy + 1, 0, r.int(20, 160))).toISOString().slice(0, 10);
      if (held > at.slice(0, 10)) continue;
      meetings.push({
        id: r.uuid(),
        cooperative_id: id,
        fiscal_year: fy,
        held_on: held,
        place: null,
        members_present: Math.ceil(members * 0.7),
        members_total: members,
        quorum_required: Math.ceil(members / 2),
        agenda: JSON.stringify({
          accountabilityReport: true,
          financialStatementsApproved: true,
          supervisorsReport: true,
          shuDistribution: true,
          workPlanBudget: true,
          elections: false,
        }),
        documents: null,
        reported_to_ods_on: null,
        notes: null,
        version: 1,
        created_at: at,
        updated_at: at,
      });
    }
    return id;
  };

  const addVisitWork = (coopId: string, officeId: string, leaderId: string, year: number, inProgram: boolean) => {
    const visitId = r.uuid();
    const date = day(year, r);
    if (date > at.slice(0, 10)) return;
    visits.push({
      id: visitId,
      cooperative_id: coopId,
      office_id: officeId,
      program_id: inProgram ? programId : null,
      annual_meeting_id: null,
      visit_date: date,
      start_time: '09:00',
      end_time: '11:30',
      purposes: JSON.stringify(['PEMBINAAN', 'PENGAWASAN']),
      status: 'done',
      cancel_reason: null,
      findings: JSON.stringify({
        kelembagaan: 'Pengurus lengkap; RAT terakhir diselenggarakan.',
        usaha: 'Usaha berjalan; pemasaran masih terbatas.',
        keuangan: 'Pembukuan manual, perlu dirapikan.',
        pengawasanInternal: null,
      }),
      checklist: null,
      gps_lat: null,
      gps_lng: null,
      gps_accuracy: null,
      gps_at: null,
      approved_by: null,
      approved_at: null,
      completed_at: `${date}T05:00:00.000Z`,
      cancelled_at: null,
      created_by: leaderId,
      version: 1,
      created_at: `${date}T01:00:00.000Z`,
      updated_at: `${date}T05:00:00.000Z`,
    });
    team.push({ visit_id: visitId, user_id: leaderId, position: 0, leader: 1 });
    if (r.next() < 0.6) {
      const concernId = r.uuid();
      const topic = r.pick(['permodalan', 'pemasaran', 'kelembagaan', 'sdm', 'perizinan'] as const);
      concerns.push({
        id: concernId,
        cooperative_id: coopId,
        visit_id: visitId,
        kind: 'PERMASALAHAN',
        topic,
        description: r.pick([
          'Modal kerja tidak cukup untuk musim panen.',
          'Pemasaran hasil anggota masih lewat tengkulak.',
          'Pengurus belum pernah mengikuti pelatihan perkoperasian.',
          'Izin usaha unit pengolahan belum diurus.',
        ]),
        raised_by: `${person(r, r.next() < 0.4)} (ketua)`,
        severity: r.pick(['rendah', 'sedang', 'tinggi'] as const),
        status: 'open',
        response: null,
        seen_at: null,
        seen_by: null,
        created_by: leaderId,
        version: 1,
        created_at: `${date}T05:00:00.000Z`,
        updated_at: `${date}T05:00:00.000Z`,
      });
      const deadline = new Date(Date.parse(date) + r.int(30, 200) * 86_400_000).toISOString().slice(0, 10);
      followUps.push({
        id: r.uuid(),
        cooperative_id: coopId,
        visit_id: visitId,
        concern_id: concernId,
        aspect: null,
        recommendation: 'Mendampingi pengurus menyusun rencana usaha dan pembukuan.',
        responsible_kind: 'BIDANG',
        responsible_bidang: 'koperasi',
        responsible_user_id: null,
        deadline,
        monitoring_plan: null,
        status: r.next() < 0.3 ? 'done' : 'open',
        progress_note: null,
        evidence_note: null,
        evidence_photo_id: null,
        evidence_document: null,
        cancel_reason: null,
        closed_at: null,
        created_by: leaderId,
        version: 1,
        created_at: `${date}T05:00:00.000Z`,
        updated_at: `${date}T05:00:00.000Z`,
      });
    }
  };

  const ra = rng(2021);
  const addAssessment = (coopId: string, assessorId: string, assessorName: string) => {
    const year = r.next() < 0.5 ? 2025 : thisYear;
    const fy = year - 1;
    const inputs = demoGradedInput(ra, ra.next(), KK_2021);
    const result = scoreAssessment(KK_2021, inputs);
    if (!result.complete || !result.category) return;
    const on = `${year}-0${r.int(2, 9)}-1${r.int(0, 9)}`;
    if (on > at.slice(0, 10)) return;
    assessments.push({
      id: r.uuid(),
      cooperative_id: coopId,
      fiscal_year: fy,
      rubric: KK_2021.id,
      rubric_version: KK_2021.version,
      statement_id: null,
      inputs: JSON.stringify(inputs),
      result: JSON.stringify(result),
      total: result.total,
      category: result.category.code,
      status: 'FINAL',
      assessor_id: assessorId,
      assessor_name: assessorName,
      assessed_on: on,
      finalized_at: `${on}T03:00:00.000Z`,
      version: 1,
      created_at: at,
      updated_at: at,
    });
  };

  // Lumajang: three cooperatives in each of twelve kecamatan.
  for (const [i, district] of districtCodes.entries()) {
    const inDistrict = villages.filter((v) => v.district_code === district);
    targets.push({ id: r.uuid(), program_id: programId, district_code: district, target: 2 });
    for (let k = 0; k < 3; k++) {
      const village = r.pick(inDistrict);
      const [prefix, type] = LUMAJANG_NAMES[(i * 3 + k) % LUMAJANG_NAMES.length]!;
      const name =
        prefix.split(' ').length > 1 ? `${prefix} ${village.name}` : `${prefix} ${r.pick(NAME_WORDS)} ${village.name}`;
      const id = addCoop(name, type, village, lumajang.id, 'KABUPATEN', r.int(30, 400));
      if (k < 2 && r.next() < 0.7) addVisitWork(id, lumajang.id, officer.id, 2025, true);
      if (k === 0) addVisitWork(id, lumajang.id, officer.id, thisYear, false);
      if (r.next() < 0.5) addAssessment(id, officer.id, officer.full_name);
    }
  }

  // Under provincial authority: members in several regencies, supervised by the province office.
  const allVillages = await db
    .selectFrom('villages as v')
    .select(['v.code', 'v.name', 'v.district_code'])
    .where(
      'v.code',
      'in',
      PROVINCIAL.map((p) => p[2]),
    )
    .execute();
  for (const [name, type, villageCode, area] of PROVINCIAL) {
    const village = allVillages.find((v) => v.code === villageCode);
    if (!village) continue;
    const id = addCoop(name, type, { ...village, district_name: '' }, province.id, 'PROVINSI', r.int(800, 2500));
    coops[coops.length - 1]!.street = `Wilayah keanggotaan: ${area}`;
    addVisitWork(id, province.id, provinceOfficer.id, 2025, false);
    addAssessment(id, provinceOfficer.id, provinceOfficer.full_name);
  }

  await db.transaction().execute(async (trx) => {
    await chunks(trx, 'users', users);
    await trx
      .insertInto('programs')
      .values({
        id: programId,
        office_id: lumajang.id,
        name: 'Pembinaan Koperasi Lumajang 2025',
        period_start: '2025-01-01',
        period_end: '2025-12-31',
        description: 'Kunjungan pembinaan dan pengawasan koperasi (demo).',
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await chunks(trx, 'program_targets', targets);
    await chunks(trx, 'cooperatives', coops);
    await chunks(trx, 'annual_meetings', meetings);
    await chunks(trx, 'assessments', assessments);
    await chunks(trx, 'visits', visits);
    await chunks(trx, 'visit_team', team);
    await chunks(trx, 'concerns', concerns);
    await chunks(trx, 'follow_ups', followUps);
    await chunks(
      trx,
      'audit_events',
      coops.map((c) => ({
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
  });
}

async function chunks<T extends keyof Database & string>(
  trx: Transaction<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
) {
  for (let i = 0; i < rows.length; i += 100) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + 100) as never)
      .execute();
  }
}
