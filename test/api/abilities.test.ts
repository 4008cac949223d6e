import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, DB_KINDS, DEMO, DEWI_ID, startApi } from './harness.js';

/** Record responses carry `can`, computed by the same policy the use cases enforce (issue 10). */
const DEWI_VISIT = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e02';

describe.each(DB_KINDS)('abilities on %s', (kind) => {
  let api: Api;
  const c: Record<string, string> = {};
  beforeAll(async () => {
    api = await startApi(kind);
    for (const u of ['admin', 'pimpinan', 'petugas.koperasi', 'petugas.industri', 'dewirengganis'])
      c[u] = await api.login(u);
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
      assess: true,
      browse: true,
    });
    expect((await get(`/api/v1/cooperatives/${DEWI_ID}`, 'pimpinan')).can).toEqual({
      update: false,
      updateAnyField: false,
      editDetails: false,
      dissolve: false,
      assess: false,
      browse: true,
    });
    expect((await get(`/api/v1/cooperatives/${DEWI_ID}`, 'dewirengganis')).can).toEqual({
      update: true,
      updateAnyField: false,
      editDetails: true,
      dissolve: false,
      assess: false,
      browse: false,
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
        browse: true,
        issueDocument: true,
      });
      expect((await get(`/api/v1/assessments/${item.id}`, 'pimpinan')).can).toEqual({
        update: false,
        finalize: false,
        delete: false,
        browse: true,
        issueDocument: true,
      });
    }
  });

  it('closes a dissolved cooperative: no edit, no second dissolution, yet its details stay as the policy says', async () => {
    const list = await get('/api/v1/cooperatives?status=DIBUBARKAN&pageSize=1', 'admin');
    expect(list.items.length).toBe(1);
    const can = (await get(`/api/v1/cooperatives/${list.items[0].id}`, 'admin')).can;
    expect(can).toMatchObject({ update: false, dissolve: false, updateAnyField: true, editDetails: true });
  });

  it('says who may add a cooperative, and what each role may do with the unit development of one', async () => {
    expect((await get('/api/v1/cooperatives?pageSize=1', 'admin')).can).toEqual({ create: true });
    expect((await get('/api/v1/cooperatives?pageSize=1', 'petugas.koperasi')).can).toEqual({ create: true });
    expect((await get('/api/v1/cooperatives?pageSize=1', 'pimpinan')).can).toEqual({ create: false });
    expect((await get('/api/v1/cooperatives?pageSize=1', 'dewirengganis')).can).toEqual({ create: false });
    const dev = (who: string) => get(`/api/v1/cooperatives/${DEWI_ID}/unit-development`, who);
    expect((await dev('admin')).can).toEqual({ write: true, mentor: true });
    expect((await dev('petugas.koperasi')).can).toEqual({ write: true, mentor: true });
    expect((await dev('pimpinan')).can).toEqual({ write: false, mentor: false });
    expect((await dev('dewirengganis')).can).toEqual({ write: true, mentor: false });
  });

  it('tells the desk, the rubrics, the imports and the documents who may act', async () => {
    for (const url of ['/api/v1/verifications', '/api/v1/requests', '/api/v1/rat-announcements']) {
      expect((await get(url, 'petugas.koperasi')).can).toEqual({ decide: true, planVisit: true, linkVisit: true });
      expect((await get(url, 'pimpinan')).can).toEqual({ decide: false, planVisit: false, linkVisit: false });
      expect((await get(url, 'dewirengganis')).can).toEqual({ decide: false, planVisit: false, linkVisit: false });
    }
    expect((await get('/api/v1/rubrics', 'admin')).can).toEqual({ publish: true });
    expect((await get('/api/v1/rubrics', 'petugas.koperasi')).can).toEqual({ publish: false });
    expect((await get('/api/v1/documents', 'admin')).can).toEqual({ issue: true });
    expect((await get('/api/v1/documents', 'pimpinan')).can).toEqual({ issue: true });
    expect((await get('/api/v1/documents', 'dewirengganis')).can).toEqual({ issue: false });
    for (const d of (await get('/api/v1/documents?pageSize=20', 'dewirengganis')).items)
      expect(d.can).toEqual({ cancel: false });
    for (const d of (await get('/api/v1/documents?pageSize=20', 'pimpinan')).items)
      expect(d.can).toEqual({ cancel: true });
    // Imports: only an admin undoes a batch (the history itself is for the writers).
    for (const b of (await get('/api/v1/imports', 'admin')).items) expect(b.can).toEqual({ undo: true });
    for (const b of (await get('/api/v1/imports', 'petugas.koperasi')).items) expect(b.can).toEqual({ undo: false });
  });

  it('serves the roles an admin may give, with what each requires, as the server enforces it', async () => {
    const { roles } = await get('/api/v1/users?pageSize=1', 'admin');
    expect(roles.map((r: { code: string }) => r.code)).toEqual(['admin', 'pimpinan', 'petugas', 'koperasi']);
    const byCode = Object.fromEntries(roles.map((r: { code: string }) => [r.code, r]));
    expect(byCode.petugas).toMatchObject({ needsBidang: true, needsCooperative: false, signsDocuments: true });
    expect(byCode.koperasi).toMatchObject({ needsBidang: false, needsCooperative: true, signsDocuments: false });
    expect(byCode.admin).toMatchObject({ needsBidang: false, needsCooperative: false, signsDocuments: true });
    // `needsBidang` is what the server checks: a petugas without a bidang is refused.
    const res = await api.req({
      method: 'POST',
      url: '/api/v1/users',
      cookie: c.admin,
      body: { username: 'tanpa.bidang', fullName: 'Tanpa Bidang', role: 'petugas' },
    });
    expect(res.statusCode).toBe(400);
  });

  it('tells the app what each role may reach (GET /auth/me, and the login answer)', async () => {
    const me = async (who: string) => (await get('/api/v1/auth/me', who)).user.abilities;
    const admin = await me('admin');
    expect(admin).toMatchObject({
      office: true,
      portal: false,
      dashboard: true,
      audit: true,
      manageUsers: true,
      manageOffice: true,
      planVisits: true,
      approveVisits: true,
      joinsOwnVisits: false,
      managePrograms: true,
      fieldMode: false,
      verifiesFilings: true,
      home: 'registry',
    });
    expect(await me('pimpinan')).toMatchObject({
      office: true,
      dashboard: true,
      audit: true,
      manageUsers: false,
      planVisits: false,
      approveVisits: true,
      importData: false,
      managePrograms: true,
      fieldMode: false,
      verifiesFilings: false,
      raiseConcerns: false,
      askRequests: false,
      home: 'dashboard',
    });
    expect(await me('petugas.koperasi')).toMatchObject({
      office: true,
      dashboard: false,
      audit: false,
      planVisits: true,
      joinsOwnVisits: true,
      approveVisits: false,
      importData: true,
      managePrograms: false,
      handleConcerns: true,
      raiseConcerns: true,
      askRequests: true,
      fieldMode: true,
      verifiesFilings: true,
      home: 'registry',
    });
    // Filings to verify reach Bidang Koperasi, not the other bidang.
    expect((await me('petugas.industri')).verifiesFilings).toBe(false);
    const coop = await me('dewirengganis');
    expect(coop).toMatchObject({
      office: false,
      portal: true,
      planVisits: false,
      handleConcerns: false,
      home: 'cooperative',
    });
    const granted = Object.entries(coop)
      .filter(([, v]) => v === true)
      .map(([k]) => k);
    expect(granted.sort()).toEqual(['askRequests', 'editCooperatives', 'portal', 'raiseConcerns']);
    // The login answer carries the same abilities, so the first page after login needs no second call.
    const login = await api.req({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { username: 'pimpinan', password: DEMO },
    });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().user.abilities).toEqual(await me('pimpinan'));
  });

  it('gives visit list items, concerns and programs their abilities', async () => {
    const asLeader = await get('/api/v1/visits?pageSize=50', 'pimpinan');
    expect(asLeader.items.length).toBeGreaterThan(0);
    for (const v of asLeader.items) expect(v.can).toMatchObject({ approve: true, update: false });
    for (const v of (await get('/api/v1/visits?pageSize=50', 'dewirengganis')).items)
      expect(v.can).toEqual({ update: false, approve: false, cancel: false, writeReport: false });
    const detail = await get(`/api/v1/visits/${DEWI_VISIT}`, 'petugas.koperasi');
    const inList = (await get(`/api/v1/visits?pageSize=100&cooperativeId=${DEWI_ID}`, 'petugas.koperasi')).items.find(
      (v: { id: string }) => v.id === DEWI_VISIT,
    );
    expect(inList.can).toEqual(detail.can);

    const concerns = await get('/api/v1/concerns?pageSize=5', 'petugas.koperasi');
    expect(concerns.items.length).toBeGreaterThan(0);
    for (const c of concerns.items) expect(c.can).toEqual({ handle: true, recommend: true, markSeen: true });
    const id = concerns.items[0].id;
    expect((await get(`/api/v1/concerns/${id}`, 'pimpinan')).can).toEqual({
      handle: false,
      recommend: false,
      markSeen: true,
    });
    for (const c of (await get('/api/v1/concerns?pageSize=5', 'dewirengganis')).items)
      expect(c.can).toEqual({ handle: false, recommend: false, markSeen: false });

    const programs = (await get('/api/v1/programs', 'admin')).items;
    expect(programs.length).toBeGreaterThan(0);
    expect((await get(`/api/v1/programs/${programs[0].id}`, 'pimpinan')).can).toEqual({ manage: true });
    expect((await get(`/api/v1/programs/${programs[0].id}`, 'petugas.koperasi')).can).toEqual({ manage: false });
  });
});
