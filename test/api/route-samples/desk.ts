import { randomUUID } from 'node:crypto';
import { storeFile } from '../../../src/app/files/file-store.js';
import { PDF } from '../desk-fixtures.js';
import type { Api } from '../harness.js';
import type { RouteSample } from './types.js';

/**
 * Route × role samples of the cooperative's desk (issue 13). A document is uploaded by admin; the
 * verification, request and announcement targets are rows written straight into the database.
 */
type Ctx = { api: Api; adminCookie: string; cooperativeId: string };

/** A document row written straight into the database (no audit event), its file in the store. */
async function document(ctx: Ctx): Promise<string> {
  const id = randomUUID();
  const sha256 = await storeFile(ctx.api.deps, PDF);
  await ctx.api.deps.db.kysely
    .insertInto('cooperative_documents')
    .values({
      id,
      cooperative_id: ctx.cooperativeId,
      kind: 'LAINNYA',
      fiscal_year: null,
      title: 'uji peran',
      content_type: 'application/pdf',
      size_bytes: PDF.length,
      sha256,
      series_id: id,
      version: 1,
      replaces_id: null,
      status: 'ACTIVE',
      removed_reason: null,
      removed_at: null,
      uploaded_by: null,
      uploaded_by_name: 'uji',
      uploaded_by_role: 'admin',
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

async function pendingFiling(ctx: Ctx): Promise<string> {
  const id = randomUUID();
  await ctx.api.deps.db.kysely
    .insertInto('verifications')
    .values({
      id,
      cooperative_id: ctx.cooperativeId,
      kind: 'DOCUMENT',
      entity_id: randomUUID(),
      fiscal_year: null,
      summary: 'uji peran',
      status: 'PENDING',
      reason: null,
      previous: null,
      submitted_by: null,
      submitted_by_name: 'uji',
      submitted_at: new Date().toISOString(),
      decided_by: null,
      decided_by_name: null,
      decided_at: null,
    })
    .execute();
  return id;
}

const at = () => new Date().toISOString();

async function openRequest(ctx: Ctx): Promise<string> {
  const id = randomUUID();
  await ctx.api.deps.db.kysely
    .insertInto('cooperative_requests')
    .values({
      id,
      cooperative_id: ctx.cooperativeId,
      kind: 'VISIT',
      bidang: 'koperasi',
      message: 'uji peran',
      status: 'OPEN',
      visit_id: null,
      created_by: null,
      created_by_name: 'uji',
      created_at: at(),
      updated_at: at(),
    })
    .execute();
  return id;
}
const nextYear = new Date().getUTCFullYear() + 1;

export const DESK_SAMPLES: Record<string, RouteSample> = {
  'POST /api/v1/cooperatives/:id/documents': { query: 'kind=NIB', body: {} },
  'GET /api/v1/cooperatives/:id/documents': {},
  'POST /api/v1/cooperatives/:id/documents/uploads': {
    body: { id: '5d0c1f7a-3b2e-4c8d-9a61-2e7f4b9c0d13', size: 100, contentType: 'application/pdf', kind: 'NIB' },
  },
  'GET /api/v1/documents/files/:fileId': { fixture: async (ctx) => `/api/v1/documents/files/${await document(ctx)}` },
  'POST /api/v1/cooperatives/:id/documents/:documentId/remove': {
    body: { reason: 'uji peran saja' },
    fixture: async (ctx) => `/api/v1/cooperatives/${ctx.cooperativeId}/documents/${await document(ctx)}/remove`,
  },
  'GET /api/v1/verifications': { query: 'status=PENDING' },
  'POST /api/v1/verifications/:id/verify': {
    fixture: async (ctx) => `/api/v1/verifications/${await pendingFiling(ctx)}/verify`,
  },
  'POST /api/v1/verifications/:id/return': {
    body: { reason: 'uji peran saja' },
    fixture: async (ctx) => `/api/v1/verifications/${await pendingFiling(ctx)}/return`,
  },
  'POST /api/v1/cooperatives/:id/requests': { body: { kind: 'CONSULTATION', message: 'Mohon konsultasi uji peran.' } },
  'GET /api/v1/requests': {},
  'POST /api/v1/requests/:id/plan-visit': {
    body: { date: `${nextYear}-02-03` },
    fixture: async (ctx) => `/api/v1/requests/${await openRequest(ctx)}/plan-visit`,
  },
  'POST /api/v1/requests/:id/close': {
    body: { outcome: 'DONE', note: 'uji peran saja' },
    fixture: async (ctx) => `/api/v1/requests/${await openRequest(ctx)}/close`,
  },
  'POST /api/v1/cooperatives/:id/rat-announcements': {
    body: { fiscalYear: nextYear - 1, plannedOn: `${nextYear}-03-01`, place: 'Balai desa', agenda: 'LPJ pengurus' },
  },
  'GET /api/v1/rat-announcements': {},
  'POST /api/v1/rat-announcements/:id/visit': {
    body: { visitId: '00000000-0000-4000-8000-000000000000' },
    fixture: async (ctx) => {
      const id = randomUUID();
      await ctx.api.deps.db.kysely
        .insertInto('rat_announcements')
        .values({
          id,
          cooperative_id: ctx.cooperativeId,
          fiscal_year: nextYear - 1,
          planned_on: `${nextYear}-03-01`,
          place: 'Balai',
          agenda: 'LPJ',
          visit_id: null,
          created_by: null,
          created_by_name: 'uji',
          created_at: at(),
          updated_at: at(),
        })
        .execute();
      return `/api/v1/rat-announcements/${id}/visit`;
    },
  },
};
