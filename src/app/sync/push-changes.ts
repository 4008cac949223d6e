import { AppError } from '../../domain/errors.js';
import { type Actor, type AppDeps, withinTransaction } from '../context.js';
import { applyChange } from './apply-change.js';
import type { SyncChange, SyncResult } from './changes.js';
import { isTransient, isUniqueViolation } from './db-races.js';

/** How often a change that lost a race with a concurrent writer is tried again before it is rejected. */
const RACE_RETRIES = 3;

async function stored(deps: AppDeps, actor: Actor, change: SyncChange): Promise<SyncResult | null> {
  const row = await deps.db.kysely
    .selectFrom('sync_changes')
    .selectAll()
    .where('change_id', '=', change.changeId)
    .executeTakeFirst();
  if (!row) return null;
  if (row.user_id !== actor.userId || row.kind !== change.kind || row.entity_id !== change.entityId) {
    return rejected(
      change,
      new AppError('CONFLICT', 'ID perubahan ini sudah dipakai untuk perubahan lain.', { changeId: 'Sudah dipakai.' }),
    );
  }
  return { ...(JSON.parse(row.result) as SyncResult), duplicate: true };
}

function rejected(change: SyncChange, e: AppError): SyncResult {
  return {
    changeId: change.changeId,
    status: 'rejected',
    error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) },
  };
}

/**
 * One change, exactly once. Its id is inserted first, in the transaction of its effect: the two land
 * together or not at all, and a concurrent copy of the same change waits on the key (PostgreSQL) or
 * on the single writer (SQLite), then finds the stored outcome. A rejected change stores nothing —
 * nothing was applied — so sending it again judges it again.
 */
async function pushOne(deps: AppDeps, actor: Actor, change: SyncChange): Promise<SyncResult> {
  for (let attempt = 0; ; attempt++) {
    const prior = await stored(deps, actor, change);
    if (prior) return prior;
    try {
      return await deps.db.kysely.transaction().execute(async (trx) => {
        const at = deps.now().toISOString();
        await trx
          .insertInto('sync_changes')
          .values({
            change_id: change.changeId,
            user_id: actor.userId ?? '',
            kind: change.kind,
            entity_id: change.entityId,
            result: '{}',
            applied_at: at,
          })
          .execute();
        const outcome = await applyChange(withinTransaction(deps, trx), actor, change);
        const result: SyncResult = { changeId: change.changeId, ...outcome };
        await trx
          .updateTable('sync_changes')
          .set({ result: JSON.stringify(result) })
          .where('change_id', '=', change.changeId)
          .execute();
        return result;
      });
    } catch (e) {
      // A copy of this change landed first (or a record with the same id did): look again.
      if (isUniqueViolation(e) || isTransient(e)) {
        if (attempt < RACE_RETRIES) continue;
        return rejected(
          change,
          new AppError(
            'CONFLICT',
            'Perubahan ini bertabrakan dengan data lain yang baru masuk ke server. Kirim ulang sebentar lagi.',
          ),
        );
      }
      if (e instanceof AppError) {
        // A stale version here means another writer committed between our read and our write.
        if (e.code === 'CONFLICT' && attempt < RACE_RETRIES && (e.fields === undefined || 'version' in e.fields))
          continue;
        return rejected(change, e);
      }
      throw e;
    }
  }
}

/** Applies the phone's changes in order, each on its own; one rejected change does not stop the others. */
export async function pushChanges(deps: AppDeps, actor: Actor, changes: readonly SyncChange[]): Promise<SyncResult[]> {
  const results: SyncResult[] = [];
  for (const change of changes) results.push(await pushOne(deps, actor, change));
  return results;
}
