/**
 * What a cooperative files is taken as "menunggu verifikasi" until a Dinas officer verifies it or
 * returns it with a reason. Until then the values that stood before (verified, or entered by the
 * Dinas) keep counting; a first filing counts for nothing.
 */
export const VERIFICATION_STATUSES = ['PENDING', 'VERIFIED', 'RETURNED'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const VERIFICATION_KINDS = [
  'ANNUAL_MEETING',
  'YEARLY_FIGURES',
  'FINANCIAL_STATEMENT',
  'FOLLOW_UP',
  'OFFICERS',
  'DOCUMENT',
] as const;
export type VerificationKind = (typeof VERIFICATION_KINDS)[number];

export const VERIFICATION_KIND_LABELS: Record<VerificationKind, string> = {
  ANNUAL_MEETING: 'Catatan RAT',
  YEARLY_FIGURES: 'Data tahunan',
  FINANCIAL_STATEMENT: 'Laporan keuangan',
  FOLLOW_UP: 'Tindak lanjut selesai',
  OFFICERS: 'Perubahan pengurus',
  DOCUMENT: 'Dokumen',
};

export interface VerificationState {
  status: VerificationStatus;
  reason?: string;
}

/** A record with no filing on it was entered by the Dinas (or before verification existed): it counts. */
export const STAFF_ENTERED: VerificationState = { status: 'VERIFIED' };

/**
 * The values that count for a record: its own when verified (or never filed by the cooperative),
 * the ones that stood before the filing while it waits or was returned, or none at all.
 */
export function countedValues<T>(
  current: T,
  filing: { status: VerificationStatus; previous: T | null } | undefined,
): T | null {
  if (!filing || filing.status === 'VERIFIED') return current;
  return filing.previous;
}
