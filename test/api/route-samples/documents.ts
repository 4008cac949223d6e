import { randomUUID } from 'node:crypto';
import type { Api } from '../harness.js';
import type { RouteSample } from './types.js';
import { insertVisit } from './visits.js';

/**
 * Route × role samples of offices and official documents (issue 12). Fixtures write rows straight
 * into the database (no audit event), like the visit samples. Public routes take no fixture: the
 * koperasi-on-another-cooperative test expects 403 from every fixture route, and a public route
 * answers the same to everyone (404 for the unknown code or office it gets here).
 */
type Ctx = { api: Api; adminCookie: string; cooperativeId: string };

/** The office holding the cooperative a sample is about (the first office when it holds none). */
async function officeId(api: Api, cooperativeId?: string): Promise<string> {
  const db = api.deps.db.kysely;
  const held = cooperativeId
    ? (await db.selectFrom('cooperatives').select('office_id').where('id', '=', cooperativeId).executeTakeFirst())
        ?.office_id
    : null;
  return held ?? (await db.selectFrom('offices').select('id').orderBy('created_at').executeTakeFirstOrThrow()).id;
}

async function approvedVisit(ctx: Ctx): Promise<string> {
  const id = await insertVisit(ctx);
  await ctx.api.deps.db.kysely
    .updateTable('visits')
    .set({ status: 'approved', approved_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
  return id;
}

/** An issued document of the cooperative, with a register number far from the real ones. */
async function insertDocument(ctx: Ctx): Promise<string> {
  const db = ctx.api.deps.db.kysely;
  const office = await officeId(ctx.api, ctx.cooperativeId);
  const register = await db
    .selectFrom('letter_registers')
    .select('id')
    .where('office_id', '=', office)
    .where('kind', '=', 'SPT')
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  const seq = 100_000 + Math.floor(Math.random() * 800_000);
  const pdf = Buffer.from('%PDF-1.4 uji peran');
  // Issued by the petugas caller, who may then cancel it like admin and pimpinan.
  const issuer = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'petugas.koperasi')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('documents')
    .values({
      id,
      office_id: office,
      register_id: register.id,
      kind: 'SPT',
      year: 1999,
      seq,
      number: `UJI/${seq}/1999`,
      code: randomUUID().slice(0, 12).toUpperCase(),
      visit_id: null,
      assessment_id: null,
      cooperative_id: ctx.cooperativeId,
      title: 'Dokumen uji peran',
      status: 'CURRENT',
      supersedes_id: null,
      pdf,
      sha256: 'x',
      size: pdf.length,
      issued_at: new Date().toISOString(),
      issued_by: issuer.id,
      issuer_name: 'Uji',
      cancelled_at: null,
      cancelled_by: null,
      cancel_reason: null,
    })
    .execute();
  return id;
}

export const DOCUMENT_SAMPLES: Record<string, RouteSample> = {
  'GET /api/v1/offices': {},
  'GET /api/v1/offices/current': {},
  'POST /api/v1/offices': {
    body: {
      level: 'KABUPATEN',
      regionCode: '35.08',
      name: 'Dinas Koperasi dan Usaha Mikro',
      shortName: 'Dinkop UM',
      government: 'Pemerintah Kabupaten Lumajang',
      address: 'Kabupaten Lumajang, Jawa Timur',
      city: 'Lumajang',
    },
  },
  'PATCH /api/v1/offices/:id': {
    body: { phone: '(0335) 000001' },
    fixture: async ({ api, cooperativeId }) => `/api/v1/offices/${await officeId(api, cooperativeId)}`,
  },
  'PUT /api/v1/offices/:id/logo': {
    body: {},
    fixture: async ({ api, cooperativeId }) => `/api/v1/offices/${await officeId(api, cooperativeId)}/logo`,
  },
  'GET /api/v1/offices/:id/logo': {},
  'POST /api/v1/visits/:id/documents': {
    body: { kind: 'SPT' },
    fixture: async (ctx) => `/api/v1/visits/${await approvedVisit(ctx)}/documents`,
  },
  'POST /api/v1/assessments/:id/documents': {},
  'GET /api/v1/documents': {},
  'GET /api/v1/documents/export.xlsx': {},
  'GET /api/v1/documents/:id': { fixture: async (ctx) => `/api/v1/documents/${await insertDocument(ctx)}` },
  'GET /api/v1/documents/:id/file.pdf': {
    fixture: async (ctx) => `/api/v1/documents/${await insertDocument(ctx)}/file.pdf`,
  },
  'POST /api/v1/documents/:id/cancel': {
    body: { reason: 'uji peran saja' },
    fixture: async (ctx) => `/api/v1/documents/${await insertDocument(ctx)}/cancel`,
  },
  'GET /api/v1/letter-registers': {},
  'PUT /api/v1/letter-registers/:kind': {
    body: { name: 'Surat uji peran', pattern: '{seq}/UJI/{year}' },
    fixture: async () => '/api/v1/letter-registers/UJI_PERAN',
  },
  'GET /api/v1/public/verify/:code': {},
  'POST /api/v1/public/verify/:code': { body: {} },
  // The team's petugas (fixture visits are led by petugas.koperasi), pimpinan and admin may edit.
  'PUT /api/v1/visits/:id/activity-report': {
    body: { headline: 'Judul laporan uji peran', text: 'Teks laporan kegiatan untuk uji peran, cukup panjang.' },
    fixture: async (ctx) => `/api/v1/visits/${await insertVisit(ctx)}/activity-report`,
  },
};
