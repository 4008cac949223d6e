/** Official document kinds, statuses and their Indonesian labels (issue 12). */
export const BUILT_IN_KINDS = ['SPT', 'BERITA_ACARA', 'LAPORAN_PENILAIAN'] as const;
export type BuiltInKind = (typeof BUILT_IN_KINDS)[number];

export const KIND_LABELS: Record<BuiltInKind, string> = {
  SPT: 'Surat Perintah Tugas',
  BERITA_ACARA: 'Berita Acara Kunjungan',
  LAPORAN_PENILAIAN: 'Laporan Penilaian Kesehatan Koperasi',
};

/** Patterns a new office starts with; the admin sets the office's own. */
export const DEFAULT_PATTERNS: Record<BuiltInKind, string> = {
  SPT: '800.1.11.1/{seq:3}/{year}',
  BERITA_ACARA: '{seq:3}/BA-SAMBANG/{romanMonth}/{year}',
  LAPORAN_PENILAIAN: '500.3/{seq:3}/PK/{year}',
};

/** An admin-added kind: upper-case letters, digits and underscores. */
export const KIND_CODE = /^[A-Z][A-Z0-9_]{1,29}$/;

export const DOCUMENT_STATUSES = ['CURRENT', 'SUPERSEDED', 'CANCELLED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  CURRENT: 'Berlaku',
  SUPERSEDED: 'Digantikan versi baru',
  CANCELLED: 'Dibatalkan',
};

export const OFFICE_LEVELS = ['KABUPATEN', 'PROVINSI', 'NASIONAL'] as const;
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];

/**
 * Verification codes: 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L), 60 bits
 * from the caller's random bytes: far too many to guess, short enough to type from paper.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 12;
export function codeFromBytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) out += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
  return out;
}
export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);
