import { ROLE_LABELS, ROLES, type Role } from '../../domain/codes.js';
import type { Actor } from '../context.js';
import { isAdmin, isLeader, isOfficer, isCooperativeAccount, type Rule } from './rules.js';

/** User accounts (and the office-wide settings an admin keeps: e-mail log, digest hour). */
export const userPolicy = {
  manage: ((a) => isAdmin(a)) as Rule<unknown>,
  /** A petugas belongs to one bidang; nobody else does. */
  needsBidang: (role: Role) => isOfficer({ role }),
  /** A cooperative's account belongs to exactly one cooperative; nobody else does. */
  needsCooperative: (role: Role) => isCooperativeAccount({ role }),
  /** An admin may not demote themself (nor disable their own account). */
  isDemotion: (role: Role | undefined) => role !== undefined && !isAdmin({ role }),
};

/** The audit log as a whole (a cooperative's timeline is read through the cooperative). */
export const auditPolicy = {
  readAll: ((a) => isLeader(a)) as Rule<unknown>,
};

/**
 * The roles this actor may give an account, each with what it requires — the user form shows the
 * bidang, cooperative and signature fields from this instead of repeating the rules.
 */
export function assignableRoles(a: Actor) {
  if (!userPolicy.manage(a, null)) return [];
  return ROLES.map((role) => ({
    code: role,
    label: ROLE_LABELS[role],
    needsBidang: userPolicy.needsBidang(role),
    needsCooperative: userPolicy.needsCooperative(role),
    /** The Dinas staff sign official documents: NIP, rank and position go under their signature. */
    signsDocuments: !isCooperativeAccount({ role }),
  }));
}
