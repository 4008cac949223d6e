/**
 * Types and fetchers of the visit detail and record screen (issue #4 §3, §6, §7), plus the pure
 * draft logic the page and, later, field mode share: what changed, the PATCH body, and rebasing a
 * draft on a newer server record after a conflict without losing what the user typed.
 */
import { del, get, patch, post } from './api';
import { uploadFile } from './download';
import type { VisitCanOut } from '@contract/abilities';
import type { UnitOut } from '@contract/common';
import type { ActivityReportOut, ChecklistTemplateOut, PhotoOut, VisitOut } from '@contract/visits';
import { ASPECTS, type Aspect } from '@domain/visits/codes';

export { ASPECTS, ATTENDEE_ROLES, VISIT_PURPOSES, VISIT_STATUSES } from '@domain/visits/codes';
export type { Aspect, AttendeeRole, Gender, VisitPurpose, VisitStatus } from '@domain/visits/codes';
export { CHECK_RESULTS } from '@domain/visits/checklist';
export type { CheckResult } from '@domain/visits/checklist';

export type { TeamMember } from './visits';
export type Attendee = VisitOut['attendance'][number];
export type ChecklistAnswer = NonNullable<VisitOut['checklist']>['answers'][string];
export type ChecklistAnswers = Record<string, ChecklistAnswer>;
export type Findings = Record<Aspect, string | null>;
export type GpsFix = NonNullable<VisitOut['gps']>;
export type PhotoMeta = PhotoOut;
/** GET /visits/:id, with what this user may do with it (`can`, from the visit policy). */
export type Visit = VisitOut & { can: VisitCanOut };
export type ChecklistTemplate = ChecklistTemplateOut;
/** The parts of a business unit (GET /cooperatives/:id/business-units) the record screen shows. */
export type BusinessUnit = Pick<UnitOut, 'id' | 'name' | 'sector' | 'status'>;
export type ActivityReport = ActivityReportOut;

/** A photo chosen on this device, compressed, not yet on the server. */
export interface PendingPhoto {
  /** Client-generated id: sent with the upload, so a retry does not store it twice. */
  id: string;
  blob: Blob;
  caption: string;
  takenAt: string;
  width: number;
  height: number;
  originalBytes: number;
}

/** What the user edits on the record. */
export interface VisitDraft {
  attendance: Attendee[];
  findings: Findings;
  checklist: ChecklistAnswers;
  gps: GpsFix | null;
  businessUnitIds: string[];
}

// --- fetchers -------------------------------------------------------------------------------

export const visitKey = (id: string) => ['visit', id] as const;

export const fetchVisit = (id: string, signal?: AbortSignal) => get<Visit>(`/visits/${id}`, signal);
export const fetchChecklist = (signal?: AbortSignal) => get<ChecklistTemplate>('/visits/checklist', signal);
/** Same shape as every other ['business-units', id] query in the app (they share the cache). */
export const fetchUnits = (cooperativeId: string, signal?: AbortSignal) =>
  get<{ items: BusinessUnit[] }>(`/cooperatives/${cooperativeId}/business-units`, signal);
export const fetchActivityReport = (id: string, signal?: AbortSignal) =>
  get<ActivityReport>(`/visits/${id}/activity-report`, signal);

export const saveVisit = (id: string, body: VisitPatch) => patch<Visit>(`/visits/${id}`, body);
export const approveVisit = (id: string, version: number) => post<Visit>(`/visits/${id}/approve`, { version });
export const completeVisit = (id: string, version: number) => post<Visit>(`/visits/${id}/complete`, { version });
export const cancelVisit = (id: string, reason: string, version: number) =>
  post<Visit>(`/visits/${id}/cancel`, { reason, version });
export const deletePhoto = (photoId: string) => del<{ ok: true }>(`/photos/${photoId}`);

export function uploadPhoto(visitId: string, p: PendingPhoto): Promise<PhotoMeta> {
  const q = new URLSearchParams({ id: p.id, takenAt: p.takenAt });
  if (p.caption.trim()) q.set('caption', p.caption.trim());
  return uploadFile<PhotoMeta>(`/visits/${visitId}/photos?${q.toString()}`, p.blob, p.blob.type || 'image/jpeg');
}

// --- what the buttons offer: the visit's `can` (src/app/policy/visits.ts) and its status ----

export interface VisitRights {
  /** Record the visit: attendance, notes, checklist, photos, GPS, units. */
  edit: boolean;
  /** Change the plan (date, team, purposes). */
  editPlan: boolean;
  approve: boolean;
  complete: boolean;
  cancel: boolean;
}

export function visitRights(v: Pick<Visit, 'can' | 'status' | 'date'>, today: string): VisitRights {
  const open = v.status === 'planned' || v.status === 'approved';
  const edit = v.can.update && v.status !== 'cancelled';
  return {
    edit,
    editPlan: edit && open,
    approve: v.can.approve && v.status === 'planned',
    complete: edit && v.status === 'approved' && v.date <= today,
    cancel: v.can.cancel && open,
  };
}

// --- draft logic ----------------------------------------------------------------------------

