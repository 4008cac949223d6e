import { randomUUID } from 'node:crypto';
import { storePhoto } from '../../../src/app/photos/photo-store.js';
import type { Api } from '../harness.js';
import type { RouteSample } from './types.js';

/**
 * Route × role samples of the visits routes: `METHOD /path` → body and query for a valid call.
 * Fixtures write their rows straight into the database (no audit event), so the test that a
 * koperasi user changes nothing on another cooperative can count that cooperative's audit events.
 * Every fixture visit has petugas.koperasi on its team (as leader), so the petugas caller is a
 * team member, and every follow-up is the cooperative's own task, so the koperasi caller may act.
 */
export const DEWI_VISIT_ID = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e02';
const today = new Date().toISOString().slice(0, 10);
const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

type Ctx = { api: Api; adminCookie: string; cooperativeId: string };

async function userId(api: Api, username: string): Promise<string> {
  return (
    await api.deps.db.kysely.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()
  ).id;
}

export async function insertVisit({ api, cooperativeId }: Ctx): Promise<string> {
  const db = api.deps.db.kysely;
  const id = randomUUID();
  const at = new Date().toISOString();
  await db
    .insertInto('visits')
    .values({
      id,
      cooperative_id: cooperativeId,
      program_id: null,
      annual_meeting_id: null,
      visit_date: today,
      start_time: '09:00',
      end_time: null,
      purposes: '["PEMBINAAN"]',
      status: 'planned',
      cancel_reason: null,
      findings: '{}',
      checklist: null,
      gps_lat: null,
      gps_lng: null,
      gps_accuracy: null,
      gps_at: null,
      approved_by: null,
      approved_at: null,
      completed_at: null,
      cancelled_at: null,
      created_by: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('visit_team')
    .values({ visit_id: id, user_id: await userId(api, 'petugas.koperasi'), position: 0, leader: 1 })
    .execute();
  return id;
}

async function insertConcern(ctx: Ctx, visitId: string | null = null): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  await ctx.api.deps.db.kysely
    .insertInto('concerns')
    .values({
      id,
      cooperative_id: ctx.cooperativeId,
      visit_id: visitId,
      kind: 'KELUHAN',
      topic: 'lainnya',
      description: 'Keluhan uji peran',
      raised_by: 'Uji Peran',
      severity: 'sedang',
      status: 'open',
      response: null,
      seen_at: null,
      seen_by: null,
      created_by: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function insertFollowUp(ctx: Ctx): Promise<string> {
  const visitId = await insertVisit(ctx);
  const id = randomUUID();
  const at = new Date().toISOString();
  await ctx.api.deps.db.kysely
    .insertInto('follow_ups')
    .values({
      id,
      cooperative_id: ctx.cooperativeId,
      visit_id: visitId,
      concern_id: null,
      aspect: null,
      recommendation: 'Rekomendasi uji peran',
      responsible_kind: 'COOPERATIVE',
      responsible_bidang: null,
      responsible_user_id: null,
      deadline: today,
      monitoring_plan: null,
      status: 'open',
      progress_note: null,
      evidence_note: null,
      evidence_photo_id: null,
      evidence_document: null,
      cancel_reason: null,
      closed_at: null,
      created_by: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** A photo on disk and in the table, attached to one of the cooperative's follow-ups. */
async function insertPhoto(ctx: Ctx): Promise<string> {
  const followUpId = await insertFollowUp(ctx);
  const id = randomUUID();
  const fileName = `${ctx.cooperativeId}/${id}.png`;
  await storePhoto(ctx.api.deps, fileName, PNG_1x1);
  await ctx.api.deps.db.kysely
    .insertInto('photos')
    .values({
      id,
      cooperative_id: ctx.cooperativeId,
      visit_id: null,
      follow_up_id: followUpId,
      file_name: fileName,
      content_type: 'image/png',
      size_bytes: PNG_1x1.length,
      width: 1,
      height: 1,
      sha256: 'x',
      caption: null,
      taken_at: null,
      uploaded_by: null,
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

async function firstUnit(ctx: Ctx): Promise<string> {
  const db = ctx.api.deps.db.kysely;
  const unit = await db
    .selectFrom('business_units')
    .select('id')
    .where('cooperative_id', '=', ctx.cooperativeId)
    .executeTakeFirst();
  if (unit) return unit.id;
  const id = randomUUID();
  const at = new Date().toISOString();
  await db
    .insertInto('business_units')
    .values({
      id,
      cooperative_id: ctx.cooperativeId,
      name: 'Unit uji',
      sector: 'JASA',
      status: 'EXISTING',
      turnover: null,
      employees: null,
      permit_nib: null,
      permit_pirt: null,
      permit_halal: null,
      needs: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

async function insertNeed(ctx: Ctx): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  await ctx.api.deps.db.kysely
    .insertInto('unit_needs')
    .values({
      id,
      business_unit_id: await firstUnit(ctx),
      cooperative_id: ctx.cooperativeId,
      visit_id: null,
      kind: 'PEMASARAN',
      description: 'Kebutuhan uji',
      amount: null,
      status: 'open',
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

async function insertProposal(ctx: Ctx): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  await ctx.api.deps.db.kysely
    .insertInto('unit_proposals')
    .values({
      id,
      cooperative_id: ctx.cooperativeId,
      visit_id: null,
      name: 'Usulan uji',
      sector: 'JASA',
      description: null,
      status: 'idea',
      business_unit_id: null,
      drop_reason: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

async function insertProgram(ctx: Ctx): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  // A program hangs on an office: the one holding the cooperative the sample is about.
  const office = await ctx.api.deps.db.kysely
    .selectFrom('cooperatives')
    .select('office_id')
    .where('id', '=', ctx.cooperativeId)
    .executeTakeFirst();
  await ctx.api.deps.db.kysely
    .insertInto('programs')
    .values({
      id,
      office_id: office?.office_id ?? null,
      name: 'Program uji peran',
      period_start: '2020-01-01',
      period_end: '2030-12-31',
      description: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

const visit =
  (suffix = '') =>
  async (ctx: Ctx) =>
    `/api/v1/visits/${await insertVisit(ctx)}${suffix}`;
const concern =
  (suffix = '') =>
  async (ctx: Ctx) =>
    `/api/v1/concerns/${await insertConcern(ctx)}${suffix}`;
const followUp =
  (suffix = '') =>
  async (ctx: Ctx) =>
    `/api/v1/follow-ups/${await insertFollowUp(ctx)}${suffix}`;
const photo =
  (suffix = '') =>
  async (ctx: Ctx) =>
    `/api/v1/photos/${await insertPhoto(ctx)}${suffix}`;

export const VISIT_SAMPLES: Record<string, RouteSample> = {
  'GET /api/v1/programs': {},
  'POST /api/v1/programs': { body: { name: 'Program uji peran', periodStart: '2026-01-01', periodEnd: '2026-12-31' } },
  'GET /api/v1/programs/:id': { fixture: async (ctx) => `/api/v1/programs/${await insertProgram(ctx)}` },
  'PATCH /api/v1/programs/:id': {
    body: { description: 'uji peran' },
    fixture: async (ctx) => `/api/v1/programs/${await insertProgram(ctx)}`,
  },

  'GET /api/v1/visits': { query: 'from=2025-01-01&to=2025-12-31' },
  'GET /api/v1/visits/double-bookings': { query: 'from=2025-01-01&to=2025-12-31' },
  'GET /api/v1/visits/checklist': {},
  'POST /api/v1/visits': {
    // petugas.koperasi (the demo assessor) leads: a petugas may plan only a visit they are on.
    body: {
      cooperativeId: '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01',
      date: today,
      purposes: ['MONITORING'],
      team: [{ userId: '5a3c9e10-2b7d-4c1f-9e8a-1d2f3b4c5d60', leader: true }],
    },
  },
  'GET /api/v1/visits/:id': { fixture: visit() },
  'PATCH /api/v1/visits/:id': { body: { findings: { usaha: 'uji peran' } }, fixture: visit() },
  'POST /api/v1/visits/:id/approve': { body: {}, fixture: visit('/approve') },
  'POST /api/v1/visits/:id/complete': { body: {}, fixture: visit('/complete') },
  'POST /api/v1/visits/:id/cancel': { body: { reason: 'uji peran saja' }, fixture: visit('/cancel') },
  'GET /api/v1/visits/:id/minutes.pdf': { fixture: visit('/minutes.pdf') },
  'GET /api/v1/visits/:id/activity-report': { fixture: visit('/activity-report') },
  'POST /api/v1/visits/:id/photos': { body: {}, fixture: visit('/photos') },

  'POST /api/v1/follow-ups/:id/photos': { body: {}, fixture: followUp('/photos') },
  'GET /api/v1/photos/:id': { fixture: photo() },
  'GET /api/v1/photos/:id/thumbnail': { fixture: photo('/thumbnail') },
  'DELETE /api/v1/photos/:id': { fixture: photo() },

  'GET /api/v1/concerns': { query: 'status=open&unseen=true' },
  'POST /api/v1/concerns': {
    body: {
      cooperativeId: '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01',
      kind: 'KELUHAN',
      topic: 'lainnya',
      description: 'uji peran saja',
      raisedBy: 'Uji Peran',
    },
  },
  'GET /api/v1/concerns/:id': { fixture: concern() },
  'PATCH /api/v1/concerns/:id': { body: { severity: 'tinggi' }, fixture: concern() },
  'POST /api/v1/concerns/:id/seen': { body: {}, fixture: concern('/seen') },

  'GET /api/v1/follow-ups': { query: 'status=overdue&assignee=me' },
  'POST /api/v1/follow-ups': {
    body: {
      visitId: DEWI_VISIT_ID,
      recommendation: 'Rekomendasi uji peran',
      responsible: { kind: 'COOPERATIVE' },
      deadline: '2030-01-01',
    },
  },
  'GET /api/v1/follow-ups/:id': { fixture: followUp() },
  'PATCH /api/v1/follow-ups/:id': { body: { monitoringPlan: 'uji peran' }, fixture: followUp() },
  'POST /api/v1/follow-ups/:id/status': { body: { status: 'in_progress' }, fixture: followUp('/status') },

  'GET /api/v1/cooperatives/:id/unit-development': {},
  'POST /api/v1/cooperatives/:id/business-units/:unitId/needs': {
    body: { kind: 'PEMASARAN', description: 'uji peran' },
  },
  'PATCH /api/v1/unit-needs/:id': {
    body: { status: 'met' },
    fixture: async (ctx) => `/api/v1/unit-needs/${await insertNeed(ctx)}`,
  },
  'POST /api/v1/cooperatives/:id/business-units/:unitId/mentoring': {
    body: { heldOn: '2025-02-01', topic: 'uji peran' },
  },
  'POST /api/v1/cooperatives/:id/unit-proposals': { body: { name: 'Usulan uji', sector: 'JASA' } },
  'PATCH /api/v1/unit-proposals/:id': {
    body: { status: 'studied' },
    fixture: async (ctx) => `/api/v1/unit-proposals/${await insertProposal(ctx)}`,
  },
};
