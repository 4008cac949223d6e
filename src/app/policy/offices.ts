import { isAdmin, isStaff, type Rule } from './rules.js';

/** Offices (the Dinas profile) and the document registers: the Dinas reads, admin manages. */
export const officePolicy = {
  read: ((a) => isStaff(a)) as Rule<unknown>,
  manage: ((a) => isAdmin(a)) as Rule<unknown>,
};
