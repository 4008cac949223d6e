// Types and fetchers of the dialog capability: concerns (permasalahan, keluhan, tantangan), their
// follow-ups (recommendations) and business-unit development. Types from the contract (src/contract/visits.ts).
import { ApiError, buildQuery, get, patch, post, type QueryValue } from './api';
import { compressImage } from './image';
import type { ConcernCanOut, FollowUpCanOut } from '@contract/abilities';
import type { Page } from '@contract/common';
import type {
  ConcernOut,
  DevelopmentOut,
  FollowUpOut,
  MentoringOut,
  NeedOut,
  PhotoOut,
  ProposalOut,
  TeamCandidatesOut,
} from '@contract/visits';
import type { Bidang } from '@domain/codes';
import { MENTORING_BIDANG as MENTORS } from '@domain/visits/codes';
import type { Aspect, ConcernKind, ConcernTopic, Severity } from '@domain/visits/codes';

export {
  CONCERN_KINDS,
  CONCERN_STATUSES,
  CONCERN_TOPICS,
  FOLLOW_UP_STATUSES,
  NEED_KINDS,
  PROPOSAL_STATUSES,
  RAISED_VIA,
  RESPONSIBLE_KINDS,
  SEVERITIES,
} from '@domain/visits/codes';
export type {
  ConcernKind,
  ConcernStatus,
  ConcernTopic,
  FollowUpStatus,
  NeedKind,
  ProposalStatus,
  ResponsibleKind,
  Severity,
} from '@domain/visits/codes';
export type { Aspect } from '@domain/visits/codes';
export { BIDANG as BIDANG_CODES } from '@domain/codes';
export { ASPECTS } from '@domain/visits/codes';

export type { RaisedVia } from '@domain/visits/codes';
/** Divisions whose staff mentor business units. */
export const MENTORING_BIDANG: readonly Bidang[] = MENTORS;
/** The status filter of the follow-up list: the statuses, and `overdue`. */
export const FOLLOW_UP_FILTERS = ['open', 'in_progress', 'overdue', 'done', 'cancelled'] as const;
export type NeedStatus = NeedOut['status'];

/** GET /concerns items and GET /concerns/:id, with what this user may do with it (`can`). */
export type Concern = ConcernOut & { can: ConcernCanOut };
export type Responsible = Pick<FollowUpOut['responsible'], 'kind' | 'bidang' | 'userId'>;
/** GET /follow-ups items and GET /follow-ups/:id, with what this user may do with it (`can`). */
export type FollowUp = FollowUpOut & { can: FollowUpCanOut };
export type UnitNeed = NeedOut;
export type MentoringSession = MentoringOut;
export type UnitProposal = ProposalOut;
export type UnitDevelopment = DevelopmentOut;
export type Photo = Pick<PhotoOut, 'id' | 'url' | 'thumbnailUrl' | 'width' | 'height' | 'sizeBytes'>;

/** An officer who can be named responsible or mentor (from the planning helper's GET /team-candidates). */
export type StaffOption = TeamCandidatesOut['items'][number];

export interface ConcernFilters {
  status?: string;
  kind?: string;
  topic?: string;
  severity?: string;
  district?: string;
  cooperativeId?: string;
  raisedVia?: string;
  unseen?: string;
  visitId?: string;
  /** Recorded from / to this day (YYYY-MM-DD, WIB): the dashboard's topic links. */
  from?: string;
  to?: string;
}
export interface FollowUpFilters {
  status?: string;
  assignee?: string;
  bidang?: string;
  cooperativeId?: string;
  visitId?: string;
  concernId?: string;
  /** BIDANG | USER | COOPERATIVE: the dashboard's "Koperasi sendiri" bar. */
  responsibleKind?: string;
}

export interface ConcernInput {
  id?: string;
  cooperativeId: string;
  visitId?: string | null;
  kind: ConcernKind;
  topic: ConcernTopic;
  description: string;
  raisedBy: string | null;
  severity: Severity;
}

