// Types and fetchers of the dialog capability: concerns (permasalahan, keluhan, tantangan), their
// follow-ups (recommendations) and business-unit development. Mirrors src/http/routes/visits/schemas.ts.
import { ApiError, buildQuery, get, patch, post, type QueryValue } from './api';
import { compressImage } from './image';
import type { Bidang, Page } from './types';

export const CONCERN_KINDS = ['PERMASALAHAN', 'KELUHAN', 'TANTANGAN'] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];
export const CONCERN_TOPICS = [
  'permodalan',
  'pemasaran',
  'sdm',
  'kelembagaan',
  'pengawasan_internal',
  'perizinan',
  'teknologi',
  'produksi',
  'lainnya',
] as const;
export type ConcernTopic = (typeof CONCERN_TOPICS)[number];
export const SEVERITIES = ['rendah', 'sedang', 'tinggi'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const CONCERN_STATUSES = ['open', 'addressed', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];
export const RAISED_VIA = ['PORTAL', 'VISIT', 'DINAS'] as const;
export type RaisedVia = (typeof RAISED_VIA)[number];

export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const FOLLOW_UP_FILTERS = ['open', 'in_progress', 'overdue', 'done', 'cancelled'] as const;
export const RESPONSIBLE_KINDS = ['BIDANG', 'USER', 'COOPERATIVE'] as const;
export type ResponsibleKind = (typeof RESPONSIBLE_KINDS)[number];
export const BIDANG_CODES = ['koperasi', 'usaha_mikro', 'perindustrian'] as const;
export const ASPECTS = ['kelembagaan', 'usaha', 'keuangan', 'pengawasanInternal'] as const;
export type Aspect = (typeof ASPECTS)[number];

export const NEED_KINDS = [
  'MODAL',
  'PEMASARAN',
  'IZIN_NIB',
  'IZIN_PIRT',
  'IZIN_HALAL',
  'PRODUKSI',
  'KETERAMPILAN',
  'LAINNYA',
] as const;
export type NeedKind = (typeof NEED_KINDS)[number];
export type NeedStatus = 'open' | 'met';
export const PROPOSAL_STATUSES = ['idea', 'studied', 'started', 'dropped'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
/** Divisions whose staff mentor business units. */
export const MENTORING_BIDANG: readonly Bidang[] = ['usaha_mikro', 'perindustrian'];

export interface Concern {
  id: string;
  cooperative: { id: string; name: string };
  visitId: string | null;
  raisedVia: RaisedVia;
  kind: ConcernKind;
  topic: ConcernTopic;
  description: string;
  raisedBy: string;
  severity: Severity;
  status: ConcernStatus;
  response: string | null;
  seenAt: string | null;
  followUps: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Responsible {
  kind: ResponsibleKind;
  bidang: Bidang | null;
  userId: string | null;
}

export interface FollowUp {
  id: string;
  cooperative: { id: string; name: string };
  visitId: string | null;
  concernId: string | null;
  aspect: Aspect | null;
  recommendation: string;
  responsible: Responsible & { user: { id: string; fullName: string } | null; label: string };
  deadline: string;
  monitoringPlan: string | null;
  status: FollowUpStatus;
  overdue: boolean;
  daysOverdue: number;
  progressNote: string | null;
  evidence: { note: string; photoId: string | null; documentRef: string | null } | null;
  /** A cooperative's "done" waits for the Dinas' verification (issue 13). */
  verification?: import('./desk').Verification;
  cancelReason: string | null;
  closedAt: string | null;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UnitNeed {
  id: string;
  businessUnitId: string;
  visitId: string | null;
  kind: NeedKind;
  description: string;
  amount: number | null;
  status: NeedStatus;
  version: number;
  createdAt: string;
}
export interface MentoringSession {
  id: string;
  businessUnitId: string;
  visitId: string | null;
  heldOn: string;
  mentor: { id: string; fullName: string };
  bidang: Bidang;
  topic: string;
  notes: string | null;
  version: number;
}
export interface UnitProposal {
  id: string;
  visitId: string | null;
  name: string;
  sector: string;
  description: string | null;
  status: ProposalStatus;
  businessUnitId: string | null;
  dropReason: string | null;
  version: number;
  createdAt: string;
}
export interface UnitDevelopment {
  units: {
    id: string;
    name: string;
    sector: string;
    status: string;
    needs: UnitNeed[];
    mentoring: MentoringSession[];
  }[];
  proposals: UnitProposal[];
}

export interface Photo {
  id: string;
  url: string;
  thumbnailUrl: string;
  width: number | null;
  height: number | null;
  sizeBytes: number;
}

/** An officer who can be named responsible or mentor (from the planning helper's GET /team-candidates). */
export interface StaffOption {
  id: string;
  fullName: string;
  role: string;
  bidang: Bidang | null;
}

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

/** Client-side mirror of src/app/visits/policy.ts, to show only the buttons that will work. */
export interface Who {
  id: string | number;
  role: string;
  bidang: Bidang | null;
  cooperativeId: string | number | null;
}
const isAdmin = (me: Who) => me.role === 'admin';
export const canHandleConcern = (me: Who | null | undefined) => !!me && (isAdmin(me) || me.role === 'petugas');
export const canRecommend = canHandleConcern;
/** Report progress or completion: admin, who agreed it, who must do it (named or by bidang), or the cooperative when assigned to it. */
export function canProgress(me: Who | null | undefined, f: FollowUp, onVisitTeam = false): boolean {
  if (!me) return false;
  if (isAdmin(me)) return true;
  if (me.role === 'petugas') {
    return (
      onVisitTeam ||
      f.createdBy === String(me.id) ||
      f.responsible.userId === String(me.id) ||
      (f.responsible.kind === 'BIDANG' && f.responsible.bidang === me.bidang)
    );
  }
  return (
    me.role === 'koperasi' && f.responsible.kind === 'COOPERATIVE' && String(me.cooperativeId) === f.cooperative.id
  );
}
/** Cancel (or change what was agreed): admin, or the petugas who agreed it. */
export function canCancel(me: Who | null | undefined, f: FollowUp, onVisitTeam = false): boolean {
  if (!me) return false;
  return isAdmin(me) || (me.role === 'petugas' && (onVisitTeam || f.createdBy === String(me.id)));
}
