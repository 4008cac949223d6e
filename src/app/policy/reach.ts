import { type Expression, type SqlBool, sql } from 'kysely';
import { AppError, forbidden, notFound } from '../../domain/errors.js';
import type { Actor, Tx } from '../context.js';
import { oncePerTransaction } from '../tx-memo.js';
import type { AuthorityLevel, OfficeReach } from './dashboard.js';
import { isCooperativeAccount } from './rules.js';

/**
 * Office reach (issue 11): which offices' records a Dinas user reads and which they manage. Worked out
 * once per request from the user's office (`reachOf`, at login and on every authenticated request) and
 * carried on the Actor as `officeId`, `reads` and `manages` (null: every office).
 *
 * - a regency office (KABUPATEN) reads and manages what it owns;
 * - a province office (PROVINSI, code p) reads what it owns and what every office whose region lies in
 *   p owns; it manages only what it owns (cooperatives under provincial authority);
 * - the national office (NASIONAL) reads everything and manages what it owns;
 * - a deployment with a single office: every user reads and manages everything (as before offices);
 * - a `koperasi` account keeps its own scope (its cooperative only, rules.ts).
 *
 * A cooperative's records (visits, concerns, follow-ups, assessments, meetings, documents, photos,
 * units, figures…) belong to the office that holds the cooperative (`cooperatives.office_id`).
 * Out of reach reads as absent (NOT_FOUND); a write to a record the actor only reads is FORBIDDEN.
 */
export interface Reach {
  officeId: string | null;
  reads: readonly string[] | null;
  manages: readonly string[] | null;
}

interface OfficeRow {
  id: string;
  level: string;
  region_code: string | null;
}

/**
 * The offices, first first, as every request's reach needs them. Read once per process and kept until
 * an office changes: `mutate` calls `officesChanged()` after committing a write that audited an office
 * (creating one, a transfer that opens the province office, a profile change), so the next request reads
 * them afresh. An entry read before a change began is never kept after it (the generation it was read
 * under is gone). A transaction reads the table itself (it may hold its own uncommitted offices). Several
 * server processes on one PostgreSQL database do not tell each other: each re-reads at least every
 * OFFICES_TTL_MS. Measured with bench/reach-cache.ts on the demo's three offices (shared 2-core machine):
 * PostgreSQL p50 7.9 ms / p95 48 ms per request read afresh, under 0.01 ms cached; SQLite 0.03 / 0.16 ms.
 */
const OFFICES_TTL_MS = 5_000;
let generation = 0;
const cached = new WeakMap<object, { generation: number; at: number; rows: Promise<OfficeRow[]> }>();

/** Drops every cached office list of this process (called by `mutate` after an office changed). */
export function officesChanged(): void {
  generation++;
}

function readOffices(db: Tx): Promise<OfficeRow[]> {
  return db.selectFrom('offices').select(['id', 'level', 'region_code']).orderBy('created_at').orderBy('id').execute();
}

async function officesOf(db: Tx): Promise<OfficeRow[]> {
  if (db.isTransaction) return readOffices(db);
  const hit = cached.get(db);
  const now = Date.now();
  if (hit && hit.generation === generation && now - hit.at < OFFICES_TTL_MS) return hit.rows;
  const entry = { generation, at: now, rows: readOffices(db) };
  cached.set(db, entry);
  try {
    return await entry.rows;
  } catch (e) {
    if (cached.get(db) === entry) cached.delete(db);
    throw e;
  }
}

export async function reachOf(db: Tx, officeId: string | null | undefined): Promise<Reach> {
  const offices = await officesOf(db);
  const own = offices.find((o) => o.id === officeId) ?? (officeId ? undefined : offices[0]);
  if (offices.length <= 1) return { officeId: own?.id ?? null, reads: null, manages: null };
  if (!own) return { officeId: officeId ?? null, reads: [], manages: [] };
  const manages = [own.id];
  if (own.level === 'NASIONAL') return { officeId: own.id, reads: null, manages };
  if (own.level === 'PROVINSI') {
    const p = own.region_code ?? '';
    const reads = offices
      .filter((o) => o.id === own.id || (o.region_code !== null && o.region_code.startsWith(`${p}.`)))
      .map((o) => o.id);
    return { officeId: own.id, reads, manages };
  }
  return { officeId: own.id, reads: manages, manages };
}

/**
 * The area the actor's office covers, for roll-ups (dashboard, priorities, recap): a regency office its
 * regency ('35.13'), a province office its province ('35'), the national office the country (''). The
 * same office as `reachOf` (the first office for a user without one); the system actor covers everything.
 */
export async function areaOf(db: Tx, actor: Actor): Promise<OfficeReach> {
  if (!actor.userId) return { level: 'NASIONAL', code: '' };
  const offices = await officesOf(db);
  const own = offices.find((o) => o.id === actor.officeId) ?? (actor.officeId ? undefined : offices[0]);
  if (!own) return { level: 'NASIONAL', code: '' };
  const level = own.level as AuthorityLevel;
  return { level, code: level === 'NASIONAL' ? '' : (own.region_code ?? '') };
}

