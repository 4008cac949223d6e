import type { Selectable } from 'kysely';
import type { SyncConflictTable } from '../../db/schema-sync.js';
import { jsonOf } from '../shared/records.js';
import { fieldLabel } from './fields.js';
import type { ConflictOut } from '../../contract/sync.js';

/** A conflict as the API answers it (src/contract/sync.ts). */
export type SyncConflict = ConflictOut;

export type ConflictRow = Selectable<SyncConflictTable> & {
  cooperative_name: string;
  user_name: string | null;
  resolver_name: string | null;
};

export function conflictView(r: ConflictRow): SyncConflict {
  return {
    id: r.id,
    entityType: r.entity_type === 'visit' ? 'visit' : 'followUp',
    entityId: r.entity_id,
    cooperative: { id: r.cooperative_id, name: r.cooperative_name },
    field: r.field,
    fieldLabel: fieldLabel(r.field),
    baseValue: jsonOf(r.base_value, null),
    serverValue: jsonOf(r.server_value, null),
    clientValue: jsonOf(r.client_value, null),
    changeId: r.change_id,
    user: { id: r.user_id, fullName: r.user_name ?? '' },
    createdAt: r.created_at,
    status: r.status === 'resolved' ? 'resolved' : 'open',
    resolvedBy: r.resolved_by ? { id: r.resolved_by, fullName: r.resolver_name ?? '' } : null,
    resolvedAt: r.resolved_at,
    resolution: jsonOf(r.resolution, null),
  };
}
