import type { Bidang } from '../codes.js';
import type { VisitPurpose } from '../visits/codes.js';

/** What a cooperative may ask the Dinas from its portal, and whose queue each lands in. */
export const REQUEST_KINDS = ['VISIT', 'CONSULTATION', 'BUSINESS_UNIT'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  VISIT: 'Permintaan kunjungan',
  CONSULTATION: 'Konsultasi',
  BUSINESS_UNIT: 'Bantuan unit usaha',
};

/** OPEN and PLANNED stay in the division's queue until an officer closes the request. */
export const REQUEST_STATUSES = ['OPEN', 'PLANNED', 'CLOSED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['OPEN', 'PLANNED'];

/** How an officer closes a request: handled, or declined (with a note the cooperative reads). */
export const REQUEST_OUTCOMES = ['DONE', 'DECLINED'] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];
export const REQUEST_OUTCOME_LABELS: Record<RequestOutcome, string> = { DONE: 'Selesai', DECLINED: 'Ditolak' };

/** Visits and consultations are the cooperatives division's; business units are micro enterprise's. */
export const REQUEST_BIDANG: Record<RequestKind, Bidang> = {
  VISIT: 'koperasi',
  CONSULTATION: 'koperasi',
  BUSINESS_UNIT: 'usaha_mikro',
};

export const REQUEST_PURPOSES: Record<RequestKind, VisitPurpose[]> = {
  VISIT: ['PEMBINAAN'],
  CONSULTATION: ['PEMBINAAN'],
  BUSINESS_UNIT: ['PENDAMPINGAN_USAHA'],
};
