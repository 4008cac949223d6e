import { z } from 'zod';
import { isoDate } from './common.js';
import { clientId, nullableText, programSummaryOut, targetsBody, text, version } from './visits.js';

/** Requests of the visit programs; the responses `programOut` and `programSummaryOut` are in ./visits.ts. */

export const programListOut = z.object({ items: z.array(programSummaryOut) });

export const createProgramBody = z.strictObject({
  id: clientId,
  name: text(3, 200, 'Nama program minimal 3 karakter.'),
  periodStart: isoDate,
  periodEnd: isoDate,
  description: nullableText(2000),
  targets: targetsBody.default([]),
});

export const updateProgramBody = z
  .strictObject({
    name: text(3, 200, 'Nama program minimal 3 karakter.').optional(),
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    description: nullableText(2000),
    targets: targetsBody.optional(),
    version,
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'Tidak ada kolom yang diubah.');

export type ProgramListOut = z.infer<typeof programListOut>;
