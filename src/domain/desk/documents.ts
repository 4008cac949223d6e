/** The cooperative's document shelf: what kinds it holds, which need a fiscal year, limits. */

export const DOCUMENT_KINDS = [
  'NOTULEN_RAT',
  'DAFTAR_HADIR_RAT',
  'LPJ_PENGURUS',
  'LAPORAN_KEUANGAN',
  'AKTA_PENDIRIAN',
  'SK_BADAN_HUKUM',
  'ANGGARAN_DASAR',
  'PERUBAHAN_ANGGARAN_DASAR',
  'NIB',
  'IZIN_USAHA',
  'BUKTI_TINDAK_LANJUT',
  'LAINNYA',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  NOTULEN_RAT: 'Notulen RAT',
  DAFTAR_HADIR_RAT: 'Daftar hadir RAT',
  LPJ_PENGURUS: 'Laporan pertanggungjawaban pengurus',
  LAPORAN_KEUANGAN: 'Laporan keuangan',
  AKTA_PENDIRIAN: 'Akta pendirian',
  SK_BADAN_HUKUM: 'SK badan hukum',
  ANGGARAN_DASAR: 'Anggaran dasar / ART',
  PERUBAHAN_ANGGARAN_DASAR: 'Perubahan anggaran dasar',
  NIB: 'NIB',
  IZIN_USAHA: 'Izin usaha',
  BUKTI_TINDAK_LANJUT: 'Bukti tindak lanjut',
  LAINNYA: 'Dokumen lain',
};

/** Kinds that belong to one fiscal year (the RAT's and the year's reports). */
export const YEARLY_KINDS: ReadonlySet<DocumentKind> = new Set([
  'NOTULEN_RAT',
  'DAFTAR_HADIR_RAT',
  'LPJ_PENGURUS',
  'LAPORAN_KEUANGAN',
]);

/**
 * Kinds of which a cooperative has one at a time (per fiscal year where yearly): a second upload
 * must say which one it replaces, so nothing is overwritten by accident.
 */
export const SINGLE_KINDS: ReadonlySet<DocumentKind> = new Set([
  'NOTULEN_RAT',
  'DAFTAR_HADIR_RAT',
  'LPJ_PENGURUS',
  'LAPORAN_KEUANGAN',
  'AKTA_PENDIRIAN',
  'SK_BADAN_HUKUM',
  'ANGGARAN_DASAR',
]);

/** What a RAT record needs on the shelf before the Dinas may verify it. */
export const RAT_REQUIRED_KINDS: readonly DocumentKind[] = ['NOTULEN_RAT', 'DAFTAR_HADIR_RAT'];

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The file types the shelf accepts (checked from the bytes, src/app/files/sniff.ts), with their file name endings. */
export const DOCUMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;
