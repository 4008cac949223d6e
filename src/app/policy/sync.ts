import type { Actor } from '../context.js';
import { isOfficer, isStaff, isWriter, type Rule } from './rules.js';

/** Field sync: the offline field pack and sync conflicts (uploads follow the actor's scope, rules.ts). */
export const syncPolicy = {
  /** The field pack is for those who go to the field. */
  fieldPack: ((a) => isWriter(a)) as Rule<unknown>,
  /** Conflicts are Dinas business. */
  readConflicts: ((a) => isStaff(a)) as Rule<unknown>,
  /** Admin and pimpinan see every conflict; a petugas their own and those on records they may edit. */
  seesEveryConflict: (a: Actor) => !isOfficer(a),
};
