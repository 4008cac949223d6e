import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import type { Bidang, Role } from '../domain/codes.js';
import type { Change } from '../domain/cooperative.js';
import { jakartaDate } from '../domain/dates.js';
import { assertWriteReach, officesChanged } from './policy/reach.js';

/** Who is acting. `system` is used by start-up tasks and the CLI. */
export interface Actor {
  userId: string | null;
  username: string;
  fullName: string;
  role: Role | 'system';
  bidang: Bidang | null;
  cooperativeId: string | null;
  /**
   * Office reach (issue 11), worked out at login from the user's office (src/app/policy/reach.ts):
   * the office the user belongs to, the offices whose records they read and those whose records they
   * manage; `null` means every office (the system actor, or a deployment with a single office).
   */
  officeId: string | null;
  reads: readonly string[] | null;
  manages: readonly string[] | null;
}

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  username: 'system',
  fullName: 'Sistem',
  role: 'system',
  bidang: null,
  cooperativeId: null,
  officeId: null,
  reads: null,
  manages: null,
};

/** What every use case receives: the database, the configuration, and a clock (tests move it). */
export interface AppDeps {
  db: Db;
  config: Config;
  now: () => Date;
}

export type Tx = Kysely<Database> | Transaction<Database>;

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  cooperativeId: string | null;
  changes: Record<string, Change>;
}

/**
 * Runs a mutation and records its audit events in one transaction: either both land or neither.
 * Every write in `app` goes through here, so no change can skip the audit log, nor the office reach:
 * an audit event naming a cooperative the actor does not manage rolls the change back
 * (`assertWriteReach`, src/app/policy/reach.ts).
 */
/** Writes audit events inside the mutation's transaction: one (`audit(e)`) or many in few statements (`audit.many`). */
export type Audit = ((e: AuditInput) => Promise<void>) & { many(events: AuditInput[]): Promise<void> };
/** 9 columns a row: 500 rows stay far below SQLite's and PostgreSQL's bound-parameter limits. */
const AUDIT_ROWS_PER_INSERT = 500;

export async function mutate<T>(
  deps: AppDeps,
  actor: Actor,
  work: (trx: Transaction<Database>, audit: Audit) => Promise<T>,
): Promise<T> {
  let officeChanged = false;
  const run = async (trx: Transaction<Database>) => {
    const row = (e: AuditInput) => ({
      id: randomUUID(),
      at: deps.now().toISOString(),
      actor_id: actor.userId,
      actor_name: actor.userId ? actor.username : actor.fullName,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      cooperative_id: e.cooperativeId,
      changes: JSON.stringify(e.changes),
      office_id: actor.officeId,
    });
    const audit: Audit = Object.assign(
      async (e: AuditInput) => {
        await assertWriteReach(trx, actor, [e.cooperativeId]);
        if (e.entityType === 'office') officeChanged = true;
        await trx.insertInto('audit_events').values(row(e)).execute();
      },
      {
        many: async (events: AuditInput[]) => {
          if (events.some((e) => e.entityType === 'office')) officeChanged = true;
          await assertWriteReach(
            trx,
            actor,
            events.map((e) => e.cooperativeId),
          );
          for (let i = 0; i < events.length; i += AUDIT_ROWS_PER_INSERT) {
            await trx
              .insertInto('audit_events')
              .values(events.slice(i, i + AUDIT_ROWS_PER_INSERT).map(row))
              .execute();
          }
        },
      },
    );
    return work(trx, audit);
  };
  // Inside `withinTransaction` (field sync): join the caller's transaction instead of opening one.
  const k = deps.db.kysely;
  if (k.isTransaction) {
    try {
      return await run(k as Transaction<Database>);
    } finally {
      if (officeChanged) officesChanged();
    }
  }
  try {
    return await k.transaction().execute(run);
  } finally {
    // Every request's office reach is read from a cached office list (policy/reach.ts): drop it once committed.
    if (officeChanged) officesChanged();
  }
}

/**
 * The same dependencies bound to an open transaction: every use case called with them reads and
 * writes inside it, and `mutate` joins it. Field sync uses this to record a change's id in the
 * transaction of its effect.
 */
export function withinTransaction(deps: AppDeps, trx: Transaction<Database>): AppDeps {
  return { ...deps, db: { ...deps.db, kysely: trx } };
}

export function nowIso(deps: AppDeps): string {
  return deps.now().toISOString();
}

/** Today's calendar date where the users are: Asia/Jakarta, UTC+7 all year (no DST). */
export function todayJakarta(deps: AppDeps): string {
  return jakartaDate(deps.now());
}
