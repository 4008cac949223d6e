import type { Actor } from '../context.js';
import { isAdmin, type Rule } from './rules.js';

/** XLSX imports: who may import is the cooperative policy's `create`/`editDetails`; only an admin undoes a batch. */
export const importPolicy = {
  undo: ((a) => isAdmin(a)) as Rule<unknown>,
};

/** What the actor may do with one import batch (`can` of each batch in the history). */
export function importBatchAbilities(a: Actor, b: { undoneAt?: string | null }) {
  return { undo: importPolicy.undo(a, b) };
}
