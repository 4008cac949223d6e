import type { Actor } from '../context.js';

/** Petugas and admin assess; pimpinan reads all; a koperasi user reads its own finalized assessments. */
export const assessmentPolicy = {
  assess: (a: Actor, _r: unknown) => a.role === 'admin' || a.role === 'petugas' || a.role === 'system',
  read: (a: Actor, r: { cooperative: { id: string }; status: string }) =>
    a.role !== 'koperasi' || (a.cooperativeId === r.cooperative.id && r.status === 'FINAL'),
  publishRubric: (a: Actor, _r: unknown) => a.role === 'admin' || a.role === 'system',
};
