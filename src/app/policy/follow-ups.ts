import type { Actor } from '../context.js';
import { isAdmin, isCooperativeAccount, isOfficer, isStaff, ownsCooperative, type Rule, scopeFilter } from './rules.js';
import { onTeam } from './visits.js';

/**
 * Follow-ups (recommendations). Who agreed one (its author or the visit's team) changes or cancels
 * it; who must do it (a named officer, the officers of a bidang, or the cooperative) reports progress.
 */
export interface FollowUpRef {
  cooperativeId: string;
  createdBy: string | null;
  visitTeam: readonly string[];
  responsible: { kind: string; bidang: string | null; userId: string | null };
}

const assignedTo = (a: Actor, f: FollowUpRef) =>
  (a.userId !== null && f.responsible.userId === a.userId) ||
  (isOfficer(a) && f.responsible.kind === 'BIDANG' && f.responsible.bidang === a.bidang);

export const followUpPolicy = {
  read: ((a, f) => isStaff(a) || ownsCooperative(a, f.cooperativeId)) as Rule<{ cooperativeId: string }>,
  /** From a visit: its team; from a concern alone: any petugas. */
  create: ((a, f) => isAdmin(a) || (f.visitTeam.length ? onTeam(a, f.visitTeam) : isOfficer(a))) as Rule<{
    visitTeam: readonly string[];
  }>,
  /** Change what was agreed (text, owner, deadline, plan) or cancel it: who agreed it. */
  edit: ((a, f) =>
    isAdmin(a) || (isOfficer(a) && (f.createdBy === a.userId || onTeam(a, f.visitTeam)))) as Rule<FollowUpRef>,
  /** Report progress or completion: who agreed it, or who must do it. */
  progress: ((a, f) =>
    isAdmin(a) ||
    (isOfficer(a) && (f.createdBy === a.userId || onTeam(a, f.visitTeam) || assignedTo(a, f))) ||
    (f.responsible.kind === 'COOPERATIVE' && ownsCooperative(a, f.cooperativeId))) as Rule<FollowUpRef>,
  /** "Mine" for a cooperative's account: those its cooperative must do; for the Dinas: mine by name or bidang. */
  mineAreTheCooperatives: (a: Actor) => isCooperativeAccount(a),
  scope: (a: Actor, cooperativeColumn = 'f.cooperative_id', officeColumn?: string) =>
    scopeFilter(a, cooperativeColumn, officeColumn),
};

/** What the actor may do with this follow-up (`can` in the follow-up's response). */
export function followUpAbilities(a: Actor, f: FollowUpRef) {
  return {
    update: followUpPolicy.edit(a, f),
    cancel: followUpPolicy.edit(a, f),
    progress: followUpPolicy.progress(a, f),
  };
}
