import { z } from 'zod';
import { importBatchCanOut } from './abilities.js';

/** Spreadsheet imports (cooperatives, yearly figures): the dry run's answer and the undoable batches. */

export const rowErrorOut = z.object({ row: z.number(), field: z.string(), message: z.string() });

export const importCheckOut = z.object({
  total: z.number(),
  valid: z.number(),
  errors: z.array(rowErrorOut),
  skipped: z.number().describe('Baris yang tidak mengubah apa pun (sudah ada, data kosong, baris contoh)'),
  warnings: z.array(rowErrorOut),
  overwrites: z
    .array(
      z.object({
        row: z.number(),
        name: z.string(),
        field: z.string(),
        before: z.number().nullable(),
        after: z.number().nullable(),
      }),
    )
    .describe('Nilai tersimpan yang akan ditimpa (lama → baru); impor memerlukan overwrite=true'),
  preview: z.array(z.object({ row: z.number(), name: z.string(), district: z.string(), village: z.string() })),
});
export type ImportCheckOut = z.infer<typeof importCheckOut>;
export type RowErrorOut = z.infer<typeof rowErrorOut>;

export const importBatchOut = z.object({
  id: z.string(),
  kind: z.enum(['cooperatives', 'figures']),
  actorName: z.string(),
  createdAt: z.string(),
  fileName: z.string().nullable(),
  rows: z.number(),
  summary: z.record(z.string(), z.number()),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
  undoableUntil: z.string().nullable(),
});
export type ImportBatchOut = z.infer<typeof importBatchOut>;

/** The import history: each batch with what the user may do with it (`can.undo`). */
export const importBatchListOut = z.object({ items: z.array(importBatchOut.extend({ can: importBatchCanOut })) });
export type ImportBatchListOut = z.infer<typeof importBatchListOut>;

/** The run of an import after its check. */
export const importRunQuery = z.object({
  overwrite: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: timpa nilai yang sudah tersimpan (lihat overwrites pada uji coba)'),
  fileName: z.string().max(200).optional().describe('Nama berkas, untuk riwayat impor'),
});
