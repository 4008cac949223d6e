import type { Actor } from '../context.js';
import {
  type HasRole,
  isAdmin,
  isCooperativeAccount,
  isLeader,
  isOfficer,
  isStaff,
  isWriter,
  ownsCooperative,
  type Rule,
  scopeFilter,
} from './rules.js';

/**
 * Visits. Petugas plan visits and edit those whose team they are on; pimpinan reads all and
 * approves; admin does all; a cooperative's account sees its own cooperative's visits.
 */
export interface VisitRef {
  cooperativeId: string;
  team: readonly string[];
}

/** A petugas on this visit's team. */
export const onTeam = (a: Actor, team: readonly string[]) =>
  isOfficer(a) && a.userId !== null && team.includes(a.userId);

export const visitPolicy = {
  read: ((a, v) => isStaff(a) || ownsCooperative(a, v.cooperativeId)) as Rule<{ cooperativeId: string }>,
  /** Plan a new visit; a petugas must put themself on its team (`mustJoinTeam`). */
  plan: ((a) => isWriter(a)) as Rule<unknown>,
  edit: ((a, v) => isAdmin(a) || onTeam(a, v.team)) as Rule<VisitRef>,
  approve: ((a) => isLeader(a)) as Rule<unknown>,
  cancel: ((a, v) => isLeader(a) || onTeam(a, v.team)) as Rule<VisitRef>,
  /** The activity report: as cancel (the team, pimpinan, admin). */
  writeReport: ((a, v) => isLeader(a) || onTeam(a, v.team)) as Rule<VisitRef>,
  /** Double bookings name officers across cooperatives: staff only. */
  seeBookings: ((a) => isStaff(a)) as Rule<unknown>,
  /** A petugas who plans or changes a visit must be on its team. */
  mustJoinTeam: (a: Actor, team: readonly string[]) => isOfficer(a) && !team.includes(a.userId ?? ''),
  /** Who may be on a team or own a recommendation: a Dinas account (never a cooperative's). */
  mayJoinTeam: (u: HasRole) => !isCooperativeAccount(u),
  /** The restriction on visit lists, exports, calendars and field packs. */
  scope: (a: Actor, cooperativeColumn = 'vi.cooperative_id', officeColumn?: string) =>
    scopeFilter(a, cooperativeColumn, officeColumn),
};

/** What the actor may do with this visit (`can` in the visit's response). */
export function visitAbilities(a: Actor, v: VisitRef) {
  return {
    update: visitPolicy.edit(a, v),
    approve: visitPolicy.approve(a, v),
    cancel: visitPolicy.cancel(a, v),
    writeReport: visitPolicy.writeReport(a, v),
  };
}
