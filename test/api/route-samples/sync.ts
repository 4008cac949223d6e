import { randomUUID } from 'node:crypto';
import type { Api } from '../harness.js';
import type { RouteSample } from './types.js';
import { insertFollowUp, insertVisit } from './visits.js';

/**
 * Route × role samples of field sync (issue 6). Fixtures write rows straight into the database (no
 * audit event), as in visits.ts: the follow-ups' visits have petugas.koperasi on their team and are
 * the cooperative's own task, so the petugas and koperasi callers are the ones the rules let through.
 */
type Ctx = { api: Api; adminCookie: string; cooperativeId: string };

/** The follow-up the static POST /uploads body names; moved to the cooperative under test. */
const UPLOAD_TARGET = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e77';

async function uploadTarget(ctx: Ctx): Promise<string> {
  const db = ctx.api.deps.db.kysely;
  const existing = await db.selectFrom('follow_ups').select('id').where('id', '=', UPLOAD_TARGET).executeTakeFirst();
  if (existing) {
    await db
      .updateTable('follow_ups')
      .set({ cooperative_id: ctx.cooperativeId })
      .where('id', '=', UPLOAD_TARGET)
      .execute();
  } else {
    const visitId = await insertVisit(ctx);
    const fresh = await insertFollowUp(ctx);
    const row = await db.selectFrom('follow_ups').selectAll().where('id', '=', fresh).executeTakeFirstOrThrow();
    await db
      .insertInto('follow_ups')
      .values({ ...row, id: UPLOAD_TARGET, visit_id: visitId })
      .execute();
  }
  return '/api/v1/uploads';
}

async function adminId(api: Api): Promise<string> {
  return (
    await api.deps.db.kysely.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()
  ).id;
}

/** An upload started by the fixtures' admin (the admin of the office holding the cooperative) on one of its follow-ups. */
async function insertUpload(ctx: Ctx): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  const me = await ctx.api.req({ method: 'GET', url: '/api/v1/auth/me', cookie: ctx.adminCookie });
  await ctx.api.deps.db.kysely
    .insertInto('uploads')
    .values({
      id,
      owner_id: me.statusCode === 200 ? (me.json().user.id as string) : await adminId(ctx.api),
      target_type: 'followUp',
      target_id: await insertFollowUp(ctx),
      cooperative_id: ctx.cooperativeId,
      size: 100,
      received: 0,
      content_type: 'image/png',
      caption: null,
      taken_at: null,
      photo_id: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** An open conflict on the monitoring plan of one of the cooperative's follow-ups. */
async function insertConflict(ctx: Ctx): Promise<string> {
  const id = randomUUID();
  await ctx.api.deps.db.kysely
    .insertInto('sync_conflicts')
    .values({
      id,
      entity_type: 'follow_up',
      entity_id: await insertFollowUp(ctx),
      cooperative_id: ctx.cooperativeId,
      field: 'monitoringPlan',
      base_value: 'null',
      server_value: 'null',
      client_value: '"Pantau tiap bulan."',
      change_id: randomUUID(),
      user_id: await adminId(ctx.api),
      created_at: new Date().toISOString(),
      status: 'open',
      resolved_by: null,
      resolved_at: null,
      resolution: null,
    })
    .execute();
  return id;
}

export const SYNC_SAMPLES: Record<string, RouteSample> = {
  'GET /api/v1/field/pack': { query: 'days=7' },
  'POST /api/v1/sync/push': { body: { changes: [] } },
  'GET /api/v1/sync/conflicts': { query: 'status=open' },
  'POST /api/v1/sync/conflicts/:id/resolve': {
    body: { choice: 'server' },
    fixture: async (ctx) => `/api/v1/sync/conflicts/${await insertConflict(ctx)}/resolve`,
  },
  'POST /api/v1/uploads': {
    body: {
      id: '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e78',
      target: { type: 'followUp', id: UPLOAD_TARGET },
      size: 100,
      contentType: 'image/png',
    },
    fixture: uploadTarget,
  },
  'PUT /api/v1/uploads/:id': { fixture: async (ctx) => `/api/v1/uploads/${await insertUpload(ctx)}?offset=0` },
  'GET /api/v1/uploads/:id': { fixture: async (ctx) => `/api/v1/uploads/${await insertUpload(ctx)}` },
};
