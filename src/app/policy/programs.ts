import type { Actor } from '../context.js';
import { isLeader, isStaff, type Rule } from './rules.js';

/** Visit programs (yearly targets per kecamatan): the Dinas reads them, admin and pimpinan manage them. */
export const programPolicy = {
  read: ((a) => isStaff(a)) as Rule<unknown>,
  manage: ((a) => isLeader(a)) as Rule<unknown>,
};

/** What the actor may do with a program (`can` in the program's response). */
export function programAbilities(a: Actor) {
  return { manage: programPolicy.manage(a, null) };
}
