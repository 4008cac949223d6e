import type { Actor } from '../context.js';
import {
  type HasRole,
  isAdmin,
  isCooperativeAccount,
  isOfficer,
  isStaff,
  isWriter,
  ownsCooperative,
  type Rule,
  scopeFilter,
} from './rules.js';
import { followUpPolicy } from './follow-ups.js';
import { onTeam } from './visits.js';

/**
 * Concerns (permasalahan, keluhan, tantangan). During a visit its team records them; between visits
 * any petugas, or the cooperative from its portal; the Dinas handles and marks them seen.
 */
export interface ConcernRef {
  cooperativeId: string;
  visitTeam: readonly string[] | null;
}

export const concernPolicy = {
  read: ((a, c) => isStaff(a) || ownsCooperative(a, c.cooperativeId)) as Rule<{ cooperativeId: string }>,
  raise: ((a, c) =>
    isAdmin(a) ||
    (c.visitTeam ? onTeam(a, c.visitTeam) : isOfficer(a)) ||
    ownsCooperative(a, c.cooperativeId)) as Rule<ConcernRef>,
  handle: ((a) => isWriter(a)) as Rule<unknown>,
  markSeen: ((a) => isStaff(a)) as Rule<unknown>,
  /** What a cooperative sends from its portal waits in the Dinas inbox; what the Dinas writes down it has seen. */
  raisedFromPortal: (a: HasRole) => isCooperativeAccount(a),
  scope: (a: Actor, cooperativeColumn = 'cn.cooperative_id', officeColumn?: string) =>
    scopeFilter(a, cooperativeColumn, officeColumn),
};

/** What the actor may do with this concern (`can` in the concern's responses). */
export function concernAbilities(a: Actor) {
  return {
    handle: concernPolicy.handle(a, null),
    /** A recommendation on a concern alone (not from a visit): admin or any petugas. */
    recommend: followUpPolicy.create(a, { visitTeam: [] }),
    markSeen: concernPolicy.markSeen(a, null),
  };
}
