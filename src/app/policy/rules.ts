import { type Expression, type SqlBool, sql } from 'kysely';
import type { Role } from '../../domain/codes.js';
import { type AppError, forbidden, notFound } from '../../domain/errors.js';
import type { Actor } from '../context.js';

/**
 * The shared vocabulary of every policy in this folder: rules, role sets, role predicates and the
 * scope of records an actor may see. Nothing outside src/app/policy/ compares a role (the linter
 * refuses it, eslint.config.js); use cases, jobs, exports, sync and routes ask a policy instead.
 */

/** "May this actor do this to this record?" */
export type Rule<R> = (actor: Actor, record: R) => boolean;

/** Refuses with FORBIDDEN unless the rule allows it. */
export function authorize<R>(rule: Rule<R>, actor: Actor, record: R, message?: string): void {
  if (!rule(actor, record)) throw forbidden(message);
}

/** Someone who holds a role: a logged-in actor, a user row (role as stored), a candidate for a team. */
export interface HasRole {
  role: Role | 'system' | (string & {});
}

// ─── Role sets ──────────────────────────────────────────────────────────────
// The coarse gate of each route (`config.access`, src/http/access.ts) is one of these sets, and the
// predicates below are built from the same sets, so the gate and the record rules speak one language.
export type RoleSet = readonly Role[];
/** Office administration: users, offices, rubrics, priority weights, undoing imports. */
export const ADMIN: RoleSet = ['admin'];
/** Who leads and approves: admin and pimpinan. */
export const LEADERS: RoleSet = ['admin', 'pimpinan'];
/** The Dinas: everyone but a cooperative's own account. */
export const STAFF: RoleSet = ['admin', 'pimpinan', 'petugas'];
/** The Dinas staff who record and change things in the field and the registry. */
export const WRITERS: RoleSet = ['admin', 'petugas'];
/** Who writes a cooperative's own records: the Dinas writers and the cooperative itself. */
export const COOPERATIVE_WRITERS: RoleSet = ['admin', 'petugas', 'koperasi'];
/** Every logged-in role. */
export const EVERYONE: RoleSet = ['admin', 'pimpinan', 'petugas', 'koperasi'];

/** Whether a role is in a set; the system actor (jobs, CLI, demo seeding) counts as admin. */
export function inRoleSet(set: RoleSet, role: HasRole['role']): boolean {
  return (set as readonly string[]).includes(role === 'system' ? 'admin' : role);
}

export const isAdmin = (a: HasRole) => inRoleSet(ADMIN, a.role);
export const isLeader = (a: HasRole) => inRoleSet(LEADERS, a.role);
export const isStaff = (a: HasRole) => inRoleSet(STAFF, a.role);
export const isWriter = (a: HasRole) => inRoleSet(WRITERS, a.role);
/** A field officer (petugas): belongs to a bidang, works on the visits whose team they are on. */
export const isOfficer = (a: HasRole) => a.role === 'petugas';
/** A cooperative's own account (koperasi). */
export const isCooperativeAccount = (a: HasRole) => a.role === 'koperasi';
/** The Dinas leadership (pimpinan), e.g. for the title in a signature block. */
export const isLeadership = (a: HasRole) => a.role === 'pimpinan';

/** A cooperative's account acting on its own cooperative. */
export const ownsCooperative = (a: Actor, cooperativeId: string | null) =>
  isCooperativeAccount(a) && cooperativeId !== null && a.cooperativeId === cooperativeId;

// ─── Scope: which records an actor may see ──────────────────────────────────
/**
 * The one restriction on what records an actor may see, applied by every list, search, export, job,
 * calendar and sync query through `scopeFilter`, and by every single-record read through
 * `guardCooperative` (reach.ts). A cooperative's account sees its own cooperative; a Dinas user the
 * cooperatives of the offices it reads (office reach, reach.ts); the system actor, a national
 * office's user and every user of a single-office deployment see all.
 */
export type Scope =
  | { readonly kind: 'all' }
  | { readonly kind: 'cooperative'; readonly cooperativeId: string }
  | { readonly kind: 'offices'; readonly officeIds: readonly string[] };

export function scopeOf(actor: Actor): Scope {
  if (isCooperativeAccount(actor)) return { kind: 'cooperative', cooperativeId: actor.cooperativeId ?? '' };
  if (actor.reads !== null) return { kind: 'offices', officeIds: actor.reads };
  return { kind: 'all' };
}

/**
 * Whether a record of this cooperative is within a cooperative account's scope (always true for the
 * Dinas: their office reach needs the database, `guardCooperative` in reach.ts).
 */
export function inScope(actor: Actor, cooperativeId: string | null): boolean {
  const s = scopeOf(actor);
  return (
    s.kind !== 'cooperative' || (cooperativeId !== null && cooperativeId !== '' && s.cooperativeId === cooperativeId)
  );
}

/**
 * The WHERE condition that keeps a query within the actor's scope, on the column holding the
 * record's cooperative id (e.g. `'vi.cooperative_id'`); null when nothing is restricted. With
 * `officeColumn` (the cooperatives table itself: `'c.office_id'`) the office reach reads that column
 * instead of looking the cooperative up.
 */
export function scopeFilter(
  actor: Actor,
  cooperativeColumn: string,
  officeColumn?: string,
): Expression<SqlBool> | null {
  const s = scopeOf(actor);
  if (s.kind === 'all') return null;
  if (s.kind === 'cooperative') return sql<SqlBool>`${sql.ref(cooperativeColumn)} = ${s.cooperativeId}`;
  if (s.officeIds.length === 0) return sql<SqlBool>`1 = 0`;
  const ids = sql.join(s.officeIds);
  if (officeColumn) return sql<SqlBool>`${sql.ref(officeColumn)} in (${ids})`;
  return sql<SqlBool>`${sql.ref(cooperativeColumn)} in (select sc.id from cooperatives sc where sc.office_id in (${ids}))`;
}

/**
 * Whether the actor is a cooperative's account, whose scope is narrower than the Dinas's: then a
 * missing record is refused rather than revealed. (An office user out of reach gets NOT_FOUND, the
 * same answer as for a record that does not exist.)
 */
export const isScoped = (actor: Actor) => scopeOf(actor).kind === 'cooperative';

/**
 * The error for a record that was not found: an actor with a narrow scope is refused instead, so the
 * answer does not reveal whether a record outside its scope exists.
 */
export function missing(actor: Actor, what: string, message?: string): AppError {
  return isScoped(actor) ? forbidden(message) : notFound(what);
}

/** For `load(...).catch(hideAbsence(actor, message))`: a scoped actor is refused, others get the original error. */
export function hideAbsence(actor: Actor, message?: string): (e: unknown) => never {
  return (e: unknown) => {
    if (isScoped(actor)) throw forbidden(message);
    throw e;
  };
}

/**
 * A cooperative's account asking about another cooperative is refused before the lookup, so the
 * answer does not reveal whether that cooperative exists.
 */
export function guardOwnCooperative(actor: Actor, cooperativeId: string): void {
  if (!inScope(actor, cooperativeId)) throw forbidden('Anda hanya dapat melihat data koperasi Anda sendiri.');
}
