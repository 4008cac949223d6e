import { z } from 'zod';
import { PHOTO_TYPES } from '../domain/visits/images.js';
import { ratComplianceOut } from './annual-meetings.js';
import { cooperativeOut, isoDate, unitOut, uuidParam } from './common.js';
import { raiseConcernBody } from './concerns.js';
import { documentOut } from './desk.js';
import { createFollowUpBody, followUpStatusBody } from './follow-ups.js';
import { noticeListOut } from './notifications.js';
import {
  attendee,
  checklistAnswers,
  checklistTemplateOut,
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
} from './visits.js';

/**
 * Field sync (issue 6), to the contract in docs/SYNC.md: the pack a petugas takes into the field,
 * the outbox push, conflicts, and photos in resumable chunks.
 */

export const MAX_CHANGES = 200;

const baseVersion = z.number().int().min(1);
export const visitSyncFields = z.strictObject({
  attendance: z.array(attendee).max(500).optional(),
  findings: findings.optional(),
  checklist: checklistAnswers.optional(),
  gps: z.union([gps, z.null()]).optional(),
  startTime: z.union([time, z.null()]).optional(),
  endTime: z.union([time, z.null()]).optional(),
});
export const followUpSyncFields = z.strictObject({
  recommendation: text(5, 2000, 'Rekomendasi minimal 5 karakter.').optional(),
  deadline: isoDate.optional(),
  monitoringPlan: nullableText(2000),
  responsible: responsibleBody.optional(),
});
const head = { changeId: uuidParam, clientTime: isoInstant.optional(), entityId: uuidParam };

/** One change from the phone's outbox; `create` and `status` take the fields of the online request. */
export const syncChange = z.discriminatedUnion('kind', [
  z.strictObject({
    ...head,
    kind: z.literal('visit.update'),
    baseVersion,
    base: visitSyncFields.optional(),
    fields: visitSyncFields,
  }),
  z.strictObject({ ...head, kind: z.literal('visit.complete') }),
  z.strictObject({
    ...head,
    kind: z.literal('concern.create'),
    fields: raiseConcernBody.omit({ id: true }),
  }),
  z.strictObject({
    ...head,
    kind: z.literal('followUp.create'),
    fields: createFollowUpBody.omit({ id: true }).extend({ cooperativeId: uuidParam }),
  }),
  z.strictObject({
    ...head,
    kind: z.literal('followUp.update'),
    baseVersion,
    base: followUpSyncFields.optional(),
    fields: followUpSyncFields,
  }),
  z.strictObject({
    ...head,
    kind: z.literal('followUp.status'),
    baseVersion,
    base: z.strictObject({ status: z.string().max(20).optional() }).optional(),
    fields: followUpStatusBody.omit({ version: true }),
  }),
]);
export const syncPushBody = z.strictObject({
  changes: z.array(syncChange).max(MAX_CHANGES, `Maksimal ${MAX_CHANGES} perubahan per kiriman.`),
});

export const syncResultOut = z.object({
  changeId: z.string(),
  status: z.enum(['applied', 'merged', 'conflict', 'rejected']),
  duplicate: z.literal(true).optional(),
  entity: z.object({ type: z.enum(['visit', 'concern', 'followUp']), id: z.string(), version: z.number() }).optional(),
  conflicts: z.array(z.object({ id: z.string(), field: z.string() })).optional(),
  error: z
    .object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() })
    .optional(),
});
export const syncPushOut = z.object({ results: z.array(syncResultOut) });

const userRef = z.object({ id: z.string(), fullName: z.string() });
const conflictChoice = z.enum(['server', 'client', 'custom']);
export const conflictOut = z.object({
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
  resolution: z.object({ choice: conflictChoice, value: z.unknown() }).nullable(),
});
export const conflictListQuery = z.strictObject({ status: z.enum(['open', 'resolved']).optional() });
export const conflictListOut = z.object({ items: z.array(conflictOut) });
export const resolveConflictBody = z.strictObject({ choice: conflictChoice, value: z.unknown().optional() });
export const resolveConflictOut = z.object({
  conflict: conflictOut,
  entity: z.object({ type: z.enum(['visit', 'followUp']), id: z.string(), version: z.number() }),
});

export const fieldPackQuery = z.strictObject({ days: z.coerce.number().int().min(0).max(31).default(7) });
export const fieldPackItemOut = z.object({
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
  rat: ratComplianceOut,
  concerns: z.array(concernOut),
  followUps: z.array(followUpOut),
});
export const fieldPackOut = z.object({
  notifications: noticeListOut,
  generatedAt: z.string(),
  days: z.number(),
  checklist: checklistTemplateOut,
  items: z.array(fieldPackItemOut),
});

export const uploadStartBody = z.strictObject({
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
});
export const uploadOut = z.object({
  id: z.string(),
  size: z.number(),
  received: z.number(),
  photo: photoOut.nullable(),
  document: documentOut.nullable().optional(),
});
export const uploadChunkQuery = z.strictObject({ offset: z.coerce.number().int().min(0) });
/** A chunk that does not start where the server stands: where to go on from. */
export const uploadChunkConflictOut = z.object({
  received: z.number(),
  error: z.object({ code: z.string(), message: z.string() }),
});

export type SyncChangeIn = z.output<typeof syncChange>;
export type SyncResultOut = z.infer<typeof syncResultOut>;
export type ConflictOut = z.infer<typeof conflictOut>;
export type ResolveConflictOut = z.infer<typeof resolveConflictOut>;
export type FieldPackOut = z.infer<typeof fieldPackOut>;
export type UploadOut = z.infer<typeof uploadOut>;
