import type { Actor } from '../context.js';
import { assessmentPolicy } from './assessments.js';
import { managesOffice } from './reach.js';
import { isAdmin, isStaff, isWriter, ownsCooperative, type Rule, scopeFilter } from './rules.js';

/**
 * Cooperatives (the registry) and what hangs on one: yearly figures, business units, officers.
 * The Dinas reads all; admin and petugas write; a cooperative's account reads and edits its own
 * (its own edit is limited to SELF_EDITABLE_FIELDS, checked in the use case with `updateAnyField`).
 */
/** A cooperative as the rules see it; `officeId` (the office that holds it) when the caller has loaded it. */
type CooperativeRef = { id: string; officeId?: string | null };
/** A Dinas writer changes only what their office holds (reach.ts); a record loaded without its office is checked by `guardManage`. */
const dinasWriter = (a: Actor, c: CooperativeRef) =>
  isWriter(a) && (c.officeId === undefined || managesOffice(a, c.officeId));

export const cooperativePolicy = {
  read: ((a, c) => isStaff(a) || ownsCooperative(a, c.id)) as Rule<{ id: string }>,
  create: ((a) => isWriter(a)) as Rule<unknown>,
  update: ((a, c) => dinasWriter(a, c) || ownsCooperative(a, c.id)) as Rule<CooperativeRef>,
  updateAnyField: ((a, c) => dinasWriter(a, c)) as Rule<CooperativeRef>,
  dissolve: ((a, c) => dinasWriter(a, c)) as Rule<CooperativeRef>,
  /** Handing a cooperative to the province or national office (issue 11): an admin of the office that holds it. */
  transfer: ((a, c) =>
    isAdmin(a) && (c.officeId === undefined || managesOffice(a, c.officeId))) as Rule<CooperativeRef>,
  /** Yearly figures and business units. */
  editDetails: ((a, c) => dinasWriter(a, c) || ownsCooperative(a, c.id)) as Rule<CooperativeRef>,
  /** The registry as a whole (the list, the map, the breadcrumbs back to it): the Dinas. */
  browse: ((a) => isStaff(a)) as Rule<unknown>,
  /** The restriction on cooperative lists, searches and exports (`c.id` is the cooperative's id). */
  scope: (a: Actor, idColumn = 'c.id', officeColumn?: string) => scopeFilter(a, idColumn, officeColumn),
};

/** What the actor may do with this cooperative, for the web app's buttons (`can` in responses). */
export function cooperativeAbilities(a: Actor, c: CooperativeRef & { status: string }) {
  // A dissolved cooperative's record is closed: the use cases refuse changing or dissolving it again.
  const open = c.status !== 'DIBUBARKAN';
  return {
    update: open && cooperativePolicy.update(a, c),
    updateAnyField: cooperativePolicy.updateAnyField(a, c),
    editDetails: cooperativePolicy.editDetails(a, c),
    dissolve: open && cooperativePolicy.dissolve(a, c),
    assess: assessmentPolicy.assess(a, c),
    browse: cooperativePolicy.browse(a, c),
  };
}

/** What the actor may do with the cooperative list as a whole (`can` of the list response). */
export function cooperativeListAbilities(a: Actor) {
  return { create: cooperativePolicy.create(a, null) };
}
