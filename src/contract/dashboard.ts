import { z } from 'zod';
import { DEFAULT_PRIORITY_WEIGHTS } from '../domain/priority/priority.js';
import { CATEGORY_CODES } from '../domain/rubrics/codes.js';

/** The leaders' dashboard (GET /api/v1/dashboard) and the early-warning priorities. */

const district = { code: z.string(), name: z.string() };
/**
 * A row of the roll-up (issue 11): a region one level below the dashboard's region (kecamatan of a
 * regency, regency of a province, province of the nation), or `kind: AUTHORITY` for the cooperatives
 * under the region's own authority ("Kewenangan provinsi", code PROVINSI; "Kewenangan nasional", code
 * NASIONAL). The `byDistrict` arrays keep their name from when every row was a kecamatan.
 */
const row = {
  ...district,
  kind: z
    .enum(['AREA', 'AUTHORITY'])
    .describe('AREA: a region one level below; AUTHORITY: the tier’s own cooperatives'),
};
export const regionLevel = z.enum(['NASIONAL', 'PROVINSI', 'KABUPATEN', 'KECAMATAN']);
export const regionRefOut = z.object({ level: regionLevel, code: z.string(), name: z.string() });
export type RegionRefOut = z.infer<typeof regionRefOut>;
const categoryCountsShape = Object.fromEntries(CATEGORY_CODES.map((c) => [c, z.number()])) as Record<
  (typeof CATEGORY_CODES)[number],
  z.ZodNumber
>;
export const categoryCountsOut = z.object(categoryCountsShape);

export const dashboardOut = z.object({
  year: z.number(),
  asOf: z.string(),
  region: regionRefOut.describe(
    'The region shown (`region` of the query, else the office area); code "" is the nation',
  ),
  path: z.array(regionRefOut).describe('From the office area down to the region: the breadcrumb'),
  rowLevel: regionLevel
    .exclude(['NASIONAL'])
    .nullable()
    .describe('The level of the AREA rows; null for a kecamatan (no rows)'),
  coverage: z.object({
    visited: z.number(),
    target: z.number(),
    visits: z.number(),
    byDistrict: z.array(z.object({ ...row, visited: z.number(), visits: z.number(), target: z.number() })),
  }),
  health: z.object({
    ...categoryCountsShape,
    assessed: z.number(),
    byDistrict: z.array(z.object({ ...row, ...categoryCountsShape })),
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
        ...row,
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
    /** Per row of the cooperative: `open` counts every follow-up not yet finished (open or in progress). */
    byDistrict: z.array(z.object({ ...row, open: z.number(), overdue: z.number() })),
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
export const prioritiesOut = z.object({
  items: z.array(priorityItemOut),
  weights: z.record(z.string(), z.number()),
  /** What the caller may do from the list (the policy's answer): change the weights, plan a visit. */
  can: z.object({ setWeights: z.boolean(), plan: z.boolean() }),
});
export type PrioritiesOut = z.infer<typeof prioritiesOut>;
export type PriorityItemOut = z.infer<typeof priorityItemOut>;

// ── requests ──

/** A region code: '' the nation, '35' a province, '35.13' a regency, '35.13.07' a kecamatan; default the office area. */
export const regionQuery = z
  .string()
  .regex(/^(\d{2}(\.\d{2}){0,2})?$/, 'Kode wilayah tidak dikenal.')
  .optional()
  .describe(
    'Wilayah: kosong = nasional, 35 = provinsi, 35.13 = kabupaten, 35.13.07 = kecamatan; bawaan: wilayah kantor',
  );

export const dashboardQuery = z.strictObject({
  year: z.coerce.number().int().min(2000, 'Tahun tidak masuk akal.').max(2100, 'Tahun tidak masuk akal.').optional(),
  region: regionQuery,
});
export const prioritiesQuery = z.strictObject({
  district: z.string().max(20).optional(),
  region: regionQuery,
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const weight = z.number().int().min(0).max(1000);
/** The weights of the priority score, every one named (request and response). */
export const priorityWeightsBody = z.strictObject(
  Object.fromEntries(Object.keys(DEFAULT_PRIORITY_WEIGHTS).map((k) => [k, weight])) as Record<
    keyof typeof DEFAULT_PRIORITY_WEIGHTS,
    typeof weight
  >,
);
