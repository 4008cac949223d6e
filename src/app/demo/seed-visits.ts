import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  ConcernTable,
  FollowUpTable,
  MentoringSessionTable,
  ProgramTargetTable,
  UnitNeedTable,
  UnitProposalTable,
  VisitAttendeeTable,
  VisitTable,
  VisitTeamTable,
} from '../../db/schema-visits.js';
import type { AuditEventTable } from '../../db/schema.js';
import { DEFAULT_CHECKLIST } from '../../domain/visits/checklist.js';
import type { ConcernKind, ConcernTopic, FollowUpStatus, VisitPurpose } from '../../domain/visits/codes.js';
import { hashPassword } from '../auth/passwords.js';
import type { AppDeps } from '../context.js';
import { DEMO_PASSWORD, DEWI_RENGGANIS_ID } from './demo-ids.js';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from './names.js';

/** The recorded launch visit: Kopwan Dewi Rengganis at its RAT, 19 January 2025. */
export const DEWI_VISIT_ID = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e02';
export const SAMBANG_2025_PROGRAM_ID = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e03';
const KEPALA_DINAS_ID = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e04';

/** mulberry32, as the registry demo uses: the same database every time. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    shuffle: <T>(xs: readonly T[]): T[] => {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    uuid: () => {
      const h = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
      h[12] = '4';
      h[16] = ((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16);
      const s = h.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** 09:00 in Jakarta on a date, as a UTC instant. */
const jakartaAt = (date: string, hour = 9) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + (hour - 7) * 3_600_000).toISOString();

const FINDINGS: Record<'kelembagaan' | 'usaha' | 'keuangan' | 'pengawasanInternal', string[]> = {
  kelembagaan: [
    'RAT tahun buku terakhir terlaksana; notulen dan daftar hadir tersedia.',
    'Masa jabatan pengurus berakhir tahun depan; perlu persiapan pemilihan pada RAT berikutnya.',
    'Buku daftar anggota belum diperbarui sejak dua tahun terakhir.',
    'Anggaran dasar belum disesuaikan dengan ketentuan terbaru.',
    'Data NIK di ODS belum mutakhir; pengurus belum memiliki akun ODS.',
  ],
  usaha: [
    'Unit usaha berjalan dengan omzet stabil; pemasaran masih terbatas pada anggota.',
    'Toko koperasi kalah bersaing dengan minimarket; perlu diversifikasi barang.',
    'Produk olahan belum memiliki PIRT sehingga sulit masuk toko modern.',
    'Unit simpan pinjam mendominasi; unit lain belum berkembang.',
  ],
  keuangan: [
    'Pembukuan masih manual dan belum sesuai standar akuntansi.',
    'Laporan keuangan disahkan dalam RAT; neraca seimbang.',
    'Kas koperasi dan kas unit usaha belum dipisahkan.',
    'Terdapat piutang macet anggota yang belum ditangani.',
  ],
  pengawasanInternal: [
    'Pengawas belum melakukan pemeriksaan berkala secara tertulis.',
    'Laporan pengawas disampaikan dalam RAT; temuan belum ditindaklanjuti pengurus.',
    'Pengawas aktif memeriksa kas setiap triwulan.',
  ],
};

const CONCERNS: [ConcernKind, ConcernTopic, string][] = [
  ['PERMASALAHAN', 'permodalan', 'Modal kerja terbatas sehingga unit usaha sulit berkembang.'],
  ['PERMASALAHAN', 'pemasaran', 'Produk anggota sulit dipasarkan di luar desa.'],
  ['KELUHAN', 'perizinan', 'Pengurusan izin PIRT dan sertifikat halal dirasa rumit dan lama.'],
  ['TANTANGAN', 'sdm', 'Pengurus kesulitan menyusun laporan keuangan sesuai standar.'],
  ['PERMASALAHAN', 'kelembagaan', 'Anggota kurang aktif hadir dalam rapat anggota.'],
  ['KELUHAN', 'teknologi', 'Pencatatan transaksi masih manual dan sering terlambat.'],
  ['TANTANGAN', 'produksi', 'Kapasitas produksi kecil karena peralatan terbatas.'],
  ['PERMASALAHAN', 'pengawasan_internal', 'Pengawas belum memahami tugas pemeriksaan berkala.'],
  ['TANTANGAN', 'pemasaran', 'Persaingan dengan toko modern semakin ketat.'],
  ['KELUHAN', 'lainnya', 'Akses jalan ke lokasi usaha rusak saat musim hujan.'],
];

const RECOMMENDATIONS: Record<
  ConcernTopic,
  [string, 'BIDANG' | 'COOPERATIVE', 'koperasi' | 'usaha_mikro' | 'perindustrian' | null][]
> = {
  permodalan: [['Menghubungkan koperasi dengan skema pembiayaan KUR atau LPDB', 'BIDANG', 'usaha_mikro']],
  pemasaran: [['Mengikutsertakan produk koperasi dalam pameran dan toko daring daerah', 'BIDANG', 'usaha_mikro']],
  perizinan: [['Mendampingi pengurusan NIB, PIRT dan sertifikat halal', 'BIDANG', 'perindustrian']],
  sdm: [['Mengikutkan pengurus dalam pelatihan pembukuan koperasi', 'BIDANG', 'koperasi']],
  kelembagaan: [
    ['Memperbarui buku daftar anggota dan menyosialisasikan hak dan kewajiban anggota', 'COOPERATIVE', null],
  ],
  teknologi: [['Menerapkan aplikasi pencatatan transaksi sederhana', 'COOPERATIVE', null]],
  produksi: [['Menyusun rencana pengadaan peralatan produksi bersama Bidang Perindustrian', 'BIDANG', 'perindustrian']],
  pengawasan_internal: [['Menyusun jadwal dan format pemeriksaan berkala oleh pengawas', 'COOPERATIVE', null]],
  lainnya: [['Menyampaikan usulan perbaikan akses jalan melalui musrenbang desa', 'COOPERATIVE', null]],
};

