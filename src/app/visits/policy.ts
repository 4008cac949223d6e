import type { Actor } from '../context.js';

/**
 * Who may do what with visits, concerns, follow-ups and business-unit development, declared once.
 * Routes gate by role (src/http/access.ts); use cases call `authorize` with the record.
 * - petugas plan visits and edit those they are on; pimpinan reads all and approves; admin does all;
 * - a koperasi user sees its own cooperative's visits, concerns and follow-ups, raises concerns
 *   between visits, and reports progress on follow-ups assigned to its cooperative.
 */
type Rule<R> = (actor: Actor, record: R) => boolean;

const isAdmin = (a: Actor) => a.role === 'admin' || a.role === 'system';
const isStaff = (a: Actor) => isAdmin(a) || a.role === 'pimpinan' || a.role === 'petugas';
const ownCooperative = (a: Actor, cooperativeId: string) => a.role === 'koperasi' && a.cooperativeId === cooperativeId;
const onTeam = (a: Actor, team: readonly string[]) => a.role === 'petugas' && a.userId !== null && team.includes(a.userId);

export interface VisitRef { cooperativeId: string; team: readonly string[] }

export const programPolicy = {
  read: ((a) => isStaff(a)) as Rule<unknown>,
  manage: ((a) => isAdmin(a) || a.role === 'pimpinan') as Rule<unknown>,
};

export const visitPolicy = {
  read: ((a, v) => isStaff(a) || ownCooperative(a, v.cooperativeId)) as Rule<{ cooperativeId: string }>,
  /** Plan a new visit; a petugas must put themself on its team (checked with the team). */
  plan: ((a) => isAdmin(a) || a.role === 'petugas') as Rule<unknown>,
  edit: ((a, v) => isAdmin(a) || onTeam(a, v.team)) as Rule<VisitRef>,
  approve: ((a) => isAdmin(a) || a.role === 'pimpinan') as Rule<unknown>,
  cancel: ((a, v) => isAdmin(a) || a.role === 'pimpinan' || onTeam(a, v.team)) as Rule<VisitRef>,
  /** Double bookings name officers across cooperatives: staff only. */
  seeBookings: ((a) => isStaff(a)) as Rule<unknown>,
};

export interface ConcernRef { cooperativeId: string; visitTeam: readonly string[] | null }

export const concernPolicy = {
  read: ((a, c) => isStaff(a) || ownCooperative(a, c.cooperativeId)) as Rule<{ cooperativeId: string }>,
  /** During a visit: its team; between visits: any petugas, or the cooperative from its portal. */
  raise: ((a, c) =>
    isAdmin(a) || (c.visitTeam ? onTeam(a, c.visitTeam) : a.role === 'petugas') || ownCooperative(a, c.cooperativeId)) as Rule<ConcernRef>,
  handle: ((a) => isAdmin(a) || a.role === 'petugas') as Rule<unknown>,
  markSeen: ((a) => isStaff(a)) as Rule<unknown>,
};

export interface FollowUpRef {
  cooperativeId: string;
  createdBy: string | null;
  visitTeam: readonly string[];
  responsible: { kind: string; bidang: string | null; userId: string | null };
}

const assignedTo = (a: Actor, f: FollowUpRef) =>
  (a.userId !== null && f.responsible.userId === a.userId) ||
  (a.role === 'petugas' && f.responsible.kind === 'BIDANG' && f.responsible.bidang === a.bidang);

export const followUpPolicy = {
  read: ((a, f) => isStaff(a) || ownCooperative(a, f.cooperativeId)) as Rule<{ cooperativeId: string }>,
  /** From a visit: its team; from a concern alone: any petugas. */
  create: ((a, f) => isAdmin(a) || (f.visitTeam.length ? onTeam(a, f.visitTeam) : a.role === 'petugas')) as Rule<{ visitTeam: readonly string[] }>,
  /** Change what was agreed (text, owner, deadline, plan) or cancel it: who agreed it. */
  edit: ((a, f) => isAdmin(a) || (a.role === 'petugas' && (f.createdBy === a.userId || onTeam(a, f.visitTeam)))) as Rule<FollowUpRef>,
  /** Report progress or completion: who agreed it, or who must do it. */
  progress: ((a, f) =>
    isAdmin(a) ||
    (a.role === 'petugas' && (f.createdBy === a.userId || onTeam(a, f.visitTeam) || assignedTo(a, f))) ||
    (f.responsible.kind === 'COOPERATIVE' && ownCooperative(a, f.cooperativeId))) as Rule<FollowUpRef>,
};

export const unitDevelopmentPolicy = {
  read: ((a, c) => isStaff(a) || ownCooperative(a, c.cooperativeId)) as Rule<{ cooperativeId: string }>,
  /** Needs and proposals: staff in the field, or the cooperative itself (as with its business units). */
  write: ((a, c) => isAdmin(a) || a.role === 'petugas' || ownCooperative(a, c.cooperativeId)) as Rule<{ cooperativeId: string }>,
  /** Mentoring sessions are recorded by staff. */
  mentor: ((a) => isAdmin(a) || a.role === 'petugas') as Rule<unknown>,
};
