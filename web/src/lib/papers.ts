import { useQuery } from '@tanstack/react-query';
import { ApiError, buildQuery, get } from './api';
import type { Page } from './types';

/** Offices and official documents (issue 12), as the API returns them. */
export interface Office {
  id: string;
  level: 'KABUPATEN' | 'PROVINSI' | 'NASIONAL';
  regionCode: string | null;
  name: string;
  shortName: string;
  government: string;
  address: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  hasLogo: boolean;
  city: string;
  headName: string | null;
  headNip: string | null;
  headRank: string | null;
  headPosition: string | null;
  legalBasis: string[];
  version: number;
  updatedAt: string;
}

export type DocumentStatus = 'CURRENT' | 'SUPERSEDED' | 'CANCELLED';

export interface IssuedDocument {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  number: string;
  year: number;
  code: string;
  sha256: string;
  size: number;
  status: DocumentStatus;
  issuedAt: string;
  issuer: { id: string | null; name: string };
  cooperative: { id: string; name: string } | null;
  visitId: string | null;
  assessmentId: string | null;
  supersedesId: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

export interface LetterRegister {
  kind: string;
  name: string;
  pattern: string;
  example: string;
  lastNumberThisYear: number;
}

export interface Verification {
  kind: string;
  kindLabel: string;
  number: string;
  issuedAt: string;
  office: string;
  cooperative: string | null;
  status: DocumentStatus;
  statusLabel: string;
}

export const STATUS_COLORS: Record<DocumentStatus, string> = { CURRENT: 'green', SUPERSEDED: 'gray', CANCELLED: 'red' };

export function useDocuments(params: Record<string, string | number | undefined>, enabled = true) {
  return useQuery({
    queryKey: ['documents', params],
    queryFn: () => get<Page<IssuedDocument>>(`/documents${buildQuery(params)}`),
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
