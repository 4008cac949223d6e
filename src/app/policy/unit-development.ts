import type { Actor } from '../context.js';
import { isStaff, isWriter, ownsCooperative, type Rule } from './rules.js';

/** Business-unit development: needs, proposals and mentoring. */
export const unitDevelopmentPolicy = {
  read: ((a, c) => isStaff(a) || ownsCooperative(a, c.cooperativeId)) as Rule<{ cooperativeId: string }>,
  /** Needs and proposals: staff in the field, or the cooperative itself (as with its business units). */
  write: ((a, c) => isWriter(a) || ownsCooperative(a, c.cooperativeId)) as Rule<{ cooperativeId: string }>,
  /** Mentoring sessions are recorded by staff. */
  mentor: ((a) => isWriter(a)) as Rule<unknown>,
};

/** What the actor may do with a cooperative's unit development (`can` of its response). */
export function unitDevelopmentAbilities(a: Actor, c: { cooperativeId: string }) {
  return { write: unitDevelopmentPolicy.write(a, c), mentor: unitDevelopmentPolicy.mentor(a, c) };
}