const EVIDENCE = [
  'Dokumen sudah diterima dan diperiksa petugas.',
  'Pelatihan telah dilaksanakan; daftar hadir terlampir di arsip bidang.',
  'Izin telah terbit dan salinannya diserahkan ke Dinas.',
  'Pengurus telah menerapkan perubahan; diperiksa saat monitoring lanjutan.',
];

const RESULTS = ['SESUAI', 'SESUAI', 'SESUAI', 'CUKUP', 'CUKUP', 'TIDAK_SESUAI'] as const;

interface Rows {
  visits: Insertable<VisitTable>[];
  team: Insertable<VisitTeamTable>[];
  attendees: Insertable<VisitAttendeeTable>[];
  units: { visit_id: string; business_unit_id: string }[];
  concerns: Insertable<ConcernTable>[];
  followUps: Insertable<FollowUpTable>[];
  needs: Insertable<UnitNeedTable>[];
  mentoring: Insertable<MentoringSessionTable>[];
  proposals: Insertable<UnitProposalTable>[];
  targets: Insertable<ProgramTargetTable>[];
  audit: Insertable<AuditEventTable>[];
}

/**
 * Demo visits, concerns and follow-ups (issue 4), loaded after the registry demo: the program
 * "Gerakan Sambang Koperasi 2025" with targets per kecamatan, the launch visit to Kopwan Dewi
 * Rengganis at its RAT, a year of visits across every kecamatan with concerns and follow-ups in
 * every state (some overdue), and a few upcoming visits to approve. Deterministic for a given day.
 */
