import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { FieldEdit } from '../../domain/sync/merge.js';
import type { Actor, AuditInput, AppDeps } from '../context.js';

/**
 * Keeps each overlapping field as an open conflict, both values side by side; the server value
 * stays until a person resolves it. Written in the change's transaction and audited as its sender.
 */
export async function recordConflicts(
  deps: AppDeps,
  trx: Transaction<Database>,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  target: { entityType: 'visit' | 'follow_up'; entityId: string; cooperativeId: string; changeId: string },
  edits: readonly FieldEdit[],
): Promise<{ id: string; field: string }[]> {
  const out: { id: string; field: string }[] = [];
  const at = deps.now().toISOString();
  for (const e of edits) {
    const id = randomUUID();
    await trx
      .insertInto('sync_conflicts')
      .values({
        id,
        entity_type: target.entityType,
        entity_id: target.entityId,
        cooperative_id: target.cooperativeId,
        field: e.field,
        base_value: e.hasBase ? JSON.stringify(e.base ?? null) : null,
        server_value: JSON.stringify(e.server ?? null),
        client_value: JSON.stringify(e.client ?? null),
        change_id: target.changeId,
        user_id: actor.userId ?? '',
        created_at: at,
        status: 'open',
        resolved_by: null,
        resolved_at: null,
        resolution: null,
      })
      .execute();
    out.push({ id, field: e.field });
  }
  if (out.length) {
    await audit({
      action: 'sync.conflict',
      entityType: target.entityType,
      entityId: target.entityId,
      cooperativeId: target.cooperativeId,
      changes: Object.fromEntries(edits.map((e) => [e.field, { before: e.server ?? null, after: e.client ?? null }])),
    });
  }
  return out;
}
