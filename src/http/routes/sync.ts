import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.js';
import type { SyncChange, VisitSyncFields } from '../../app/sync/changes.js';
import { fieldPack } from '../../app/sync/field-pack.js';
import { listConflicts } from '../../app/sync/list-conflicts.js';
import { pushChanges } from '../../app/sync/push-changes.js';
import { resolveConflict } from '../../app/sync/resolve-conflict.js';
import { getUpload, MAX_CHUNK_BYTES, putChunk, startUpload } from '../../app/sync/uploads.js';
import { ASPECTS, CONCERN_KINDS, CONCERN_TOPICS, SEVERITIES } from '../../domain/visits/codes.js';
import { PHOTO_TYPES } from '../../domain/visits/images.js';
import { COOPERATIVE_WRITERS, requireActor, STAFF, WRITERS } from '../access.js';
import { documentOut } from './desk-documents.js';
import { cooperativeOut, idParams, isoDate, unitOut, uuidParam } from '../schemas.js';
import { MEDIA, rawBody } from '../../contract/files.js';
import {
  attendee,
  checklistAnswers,
  concernOut,
  findings,
  followUpOut,
  gps,
  isoInstant,
  nullableText,
  photoOut,
  responsibleBody,
  text,
  time,
  visitOut,
} from '../../contract/visits.js';

/**
 * Field sync (issue 6), to the contract in docs/SYNC.md: the pack a petugas takes into the field,
 * the outbox push, conflicts, and photos in resumable chunks.
 */
const tags = ['sinkronisasi lapangan'];
/** Who may send changes or photos: those who may make them on the normal routes. */
const SENDERS = COOPERATIVE_WRITERS;
export const MAX_CHANGES = 200;

const version = z.number().int().min(1);
const visitFields = z.strictObject({
  attendance: z.array(attendee).max(500).optional(),
  findings: findings.optional(),
  checklist: checklistAnswers.optional(),
  gps: z.union([gps, z.null()]).optional(),
  startTime: z.union([time, z.null()]).optional(),
  endTime: z.union([time, z.null()]).optional(),
});
const followUpFields = z.strictObject({
  recommendation: text(5, 2000, 'Rekomendasi minimal 5 karakter.').optional(),
  deadline: isoDate.optional(),
  monitoringPlan: nullableText(2000),
  responsible: responsibleBody.optional(),
});
const common = { changeId: uuidParam, clientTime: isoInstant.optional(), entityId: uuidParam };

const change = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('visit.update'),
    baseVersion: version,
    base: visitFields.optional(),
    fields: visitFields,
  }),
  z.strictObject({ ...common, kind: z.literal('visit.complete') }),
  z.strictObject({
    ...common,
    kind: z.literal('concern.create'),
    fields: z.strictObject({
      cooperativeId: uuidParam,
      visitId: z.union([uuidParam, z.null()]).optional(),
      kind: z.enum(CONCERN_KINDS),
      topic: z.enum(CONCERN_TOPICS),
      description: text(5, 4000, 'Uraian minimal 5 karakter.'),
      raisedBy: nullableText(200),
      severity: z.enum(SEVERITIES).default('sedang'),
    }),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('followUp.create'),
    fields: z.strictObject({
      cooperativeId: uuidParam,
      concernId: z.union([uuidParam, z.null()]).optional(),
      visitId: z.union([uuidParam, z.null()]).optional(),
      aspect: z.union([z.enum(ASPECTS), z.null()]).optional(),
      recommendation: text(5, 2000, 'Rekomendasi minimal 5 karakter.'),
      responsible: responsibleBody,
      deadline: isoDate,
      monitoringPlan: nullableText(2000),
    }),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('followUp.update'),
    baseVersion: version,
    base: followUpFields.optional(),
    fields: followUpFields,
  }),
  z.strictObject({
    ...common,
    kind: z.literal('followUp.status'),
    baseVersion: version,
    base: z.strictObject({ status: z.string().max(20).optional() }).optional(),
    fields: z.strictObject({
      status: z.enum(['in_progress', 'done', 'cancelled']),
      note: nullableText(2000),
      evidence: z
        .strictObject({
          note: nullableText(4000),
          photoId: z.union([uuidParam, z.null()]).optional(),
          documentRef: nullableText(500),
        })
        .optional(),
      reason: nullableText(2000),
    }),
  }),
]);
type ChangeIn = z.output<typeof change>;

const responsibleOf = (r: z.output<typeof responsibleBody>) => ({
  kind: r.kind,
  bidang: r.bidang ?? null,
  userId: r.userId ?? null,
});

function visitFieldsOf(f: z.output<typeof visitFields>): VisitSyncFields {
  return {
    ...(f.attendance ? { attendance: f.attendance } : {}),
    ...(f.findings ? { findings: f.findings } : {}),
    ...(f.checklist
      ? {
          checklist: Object.fromEntries(
            Object.entries(f.checklist).map(([k, a]) => [k, a ? { result: a.result, note: a.note ?? null } : null]),
          ),
        }
      : {}),
    ...(f.gps !== undefined
      ? { gps: f.gps && { lat: f.gps.lat, lng: f.gps.lng, accuracy: f.gps.accuracy ?? null, at: f.gps.at ?? null } }
      : {}),
    ...(f.startTime !== undefined ? { startTime: f.startTime } : {}),
    ...(f.endTime !== undefined ? { endTime: f.endTime } : {}),
  };
}

