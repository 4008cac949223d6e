import type { Actor } from '../context.js';
import { assessmentPolicy } from './assessments.js';
import { isAdmin, isStaff, isWriter, ownsCooperative, type Rule, scopeFilter } from './rules.js';

/**
 * Cooperatives (the registry) and what hangs on one: yearly figures, business units, officers.
 * The Dinas reads all; admin and petugas write; a cooperative's account reads and edits its own
 * (its own edit is limited to SELF_EDITABLE_FIELDS, checked in the use case with `updateAnyField`).
 */
export const cooperativePolicy = {
  read: ((a, c) => isStaff(a) || ownsCooperative(a, c.id)) as Rule<{ id: string }>,
  create: ((a) => isWriter(a)) as Rule<unknown>,
  update: ((a, c) => isWriter(a) || ownsCooperative(a, c.id)) as Rule<{ id: string }>,
  updateAnyField: ((a) => isWriter(a)) as Rule<{ id: string }>,
  dissolve: ((a) => isWriter(a)) as Rule<{ id: string }>,
  /** Handing a cooperative to the province or national office (issue 11); the office rule joins it later. */
  transfer: ((a) => isAdmin(a)) as Rule<{ id: string }>,
  /** Yearly figures and business units. */
  editDetails: ((a, c) => isWriter(a) || ownsCooperative(a, c.id)) as Rule<{ id: string }>,
  /** The registry as a whole (the list, the map, the breadcrumbs back to it): the Dinas. */
  browse: ((a) => isStaff(a)) as Rule<unknown>,
  /** The restriction on cooperative lists, searches and exports (`c.id` is the cooperative's id). */
  scope: (a: Actor, idColumn = 'c.id') => scopeFilter(a, idColumn),
};

/** What the actor may do with this cooperative, for the web app's buttons (`can` in responses). */
export function cooperativeAbilities(a: Actor, c: { id: string; status: string }) {
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
