import { z } from 'zod';

/** Background jobs (imports, long exports): GET /api/v1/jobs/{id}. */

/** What a finished job produced: an export's file (download it from /jobs/{id}/download) or an import's batch. */
export const jobResultOut = z.union([
  z.object({ filename: z.string(), size: z.number(), rows: z.number() }),
  z.object({
    batchId: z.string(),
    created: z.number().optional(),
    saved: z.number().optional(),
    overwritten: z.number().optional(),
    skipped: z.number(),
  }),
  z.null(),
]);

export const jobOut = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  processed: z.number(),
  total: z.number(),
  result: jobResultOut,
  error: z
    .object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() })
    .nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobOut = z.infer<typeof jobOut>;