export interface FollowUpInput {
  id?: string;
  cooperativeId?: string;
  visitId?: string | null;
  concernId?: string | null;
  aspect?: Aspect | null;
  recommendation: string;
  responsible: Responsible;
  deadline: string;
  monitoringPlan: string | null;
}

export type StatusChange =
  | { status: 'in_progress'; note: string | null; version: number }
  | { status: 'done'; evidence: { note: string; photoId: string | null; documentRef: string | null }; version: number }
  | { status: 'cancelled'; reason: string; version: number };

const q = (f: object) => buildQuery(f as Record<string, QueryValue>);

export const dialogKeys = {
  concerns: ['concerns'] as const,
  followUps: ['follow-ups'] as const,
  development: (coopId: string) => ['unit-development', coopId] as const,
};

export const fetchConcerns = (f: ConcernFilters & { page?: number; pageSize?: number }, signal?: AbortSignal) =>
  get<Page<Concern>>(`/concerns${q(f)}`, signal);
export const fetchConcern = (id: string, signal?: AbortSignal) => get<Concern>(`/concerns/${id}`, signal);
export const raiseConcern = (body: ConcernInput) => post<Concern>('/concerns', body);
export const updateConcern = (
  id: string,
  body: Partial<Pick<Concern, 'kind' | 'topic' | 'description' | 'raisedBy' | 'severity' | 'status'>> & {
    response?: string | null;
    version: number;
  },
) => patch<Concern>(`/concerns/${id}`, body);
export const markConcernSeen = (id: string) => post<Concern>(`/concerns/${id}/seen`);

export const fetchFollowUps = (f: FollowUpFilters & { page?: number; pageSize?: number }, signal?: AbortSignal) =>
  get<Page<FollowUp>>(`/follow-ups${q(f)}`, signal);
export const createFollowUp = (body: FollowUpInput) => post<FollowUp>('/follow-ups', body);
export const changeFollowUpStatus = (id: string, body: StatusChange) =>
  post<FollowUp>(`/follow-ups/${id}/status`, body);

export const concernExportPath = (f: ConcernFilters, ext: 'xlsx' | 'csv') => `/concerns/export.${ext}${q(f)}`;
export const followUpExportPath = (f: FollowUpFilters, ext: 'xlsx' | 'csv') => `/follow-ups/export.${ext}${q(f)}`;

export const fetchDevelopment = (coopId: string, signal?: AbortSignal) =>
  get<UnitDevelopment>(`/cooperatives/${coopId}/unit-development`, signal);

/** Officers for the responsible-party and mentor pickers; empty when the list is not available. */
export async function fetchStaff(signal?: AbortSignal): Promise<StaffOption[]> {
  try {
    return (await get<{ items: StaffOption[] }>('/team-candidates', signal)).items;
  } catch {
    return [];
  }
}

/** Uploads an evidence photo (already compressed) to a follow-up. */
export async function uploadFollowUpPhoto(followUpId: string, blob: Blob): Promise<Photo> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/follow-ups/${followUpId}/photos?id=${crypto.randomUUID()}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': blob.type || 'image/jpeg', Accept: 'application/json' },
      body: blob,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Tidak dapat terhubung ke server. Periksa koneksi Anda.');
  }
  const data = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; fields?: Record<string, string> };
  } | null;
  if (!res.ok)
    throw new ApiError(
      res.status,
      data?.error?.code ?? `HTTP_${res.status}`,
      data?.error?.message ?? 'Foto gagal diunggah.',
      data?.error?.fields,
    );
  return data as unknown as Photo;
}

/** Photos are compressed by the shared, unit-tested `compressImage` (web/src/lib/image.ts). */
export async function compressPhoto(file: Blob): Promise<Blob> {
  return (await compressImage(file)).blob;
}

/** Days from today (Jakarta) to a deadline; negative when past. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
