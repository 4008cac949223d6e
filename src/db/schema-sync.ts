/**
 * Table types of field sync (issue 6). Conventions as in schema.ts; JSON values are text.
 */
export interface SyncTables {
  sync_changes: SyncChangeTable;
  sync_conflicts: SyncConflictTable;
  uploads: UploadTable;
  upload_chunks: UploadChunkTable;
}

/** One row per applied change: its id is the key, so a change lands at most once. */
export interface SyncChangeTable {
  change_id: string;
  user_id: string;
  kind: string;
  entity_id: string;
  /** JSON of the Result returned the first time. */
  result: string;
  applied_at: string;
}

export interface SyncConflictTable {
  id: string;
  entity_type: string; // visit | follow_up
  entity_id: string;
  cooperative_id: string;
  /** e.g. `deadline`, `findings.usaha`, `checklist.K1`. */
  field: string;
  base_value: string | null; // JSON
  server_value: string | null; // JSON
  client_value: string | null; // JSON
  change_id: string;
  user_id: string;
  created_at: string;
  status: string; // open | resolved
  resolved_by: string | null;
  resolved_at: string | null;
  /** JSON {choice, value}. */
  resolution: string | null;
}

export interface UploadTable {
  id: string;
  owner_id: string;
  target_type: string; // visit | followUp
  target_id: string;
  cooperative_id: string;
  size: number;
  received: number;
  content_type: string;
  caption: string | null;
  taken_at: string | null;
  photo_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface UploadChunkTable {
  upload_id: string;
  chunk_offset: number;
  bytes: Buffer;
}
