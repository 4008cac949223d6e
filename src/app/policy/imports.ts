import { isAdmin, type Rule } from './rules.js';

/** XLSX imports: who may import is the cooperative policy's `create`/`editDetails`; only an admin undoes a batch. */
export const importPolicy = {
  undo: ((a) => isAdmin(a)) as Rule<unknown>,
};
