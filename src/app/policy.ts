import { forbidden } from '../domain/errors.js';
import type { Actor } from './context.js';

/**
 * Who may do what to which record, declared once. Routes declare the coarse role gate
 * (src/http/access.ts); use cases call `authorize` with the record for the fine check.
 */
type Rule<R> = (actor: Actor, record: R) => boolean;

const isStaff = (a: Actor) => a.role === 'admin' || a.role === 'pimpinan' || a.role === 'petugas' || a.role === 'system';
const canWriteRegistry = (a: Actor) => a.role === 'admin' || a.role === 'petugas' || a.role === 'system';
const ownsCooperative = (a: Actor, c: { id: string }) => a.role === 'koperasi' && a.cooperativeId === c.id;

export const cooperativePolicy = {
  read: ((a, c) => isStaff(a) || ownsCooperative(a, c)) as Rule<{ id: string }>,
  create: ((a) => canWriteRegistry(a)) as Rule<unknown>,
  /** Full edit; a koperasi user's own edit is limited to SELF_EDITABLE_FIELDS (checked in the use case). */
  update: ((a, c) => canWriteRegistry(a) || ownsCooperative(a, c)) as Rule<{ id: string }>,
  updateAnyField: ((a) => canWriteRegistry(a)) as Rule<{ id: string }>,
  dissolve: ((a) => canWriteRegistry(a)) as Rule<{ id: string }>,
  /** Handing a cooperative to the province or national office (issue 11); the office rule joins it later. */
  transfer: ((a) => a.role === 'admin' || a.role === 'system') as Rule<{ id: string }>,
  /** Yearly figures and business units. */
  editDetails: ((a, c) => canWriteRegistry(a) || ownsCooperative(a, c)) as Rule<{ id: string }>,
};

export const userPolicy = {
  manage: ((a) => a.role === 'admin' || a.role === 'system') as Rule<unknown>,
};

export const auditPolicy = {
  readAll: ((a) => a.role === 'admin' || a.role === 'pimpinan' || a.role === 'system') as Rule<unknown>,
};

export function authorize<R>(rule: Rule<R>, actor: Actor, record: R, message?: string): void {
  if (!rule(actor, record)) throw forbidden(message);
}
