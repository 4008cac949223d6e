import '../i18n/desk';
import type { VerificationOut } from '@contract/verification';
import { ApiError } from './api';

/** `verification` on every record a cooperative files (src/contract/verification.ts). */
export type Verification = VerificationOut;
export type VerificationStatus = Verification['status'];

// The shelf's kinds, labels and limits are the server's own rules, not a copy of them.
export {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  type DocumentKind,
  YEARLY_KINDS,
  MAX_DOCUMENT_BYTES,
} from '@domain/desk/documents';
import type { DocumentKind } from '@domain/desk/documents';

export interface CoopDocument {
  id: string;
  cooperativeId: string;
  kind: DocumentKind;
  kindLabel: string;
  fiscalYear: number | null;
  title: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  seriesId: string;
  version: number;
  replacesId: string | null;
  status: 'ACTIVE' | 'REPLACED' | 'REMOVED';
  removedReason: string | null;
  uploadedBy: { name: string; role: string };
  createdAt: string;
  url: string;
  verification: Verification;
}

export const VERIFICATION_KINDS = [
  'ANNUAL_MEETING',
  'YEARLY_FIGURES',
  'FINANCIAL_STATEMENT',
  'FOLLOW_UP',
  'OFFICERS',
  'DOCUMENT',
] as const;
export const VERIFICATION_KIND_LABELS: Record<(typeof VERIFICATION_KINDS)[number], string> = {
  ANNUAL_MEETING: 'Catatan RAT',
  YEARLY_FIGURES: 'Data tahunan',
  FINANCIAL_STATEMENT: 'Laporan keuangan',
  FOLLOW_UP: 'Tindak lanjut selesai',
  OFFICERS: 'Perubahan pengurus',
  DOCUMENT: 'Dokumen',
};

export interface VerificationItem {
  id: string;
  kind: (typeof VERIFICATION_KINDS)[number];
  kindLabel: string;
  entityId: string;
  fiscalYear: number | null;
  summary: string;
  status: VerificationStatus;
  reason: string | null;
  cooperative: { id: string; name: string; district: { code: string; name: string } };
  submittedBy: string;
  submittedAt: string;
  ageDays: number;
  decidedBy: string | null;
  decidedAt: string | null;
  missingDocuments: string[];
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024).toLocaleString('id-ID')} KB`;
  return `${(n / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
}

/** Sends a file as the raw request body with its type; the server checks the type by content. */
export async function uploadDocument(
  coopId: string,
  params: { kind: DocumentKind; fiscalYear: number | null; title: string; replaces: string | null },
  file: File,
): Promise<CoopDocument> {
  const sp = new URLSearchParams({ kind: params.kind });
  if (params.fiscalYear !== null) sp.set('fiscalYear', String(params.fiscalYear));
  if (params.title.trim()) sp.set('title', params.title.trim());
  if (params.replaces) sp.set('replaces', params.replaces);
  let res: Response;
  try {
    res = await fetch(`/api/v1/cooperatives/${coopId}/documents?${sp.toString()}`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Tidak dapat terhubung ke server. Periksa koneksi Anda.');
  }
  const data = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; fields?: Record<string, string> };
  } | null;
  if (!res.ok)
    throw new ApiError(
      res.status,
      data?.error?.code ?? 'ERROR',
      data?.error?.message ?? 'Unggahan gagal.',
      data?.error?.fields,
    );
  return data as unknown as CoopDocument;
}

export type RequestKind = 'VISIT' | 'CONSULTATION' | 'BUSINESS_UNIT';
export interface CoopRequest {
  id: string;
  cooperative: { id: string; name: string; district: { code: string; name: string } };
  kind: RequestKind;
  kindLabel: string;
  bidang: string;
  bidangLabel: string;
  message: string;
  status: 'OPEN' | 'PLANNED' | 'CLOSED';
  visitId: string | null;
  createdBy: string;
  createdAt: string;
  /** Set once an officer closed it: done or declined, with the note the cooperative reads. */
  closure: { outcome: RequestOutcome; outcomeLabel: string; note: string; by: string; at: string } | null;
}
export type RequestOutcome = 'DONE' | 'DECLINED';
export interface RatAnnouncement {
  id: string;
  cooperative: { id: string; name: string; district: { code: string; name: string } };
  fiscalYear: number;
  plannedOn: string;
  place: string;
  agenda: string;
  visitId: string | null;
  createdBy: string;
  createdAt: string;
}
