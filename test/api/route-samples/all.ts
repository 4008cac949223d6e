import { DEFAULT_PRIORITY_WEIGHTS } from '../../../src/domain/priority/priority.js';
import { WORKED_EXAMPLE } from '../../unit/rubrics/fixtures.js';
import { type Api, RANUAGUNG, TIRIS } from '../harness.js';
import { DESK_SAMPLES } from './desk.js';
import { DIALOG_EXPORT_SAMPLES } from './dialog-exports.js';
import { DOCUMENT_SAMPLES } from './documents.js';
import { EXPORT_SAMPLES } from './exports.js';
import { IMPORT_SAMPLES } from './imports.js';
import { NOTIFICATION_SAMPLES } from './notifications.js';
import type { RouteSample } from './types.js';
import { REGION_SAMPLES } from './regions.js';
import { SYNC_SAMPLES } from './sync.js';
import { VISIT_SAMPLES } from './visits.js';
import { VISIT_PLAN_SAMPLES } from './visit-plan.js';

/**
 * A valid call of every route the server registers (`METHOD /path` → body, query or fixture), shared by
 * the route × role test and the route × role × office test.
 */
export const SAMPLES: Record<string, RouteSample> = {
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

/**
 * Where to send a sample: `fixtures` makes the fresh records a route's path needs on a cooperative (as
 * admin: deletes consume theirs) and `url` fills the path's parameters.
 */
export function routeTargets(api: () => Api, adminCookie: () => string, someUser: () => string) {
  let assessmentId = '';
  /** Fresh targets for the route about to be called (deletes consume theirs): only what its path needs. */
  async function fixtures(coopId: string, path: string): Promise<string> {
    if (path.startsWith('/api/v1/assessments/:id')) {
      // A finalized assessment: readable by the cooperative itself; edits answer 409, not 401/403.
      assessmentId = (
        await api().req({
          method: 'POST',
          url: `/api/v1/cooperatives/${coopId}/assessments`,
          cookie: adminCookie(),
          body: { fiscalYear: 2022, rubric: 'ksp-2016' },
        })
      ).json().id;
      await api().req({
        method: 'PATCH',
        url: `/api/v1/assessments/${assessmentId}`,
        cookie: adminCookie(),
        body: { inputs: WORKED_EXAMPLE },
      });
      await api().req({
        method: 'POST',
        url: `/api/v1/assessments/${assessmentId}/finalize`,
        cookie: adminCookie(),
        body: { supersede: true },
      });
    }
    if (path.includes(':fiscalYear')) {
      await api().req({
        method: 'PUT',
        url: `/api/v1/cooperatives/${coopId}/figures/2021`,
        cookie: adminCookie(),
        body: { assets: 5 },
      });
    }
    if (!path.includes(':unitId') && !path.includes(':meetingId')) return '00000000-0000-4000-8000-000000000000';
    const unit = await api().req({
      method: 'POST',
      url: `/api/v1/cooperatives/${coopId}/business-units`,
      cookie: adminCookie(),
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
      .replace('/users/:id', `/users/${someUser()}`)
      .replace('/jobs/:id', '/jobs/00000000-0000-4000-8000-000000000000')
      .replace(':id', coopId);
    return query ? `${u}?${query}` : u;
  }
  return { fixtures, url };
}

/** Every route about one record: the cooperative's own, assessments, and those with a fixture. */
export const aboutARecord = (r: { method: string; url: string }) =>
  r.url.startsWith('/api/v1/cooperatives/:id') ||
  r.url.startsWith('/api/v1/assessments/:id') ||
  Boolean(SAMPLES[`${r.method} ${r.url}`]?.fixture);
