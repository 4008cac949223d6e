import { managesOffice, readsOffice } from './reach.js';
import { isAdmin, type Rule } from './rules.js';

/** Background jobs (imports, long exports) and their files: their owner, or an admin of the owner's office. */
export const jobPolicy = {
  read: ((a, j) => j.ownerId === a.userId || (isAdmin(a) && managesOffice(a, j.officeId))) as Rule<{
    ownerId: string | null;
    officeId: string | null;
  }>,
  /** Another office's job is not found at all (its owner's office is out of the actor's reach). */
  sees: ((a, j) => readsOffice(a, j.officeId)) as Rule<{ officeId: string | null }>,
};
