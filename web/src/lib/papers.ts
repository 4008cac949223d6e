import { useQuery } from '@tanstack/react-query';
import { ApiError, buildQuery, get } from './api';
import type { DocumentListOut, DocumentOut, RegisterOut, VerifyOut } from '@contract/documents';
import type { OfficeOut } from '@contract/offices';

/** Offices and official documents (issue 12), as the API serves them (src/contract/offices.ts, documents.ts). */
export type Office = OfficeOut;

export type DocumentStatus = DocumentOut['status'];

/** An issued document in the register, with what the user may do with it (`can`). */
export type IssuedDocument = DocumentListOut['items'][number];

export type LetterRegister = RegisterOut;

export type Verification = VerifyOut;

export const STATUS_COLORS: Record<DocumentStatus, string> = { CURRENT: 'green', SUPERSEDED: 'gray', CANCELLED: 'red' };

export function useDocuments(params: Record<string, string | number | undefined>, enabled = true) {
  return useQuery({
    queryKey: ['documents', params],
    queryFn: () => get<DocumentListOut>(`/documents${buildQuery(params)}`),
    enabled,
  });
}

export function useRegisters(enabled = true) {
  return useQuery({
    queryKey: ['letter-registers'],
    queryFn: () => get<{ items: LetterRegister[] }>('/letter-registers'),
    select: (d) => d.items,
    enabled,
  });
}

/** Sends raw bytes (logo, a PDF to verify) and parses the JSON answer. */
export async function sendBytes<T>(method: 'PUT' | 'POST', path: string, body: Blob, contentType: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: { 'Content-Type': contentType, Accept: 'application/json' },
      body,
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
      data?.error?.code ?? `HTTP_${res.status}`,
      data?.error?.message ?? 'Permintaan gagal.',
      data?.error?.fields,
    );
  return data as T;
}
