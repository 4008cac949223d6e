import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';

/** Record responses carry `can`, computed by the same policy the use cases enforce (issue 10). */
const DEWI_VISIT = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e02';

describe.each(DB_KINDS)('abilities on %s', (kind) => {
  let api: Api;
  const c: Record<string, string> = {};
  beforeAll(async () => {
    api = await startApi(kind);
    for (const u of ['admin', 'pimpinan', 'petugas.koperasi', 'dewirengganis']) c[u] = await api.login(u);
  });
  afterAll(async () => api?.close());
  const get = async (url: string, who: string) => {
    const res = await api.req({ method: 'GET', url, cookie: c[who] });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('tells each role what it may do with a cooperative', async () => {
    expect((await get(`/api/v1/cooperatives/${DEWI_ID}`, 'admin')).can).toEqual({
      update: true,
      updateAnyField: true,
      editDetails: true,
      dissolve: true,
    });
    expect((await get(`/api/v1/cooperatives/${DEWI_ID}`, 'pimpinan')).can).toEqual({
      update: false,
      updateAnyField: false,
      editDetails: false,
      dissolve: false,
    });
    expect((await get(`/api/v1/cooperatives/${DEWI_ID}`, 'dewirengganis')).can).toEqual({
      update: true,
      updateAnyField: false,
      editDetails: true,
      dissolve: false,
    });
  });

  it('says what the policy enforces on a visit: pimpinan approves but does not edit; the cooperative only reads', async () => {
    const asLeader = await get(`/api/v1/visits/${DEWI_VISIT}`, 'pimpinan');
    expect(asLeader.can).toMatchObject({ approve: true, update: false, cancel: true });
    expect((await get(`/api/v1/visits/${DEWI_VISIT}`, 'dewirengganis')).can).toEqual({
      update: false,
      approve: false,
      cancel: false,
      writeReport: false,
    });
    expect((await get(`/api/v1/visits/${DEWI_VISIT}`, 'admin')).can).toEqual({
      update: true,
      approve: true,
      cancel: true,
      writeReport: true,
    });
    // `update: false` is what the server answers when pimpinan tries to change it anyway.
    const res = await api.req({
      method: 'PATCH',
      url: `/api/v1/visits/${DEWI_VISIT}`,
      cookie: c.pimpinan,
      body: { version: asLeader.version },
    });
    expect(res.statusCode).toBe(403);
  });

  it('gives each follow-up its abilities, in the list and in the detail', async () => {
    const page = await get('/api/v1/follow-ups?pageSize=100', 'dewirengganis');
    expect(page.items.length).toBeGreaterThan(0);
    for (const f of page.items) {
      expect(f.can).toEqual({ update: false, cancel: false, progress: f.responsible.kind === 'COOPERATIVE' });
      expect((await get(`/api/v1/follow-ups/${f.id}`, 'dewirengganis')).can).toEqual(f.can);
    }
    for (const f of (await get('/api/v1/follow-ups?pageSize=20', 'admin')).items)
      expect(f.can).toEqual({ update: true, cancel: true, progress: true });
  });

  it('gives an assessment its abilities: a draft may be changed by an assessor, never by pimpinan', async () => {
    const list = await get('/api/v1/assessments?pageSize=5', 'admin');
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      const draft = item.status === 'DRAFT';
      expect((await get(`/api/v1/assessments/${item.id}`, 'admin')).can).toEqual({
        update: draft,
        finalize: draft,
        delete: draft,
      });
      expect((await get(`/api/v1/assessments/${item.id}`, 'pimpinan')).can).toEqual({
        update: false,
        finalize: false,
        delete: false,
      });
    }
  });
});
