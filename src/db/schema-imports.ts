/** Import batches (migration 0008_import_batches). */
export interface ImportBatchTable {
  id: string;
  kind: string;
  actor_id: string | null;
  actor_name: string;
  created_at: string;
  file_name: string | null;
  rows: number;
  /** JSON: counts shown in the history. */
  summary: string;
  /** JSON: what undoing the batch needs. */
  undo: string;
  undone_at: string | null;
  undone_by: string | null;
  /** Issue 11 (migration 0013): the office of the user who imported. */
  office_id?: string | null;
}

export interface ImportTables {
  import_batches: ImportBatchTable;
}
