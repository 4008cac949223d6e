import { z } from 'zod';
import { CATEGORY_CODES } from '../domain/rubrics/codes.js';

/** The leaders' dashboard (GET /api/v1/dashboard) and the early-warning priorities. */

const district = { code: z.string(), name: z.string() };
const categoryCountsShape = Object.fromEntries(CATEGORY_CODES.map((c) => [c, z.number()])) as Record<
  (typeof CATEGORY_CODES)[number],
  z.ZodNumber
>;
export const categoryCountsOut = z.object(categoryCountsShape);

export const dashboardOut = z.object({
  year: z.number(),
  asOf: z.string(),
  coverage: z.object({
    visited: z.number(),
    target: z.number(),
    visits: z.number(),
    byDistrict: z.array(z.object({ ...district, visited: z.number(), visits: z.number(), target: z.number() })),
  }),
  health: z.object({
    ...categoryCountsShape,
    assessed: z.number(),
    byDistrict: z.array(z.object({ ...district, ...categoryCountsShape })),
  }),
  rat: z.object({
    fiscalYear: z.number(),
    asOf: z.string(),
    due: z.number(),
    held: z.number(),
    onTime: z.number(),
    rate: z.number().nullable(),
    active: z.number(),
    cooperatives: z.number(),
    withWarnings: z.number(),
    byDistrict: z.array(
      z.object({
        ...district,
        due: z.number(),
        held: z.number(),
        onTime: z.number(),
        active: z.number(),
        cooperatives: z.number(),
        warnings: z.number(),
        rate: z.number().nullable(),
      }),
    ),
  }),
  followUps: z.object({
    open: z.number(),
    in_progress: z.number(),
    done: z.number(),
    cancelled: z.number(),
    overdue: z.number(),
    byBidang: z.array(z.object({ code: z.string(), label: z.string(), open: z.number(), overdue: z.number() })),
    /** Per kecamatan of the cooperative: `open` counts every follow-up not yet finished (open or in progress). */
    byDistrict: z.array(z.object({ ...district, open: z.number(), overdue: z.number() })),
  }),
  concerns: z.object({ topTopics: z.array(z.object({ topic: z.string(), label: z.string(), count: z.number() })) }),
  trends: z.array(
    z.object({ year: z.number(), visits: z.number(), ratRate: z.number().nullable(), health: categoryCountsOut }),
  ),
});
export type DashboardOut = z.infer<typeof dashboardOut>;

export const priorityReasonOut = z.object({ code: z.string(), label: z.string(), points: z.number() });
export const priorityItemOut = z.object({
  cooperative: z.object({ id: z.string(), name: z.string(), district: z.object(district) }),
  score: z.number(),
  reasons: z.array(priorityReasonOut),
});
export const prioritiesOut = z.object({ items: z.array(priorityItemOut), weights: z.record(z.string(), z.number()) });
export type PriorityItemOut = z.infer<typeof priorityItemOut>;