/** The offices whose records the actor reads; null: every office. For roll-ups (dashboard, priorities, recap). */
export function officesRead(actor: Actor): readonly string[] | null {
  return actor.reads;
}

/** The offices whose records the actor manages; null: every office. */
export function officesManaged(actor: Actor): readonly string[] | null {
  return actor.manages;
}

/** Whether the actor reads records held by this office (a record without an office: only an actor who reads all). */
export const readsOffice = (a: Actor, officeId: string | null | undefined) =>
  a.reads === null || (!!officeId && a.reads.includes(officeId));

/** Whether the actor manages records held by this office. */
export const managesOffice = (a: Actor, officeId: string | null | undefined) =>
  a.manages === null || (!!officeId && a.manages.includes(officeId));

/**
 * The WHERE condition keeping a query to the rows of the offices the actor reads, on a column holding
 * an office id (`'p.office_id'`); null when nothing is restricted. For records that hang on an office
 * rather than a cooperative (programs, users, import batches, audit events, jobs).
 */
export function officeFilter(
  a: Actor,
  officeColumn: string,
  which: 'reads' | 'manages' = 'reads',
): Expression<SqlBool> | null {
  const ids = a[which];
  if (ids === null) return null;
  if (ids.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(officeColumn)} in (${sql.join(ids)})`;
}

/**
 * The WHERE condition keeping a query to the records of cooperatives the actor manages (field packs:
 * an officer takes to the field only what their office may change); null when nothing is restricted.
 */
export function manageFilter(a: Actor, cooperativeColumn: string): Expression<SqlBool> | null {
  if (a.manages === null) return null;
  if (a.manages.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(cooperativeColumn)} in (select mc.id from cooperatives mc where mc.office_id in (${sql.join(a.manages)}))`;
}

/** The office that holds a cooperative (asked once per transaction); undefined when there is no such cooperative. */
export function officeOfCooperativeId(db: Tx, cooperativeId: string): Promise<string | null | undefined> {
  return oncePerTransaction(db, `cooperativeOffice:${cooperativeId}`, async () => {
    const c = await db
      .selectFrom('cooperatives')
      .select('office_id')
      .where('id', '=', cooperativeId)
      .executeTakeFirst();
    return c ? (c.office_id ?? null) : undefined;
  });
}

const OWN_ONLY = 'Anda hanya dapat melihat data koperasi Anda sendiri.';
export const READ_ONLY = 'Koperasi ini di bawah kantor lain: kantor Anda hanya dapat melihatnya, tidak mengubahnya.';

/**
 * Refuses a record of a cooperative out of the actor's reach: a cooperative's account asking about
 * another cooperative is FORBIDDEN (as before offices, whether or not it exists); a Dinas user gets
 * NOT_FOUND (`what` tidak ditemukan), exactly as for a record that does not exist.
 */
export async function guardCooperative(
  db: Tx,
  actor: Actor,
  cooperativeId: string | null,
  what = 'Koperasi',
  message = OWN_ONLY,
): Promise<void> {
  if (isCooperativeAccount(actor)) {
    if (!cooperativeId || actor.cooperativeId !== cooperativeId) throw forbidden(message);
    return;
  }
  if (actor.reads === null) return;
  const office = cooperativeId ? await officeOfCooperativeId(db, cooperativeId) : undefined;
  if (office === undefined) return; // not there: the caller's own lookup answers NOT_FOUND
  if (!readsOffice(actor, office)) throw notFound(what);
}

/** As guardCooperative, then FORBIDDEN when the actor reads the cooperative but does not manage it. */
export async function guardManage(
  db: Tx,
  actor: Actor,
  cooperativeId: string | null,
  what = 'Koperasi',
  message?: string,
): Promise<void> {
  await guardCooperative(db, actor, cooperativeId, what, message);
  if (isCooperativeAccount(actor) || actor.manages === null || !cooperativeId) return;
  const office = await officeOfCooperativeId(db, cooperativeId);
  if (office !== undefined && !managesOffice(actor, office)) throw forbidden(READ_ONLY);
}

/** Whether the actor reads this cooperative's records (false for one that does not exist, unless it reads all). */
export async function readsCooperative(db: Tx, actor: Actor, cooperativeId: string | null): Promise<boolean> {
  try {
    await guardCooperative(db, actor, cooperativeId);
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}

/**
 * The write backstop, called by `mutate` for every audit event that names a cooperative: a change to a
 * cooperative's records lands only if the actor manages that cooperative (every write is audited with
 * its cooperative, so no use case can forget it). Use cases still check first, for the right message.
 */
export async function assertWriteReach(db: Tx, actor: Actor, cooperativeIds: Iterable<string | null>): Promise<void> {
  if (actor.manages === null && !isCooperativeAccount(actor)) return;
  for (const id of new Set(cooperativeIds)) if (id) await guardManage(db, actor, id);
}
