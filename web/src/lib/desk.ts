import '../i18n/desk';
import type { DocumentOut, RatAnnouncementOut, RequestOut, VerificationItemOut } from '@contract/desk';
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

/** A document version on the shelf (src/contract/desk.ts). */
export type CoopDocument = DocumentOut;

export { VERIFICATION_KINDS, VERIFICATION_KIND_LABELS } from '@domain/desk/verification';

/** One filing in the verification queue (src/contract/desk.ts). */
export type VerificationItem = VerificationItemOut;

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

export type { RequestKind, RequestOutcome } from '@domain/desk/requests';
/** A cooperative's request; `closure` is set once an officer closed it (src/contract/desk.ts). */
export type CoopRequest = RequestOut;
/** An upcoming RAT announced by the cooperative (src/contract/desk.ts). */
export type RatAnnouncement = RatAnnouncementOut;
