/** Code lists of the registry with their Indonesian labels (DOMAIN.md §3, §5). */

export const ROLES = ['admin', 'pimpinan', 'petugas', 'koperasi'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin data',
  pimpinan: 'Pimpinan',
  petugas: 'Petugas lapangan',
  koperasi: 'Pengurus koperasi',
};

export const BIDANG = ['koperasi', 'usaha_mikro', 'perindustrian'] as const;
export type Bidang = (typeof BIDANG)[number];
export const BIDANG_LABELS: Record<Bidang, string> = {
  koperasi: 'Bidang Koperasi',
  usaha_mikro: 'Bidang Usaha Mikro',
  perindustrian: 'Bidang Perindustrian',
};

export const COOP_TYPES = ['KONSUMEN', 'PRODUSEN', 'SIMPAN_PINJAM', 'PEMASARAN', 'JASA'] as const;
export type CoopType = (typeof COOP_TYPES)[number];
export const COOP_TYPE_LABELS: Record<CoopType, string> = {
  KONSUMEN: 'Konsumen',
  PRODUSEN: 'Produsen',
  SIMPAN_PINJAM: 'Simpan Pinjam',
  PEMASARAN: 'Pemasaran',
  JASA: 'Jasa',
};

export const COOP_GROUPS = [
  'KUD',
  'KOPWAN',
  'KPRI',
  'KOPKAR',
  'KOPONTREN',
  'KOPERASI_PASAR',
  'KOPMA',
  'KOPERASI_SEKOLAH',
  'KSU',
  'KDKMP',
  'LAINNYA',
] as const;
export type CoopGroup = (typeof COOP_GROUPS)[number];
export const COOP_GROUP_LABELS: Record<CoopGroup, string> = {
  KUD: 'KUD (Koperasi Unit Desa)',
  KOPWAN: 'Kopwan (Koperasi Wanita)',
  KPRI: 'KPRI (Koperasi Pegawai Republik Indonesia)',
  KOPKAR: 'Kopkar (Koperasi Karyawan)',
  KOPONTREN: 'Kopontren (Koperasi Pondok Pesantren)',
  KOPERASI_PASAR: 'Koperasi Pedagang Pasar',
  KOPMA: 'Kopma (Koperasi Mahasiswa)',
  KOPERASI_SEKOLAH: 'Koperasi Sekolah',
  KSU: 'KSU (Koperasi Serba Usaha)',
  KDKMP: 'Kopdes/Kel Merah Putih (KDKMP)',
  LAINNYA: 'Lainnya',
};

export const SCHEMES = ['KONVENSIONAL', 'SYARIAH'] as const;
export type Scheme = (typeof SCHEMES)[number];
export const SCHEME_LABELS: Record<Scheme, string> = { KONVENSIONAL: 'Konvensional', SYARIAH: 'Syariah' };

export const COOP_STATUSES = ['AKTIF', 'TIDAK_AKTIF', 'DIBUBARKAN'] as const;
export type CoopStatus = (typeof COOP_STATUSES)[number];
export const COOP_STATUS_LABELS: Record<CoopStatus, string> = {
  AKTIF: 'Aktif',
  TIDAK_AKTIF: 'Tidak aktif',
  DIBUBARKAN: 'Dibubarkan',
};

export const OFFICER_ROLES = ['KETUA', 'WAKIL_KETUA', 'SEKRETARIS', 'BENDAHARA', 'PENGAWAS', 'MANAJER'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];
export const OFFICER_ROLE_LABELS: Record<OfficerRole, string> = {
  KETUA: 'Ketua',
  WAKIL_KETUA: 'Wakil Ketua',
  SEKRETARIS: 'Sekretaris',
  BENDAHARA: 'Bendahara',
  PENGAWAS: 'Pengawas',
  MANAJER: 'Manajer',
};

export const UNIT_SECTORS = [
  'SIMPAN_PINJAM',
  'TOKO',
  'PERTANIAN',
  'PETERNAKAN',
  'PERIKANAN',
  'KERAJINAN',
  'PENGOLAHAN',
  'JASA',
  'LAINNYA',
] as const;
export type UnitSector = (typeof UNIT_SECTORS)[number];
export const UNIT_SECTOR_LABELS: Record<UnitSector, string> = {
  SIMPAN_PINJAM: 'Simpan pinjam',
  TOKO: 'Toko / waserda',
  PERTANIAN: 'Pertanian',
  PETERNAKAN: 'Peternakan',
  PERIKANAN: 'Perikanan',
  KERAJINAN: 'Kerajinan',
  PENGOLAHAN: 'Pengolahan / produksi',
  JASA: 'Jasa',
  LAINNYA: 'Lainnya',
};

export const UNIT_STATUSES = ['EXISTING', 'PLANNED'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = { EXISTING: 'Berjalan', PLANNED: 'Direncanakan' };

export function toOptions<K extends string>(labels: Record<K, string>): { code: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((code) => ({ code, label: labels[code] }));
}

/**
 * Which tier of government supervises a cooperative, from its membership area (issue 11): members in
 * one regency → the regency's Dinas; across regencies of one province → the province's; across
 * provinces → the ministry.
 */
export const AUTHORITY_LEVELS = ['KABUPATEN', 'PROVINSI', 'NASIONAL'] as const;
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number];
export const AUTHORITY_LEVEL_LABELS: Record<AuthorityLevel, string> = {
  KABUPATEN: 'Kewenangan kabupaten/kota',
  PROVINSI: 'Kewenangan provinsi',
  NASIONAL: 'Kewenangan nasional',
};
/** The order of the tiers: a cooperative is only ever handed upwards. */
export const AUTHORITY_RANK: Record<AuthorityLevel, number> = { KABUPATEN: 0, PROVINSI: 1, NASIONAL: 2 };
