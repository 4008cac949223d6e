import { z } from 'zod';

/** List exports run as background jobs (the job is `jobOut` in ./jobs.ts). */

export const EXPORT_LISTS = ['cooperatives', 'assessments', 'visits', 'concerns', 'followUps', 'audit'] as const;
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;

export const exportBody = z.strictObject({
  list: z.enum(EXPORT_LISTS, { error: `Daftar tidak dikenal; pilih salah satu: ${EXPORT_LISTS.join(', ')}.` }),
  format: z.enum(EXPORT_FORMATS, { error: 'Format harus xlsx atau csv.' }),
  filters: z
    .record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean()]), {
      error: 'Filter harus berupa objek.',
    })
    .optional()
    .describe('Parameter pencarian daftar itu sendiri, mis. {"district":"35.13.07"} (tanpa page/pageSize)'),
});
