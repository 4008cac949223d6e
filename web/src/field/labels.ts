// Indonesian labels of field mode (the field bundle carries no i18next: it must stay small).
export const ATTENDEE_ROLES: [string, string][] = [
  ['pengurus', 'Pengurus'],
  ['pengawas', 'Pengawas'],
  ['manajer', 'Manajer'],
  ['anggota', 'Anggota'],
  ['karyawan', 'Karyawan'],
];
export const ASPECTS: [string, string][] = [
  ['kelembagaan', 'Kelembagaan'],
  ['usaha', 'Usaha'],
  ['keuangan', 'Keuangan'],
  ['pengawasanInternal', 'Pengawasan internal'],
];
export const CONCERN_KINDS: [string, string][] = [
  ['PERMASALAHAN', 'Permasalahan'],
  ['KELUHAN', 'Keluhan'],
  ['TANTANGAN', 'Tantangan'],
];
export const TOPICS: [string, string][] = [
  ['permodalan', 'Permodalan'],
  ['pemasaran', 'Pemasaran'],
  ['sdm', 'SDM'],
  ['kelembagaan', 'Kelembagaan'],
  ['pengawasan_internal', 'Pengawasan internal'],
  ['perizinan', 'Perizinan'],
  ['teknologi', 'Teknologi'],
  ['produksi', 'Produksi'],
  ['lainnya', 'Lainnya'],
];
export const SEVERITIES: [string, string][] = [
  ['rendah', 'Rendah'],
  ['sedang', 'Sedang'],
  ['tinggi', 'Tinggi'],
];
export const CHECK_RESULTS: [string, string][] = [
  ['SESUAI', 'Sesuai'],
  ['CUKUP', 'Cukup'],
  ['TIDAK_SESUAI', 'Tidak sesuai'],
];
export const VISIT_STATUS: Record<string, string> = {
  planned: 'Direncanakan',
  approved: 'Disetujui',
  done: 'Selesai',
  cancelled: 'Dibatalkan',
};
export const FOLLOW_UP_STATUS: Record<string, string> = {
  open: 'Terbuka',
  in_progress: 'Berjalan',
  done: 'Selesai',
  cancelled: 'Dibatalkan',
};
export const label = (list: [string, string][], code: string) => list.find(([c]) => c === code)?.[1] ?? code;
export const OFFICER_ROLES: Record<string, string> = {
  KETUA: 'Ketua',
  WAKIL_KETUA: 'Wakil Ketua',
  SEKRETARIS: 'Sekretaris',
  BENDAHARA: 'Bendahara',
  PENGAWAS: 'Pengawas',
  MANAJER: 'Manajer',
};
export const RAT_STATUS: Record<string, string> = {
  ON_TIME: 'tepat waktu',
  LATE: 'terlambat',
  NOT_HELD: 'belum dilaksanakan',
  NOT_YET_DUE: 'belum jatuh tempo',
};
