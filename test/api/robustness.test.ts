import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

describe.each(DB_KINDS)('no input produces a 500 on %s', (kind) => {
  let api: Api;
  let petugas: string;
  beforeAll(async () => {
    api = await startApi(kind);
    petugas = await api.login('petugas.koperasi');
  });
  afterAll(() => api?.close());

  const field = fc.constantFrom(
    'name',
    'type',
    'group',
    'districtCode',
    'villageCode',
    'nik',
    'legalEntityDate',
    'latitude',
    'longitude',
    'officers',
    'membersMale',
    'email',
    'status',
    'version',
    '__proto__',
    'constructor',
  );
  const body = fc.oneof(fc.dictionary(field, fc.jsonValue(), { maxKeys: 8 }), fc.jsonValue());

  it('answers random JSON bodies on create and edit with a 2xx or a 4xx carrying an Indonesian message', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('POST', 'PATCH'), async (payload, method) => {
        const url = method === 'POST' ? '/api/v1/cooperatives' : `/api/v1/cooperatives/${DEWI_ID}`;
        const res = await api.req({ method, url, cookie: petugas, body: JSON.stringify(payload) });
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode >= 400) {
          const err = res.json().error;
          expect(typeof err.code).toBe('string');
          expect(err.message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('answers random query strings on the list with 200 or 400', async () => {
    const key = fc.constantFrom(
      'search',
      'district',
      'village',
      'type',
      'group',
      'status',
      'sort',
      'page',
      'pageSize',
      'x',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, fc.string({ maxLength: 30 })), { maxLength: 5 }), async (pairs) => {
        const qs = new URLSearchParams(pairs).toString();
        const res = await api.req({ method: 'GET', url: `/api/v1/cooperatives?${qs}`, cookie: petugas });
        expect([200, 400], `${qs} → ${res.body}`).toContain(res.statusCode);
      }),
      { numRuns: 150 },
    );
  });

  it('answers unknown paths and methods with a JSON 404', async () => {
    const res = await api.req({ method: 'GET', url: '/api/v1/tidak-ada', cookie: petugas });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(
      (await api.req({ method: 'DELETE', url: `/api/v1/cooperatives/${DEWI_ID}`, cookie: petugas })).statusCode,
    ).toBe(404);
  });
});

describe('OpenAPI document', () => {
  it('is generated from the route schemas and served with its UI', async () => {
    const api = await startApi('sqlite', { demo: false });
    try {
      const doc = (await api.req({ method: 'GET', url: '/api/docs/json' })).json();
      expect(doc.openapi).toMatch(/^3\./);
      for (const path of [
        '/healthz',
        '/api/v1/auth/login',
        '/api/v1/cooperatives',
        '/api/v1/cooperatives/{id}',
        '/api/v1/regions/districts',
      ]) {
        expect(Object.keys(doc.paths)).toContain(path);
      }
      const create = doc.paths['/api/v1/cooperatives'].post;
      const schema = create.requestBody.content['application/json'].schema;
      expect(schema.required).toEqual(expect.arrayContaining(['name', 'type', 'group', 'districtCode', 'villageCode']));
      expect(schema.properties.type.enum).toEqual(['KONSUMEN', 'PRODUSEN', 'SIMPAN_PINJAM', 'PEMASARAN', 'JASA']);
      const ui = await api.req({ method: 'GET', url: '/api/docs' });
      expect([200, 302]).toContain(ui.statusCode);
    } finally {
      await api.close();
    }
  });
});
