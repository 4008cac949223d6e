import type { Actor } from '../context.js';
import { isLeader, isStaff, ownsCooperative, type Rule, scopeFilter } from './rules.js';

/** Official documents the Dinas issues (letters, certificates): the Dinas issues; the cooperative reads its own. */
export const documentPolicy = {
  issue: ((a) => isStaff(a)) as Rule<unknown>,
  read: ((a, d) => isStaff(a) || ownsCooperative(a, d.cooperativeId)) as Rule<{ cooperativeId: string | null }>,
  cancel: ((a, d) => isLeader(a) || (a.userId !== null && a.userId === d.issuedBy)) as Rule<{
    issuedBy: string | null;
  }>,
  scope: (a: Actor, cooperativeColumn = 'd.cooperative_id', officeColumn?: string) =>
    scopeFilter(a, cooperativeColumn, officeColumn),
};

/** What the actor may do with one issued document (`can` of each document in a list or detail). */
export function documentAbilities(a: Actor, d: { issuer: { id: string | null } }) {
  return { cancel: documentPolicy.cancel(a, { issuedBy: d.issuer.id }) };
}

/** What the actor may do with the list of issued documents as a whole. */
export function documentListAbilities(a: Actor) {
  return { issue: documentPolicy.issue(a, null) };
}