function followUpFieldsOf(f: z.output<typeof followUpFields>) {
  return {
    ...(f.recommendation !== undefined ? { recommendation: f.recommendation } : {}),
    ...(f.deadline !== undefined ? { deadline: f.deadline } : {}),
    ...(f.monitoringPlan !== undefined ? { monitoringPlan: f.monitoringPlan } : {}),
    ...(f.responsible ? { responsible: responsibleOf(f.responsible) } : {}),
  };
}

/** The checked request → the use case's change (nulls where the phone left a field out). */
function toChange(c: ChangeIn): SyncChange {
  const head = { changeId: c.changeId, clientTime: c.clientTime, entityId: c.entityId };
  switch (c.kind) {
    case 'visit.update':
      return {
        ...head,
        kind: c.kind,
        baseVersion: c.baseVersion,
        base: c.base ? visitFieldsOf(c.base) : {},
        fields: visitFieldsOf(c.fields),
      };
    case 'visit.complete':
      return { ...head, kind: c.kind };
    case 'concern.create':
      return {
        ...head,
        kind: c.kind,
        fields: { ...c.fields, visitId: c.fields.visitId ?? null, raisedBy: c.fields.raisedBy ?? null },
      };
    case 'followUp.create':
      return {
        ...head,
        kind: c.kind,
        fields: {
          ...c.fields,
          concernId: c.fields.concernId ?? null,
          visitId: c.fields.visitId ?? null,
          aspect: c.fields.aspect ?? null,
          monitoringPlan: c.fields.monitoringPlan ?? null,
          responsible: responsibleOf(c.fields.responsible),
        },
      };
    case 'followUp.update':
      return {
        ...head,
        kind: c.kind,
        baseVersion: c.baseVersion,
        base: c.base ? followUpFieldsOf(c.base) : {},
        fields: followUpFieldsOf(c.fields),
      };
    case 'followUp.status': {
      const e = c.fields.evidence;
      return {
        ...head,
        kind: c.kind,
        baseVersion: c.baseVersion,
        fields: {
          status: c.fields.status,
          note: c.fields.note ?? null,
          reason: c.fields.reason ?? null,
          evidence: e ? { note: e.note ?? null, photoId: e.photoId ?? null, documentRef: e.documentRef ?? null } : null,
        },
      };
    }
  }
}

const resultOut = z.object({
  changeId: z.string(),
  status: z.enum(['applied', 'merged', 'conflict', 'rejected']),
  duplicate: z.literal(true).optional(),
  entity: z.object({ type: z.enum(['visit', 'concern', 'followUp']), id: z.string(), version: z.number() }).optional(),
  conflicts: z.array(z.object({ id: z.string(), field: z.string() })).optional(),
  error: z
    .object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() })
    .optional(),
});

const userRef = z.object({ id: z.string(), fullName: z.string() });
const conflictOut = z.object({
  id: z.string(),
  entityType: z.enum(['visit', 'followUp']),
  entityId: z.string(),
  cooperative: z.object({ id: z.string(), name: z.string() }),
  field: z.string(),
  fieldLabel: z.string(),
  baseValue: z.unknown(),
  serverValue: z.unknown(),
  clientValue: z.unknown(),
  changeId: z.string(),
  user: userRef,
  createdAt: z.string(),
  status: z.enum(['open', 'resolved']),
  resolvedBy: userRef.nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.object({ choice: z.enum(['server', 'client', 'custom']), value: z.unknown() }).nullable(),
});

const ratOut = z.object({
  asOf: z.string(),
  active: z.boolean(),
  latestDueYear: z.number().nullable(),
  years: z.array(
    z.object({
      fiscalYear: z.number(),
      deadline: z.string(),
      heldOn: z.string().nullable(),
      status: z.enum(['ON_TIME', 'LATE', 'NOT_HELD', 'NOT_YET_DUE']),
    }),
  ),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), fiscalYears: z.array(z.number()) })),
});

const packOut = z.object({
  notifications: z.object({
    items: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        title: z.string(),
        body: z.string(),
        link: z.string(),
        waLink: z.string().nullable(),
        createdAt: z.string(),
        readAt: z.string().nullable(),
      }),
    ),
    unread: z.number().int(),
  }),
  generatedAt: z.string(),
  days: z.number(),
  checklist: z.object({
    version: z.string(),
    title: z.string(),
    provisional: z.boolean(),
    note: z.string(),
    areas: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        indicators: z.array(z.object({ code: z.string(), label: z.string() })),
      }),
    ),
  }),
  items: z.array(
    z.object({
      visit: visitOut,
      cooperative: cooperativeOut,
      officers: cooperativeOut.shape.officers,
      businessUnits: z.array(unitOut),
      lastAssessment: z
        .object({
          fiscalYear: z.number(),
          category: z.string().nullable(),
          score: z.number().nullable(),
          assessedOn: z.string().nullable(),
        })
        .nullable(),
      rat: ratOut,
      concerns: z.array(concernOut),
      followUps: z.array(followUpOut),
    }),
  ),
});

