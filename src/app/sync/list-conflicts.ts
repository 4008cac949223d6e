import type { Actor, AppDeps, Tx } from '../context.js';
import { visitRef } from '../visits/view.js';
import { type ConflictRow, conflictView, type SyncConflict } from './conflict-view.js';
import { authorize, scopeFilter, syncPolicy } from '../policy/index.js';

export function conflictQuery(db: Tx) {
  return db
    .selectFrom('sync_conflicts as k')
    .innerJoin('cooperatives as c', 'c.id', 'k.cooperative_id')
    .leftJoin('users as u', 'u.id', 'k.user_id')
    .leftJoin('users as r', 'r.id', 'k.resolved_by')
    .selectAll('k')
    .select(['c.name as cooperative_name', 'u.full_name as user_name', 'r.full_name as resolver_name']);
}

/** May this petugas edit the record the conflict is about? (visit: its team; follow-up: who agreed it.) */
async function mayEdit(db: Tx, actor: Actor, row: { entity_type: string; entity_id: string }): Promise<boolean> {
  if (row.entity_type === 'visit')
    return (await visitRef(db, row.entity_id))?.team.includes(actor.userId ?? '') ?? false;
  const f = await db
    .selectFrom('follow_ups')
    .select(['created_by', 'visit_id'])
    .where('id', '=', row.entity_id)
    .executeTakeFirst();
  if (!f) return false;
  if (f.created_by === actor.userId) return true;
  return f.visit_id ? ((await visitRef(db, f.visit_id))?.team.includes(actor.userId ?? '') ?? false) : false;
}

/** Admin and pimpinan see every conflict; a petugas their own and those on records they may edit. */
export async function listConflicts(
  deps: AppDeps,
  actor: Actor,
  q: { status?: 'open' | 'resolved' },
): Promise<{ items: SyncConflict[] }> {
  authorize(syncPolicy.readConflicts, actor, null);
  const db = deps.db.kysely;
  let query = conflictQuery(db).orderBy('k.created_at', 'desc').orderBy('k.id').limit(500);
  const scope = scopeFilter(actor, 'k.cooperative_id', 'c.office_id');
  if (scope) query = query.where(scope);
  if (q.status) query = query.where('k.status', '=', q.status);
  const rows = (await query.execute()) as ConflictRow[];
  const items: SyncConflict[] = [];
  for (const r of rows) {
    if (!syncPolicy.seesEveryConflict(actor) && r.user_id !== actor.userId && !(await mayEdit(db, actor, r))) continue;
    items.push(conflictView(r));
  }
  return { items };
}
