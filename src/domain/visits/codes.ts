/** Code lists of the visits capability with their Indonesian labels (DOMAIN.md §1, §8; issue 4). */

export const VISIT_PURPOSES = [
  'PEMBINAAN',
  'MONITORING',
  'PENGAWASAN',
  'PENYEHATAN',
  'PENDAMPINGAN_USAHA',
  'RAT',
] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];
export const VISIT_PURPOSE_LABELS: Record<VisitPurpose, string> = {
  PEMBINAAN: 'Pembinaan',
  MONITORING: 'Monitoring',
  PENGAWASAN: 'Pengawasan',
  PENYEHATAN: 'Penyehatan',
  PENDAMPINGAN_USAHA: 'Pendampingan usaha',
  RAT: 'Menghadiri RAT',
};

export const VISIT_STATUSES = ['planned', 'approved', 'done', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  planned: 'Direncanakan',
  approved: 'Disetujui',
  done: 'Selesai',
  cancelled: 'Dibatalkan',
};

export const ATTENDEE_ROLES = ['pengurus', 'pengawas', 'manajer', 'anggota', 'karyawan'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];
export const ATTENDEE_ROLE_LABELS: Record<AttendeeRole, string> = {
  pengurus: 'Pengurus',
  pengawas: 'Pengawas',
  manajer: 'Manajer',
  anggota: 'Anggota',
  karyawan: 'Karyawan',
};

export const GENDERS = ['L', 'P'] as const;
export type Gender = (typeof GENDERS)[number];

/** The aspects a visit's findings are written under. */
export const ASPECTS = ['kelembagaan', 'usaha', 'keuangan', 'pengawasanInternal'] as const;
export type Aspect = (typeof ASPECTS)[number];
export const ASPECT_LABELS: Record<Aspect, string> = {
  kelembagaan: 'Kelembagaan',
  usaha: 'Usaha',
  keuangan: 'Keuangan',
  pengawasanInternal: 'Pengawasan internal',
};

/** How a concern reached the Dinas: from the cooperative's portal, during a visit, or written down by the Dinas. */
export const RAISED_VIA = ['PORTAL', 'VISIT', 'DINAS'] as const;
export type RaisedVia = (typeof RAISED_VIA)[number];

export const CONCERN_KINDS = ['PERMASALAHAN', 'KELUHAN', 'TANTANGAN'] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];
export const CONCERN_KIND_LABELS: Record<ConcernKind, string> = {
  PERMASALAHAN: 'Permasalahan',
  KELUHAN: 'Keluhan',
  TANTANGAN: 'Tantangan',
};

export const CONCERN_TOPICS = [
  'permodalan',
  'pemasaran',
  'sdm',
  'kelembagaan',
  'pengawasan_internal',
  'perizinan',
  'teknologi',
  'produksi',
  'lainnya',
] as const;
export type ConcernTopic = (typeof CONCERN_TOPICS)[number];
export const CONCERN_TOPIC_LABELS: Record<ConcernTopic, string> = {
  permodalan: 'Permodalan',
  pemasaran: 'Pemasaran',
  sdm: 'SDM',
  kelembagaan: 'Kelembagaan',
  pengawasan_internal: 'Pengawasan internal',
  perizinan: 'Perizinan',
  teknologi: 'Teknologi',
  produksi: 'Produksi',
  lainnya: 'Lainnya',
};

export const SEVERITIES = ['rendah', 'sedang', 'tinggi'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { rendah: 'Rendah', sedang: 'Sedang', tinggi: 'Tinggi' };

export const CONCERN_STATUSES = ['open', 'addressed', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];
export const CONCERN_STATUS_LABELS: Record<ConcernStatus, string> = {
  open: 'Terbuka',
  addressed: 'Sudah ditanggapi',
  closed: 'Selesai',
};

export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
/** The follow-up list's status filter: a status, or `overdue` (open or in progress past its deadline). */
export const FOLLOW_UP_FILTERS = ['open', 'in_progress', 'done', 'cancelled', 'overdue'] as const;
export type FollowUpFilter = (typeof FOLLOW_UP_FILTERS)[number];
export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  open: 'Belum dikerjakan',
  in_progress: 'Sedang dikerjakan',
  done: 'Selesai',
  cancelled: 'Dibatalkan',
};

export const RESPONSIBLE_KINDS = ['BIDANG', 'USER', 'COOPERATIVE'] as const;
export type ResponsibleKind = (typeof RESPONSIBLE_KINDS)[number];

export const NEED_KINDS = [
  'MODAL',
  'PEMASARAN',
  'IZIN_NIB',
  'IZIN_PIRT',
  'IZIN_HALAL',
  'PRODUKSI',
  'KETERAMPILAN',
  'LAINNYA',
] as const;
export type NeedKind = (typeof NEED_KINDS)[number];
export const NEED_KIND_LABELS: Record<NeedKind, string> = {
  MODAL: 'Permodalan',
  PEMASARAN: 'Pemasaran',
  IZIN_NIB: 'Izin: NIB',
  IZIN_PIRT: 'Izin: PIRT',
  IZIN_HALAL: 'Izin: sertifikat halal',
  PRODUKSI: 'Produksi',
  KETERAMPILAN: 'Keterampilan',
  LAINNYA: 'Lainnya',
};
export const NEED_STATUSES = ['open', 'met'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const PROPOSAL_STATUSES = ['idea', 'studied', 'started', 'dropped'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  idea: 'Gagasan',
  studied: 'Sudah dikaji',
  started: 'Sudah dimulai',
  dropped: 'Tidak dilanjutkan',
};

/** Divisions whose staff mentor business units. */
export const MENTORING_BIDANG = ['usaha_mikro', 'perindustrian'] as const;