const uploadOut = z.object({
  id: z.string(),
  size: z.number(),
  received: z.number(),
  photo: photoOut.nullable(),
  document: documentOut.nullable().optional(),
});
const errorOut = z.object({ code: z.string(), message: z.string() });

export const syncRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Chunks arrive as raw bytes, in this scope only.
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_CHUNK_BYTES + 4096 },
      (_request, body, done) => done(null, body),
    );

    app.get(
      '/api/v1/field/pack',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary:
            'Paket "Siapkan kunjungan": kunjungan saya kemarin s.d. `days` hari ke depan, dengan data koperasinya',
          querystring: z.strictObject({ days: z.coerce.number().int().min(0).max(31).default(7) }),
          response: { 200: packOut },
        },
      },
      async (request) => fieldPack(deps, requireActor(request), request.query.days),
    );

    app.post(
      '/api/v1/sync/push',
      {
        config: { access: SENDERS },
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          tags,
          summary: `Kirim antrean perubahan dari ponsel (maks. ${MAX_CHANGES}); tiap changeId diterapkan sekali`,
          body: z.strictObject({
            changes: z.array(change).max(MAX_CHANGES, `Maksimal ${MAX_CHANGES} perubahan per kiriman.`),
          }),
          response: { 200: z.object({ results: z.array(resultOut) }) },
        },
      },
      async (request) => ({
        results: await pushChanges(deps, requireActor(request), request.body.changes.map(toChange)),
      }),
    );

    app.get(
      '/api/v1/sync/conflicts',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Konflik suntingan luring (kedua nilai berdampingan)',
          querystring: z.strictObject({ status: z.enum(['open', 'resolved']).optional() }),
          response: { 200: z.object({ items: z.array(conflictOut) }) },
        },
      },
      async (request) => listConflicts(deps, requireActor(request), request.query),
    );

    app.post(
      '/api/v1/sync/conflicts/:id/resolve',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: 'Selesaikan konflik: pakai nilai server, nilai ponsel, atau nilai lain',
          params: idParams,
          body: z.strictObject({ choice: z.enum(['server', 'client', 'custom']), value: z.unknown().optional() }),
          response: {
            200: z.object({
              conflict: conflictOut,
              entity: z.object({ type: z.enum(['visit', 'followUp']), id: z.string(), version: z.number() }),
            }),
          },
        },
      },
      async (request) => resolveConflict(deps, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/uploads',
      {
        config: { access: SENDERS },
        schema: {
          tags,
          summary: 'Mulai (atau lanjutkan) unggahan foto bertahap; jawabannya memuat titik lanjut `received`',
          body: z.strictObject({
            id: uuidParam,
            target: z.strictObject({ type: z.enum(['visit', 'followUp']), id: uuidParam }),
            size: z
              .number()
              .int()
              .min(1, 'Ukuran berkas minimal 1 bita.')
              .max(50 * 1024 * 1024),
            contentType: z.enum(PHOTO_TYPES),
            caption: nullableText(300),
            takenAt: z.union([isoInstant, z.null()]).optional(),
          }),
          response: { 200: uploadOut },
        },
      },
      async (request) => {
        const b = request.body;
        return startUpload(deps, requireActor(request), {
          ...b,
          caption: b.caption ?? null,
          takenAt: b.takenAt ?? null,
        });
      },
    );

    app.put(
      '/api/v1/uploads/:id',
      {
        config: { access: SENDERS },
        bodyLimit: MAX_CHUNK_BYTES + 4096,
        schema: {
          tags,
          summary:
            'Kirim satu potongan foto atau dokumen (≤ 256 KiB, application/octet-stream) mulai dari `offset`; offset lain dijawab 409 {received}',
          params: idParams,
          querystring: z.strictObject({ offset: z.coerce.number().int().min(0) }),
          ...rawBody([MEDIA.octets]),
          response: { 200: uploadOut, 409: z.object({ received: z.number(), error: errorOut }) },
        },
      },
      async (request, reply) => {
        const out = await putChunk(deps, requireActor(request), request.params.id, request.query.offset, request.body);
        if (!out.ok) {
          return reply.status(409).send({
            received: out.received,
            error: {
              code: 'CONFLICT',
              message: `Potongan harus dimulai dari bita ke-${out.received}; lanjutkan dari sana.`,
            },
          });
        }
        return out.state;
      },
    );

    app.get(
      '/api/v1/uploads/:id',
      {
        config: { access: SENDERS },
        schema: {
          tags,
          summary: 'Keadaan unggahan: berapa bita sudah diterima, dan foto atau dokumennya bila selesai',
          params: idParams,
          response: { 200: uploadOut },
        },
      },
      async (request) => getUpload(deps, requireActor(request), request.params.id),
    );
  };
