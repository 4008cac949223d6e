import { ApiError } from './api';
import { type CoopDocument, type DocumentKind, uploadDocument } from './desk';
import { newId } from './visit-record';

/** Files above this go in resumable chunks (as field photos do); smaller ones in one request. */
export const CHUNKED_FROM_BYTES = 1024 * 1024;
const CHUNK_BYTES = 256 * 1024;
const RETRIES = 3;

type Params = { kind: DocumentKind; fiscalYear: number | null; title: string; replaces: string | null };
type ErrorBody = {
  received?: number;
  error?: { code?: string; message?: string; fields?: Record<string, string> };
} | null;

async function send(
  url: string,
  init: RequestInit,
): Promise<{ ok: boolean; status: number; data: ErrorBody & Record<string, unknown> }> {
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(init.headers as Record<string, string>) },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Tidak dapat terhubung ke server. Periksa koneksi Anda.');
  }
  const data = (await res.json().catch(() => null)) as ErrorBody & Record<string, unknown>;
  return { ok: res.ok, status: res.status, data };
}

const fail = (status: number, data: ErrorBody): ApiError =>
  new ApiError(status, data?.error?.code ?? 'ERROR', data?.error?.message ?? 'Unggahan gagal.', data?.error?.fields);

/**
 * Uploads a document; above 1 MB in 256 KiB chunks that resume from the server's `received` after a
 * wrong offset or a dropped connection (a few retries). `onProgress` gets 0..1.
 */
export async function uploadDocumentResumable(
  coopId: string,
  params: Params,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<CoopDocument> {
  if (file.size <= CHUNKED_FROM_BYTES) return uploadDocument(coopId, params, file);
  const id = newId();
  const started = await send(`/api/v1/cooperatives/${coopId}/documents/uploads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id,
      size: file.size,
      kind: params.kind,
      fiscalYear: params.fiscalYear,
      title: params.title.trim() || null,
      replaces: params.replaces,
      ...(file.type ? { contentType: file.type } : {}),
    }),
  });
  if (!started.ok) throw fail(started.status, started.data);
  let received = Number(started.data.received ?? 0);
  let failures = 0;
  onProgress(received / file.size);
  for (;;) {
    let r: Awaited<ReturnType<typeof send>>;
    try {
      r = await send(`/api/v1/uploads/${id}?offset=${received}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: file.slice(received, Math.min(file.size, received + CHUNK_BYTES)),
      });
    } catch (e) {
      if (++failures > RETRIES) throw e;
      continue;
    }
    if (r.status === 409 && typeof r.data?.received === 'number') {
      received = r.data.received;
    } else if (!r.ok) {
      if (r.status >= 500 && ++failures <= RETRIES) continue;
      throw fail(r.status, r.data);
    } else {
      received = Number(r.data.received);
      if (r.data.document) {
        onProgress(1);
        return r.data.document as CoopDocument;
      }
    }
    onProgress(received / file.size);
  }
}
