import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../src/http/access.js';
import { type Api, DB_KINDS, DEWI_ID, startApi } from './harness.js';
import { aboutARecord, routeTargets, SAMPLES } from './route-samples/all.js';

/**
 * Every route the server registers, called by every role. A route added without an access
 * declaration cannot even be registered; a route added without a sample here fails this test,
 * so whoever adds one must say who may call it and show it holds.
 */
const ROLES = ['anonymous', 'admin', 'pimpinan', 'petugas', 'koperasi'] as const;
type Caller = (typeof ROLES)[number];

function allowed(access: Access, caller: Caller): 'public' | 'yes' | 'no' | 'login' {
  if (access === 'public') return 'public';
  if (caller === 'anonymous') return 'login';
  if (access === 'session') return 'yes';
  return access.includes(caller) ? 'yes' : 'no';
}

// Calls every route as every role: minutes, not seconds, on a loaded 2-core machine.
describe.each(DB_KINDS)('every route × every role on %s', { timeout: 240_000 }, (kind) => {
  let api: Api;
  const cookies: Partial<Record<Caller, string>> = {};
  let otherCoop: string;
  let someUser: string;

  beforeAll(async () => {
    api = await startApi(kind);
    cookies.admin = await api.login('admin');
    cookies.pimpinan = await api.login('pimpinan');
    cookies.petugas = await api.login('petugas.koperasi');
    cookies.koperasi = await api.login('dewirengganis');
    otherCoop = (
      await api.req({ method: 'GET', url: '/api/v1/cooperatives?group=KUD&pageSize=1', cookie: cookies.admin })
    ).json().items[0].id;
    // A bystander account for the /users/:id routes (resetting a caller's password would log it out).
    someUser = (
      await api.req({
        method: 'POST',
        url: '/api/v1/users',
        cookie: cookies.admin,
        body: { username: 'bystander', fullName: 'Akun Penonton', role: 'pimpinan' },
      })
    ).json().user.id;
  });
  afterAll(() => api?.close());
  const { fixtures, url } = routeTargets(
    () => api,
    () => cookies.admin!,
    () => someUser,
  );

  it('has a sample for every registered route and no sample for a route that is gone', () => {
    const keys = api.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    expect(
      keys.filter((k) => !(k in SAMPLES)),
      'routes without a sample',
    ).toEqual([]);
    expect(
      Object.keys(SAMPLES).filter((k) => !keys.includes(k)),
      'samples without a route',
    ).toEqual([]);
  });

  it('lets each role through exactly where its access says, and never answers 500', async () => {
    const report: string[] = [];
    for (const route of api.app.apiRoutes) {
      const sample = SAMPLES[`${route.method} ${route.url}`] ?? {};
      for (const caller of ROLES) {
        // Record-level rules are exercised on the caller's own cooperative here, on others below.
        const unitId = await fixtures(DEWI_ID, route.url);
        const target = sample.fixture
          ? await sample.fixture({ api, adminCookie: cookies.admin!, cooperativeId: DEWI_ID })
          : url(route.url, DEWI_ID, unitId, sample.query);
        const res = await api.req({
          method: route.method,
          url: target,
          ...(cookies[caller as Exclude<Caller, 'anonymous'>]
            ? { cookie: cookies[caller as Exclude<Caller, 'anonymous'>] }
            : {}),
          ...(sample.body !== undefined ? { body: sample.body } : {}),
        });
        const verdict = allowed(route.access, caller);
        const expected = {
          public: true, // anyone may call it; the answer depends on the input (a wrong login is 401)
          login: res.statusCode === 401,
          no: res.statusCode === 403,
          yes: res.statusCode !== 401 && res.statusCode !== 403,
        }[verdict];
        const ok = res.statusCode < 500 && expected;
        if (!ok) report.push(`${route.method} ${route.url} as ${caller}: ${res.statusCode} ${res.body.slice(0, 160)}`);
        // Keep the fixture cooperative alive for the next calls.
        if (route.url.endsWith('/dissolve') && res.statusCode === 200) {
          await api.deps.db.kysely
            .updateTable('cooperatives')
            .set({ status: 'AKTIF', dissolved_reason: null, dissolved_at: null })
            .where('id', '=', DEWI_ID)
            .execute();
        }
        if (route.url.endsWith('/logout') && res.statusCode === 200 && caller !== 'anonymous') {
          cookies[caller] = await api.login(
            caller === 'koperasi' ? 'dewirengganis' : caller === 'petugas' ? 'petugas.koperasi' : caller,
          );
        }
      }
    }
    expect(report).toEqual([]);
  });

  it('refuses a koperasi user every route about another cooperative, and changes nothing there', async () => {
    const before = await api.req({ method: 'GET', url: `/api/v1/cooperatives/${otherCoop}`, cookie: cookies.admin });
    const auditBefore = (
      await api.req({ method: 'GET', url: `/api/v1/audit?cooperativeId=${otherCoop}`, cookie: cookies.admin })
    ).json().total;
    const report: string[] = [];
    const unitId = await fixtures(otherCoop, '/:unitId:fiscalYear');
    await fixtures(otherCoop, '/api/v1/assessments/:id');
    const afterFixtures = (
      await api.req({ method: 'GET', url: `/api/v1/audit?cooperativeId=${otherCoop}`, cookie: cookies.admin })
    ).json().total;
    // Every route about one record: the cooperative's own, assessments, and those with a fixture.
    for (const route of api.app.apiRoutes.filter(aboutARecord)) {
      const sample = SAMPLES[`${route.method} ${route.url}`] ?? {};
      const target = sample.fixture
        ? await sample.fixture({ api, adminCookie: cookies.admin!, cooperativeId: otherCoop })
        : url(route.url, otherCoop, unitId, sample.query);
      const res = await api.req({
        method: route.method,
        url: target,
        cookie: cookies.koperasi,
        ...(sample.body !== undefined ? { body: sample.body } : {}),
      });
      if (res.statusCode !== 403) report.push(`${route.method} ${route.url}: ${res.statusCode}`);
    }
    expect(report).toEqual([]);
    const after = await api.req({ method: 'GET', url: `/api/v1/cooperatives/${otherCoop}`, cookie: cookies.admin });
    expect(after.json().version).toBe(before.json().version);
    expect(auditBefore).toBeLessThan(afterFixtures);
    expect(
      (await api.req({ method: 'GET', url: `/api/v1/audit?cooperativeId=${otherCoop}`, cookie: cookies.admin })).json()
        .total,
    ).toBe(afterFixtures);
  });
});