const emptyFindings = (): Findings => Object.fromEntries(ASPECTS.map((a) => [a, null])) as Findings;

export function draftOf(v: Visit): VisitDraft {
  const findings = emptyFindings();
  for (const a of ASPECTS) findings[a] = v.findings[a] ?? null;
  return {
    attendance: v.attendance.map((a) => ({ ...a })),
    findings,
    checklist: Object.fromEntries(Object.entries(v.checklist?.answers ?? {}).map(([k, a]) => [k, { ...a }])),
    gps: v.gps ? { ...v.gps } : null,
    businessUnitIds: [...v.businessUnitIds],
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const text = (s: string | null | undefined) => (s ?? '').trim();
const sameAnswer = (a: ChecklistAnswer | undefined, b: ChecklistAnswer | undefined) =>
  (!a && !b) || (!!a && !!b && a.result === b.result && text(a.note) === text(b.note));
const normAttendance = (list: Attendee[]) =>
  list.map((a) => ({ ...a, name: a.name.replace(/\s+/g, ' ').trim() })).filter((a) => a.name !== '');
const sortedIds = (ids: string[]) => [...ids].sort();

export interface VisitPatch {
  attendance?: Attendee[];
  findings?: Partial<Record<Aspect, string | null>>;
  checklist?: Record<string, ChecklistAnswer | null>;
  gps?: GpsFix | null;
  businessUnitIds?: string[];
  version: number;
}

/**
 * The PATCH body for what differs between the draft and the record it started from; null when
 * nothing differs. Only changed sections are sent: units belong to the plan and are checked with it.
 */
export function patchOf(base: VisitDraft, draft: VisitDraft, version: number): VisitPatch | null {
  const body: VisitPatch = { version };
  const attendance = normAttendance(draft.attendance);
  if (!same(attendance, normAttendance(base.attendance))) body.attendance = attendance;
  const findings: Partial<Findings> = {};
  for (const a of ASPECTS) {
    if (text(draft.findings[a]) !== text(base.findings[a])) findings[a] = text(draft.findings[a]) || null;
  }
  if (Object.keys(findings).length) body.findings = findings;
  const checklist: Record<string, ChecklistAnswer | null> = {};
  for (const code of new Set([...Object.keys(base.checklist), ...Object.keys(draft.checklist)])) {
    const d = draft.checklist[code];
    if (sameAnswer(base.checklist[code], d)) continue;
    checklist[code] = d ? { result: d.result, note: text(d.note) || null } : null;
  }
  if (Object.keys(checklist).length) body.checklist = checklist;
  if (!same(draft.gps, base.gps)) body.gps = draft.gps;
  if (!same(sortedIds(draft.businessUnitIds), sortedIds(base.businessUnitIds)))
    body.businessUnitIds = [...new Set(draft.businessUnitIds)];
  return Object.keys(body).length > 1 ? body : null;
}

export function isDirty(base: VisitDraft, draft: VisitDraft): boolean {
  return patchOf(base, draft, 0) !== null;
}

/**
 * After a conflict: the newer server record, with the user's own changes on top. A part the user
 * did not touch (an aspect's notes, one checklist answer, the attendance list, GPS, units) takes
 * the server's new value; a part the user changed keeps what they typed.
 */
export function rebaseDraft(oldBase: VisitDraft, draft: VisitDraft, server: VisitDraft): VisitDraft {
  const pick = <T>(mine: T, base: T, theirs: T, eq: (a: T, b: T) => boolean = same) => (eq(mine, base) ? theirs : mine);
  const findings = emptyFindings();
  for (const a of ASPECTS)
    findings[a] = pick(draft.findings[a], oldBase.findings[a], server.findings[a], (x, y) => text(x) === text(y));
  const checklist: ChecklistAnswers = {};
  for (const code of new Set([
    ...Object.keys(oldBase.checklist),
    ...Object.keys(draft.checklist),
    ...Object.keys(server.checklist),
  ])) {
    const v = pick(draft.checklist[code], oldBase.checklist[code], server.checklist[code], sameAnswer);
    if (v) checklist[code] = v;
  }
  return {
    attendance: pick(draft.attendance, oldBase.attendance, server.attendance, (x, y) =>
      same(normAttendance(x), normAttendance(y)),
    ),
    findings,
    checklist,
    gps: pick(draft.gps, oldBase.gps, server.gps),
    businessUnitIds: pick(draft.businessUnitIds, oldBase.businessUnitIds, server.businessUnitIds, (x, y) =>
      same(sortedIds(x), sortedIds(y)),
    ),
  };
}

/** Client-side checks before saving, keyed like the server's fields (`attendance.0.name`). */
export function checkDraft(d: VisitDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  d.attendance.forEach((a, i) => {
    const name = a.name.trim();
    if (name !== '' && name.length < 2) errors[`attendance.${i}.name`] = 'Nama minimal 2 karakter.';
  });
  return errors;
}

/** A new client id for a photo (field mode needs them; crypto.randomUUID is absent on plain http). */
export function newId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto && typeof crypto.randomUUID === 'function') {
    try {
      return crypto.randomUUID();
    } catch {
      /* insecure context */
    }
  }
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
