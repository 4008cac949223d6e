import '../../i18n/sheets';
import type { ImportBatchListOut, ImportBatchOut, ImportCheckOut, RowErrorOut } from '@contract/imports';
import { ApiError } from '../../lib/api';

export type Kind = 'koperasi' | 'tahunan';
export const PATHS: Record<Kind, { template: string; templateName: string; check: string; run: string }> = {
  koperasi: {
    template: '/cooperatives/import/template.xlsx',
    templateName: 'templat-impor-koperasi.xlsx',
    check: '/cooperatives/import/check',
    run: '/cooperatives/import',
  },
  tahunan: {
    template: '/figures/import/template.xlsx',
    templateName: 'templat-impor-data-tahunan.xlsx',
    check: '/figures/import/check',
    run: '/figures/import',
  },
};

/** The dry run's answer and an import batch as served (src/contract/imports.ts). */
export type RowError = RowErrorOut;
export type Overwrite = ImportCheckOut['overwrites'][number];
export type Check = ImportCheckOut;
export type Batch = ImportBatchOut;
/** A batch in the history, with `can.undo` from the import policy. */
export type HistoryBatch = ImportBatchListOut['items'][number];

/** How many row errors the table shows at once; the summary always has the full count. */
export const MAX_ERRORS_SHOWN = 200;

/** The one message to show for a failed upload: the file-level reason when the server gives one. */
export function uploadMessage(e: unknown, fallback: string): string {
  if (e instanceof ApiError) return e.fields.file ?? e.message;
  return e instanceof Error ? e.message : fallback;
}

/**
 * XLSX import of cooperatives or yearly figures: template, dry run with per-row errors, then an
 * all-or-nothing import as a background job whose id is kept in the URL (?job=) so a reload resumes it.
 */
