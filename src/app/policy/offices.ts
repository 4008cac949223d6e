import type { Actor } from '../context.js';
import { readsOffice } from './reach.js';
import { isAdmin, isStaff, type Rule } from './rules.js';

/**
 * Offices (the Dinas profile) and the document registers: the Dinas reads the offices it reaches
 * (reach.ts), an admin edits their own office's profile, logo and registers, and adds offices.
 */
export const officePolicy = {
  read: ((a) => isStaff(a)) as Rule<unknown>,
  manage: ((a) => isAdmin(a)) as Rule<unknown>,
  /** Whether this office is one the actor sees (others are not found). */
  sees: ((a, o) => readsOffice(a, o.id)) as Rule<{ id: string }>,
  /** Edit this office's profile, logo or registers: an admin of that office. */
  edit: ((a, o) => isAdmin(a) && (a.manages === null || a.officeId === o.id)) as Rule<{ id: string }>,
  /** Adding an office gives no reach over another's records: any admin (as before offices). */
  create: ((a: Actor) => isAdmin(a)) as Rule<unknown>,
};