export async function seedDemoVisits(deps: AppDeps): Promise<void> {
  const db = deps.db.kysely;
  if (await db.selectFrom('visits').select('id').limit(1).executeTakeFirst()) return;
  const r = rng(2025_01_19);
  const at = deps.now().toISOString();
  const today = new Date(deps.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

  const users = await db.selectFrom('users').select(['id', 'username', 'full_name', 'role', 'bidang']).execute();
  const byName = new Map(users.map((u) => [u.username, u]));
  const pimpinan = byName.get('pimpinan');
  const koperasiUser = byName.get('dewirengganis');
  const petugas = ['petugas.koperasi', 'petugas.usahamikro', 'petugas.industri']
    .map((n) => byName.get(n))
    .filter((u) => u !== undefined);
  if (!pimpinan || petugas.length < 3) return;
  const [pKop, pUm, pInd] = petugas as [typeof pimpinan, typeof pimpinan, typeof pimpinan];
  const kepala = {
    id: KEPALA_DINAS_ID,
    username: 'kepala.dinas',
    full_name: 'Kepala DKUPP (demo)',
    role: 'pimpinan',
    bidang: null,
  };

  const coops = await db
    .selectFrom('cooperatives as c')
    .select([
      'c.id',
      'c.name',
      'c.district_code',
      'c.group_code',
      'c.status',
      'c.latitude',
      'c.longitude',
      'c.legal_entity_date',
    ])
    .where('c.status', '!=', 'DIBUBARKAN')
    .orderBy('c.id')
    .execute();
  const districts = await db
    .selectFrom('districts')
    .select(['code', 'name'])
    .where('regency_code', '=', deps.config.region)
    .orderBy('code')
    .execute();
  const officers = await db
    .selectFrom('cooperative_officers')
    .select(['cooperative_id', 'role', 'name'])
    .orderBy('cooperative_id')
    .orderBy('position')
    .execute();
  const officersOf = new Map<string, { role: string; name: string }[]>();
  for (const o of officers) officersOf.set(o.cooperative_id, [...(officersOf.get(o.cooperative_id) ?? []), o]);
  const meetings2025 = await db
    .selectFrom('annual_meetings')
    .select(['id', 'cooperative_id', 'held_on', 'fiscal_year'])
    .where('held_on', '>=', '2025-01-01')
    .where('held_on', '<=', '2025-12-31')
    .execute();
  const meetingOf = new Map(meetings2025.map((m) => [m.cooperative_id, m]));
  const units = await db
    .selectFrom('business_units')
    .select(['id', 'cooperative_id', 'name', 'status'])
    .orderBy('cooperative_id')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const unitsOf = new Map<string, typeof units>();
  for (const u of units) unitsOf.set(u.cooperative_id, [...(unitsOf.get(u.cooperative_id) ?? []), u]);

  const rows: Rows = {
    visits: [],
    team: [],
    attendees: [],
    units: [],
    concerns: [],
    followUps: [],
    needs: [],
    mentoring: [],
    proposals: [],
    targets: [],
    audit: [],
  };
  const event = (
    when: string,
    actorId: string | null,
    actorName: string,
    action: string,
    entityType: string,
    entityId: string,
    cooperativeId: string,
    changes: Record<string, { before: unknown; after: unknown }>,
  ) =>
    rows.audit.push({
      id: r.uuid(),
      at: when,
      actor_id: actorId,
      actor_name: actorName,
      action,
      entity_type: entityType,
      entity_id: entityId,
      cooperative_id: cooperativeId,
      changes: JSON.stringify(changes),
    });

  // The program and its targets: every kecamatan, four to eight cooperatives each.
  const programStart = '2025-01-01';
  const programEnd = '2025-12-31';
  const targetOf = new Map<string, number>();
  for (const d of districts) {
    const target = r.int(4, 8);
    targetOf.set(d.code, target);
    rows.targets.push({ id: r.uuid(), program_id: SAMBANG_2025_PROGRAM_ID, district_code: d.code, target });
  }

  const person = (female: boolean) => `${r.pick(female ? FEMALE_NAMES : MALE_NAMES)} ${r.pick(FAMILY_NAMES)}`;

  interface VisitSpec {
    id: string;
    coopId: string;
    date: string;
    start: string;
    end: string | null;
    purposes: VisitPurpose[];
    team: { userId: string; leader: boolean }[];
    meetingId: string | null;
    programId: string | null;
    status: 'planned' | 'approved' | 'done' | 'cancelled';
  }

  const addVisit = (v: VisitSpec, extra: Partial<Insertable<VisitTable>> = {}) => {
    const created = jakartaAt(addDays(v.date, -r.int(7, 21)), 10);
    rows.visits.push({
      id: v.id,
      cooperative_id: v.coopId,
      program_id: v.programId,
      annual_meeting_id: v.meetingId,
      visit_date: v.date,
      start_time: v.start,
      end_time: v.end,
      purposes: JSON.stringify(v.purposes),
      status: v.status,
      cancel_reason: null,
      findings: '{}',
      checklist: null,
      gps_lat: null,
      gps_lng: null,
      gps_accuracy: null,
      gps_at: null,
      approved_by: v.status === 'planned' ? null : pimpinan.id,
      approved_at: v.status === 'planned' ? null : jakartaAt(addDays(v.date, -5), 8),
      completed_at: v.status === 'done' ? jakartaAt(v.date, 15) : null,
      cancelled_at: null,
      created_by: v.team.find((m) => m.leader)!.userId,
      version: v.status === 'planned' ? 1 : v.status === 'approved' ? 2 : 4,
      created_at: created,
      updated_at: at,
      ...extra,
    });
    v.team.forEach((m, i) =>
      rows.team.push({ visit_id: v.id, user_id: m.userId, position: i, leader: m.leader ? 1 : 0 }),
    );
    event(created, v.team[0]!.userId, '', 'visit.create', 'visit', v.id, v.coopId, {
      date: { before: null, after: v.date },
      purposes: { before: null, after: v.purposes },
      status: { before: null, after: 'planned' },
    });
    if (v.status !== 'planned' && v.status !== 'cancelled')
      event(jakartaAt(addDays(v.date, -5), 8), pimpinan.id, '', 'visit.approve', 'visit', v.id, v.coopId, {
        status: { before: 'planned', after: 'approved' },
      });
    if (v.status === 'done')
      event(jakartaAt(v.date, 15), v.team[0]!.userId, '', 'visit.complete', 'visit', v.id, v.coopId, {
        status: { before: 'approved', after: 'done' },
      });
  };

  const addFollowUp = (f: {
    coopId: string;
    visitId: string | null;
    concernId: string | null;
    aspect: string | null;
    text: string;
    kind: 'BIDANG' | 'USER' | 'COOPERATIVE';
    bidang: string | null;
    userId: string | null;
    deadline: string;
    plan: string | null;
    status: FollowUpStatus;
    createdBy: string;
    createdOn: string;
    closedOn: string | null;
  }) => {
    const id = r.uuid();
    const closedAt = f.closedOn ? jakartaAt(f.closedOn, 14) : null;
    rows.followUps.push({
      id,
      cooperative_id: f.coopId,
      visit_id: f.visitId,
      concern_id: f.concernId,
      aspect: f.aspect,
      recommendation: f.text,
      responsible_kind: f.kind,
      responsible_bidang: f.bidang,
      responsible_user_id: f.userId,
      deadline: f.deadline,
      monitoring_plan: f.plan,
      status: f.status,
      progress_note:
        f.status === 'in_progress' ? 'Sedang berjalan; dipantau pada kunjungan monitoring berikutnya.' : null,
      evidence_note: f.status === 'done' ? r.pick(EVIDENCE) : null,
      evidence_photo_id: null,
      evidence_document: f.status === 'done' && r.next() < 0.4 ? `Surat No. 500/${r.int(100, 999)}/426.113/2025` : null,
      cancel_reason: f.status === 'cancelled' ? 'Tidak relevan lagi setelah koperasi mengubah rencana usahanya.' : null,
      closed_at: closedAt,
      created_by: f.createdBy,
      version: f.status === 'open' ? 1 : 2,
      created_at: jakartaAt(f.createdOn, 15),
      updated_at: closedAt ?? jakartaAt(f.createdOn, 15),
    });
    event(jakartaAt(f.createdOn, 15), f.createdBy, '', 'follow_up.create', 'follow_up', id, f.coopId, {
      recommendation: { before: null, after: f.text },
      deadline: { before: null, after: f.deadline },
      status: { before: null, after: 'open' },
    });
    if (f.status !== 'open') {
      const action =
        f.status === 'in_progress'
          ? 'follow_up.start'
          : f.status === 'done'
            ? 'follow_up.complete'
            : 'follow_up.cancel';
      event(closedAt ?? jakartaAt(addDays(f.createdOn, 20), 10), f.createdBy, '', action, 'follow_up', id, f.coopId, {
        status: { before: 'open', after: f.status },
      });
    }
    return id;
  };

  // --- The launch visit: Kopwan Dewi Rengganis at its RAT, Sunday 19 January 2025. ---
  const dewi = coops.find((c) => c.id === DEWI_RENGGANIS_ID);
  const dewiMeeting = meetingOf.get(DEWI_RENGGANIS_ID);
  const usedDays = new Set<string>();
  if (dewi && dewiMeeting?.held_on === '2025-01-19') {
    const date = '2025-01-19';
    usedDays.add(date);
    const team = [kepala, pKop, pUm, pInd].map((u, i) => ({ userId: u.id, leader: i === 0 }));
    const checklist = Object.fromEntries(
      DEFAULT_CHECKLIST.areas
        .flatMap((a) => a.indicators)
        .map((ind) => {
          const result = ind.code.startsWith('pengawasan.')
            ? ind.code === 'pengawasan.laporan'
              ? 'CUKUP'
              : 'TIDAK_SESUAI'
            : ind.code === 'keuangan.pembukuan'
              ? 'CUKUP'
              : 'SESUAI';
          const note =
            ind.code === 'pengawasan.berkala'
              ? 'Belum ada jadwal pemeriksaan tertulis.'
              : ind.code === 'keuangan.pembukuan'
                ? 'Pencatatan pinjaman manual.'
                : null;
          return [ind.code, { result, note }];
        }),
    );
    addVisit(
      {
        id: DEWI_VISIT_ID,
        coopId: DEWI_RENGGANIS_ID,
        date,
        start: '09:00',
        end: '12:00',
        purposes: ['RAT', 'PEMBINAAN', 'PENGAWASAN', 'PENDAMPINGAN_USAHA'],
        team,
        meetingId: dewiMeeting.id,
        programId: SAMBANG_2025_PROGRAM_ID,
        status: 'done',
      },
      {
        findings: JSON.stringify({
          kelembagaan:
            'RAT Tahun Buku 2024 diselenggarakan tepat waktu di Balai Desa Ranuagung dan kuorum tercapai (176 dari 214 anggota). Masa jabatan pengurus berakhir pada 2026; pemilihan perlu disiapkan.',
          usaha:
            'Unit simpan pinjam berjalan baik. Rintisan olahan kopi Tiris memerlukan PIRT, sertifikat halal, mesin sangrai dan pendampingan pemasaran.',
          keuangan:
            'Laporan keuangan tahun buku 2024 disahkan RAT. Pencatatan pinjaman masih manual sehingga laporan bulanan sering terlambat.',
          pengawasanInternal:
            'Pengawas menyampaikan laporan secara lisan dalam RAT; belum ada jadwal dan format pemeriksaan berkala yang tertulis.',
        }),
        checklist: JSON.stringify({ version: DEFAULT_CHECKLIST.version, answers: checklist }),
        gps_lat: -7.95841,
        gps_lng: 113.39187,
        gps_accuracy: 12,
        gps_at: jakartaAt(date, 9),
      },
    );
    const board = officersOf.get(DEWI_RENGGANIS_ID) ?? [];
    const roleOf: Record<string, 'pengurus' | 'pengawas'> = {
      KETUA: 'pengurus',
      SEKRETARIS: 'pengurus',
      BENDAHARA: 'pengurus',
      PENGAWAS: 'pengawas',
    };
    const attendees = [
      ...board.map((o) => ({ name: o.name, role: roleOf[o.role] ?? 'pengurus', gender: 'P' })),
      { name: person(true), role: 'manajer', gender: 'P' },
      { name: person(true), role: 'karyawan', gender: 'P' },
      ...Array.from({ length: 6 }, () => ({ name: person(true), role: 'anggota', gender: 'P' })),
    ];
    attendees.forEach((a, i) => rows.attendees.push({ id: r.uuid(), visit_id: DEWI_VISIT_ID, position: i, ...a }));
    const chair = board.find((o) => o.role === 'KETUA')?.name ?? 'Ketua koperasi';
    const treasurer = board.find((o) => o.role === 'BENDAHARA')?.name ?? 'Bendahara koperasi';
    const dewiUnits = unitsOf.get(DEWI_RENGGANIS_ID) ?? [];
    for (const u of dewiUnits) rows.units.push({ visit_id: DEWI_VISIT_ID, business_unit_id: u.id });
    const concern = (
      kind: ConcernKind,
      topic: ConcernTopic,
      description: string,
      raisedBy: string,
      severity: string,
      status: string,
    ) => {
      const id = r.uuid();
      rows.concerns.push({
        id,
        cooperative_id: DEWI_RENGGANIS_ID,
        visit_id: DEWI_VISIT_ID,
        kind,
        topic,
        description,
        raised_by: raisedBy,
        severity,
        status,
        response: status === 'closed' ? 'Sudah ditangani melalui tindak lanjut yang disepakati.' : null,
        seen_at: jakartaAt(date, 11),
        seen_by: pKop.id,
        created_by: pKop.id,
        version: status === 'open' ? 1 : 2,
        created_at: jakartaAt(date, 11),
        updated_at: jakartaAt(date, 11),
      });
      event(jakartaAt(date, 11), pKop.id, '', 'concern.create', 'concern', id, DEWI_RENGGANIS_ID, {
        kind: { before: null, after: kind },
        topic: { before: null, after: topic },
        description: { before: null, after: description },
      });
      return id;
    };
    const cModal = concern(
      'PERMASALAHAN',
      'permodalan',
      'Modal untuk rintisan olahan kopi belum mencukupi karena sebagian besar kas terserap pinjaman anggota.',
      `${chair} (Ketua)`,
      'sedang',
      'addressed',
    );
    const cIzin = concern(
      'TANTANGAN',
      'perizinan',
      'Pengurus belum memahami cara mengurus PIRT dan sertifikat halal untuk kopi bubuk.',
      `${chair} (Ketua)`,
      'sedang',
      'closed',
    );
    const cCatat = concern(
      'KELUHAN',
      'teknologi',
      'Pencatatan pinjaman masih manual sehingga laporan bulanan sering terlambat.',
      `${treasurer} (Bendahara)`,
      'sedang',
      'addressed',
    );
    const cAwas = concern(
      'PERMASALAHAN',
      'pengawasan_internal',
      'Pengawas belum melakukan pemeriksaan berkala secara tertulis.',
      'Tim DKUPP (temuan)',
      'tinggi',
      'closed',
    );
    addFollowUp({
      coopId: DEWI_RENGGANIS_ID,
      visitId: DEWI_VISIT_ID,
      concernId: cIzin,
      aspect: 'usaha',
      text: 'Mendampingi pengurusan PIRT dan sertifikat halal olahan kopi Tiris',
      kind: 'BIDANG',
      bidang: 'perindustrian',
      userId: null,
      deadline: '2025-04-30',
      plan: 'Petugas Bidang Perindustrian memeriksa kemajuan berkas setiap bulan.',
      status: 'done',
      createdBy: pInd.id,
      createdOn: date,
      closedOn: '2025-03-27',
    });
    addFollowUp({
      coopId: DEWI_RENGGANIS_ID,
      visitId: DEWI_VISIT_ID,
      concernId: cAwas,
      aspect: 'pengawasanInternal',
      text: 'Menyusun jadwal dan format pemeriksaan berkala oleh pengawas',
      kind: 'COOPERATIVE',
      bidang: null,
      userId: null,
      deadline: '2025-03-31',
      plan: 'Jadwal diserahkan ke Bidang Koperasi; diperiksa pada monitoring triwulan I.',
      status: 'done',
      createdBy: pKop.id,
      createdOn: date,
      closedOn: '2025-03-14',
    });
    addFollowUp({
      coopId: DEWI_RENGGANIS_ID,
      visitId: DEWI_VISIT_ID,
      concernId: cCatat,
      aspect: 'keuangan',
      text: 'Melatih pengurus menggunakan aplikasi pembukuan simpan pinjam sederhana',
      kind: 'BIDANG',
      bidang: 'koperasi',
      userId: null,
      deadline: '2025-06-30',
      plan: 'Pelatihan dua sesi; hasil dicek pada laporan bulanan Juli.',
      status: 'in_progress',
      createdBy: pKop.id,
      createdOn: date,
      closedOn: null,
    });
    addFollowUp({
      coopId: DEWI_RENGGANIS_ID,
      visitId: DEWI_VISIT_ID,
      concernId: cModal,
      aspect: 'usaha',
      text: 'Menghubungkan koperasi dengan pembiayaan KUR atau LPDB untuk modal unit olahan kopi',
      kind: 'BIDANG',
      bidang: 'usaha_mikro',
      userId: null,
      deadline: '2025-09-30',
      plan: 'Bidang Usaha Mikro menjadwalkan temu usaha dengan bank penyalur.',
      status: 'open',
      createdBy: pUm.id,
      createdOn: date,
      closedOn: null,
    });
    const kopi = dewiUnits.find((u) => u.status === 'PLANNED') ?? dewiUnits[0];
    if (kopi) {
      const need = (kind: string, description: string, amount: number | null, status: string) =>
        rows.needs.push({
          id: r.uuid(),
          business_unit_id: kopi.id,
          cooperative_id: DEWI_RENGGANIS_ID,
          visit_id: DEWI_VISIT_ID,
          kind,
          description,
          amount,
          status,
          version: 1,
          created_at: jakartaAt(date, 11),
          updated_at: jakartaAt(date, 11),
        });
      need('MODAL', 'Modal pembelian mesin sangrai dan bahan baku kopi', 50_000_000, 'open');
      need('IZIN_PIRT', 'PIRT untuk kopi bubuk kemasan', null, 'met');
      need('IZIN_HALAL', 'Sertifikat halal untuk kopi bubuk', null, 'open');
      need('PEMASARAN', 'Kemasan dan pemasaran daring kopi Tiris', null, 'open');
      rows.mentoring.push(
        {
          id: r.uuid(),
          business_unit_id: kopi.id,
          cooperative_id: DEWI_RENGGANIS_ID,
          visit_id: DEWI_VISIT_ID,
          held_on: date,
          mentor_id: pInd.id,
          bidang: 'perindustrian',
          topic: 'Standar produksi dan pengemasan kopi bubuk',
          notes: 'Praktik sangrai skala kecil dan syarat ruang produksi PIRT.',
          version: 1,
          created_at: jakartaAt(date, 12),
          updated_at: jakartaAt(date, 12),
        },
        {
          id: r.uuid(),
          business_unit_id: kopi.id,
          cooperative_id: DEWI_RENGGANIS_ID,
          visit_id: null,
          held_on: '2025-02-20',
          mentor_id: pUm.id,
          bidang: 'usaha_mikro',
          topic: 'Strategi pemasaran kopi Tiris melalui toko daring',
          notes: null,
          version: 1,
          created_at: jakartaAt('2025-02-20', 12),
          updated_at: jakartaAt('2025-02-20', 12),
        },
      );
    }
    rows.proposals.push(
      {
        id: r.uuid(),
        cooperative_id: DEWI_RENGGANIS_ID,
        visit_id: DEWI_VISIT_ID,
        name: 'Wisata edukasi kebun kopi',
        sector: 'JASA',
        description: 'Paket kunjungan kebun dan sangrai kopi bersama kelompok sadar wisata Ranuagung.',
        status: 'idea',
        business_unit_id: null,
        drop_reason: null,
        version: 1,
        created_at: jakartaAt(date, 12),
        updated_at: jakartaAt(date, 12),
      },
      {
        id: r.uuid(),
        cooperative_id: DEWI_RENGGANIS_ID,
        visit_id: DEWI_VISIT_ID,
        name: 'Kedai kopi koperasi',
        sector: 'TOKO',
        description: 'Kedai di depan balai desa untuk menjual kopi olahan anggota.',
        status: 'studied',
        business_unit_id: null,
        drop_reason: null,
        version: 2,
        created_at: jakartaAt(date, 12),
        updated_at: jakartaAt('2025-03-10', 12),
      },
    );
    // Between visits the cooperative writes in from its portal: one answered, one still unseen.
    if (koperasiUser) {
      for (const [kind, topic, description, created, seen] of [
        [
          'KELUHAN',
          'perizinan',
          'Berkas sertifikat halal dikembalikan karena foto ruang produksi kurang jelas. Mohon arahan.',
          '2025-05-12',
          true,
        ],
        [
          'PERMASALAHAN',
          'permodalan',
          'Beberapa anggota menunggak angsuran setelah gagal panen kopi. Mohon pendampingan penanganan pinjaman.',
          addDays(today, -3),
          false,
        ],
      ] as const) {
        const id = r.uuid();
        rows.concerns.push({
          id,
          cooperative_id: DEWI_RENGGANIS_ID,
          visit_id: null,
          kind,
          topic,
          description,
          raised_by: koperasiUser.full_name,
          severity: 'sedang',
          status: seen ? 'addressed' : 'open',
          response: seen ? 'Petugas Bidang Perindustrian membantu mengulang foto dan unggah berkas.' : null,
          seen_at: seen ? jakartaAt(addDays(created, 1), 9) : null,
          seen_by: seen ? pInd.id : null,
          created_by: koperasiUser.id,
          version: seen ? 2 : 1,
          created_at: jakartaAt(created, 19),
          updated_at: jakartaAt(created, 19),
        });
        event(jakartaAt(created, 19), koperasiUser.id, '', 'concern.create', 'concern', id, DEWI_RENGGANIS_ID, {
          kind: { before: null, after: kind },
          description: { before: null, after: description },
        });
      }
    }
  }

  // --- A year of visits across every kecamatan, on separate days (so nobody is double-booked by accident). ---
  // RAT days are kept for visits that coincide with a RAT.
  const ratDays = new Set(meetings2025.map((m) => m.held_on));
  const workdays: string[] = [];
  for (let d = '2025-01-06'; d <= '2025-12-20'; d = addDays(d, 1)) {
    if (new Date(`${d}T00:00:00Z`).getUTCDay() !== 0 && !usedDays.has(d) && !ratDays.has(d)) workdays.push(d);
  }
  const days = r.shuffle(workdays);
  const plain = coops.filter((c) => c.group_code !== 'KDKMP' && c.id !== DEWI_RENGGANIS_ID);
  const kdkmp = coops.filter((c) => c.group_code === 'KDKMP');
  const staff = [pKop, pUm, pInd];
  let dayIndex = 0;
  for (const d of districts) {
    const inDistrict = r.shuffle(plain.filter((c) => c.district_code === d.code));
    const newOnes = r.shuffle(kdkmp.filter((c) => c.district_code === d.code)).slice(0, 1);
    const count = Math.min(inDistrict.length, Math.max(2, (targetOf.get(d.code) ?? 4) - r.int(0, 2)));
    for (const coop of [...inDistrict.slice(0, count), ...newOnes]) {
      const meeting = meetingOf.get(coop.id);
      const atRat = Boolean(meeting && r.next() < 0.35 && !usedDays.has(meeting.held_on));
      let date = atRat ? meeting!.held_on : days[dayIndex++ % days.length]!;
      // A Kopdes Merah Putih is visited after it is founded (mid-2025).
      if (coop.group_code === 'KDKMP' && coop.legal_entity_date && date <= coop.legal_entity_date)
        date = addDays(coop.legal_entity_date, r.int(20, 60));
      while (!atRat && (usedDays.has(date) || ratDays.has(date) || new Date(`${date}T00:00:00Z`).getUTCDay() === 0))
        date = addDays(date, 1);
      if (date > '2025-12-31') continue;
      usedDays.add(date);
      const leader = r.next() < 0.15 ? kepala : r.pick(staff);
      const others = r.shuffle(staff.filter((u) => u.id !== leader.id)).slice(0, r.int(1, 2));
      const team = [{ userId: leader.id, leader: true }, ...others.map((u) => ({ userId: u.id, leader: false }))];
      const purposes: VisitPurpose[] = atRat ? ['RAT', 'PEMBINAAN'] : [r.pick(['PEMBINAAN', 'MONITORING'] as const)];
      if (r.next() < 0.4) purposes.push('PENGAWASAN');
      if (r.next() < 0.15) purposes.push('PENYEHATAN');
      if (others.some((u) => u.bidang !== 'koperasi') && r.next() < 0.5) purposes.push('PENDAMPINGAN_USAHA');
      const past = date <= today;
      const cancelled = past && r.next() < 0.06;
      const status = cancelled ? 'cancelled' : past ? 'done' : r.next() < 0.5 ? 'approved' : 'planned';
      const id = r.uuid();
      const spec: VisitSpec = {
        id,
        coopId: coop.id,
        date,
        start: atRat ? '08:30' : r.pick(['08:00', '09:00', '10:00', '13:00']),
        end: null,
        purposes,
        team,
        meetingId: atRat ? meeting!.id : null,
        programId: SAMBANG_2025_PROGRAM_ID,
        status,
      };
      if (status !== 'done') {
        addVisit(
          spec,
          cancelled
            ? {
                cancel_reason: r.pick([
                  'Pengurus berhalangan karena acara desa.',
                  'Jalan menuju lokasi tertutup longsor.',
                  'Dijadwalkan ulang atas permintaan koperasi.',
                ]),
                cancelled_at: jakartaAt(addDays(date, -1), 16),
                approved_by: null,
                approved_at: null,
              }
            : {},
        );
        if (cancelled)
          event(jakartaAt(addDays(date, -1), 16), leader.id, '', 'visit.cancel', 'visit', id, coop.id, {
            status: { before: 'planned', after: 'cancelled' },
          });
        continue;
      }
      const answers = Object.fromEntries(
        DEFAULT_CHECKLIST.areas
          .slice(0, 4)
          .flatMap((a) => a.indicators)
          .map((ind) => [ind.code, { result: r.pick(RESULTS), note: null }]),
      );
      const lat = coop.latitude === null ? null : Number(coop.latitude) + (r.next() - 0.5) * 0.002;
      const lng = coop.longitude === null ? null : Number(coop.longitude) + (r.next() - 0.5) * 0.002;
      addVisit(spec, {
        findings: JSON.stringify({
          kelembagaan: r.pick(FINDINGS.kelembagaan),
          usaha: r.pick(FINDINGS.usaha),
          keuangan: r.pick(FINDINGS.keuangan),
          pengawasanInternal: r.pick(FINDINGS.pengawasanInternal),
        }),
        checklist: r.next() < 0.8 ? JSON.stringify({ version: DEFAULT_CHECKLIST.version, answers }) : null,
        gps_lat: lat,
        gps_lng: lng,
        gps_accuracy: lat === null ? null : r.int(5, 40),
        gps_at: lat === null ? null : jakartaAt(date, 10),
      });
      const board = officersOf.get(coop.id) ?? [];
      const female = coop.group_code === 'KOPWAN';
      const attendees = [
        ...board.slice(0, r.int(2, board.length)).map((o) => ({
          name: o.name,
          role: o.role === 'PENGAWAS' ? 'pengawas' : 'pengurus',
          gender: female || FEMALE_NAMES.includes(o.name.split(' ')[0]!) ? 'P' : 'L',
        })),
        ...Array.from({ length: r.int(0, 4) }, () => {
          const f = female || r.next() < 0.4;
          return { name: person(f), role: r.pick(['anggota', 'anggota', 'karyawan']), gender: f ? 'P' : 'L' };
        }),
      ];
      attendees.forEach((a, i) => rows.attendees.push({ id: r.uuid(), visit_id: id, position: i, ...a }));
      const coopUnits = unitsOf.get(coop.id) ?? [];
      if (coopUnits.length && purposes.includes('PENDAMPINGAN_USAHA'))
        rows.units.push({ visit_id: id, business_unit_id: coopUnits[0]!.id });

      // Concerns and what was agreed; the older the visit, the more has been closed.
      const ageDays = (Date.parse(today) - Date.parse(date)) / 86_400_000;
      for (const [kind, topic, description] of r.shuffle(CONCERNS).slice(0, r.int(1, 3))) {
        const cid = r.uuid();
        const [text, rkind, bidang] = RECOMMENDATIONS[topic][0]!;
        const roll = r.next();
        const fStatus: FollowUpStatus =
          roll < 0.5 ? 'done' : roll < 0.68 ? 'in_progress' : roll < 0.9 ? 'open' : 'cancelled';
        const createdBy = leader.id === kepala.id ? pKop.id : leader.id;
        const deadline =
          fStatus === 'done' || fStatus === 'cancelled' || r.next() < 0.6
            ? addDays(date, r.pick([30, 60, 90, 120]))
            : addDays(today, r.int(10, 90)); // some still have time: not every open one is overdue
        const closedOn =
          fStatus === 'done' || fStatus === 'cancelled'
            ? (() => {
                const c = addDays(date, r.int(14, Math.max(15, Math.min(150, ageDays - 1))));
                return c > today ? today : c;
              })()
            : null;
        const concernStatus = fStatus === 'done' ? (r.next() < 0.7 ? 'closed' : 'addressed') : 'addressed';
        rows.concerns.push({
          id: cid,
          cooperative_id: coop.id,
          visit_id: id,
          kind,
          topic,
          description,
          raised_by: `${r.pick(board)?.name ?? person(female)} (${r.pick(['Ketua', 'Sekretaris', 'Bendahara', 'Pengawas'])})`,
          severity: r.pick(['rendah', 'sedang', 'sedang', 'tinggi']),
          status: concernStatus,
          response: concernStatus === 'closed' ? 'Selesai melalui tindak lanjut yang disepakati.' : null,
          seen_at: jakartaAt(date, 11),
          seen_by: createdBy,
          created_by: createdBy,
          version: concernStatus === 'closed' ? 3 : 2,
          created_at: jakartaAt(date, 11),
          updated_at: jakartaAt(closedOn ?? date, 11),
        });
        event(jakartaAt(date, 11), createdBy, '', 'concern.create', 'concern', cid, coop.id, {
          kind: { before: null, after: kind },
          topic: { before: null, after: topic },
        });
        const byUser = rkind === 'BIDANG' && r.next() < 0.25;
        const owner = byUser ? (staff.find((u) => u.bidang === bidang) ?? pKop) : null;
        addFollowUp({
          coopId: coop.id,
          visitId: id,
          concernId: cid,
          aspect: null,
          text,
          kind: byUser ? 'USER' : rkind,
          bidang: byUser ? null : bidang,
          userId: owner?.id ?? null,
          deadline,
          plan: r.next() < 0.7 ? 'Dipantau melalui laporan bulanan dan kunjungan monitoring berikutnya.' : null,
          status: fStatus,
          createdBy,
          createdOn: date,
          closedOn,
        });
      }
      if (coopUnits[0] && r.next() < 0.25) {
        rows.needs.push({
          id: r.uuid(),
          business_unit_id: coopUnits[0].id,
          cooperative_id: coop.id,
          visit_id: id,
          kind: r.pick(['MODAL', 'PEMASARAN', 'IZIN_NIB', 'KETERAMPILAN', 'PRODUKSI']),
          description: r.pick([
            'Tambahan modal kerja',
            'Perluasan jaringan pemasaran',
            'Pendaftaran NIB melalui OSS',
            'Pelatihan pengelolaan unit usaha',
            'Peralatan produksi',
          ]),
          amount: null,
          status: r.next() < 0.3 ? 'met' : 'open',
          version: 1,
          created_at: jakartaAt(date, 12),
          updated_at: jakartaAt(date, 12),
        });
      }
      if (r.next() < 0.12) {
        const status = r.pick(['idea', 'studied', 'started', 'dropped'] as const);
        rows.proposals.push({
          id: r.uuid(),
          cooperative_id: coop.id,
          visit_id: id,
          name: r.pick([
            'Toko sembako anggota',
            'Pengolahan mangga',
            'Jasa pembayaran online',
            'Budidaya jamur tiram',
            'Kerajinan batik',
          ]),
          sector: r.pick(['TOKO', 'PENGOLAHAN', 'JASA', 'PERTANIAN', 'KERAJINAN']),
          description: null,
          status,
          business_unit_id: null,
          drop_reason: status === 'dropped' ? 'Hasil kajian menunjukkan pasar belum memadai.' : null,
          version: 1,
          created_at: jakartaAt(date, 12),
          updated_at: jakartaAt(date, 12),
        });
      }
    }
  }

  // --- Upcoming visits (from today) to approve; the last two book one officer twice on one day. ---
  const upcoming = r.shuffle(plain.filter((c) => !rows.visits.some((v) => v.cooperative_id === c.id))).slice(0, 6);
  let previousLeader = pKop;
  upcoming.forEach((coop, i) => {
    let date = addDays(today, 3 + i * 4);
    if (new Date(`${date}T00:00:00Z`).getUTCDay() === 0) date = addDays(date, 1);
    const clash = i === upcoming.length - 1 && i > 0;
    if (clash) date = rows.visits[rows.visits.length - 1]!.visit_date;
    const leader = clash ? previousLeader : r.pick(staff);
    previousLeader = leader;
    const team = [
      { userId: leader.id, leader: true },
      { userId: (leader.id === pKop.id ? pInd : pKop).id, leader: false },
    ];
    addVisit({
      id: r.uuid(),
      coopId: coop.id,
      date,
      start: clash ? '13:00' : '09:00',
      end: null,
      purposes: [r.pick(['PEMBINAAN', 'MONITORING'] as const)],
      team,
      meetingId: null,
      programId: date >= programStart && date <= programEnd ? SAMBANG_2025_PROGRAM_ID : null,
      status: i < 3 ? 'planned' : 'approved',
    });
  });

  const names = new Map([...users, kepala].map((u) => [u.id, u.username]));
  for (const e of rows.audit) e.actor_name = names.get(e.actor_id ?? '') ?? 'Data demo';
  rows.audit.sort((a, b) => a.at.localeCompare(b.at));

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        ...kepala,
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
    await trx
      .insertInto('programs')
      .values({
        id: SAMBANG_2025_PROGRAM_ID,
        name: 'Gerakan Sambang Koperasi 2025',
        period_start: programStart,
        period_end: programEnd,
        description:
          'Kunjungan pembinaan, pengawasan dan pendampingan usaha ke koperasi di seluruh kecamatan, dipimpin Kepala DKUPP.',
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await chunks(trx, 'program_targets', rows.targets);
    await chunks(trx, 'visits', rows.visits);
    await chunks(trx, 'visit_team', rows.team);
    await chunks(trx, 'visit_attendees', rows.attendees);
    await chunks(trx, 'visit_business_units', rows.units);
    await chunks(trx, 'concerns', rows.concerns);
    await chunks(trx, 'follow_ups', rows.followUps);
    await chunks(trx, 'unit_needs', rows.needs);
    await chunks(trx, 'mentoring_sessions', rows.mentoring);
    await chunks(trx, 'unit_proposals', rows.proposals);
    await chunks(trx, 'audit_events', rows.audit);
  });
}

async function chunks<T extends keyof Database & string>(
  trx: Transaction<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
) {
  for (let i = 0; i < rows.length; i += 200) {
    // biome-ignore lint: generic insert over a table union
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + 200) as never)
      .execute();
  }
}
