import { AppError, notFound } from '../../domain/errors.js';
import { canonical } from '../../domain/sync/merge.js';
import { type Actor, type AppDeps, mutate, withinTransaction } from '../context.js';
import { authorize, followUpPolicy, guardCooperative } from '../policy/index.js';
import { followUpRef, getFollowUp, updateFollowUp } from '../follow-ups/follow-ups.js';
import { jsonOf } from '../shared/records.js';
import { loadVisit } from '../visits/view.js';
import { editableVisit, updateVisit } from '../visits/visits.js';
import type { FollowUpSyncFields, VisitSyncFields } from './changes.js';
import { type ConflictRow, conflictView } from './conflict-view.js';
import { parseFieldValue, visitPatch } from './fields.js';
import { conflictQuery } from './list-conflicts.js';
import type { ResolveConflictOut } from '../../contract/sync.js';

export interface ResolveInput {
  choice: 'server' | 'client' | 'custom';
  value?: unknown;
}

/**
 * A person picks the server's value, the phone's, or types another. The chosen value is written with
 * the normal use case (same permissions and checks, a new version), and the resolution is audited.
 */
export async function resolveConflict(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: ResolveInput,
): Promise<ResolveConflictOut> {
  return mutate(deps, actor, async (trx, audit) => {
    const row = (await conflictQuery(trx).where('k.id', '=', id).executeTakeFirst()) as ConflictRow | undefined;
    if (!row) throw notFound('Konflik');
    await guardCooperative(trx, actor, row.cooperative_id, 'Konflik');
    const isVisit = row.entity_type === 'visit';
    if (isVisit) await editableVisit(trx, actor, row.entity_id);
    else
      authorize(
        followUpPolicy.edit,
        actor,
        await followUpRef(trx, actor, row.entity_id),
        'Hanya yang mencatat rekomendasi ini, tim kunjungannya, atau admin yang dapat menyelesaikan konfliknya.',
      );
    if (row.status !== 'open')
      throw new AppError('CONFLICT', 'Konflik ini sudah diselesaikan sebelumnya.', { status: 'Sudah diselesaikan.' });
    if (input.choice === 'custom' && input.value === undefined)
      throw new AppError('VALIDATION', 'Isi nilai pilihan Anda.', { value: 'Wajib diisi untuk pilihan custom.' });

    const d = withinTransaction(deps, trx);
    const read = async () =>
      isVisit ? (await loadVisit(trx, row.entity_id)).version : (await getFollowUp(d, actor, row.entity_id)).version;
    const serverNow = jsonOf<unknown>(row.server_value, null);
    const chosen =
      input.choice === 'server'
        ? serverNow
        : parseFieldValue(row.field, input.choice === 'client' ? jsonOf<unknown>(row.client_value, null) : input.value);
    let version = await read();
    if (input.choice !== 'server') {
      if (isVisit) {
        const fields = fieldsFor(row.field, chosen);
        version = (await updateVisit(d, actor, row.entity_id, visitPatch(fields, [row.field]))).version;
      } else {
        version = (await updateFollowUp(d, actor, row.entity_id, { [row.field]: chosen } as FollowUpSyncFields))
          .version;
      }
    }
    const at = deps.now().toISOString();
    await trx
      .updateTable('sync_conflicts')
      .set({
        status: 'resolved',
        resolved_by: actor.userId,
        resolved_at: at,
        resolution: JSON.stringify({ choice: input.choice, value: chosen ?? null }),
      })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .execute();
    await audit({
      action: 'sync.conflict_resolve',
      entityType: isVisit ? 'visit' : 'follow_up',
      entityId: row.entity_id,
      cooperativeId: row.cooperative_id,
      changes: {
        [row.field]: { before: serverNow, after: chosen ?? null },
        resolution: {
          before: null,
          after: { conflictId: id, choice: input.choice, changed: canonical(serverNow) !== canonical(chosen) },
        },
      },
    });
    const updated = (await conflictQuery(trx).where('k.id', '=', id).executeTakeFirstOrThrow()) as ConflictRow;
    return {
      conflict: conflictView(updated),
      entity: { type: isVisit ? 'visit' : 'followUp', id: row.entity_id, version },
    };
  });
}

/** A visit field name and a value, as the fields of a visit.update. */
function fieldsFor(field: string, value: unknown): VisitSyncFields {
  if (field.startsWith('findings.')) return { findings: { [field.slice(9)]: value } } as VisitSyncFields;
  if (field.startsWith('checklist.')) return { checklist: { [field.slice(10)]: value } } as VisitSyncFields;
  return { [field]: value } as VisitSyncFields;
}
