/** Fetch for field mode: JSON in and out, every failure turned into an Indonesian message. */

export class NetError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'NetError';
  }
}

const MESSAGES: Record<0 | 401, string> & Record<number, string | undefined> = {
  0: 'Tidak ada koneksi ke server. Data tetap tersimpan di ponsel dan akan dikirim nanti.',
  401: 'Sesi berakhir — masuk lagi.',
  403: 'Anda tidak memiliki akses untuk tindakan ini.',
  404: 'Data tidak ditemukan di server.',
  413: 'Data terlalu besar untuk dikirim.',
  429: 'Server sedang sibuk. Dicoba lagi nanti.',
};

export function messageFor(status: number): string {
  return MESSAGES[status] ?? (status >= 500 ? 'Server sedang bermasalah. Dicoba lagi nanti.' : 'Permintaan gagal.');
}

export async function call<T>(
  path: string,
  init: { method?: string; json?: unknown; body?: BodyInit; contentType?: string; timeoutMs?: number } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined = init.body;
  if (init.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.contentType) headers['Content-Type'] = init.contentType;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), init.timeoutMs ?? 60_000);
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: ctl.signal,
      cache: 'no-store',
    });
  } catch {
    throw new NetError(0, MESSAGES[0]);
  } finally {
    clearTimeout(timer);
  }
  const text = await res.text().catch(() => '');
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const msg = (data as { error?: { message?: string } } | null)?.error?.message;
    throw new NetError(res.status, res.status === 401 ? MESSAGES[401] : msg || messageFor(res.status), data);
  }
  return data as T;
}
