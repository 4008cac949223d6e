import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../src/http/access.js';
import { DEFAULT_PRIORITY_WEIGHTS } from '../../src/domain/priority/priority.js';
import { WORKED_EXAMPLE } from '../unit/rubrics/fixtures.js';
import { type Api, DB_KINDS, DEWI_ID, RANUAGUNG, startApi, TIRIS } from './harness.js';
import { DESK_SAMPLES } from './route-samples/desk.js';
import { DIALOG_EXPORT_SAMPLES } from './route-samples/dialog-exports.js';
import { DOCUMENT_SAMPLES } from './route-samples/documents.js';
import { EXPORT_SAMPLES } from './route-samples/exports.js';
import { IMPORT_SAMPLES } from './route-samples/imports.js';
import { NOTIFICATION_SAMPLES } from './route-samples/notifications.js';
import type { RouteSample } from './route-samples/types.js';
import { REGION_SAMPLES } from './route-samples/regions.js';
import { SYNC_SAMPLES } from './route-samples/sync.js';
import { VISIT_SAMPLES } from './route-samples/visits.js';
import { VISIT_PLAN_SAMPLES } from './route-samples/visit-plan.js';

/**
 * Every route the server registers, called by every role. A route added without an access
 * declaration cannot even be registered; a route added without a sample here fails this test,
 * so whoever adds one must say who may call it and show it holds.
 */
const ROLES = ['anonymous', 'admin', 'pimpinan', 'petugas', 'koperasi'] as const;
type Caller = (typeof ROLES)[number];

