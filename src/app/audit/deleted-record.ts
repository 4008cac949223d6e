import type { Change } from '../../domain/cooperative.js';

/**
 * The full before-image of a deleted row, for the audit event of the delete: `{table, row}` with
 * every column as stored (dates as ISO strings, binary columns left out), so the record can be
 * rebuilt from the audit log alone. Kept under one key, `deletedRecord`, next to the readable
 * field changes; the web app does not list it field by field.
 */
export function deletedRecord(table: string, row: object): Record<string, Change> {
  const plain: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v instanceof Date) plain[k] = v.toISOString();
    else if (Buffer.isBuffer(v) || v instanceof Uint8Array) continue;
    else plain[k] = v;
  }
  return { deletedRecord: { before: { table, row: plain }, after: null } };
}
