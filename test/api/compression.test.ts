import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startApi, type Api } from './harness.js';

// Issue #15: API responses above ~1 KB travel compressed (a 400 kbit/s phone pays for every byte).
describe.each(DB_KINDS)('response compression (%s)', (kind) => {
  let api: Api;
  let cookie: string;
  beforeAll(async () => {
    api = await startApi(kind);
    cookie = await api.login('admin');
  });
  afterAll(() => api.close());

  it('sends the cooperative list in brotli when the client accepts it, and the body decodes to the same JSON', async () => {
    const plain = await api.req({ method: 'GET', url: '/api/v1/cooperatives?pageSize=50', cookie });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);

    const br = await api.req({
      method: 'GET',
      url: '/api/v1/cooperatives?pageSize=50',
      cookie,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.body.length / 3);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(JSON.parse(plain.body));
  });

  it('falls back to gzip, and leaves small answers alone', async () => {
    const gz = await api.req({
      method: 'GET',
      url: '/api/v1/cooperatives?pageSize=50',
      cookie,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8')).items.length).toBeGreaterThan(0);

    const small = await api.req({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookie,
      headers: { 'accept-encoding': 'br' },
    });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('does not recompress a spreadsheet download (already a zip)', async () => {
    const x = await api.req({
      method: 'GET',
      url: '/api/v1/cooperatives/export.xlsx',
      cookie,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-encoding']).toBeUndefined();
    expect(x.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
