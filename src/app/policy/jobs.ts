import { isAdmin, type Rule } from './rules.js';

/** Background jobs (imports, long exports) and their files: their owner, or an admin. */
export const jobPolicy = {
  read: ((a, j) => j.ownerId === a.userId || isAdmin(a)) as Rule<{ ownerId: string | null }>,
};