const SAMPLES: Record<string, RouteSample> = {
  ...VISIT_SAMPLES,
  ...VISIT_PLAN_SAMPLES,
  ...SYNC_SAMPLES,
  ...DOCUMENT_SAMPLES,
  'GET /healthz': {},
  'GET /api/v1/meta': {},
  ...DIALOG_EXPORT_SAMPLES,
  ...EXPORT_SAMPLES,
  ...IMPORT_SAMPLES,
  ...NOTIFICATION_SAMPLES,
  ...DESK_SAMPLES,
  'POST /api/v1/auth/login': { body: { username: 'nobody', password: 'nothing-here' } },
  'POST /api/v1/auth/logout': {},
  'GET /api/v1/auth/me': {},
  'POST /api/v1/auth/change-password': { body: { currentPassword: 'wrong-password', newPassword: 'whatever-123' } },
  ...REGION_SAMPLES,
  'GET /api/v1/cooperatives': { query: 'search=a' },
  'POST /api/v1/cooperatives': {
    body: { name: 'Koperasi Uji Peran', type: 'JASA', group: 'LAINNYA', districtCode: TIRIS, villageCode: RANUAGUNG },
  },
  'GET /api/v1/cooperatives/:id': {},
  'PATCH /api/v1/cooperatives/:id': { body: { phone: '0811000000' } },
  'POST /api/v1/cooperatives/:id/dissolve': { body: { reason: 'uji peran saja' } },
  'GET /api/v1/cooperatives/:id/timeline': {},
  'GET /api/v1/cooperatives/:id/figures': {},
  'PUT /api/v1/cooperatives/:id/figures/:fiscalYear': { body: { assets: 1000 } },
  'DELETE /api/v1/cooperatives/:id/figures/:fiscalYear': {},
  'GET /api/v1/cooperatives/:id/business-units': {},
  'POST /api/v1/cooperatives/:id/business-units': { body: { name: 'Unit uji', sector: 'TOKO' } },
  'PATCH /api/v1/cooperatives/:id/business-units/:unitId': { body: { needs: 'uji' } },
  'DELETE /api/v1/cooperatives/:id/business-units/:unitId': {},
  'GET /api/v1/users': {},
  'POST /api/v1/users': { body: { username: 'uji.peran', fullName: 'Uji Peran', role: 'pimpinan' } },
  'PATCH /api/v1/users/:id': { body: { fullName: 'Nama Baru' } },
  'POST /api/v1/users/:id/reset-password': {},
  'GET /api/v1/audit': {},
  'GET /api/v1/cooperatives/:id/annual-meetings': {},
  'POST /api/v1/cooperatives/:id/annual-meetings': {
    body: { fiscalYear: 2015, heldOn: '2016-03-01', membersPresent: 5, membersTotal: 10 },
  },
  'PATCH /api/v1/cooperatives/:id/annual-meetings/:meetingId': { body: { notes: 'uji peran' } },
  'GET /api/v1/cooperatives/:id/rat-compliance': { query: 'asOf=2025-07-01' },
  'POST /api/v1/assessments/score': { body: { rubric: 'ksp-2016', financials: {}, management: {} } },
  'GET /api/v1/rubrics': {},
  'GET /api/v1/rubrics/:rubric/versions/:version': {},
  'GET /api/v1/cooperatives/:id/statements': {},
  'PUT /api/v1/cooperatives/:id/statements/:fiscalYear': { body: { lines: { kas: 1000 } } },
  'GET /api/v1/assessments': {},
  'POST /api/v1/cooperatives/:id/assessments': { body: { fiscalYear: 2021, rubric: 'ksp-2016' } },
  'GET /api/v1/assessments/:id': {},
  'PATCH /api/v1/assessments/:id': { body: { inputs: { financials: {}, management: {} } } },
  'POST /api/v1/assessments/:id/finalize': { body: {} },
  'DELETE /api/v1/assessments/:id': {},
  'POST /api/v1/rubrics/:rubric/versions': { body: { definition: { id: 'x' }, note: 'uji peran saja' } },
  'GET /api/v1/assessments/export.xlsx': { query: 'status=FINAL' },
  'GET /api/v1/assessments/:id/report.pdf': {},
  'GET /api/v1/statements/template.xlsx': {},
  'GET /api/v1/cooperatives/export.xlsx': { query: 'district=35.13.07' },
  'GET /api/v1/cooperatives/export.csv': { query: 'district=35.13.07' },
  'GET /api/v1/cooperatives/import/template.xlsx': {},
  'POST /api/v1/cooperatives/import/check': { body: {} },
  'POST /api/v1/cooperatives/import': { body: {} },
  'GET /api/v1/jobs/:id': {},
  'GET /api/v1/figures/import/template.xlsx': {},
  'POST /api/v1/figures/import/check': { body: {} },
  'POST /api/v1/figures/import': { body: {} },
  'GET /api/v1/reports/recap': { query: 'year=2024' },
  'GET /api/v1/dashboard': { query: 'year=2025' },
  'GET /api/v1/priorities': { query: 'limit=5' },
  'GET /api/v1/settings/priority-weights': {},
  'PUT /api/v1/settings/priority-weights': { body: { ...DEFAULT_PRIORITY_WEIGHTS } },
  'GET /api/v1/reports/recap.xlsx': { query: 'year=2024&level=district' },
  'GET /api/v1/reports/recap.pdf': { query: 'year=2024' },
  'DELETE /api/v1/cooperatives/:id/statements/:fiscalYear': {},
  'POST /api/v1/cooperatives/:id/statements/:fiscalYear/xlsx': { body: { lines: {} } },
};

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
  let assessmentId: string;

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

  /** Fresh targets for the route about to be called (deletes consume theirs): only what its path needs. */
  async function fixtures(coopId: string, path: string): Promise<string> {
    if (path.startsWith('/api/v1/assessments/:id')) {
      // A finalized assessment: readable by the cooperative itself; edits answer 409, not 401/403.
      assessmentId = (
        await api.req({
          method: 'POST',
          url: `/api/v1/cooperatives/${coopId}/assessments`,
          cookie: cookies.admin,
          body: { fiscalYear: 2022, rubric: 'ksp-2016' },
        })
      ).json().id;
      await api.req({
        method: 'PATCH',
        url: `/api/v1/assessments/${assessmentId}`,
        cookie: cookies.admin,
        body: { inputs: WORKED_EXAMPLE },
      });
      await api.req({
        method: 'POST',
        url: `/api/v1/assessments/${assessmentId}/finalize`,
        cookie: cookies.admin,
        body: { supersede: true },
      });
    }
    if (path.includes(':fiscalYear')) {
      await api.req({
        method: 'PUT',
        url: `/api/v1/cooperatives/${coopId}/figures/2021`,
        cookie: cookies.admin,
        body: { assets: 5 },
      });
    }
    if (!path.includes(':unitId') && !path.includes(':meetingId')) return '00000000-0000-4000-8000-000000000000';
    const unit = await api.req({
      method: 'POST',
      url: `/api/v1/cooperatives/${coopId}/business-units`,
      cookie: cookies.admin,
      body: { name: 'Unit fixture', sector: 'JASA' },
    });
    return unit.json().id as string;
  }

  function url(path: string, coopId: string, unitId: string, query?: string) {
    const u = path
      .replace(':id/business-units/:unitId', `${coopId}/business-units/${unitId}`)
      .replace(':id/annual-meetings/:meetingId', `${coopId}/annual-meetings/${unitId}`)
      .replace(':fiscalYear', '2021')
      .replace('/provinces/:code', `/provinces/${TIRIS.slice(0, 2)}`)
      .replace('/regencies/:code', `/regencies/${TIRIS.slice(0, 5)}`)
      .replace(':code', TIRIS)
      .replace(':rubric/versions/:version', 'ksp-2016/versions/1')
      .replace(':rubric/versions', 'ksp-2016/versions')
      .replace('/assessments/:id', `/assessments/${assessmentId}`)
      .replace('/users/:id', `/users/${someUser}`)
      .replace('/jobs/:id', '/jobs/00000000-0000-4000-8000-000000000000')
      .replace(':id', coopId);
    return query ? `${u}?${query}` : u;
  }

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
    const aboutARecord = (r: { method: string; url: string }) =>
      r.url.startsWith('/api/v1/cooperatives/:id') ||
      r.url.startsWith('/api/v1/assessments/:id') ||
      Boolean(SAMPLES[`${r.method} ${r.url}`]?.fixture);
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
