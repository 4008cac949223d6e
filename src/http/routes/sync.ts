import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppDeps } from '../../app/context.js';
import type { SyncChange, VisitSyncFields } from '../../app/sync/changes.js';
import { fieldPack } from '../../app/sync/field-pack.js';
import { listConflicts } from '../../app/sync/list-conflicts.js';
import { pushChanges } from '../../app/sync/push-changes.js';
import { resolveConflict } from '../../app/sync/resolve-conflict.js';
import { getUpload, MAX_CHUNK_BYTES, putChunk, startUpload } from '../../app/sync/uploads.js';
import { COOPERATIVE_WRITERS, requireActor, STAFF, WRITERS } from '../access.js';
import { idParams } from '../../contract/common.js';
import { MEDIA, rawBody } from '../../contract/files.js';
import {
  conflictListOut,
  conflictListQuery,
  fieldPackOut,
  fieldPackQuery,
  type followUpSyncFields,
  MAX_CHANGES,
  resolveConflictBody,
  resolveConflictOut,
  type SyncChangeIn,
  syncPushBody,
  syncPushOut,
  uploadChunkConflictOut,
  uploadChunkQuery,
  uploadOut,
  uploadStartBody,
  type visitSyncFields,
} from '../../contract/sync.js';
import type { responsibleBody } from '../../contract/visits.js';

/**
 * Field sync (issue 6), to the contract in docs/SYNC.md: the pack a petugas takes into the field,
 * the outbox push, conflicts, and photos in resumable chunks.
 */
const tags = ['sinkronisasi lapangan'];
/** Who may send changes or photos: those who may make them on the normal routes. */
const SENDERS = COOPERATIVE_WRITERS;
type ChangeIn = SyncChangeIn;

const responsibleOf = (r: z.output<typeof responsibleBody>) => ({
  kind: r.kind,
  bidang: r.bidang ?? null,
  userId: r.userId ?? null,
});

function visitFieldsOf(f: z.output<typeof visitSyncFields>): VisitSyncFields {
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

function followUpFieldsOf(f: z.output<typeof followUpSyncFields>) {
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
          querystring: fieldPackQuery,
          response: { 200: fieldPackOut },
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
          body: syncPushBody,
          response: { 200: syncPushOut },
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
          querystring: conflictListQuery,
          response: { 200: conflictListOut },
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
          body: resolveConflictBody,
          response: { 200: resolveConflictOut },
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
          body: uploadStartBody,
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
          querystring: uploadChunkQuery,
          ...rawBody([MEDIA.octets]),
          response: { 200: uploadOut, 409: uploadChunkConflictOut },
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
