import { z } from 'zod';
import { OFFICE_LEVELS } from '../domain/documents/codes.js';

/** An office of the Dinas: the profile printed on its documents. */
export const officeOut = z.object({
  id: z.string(),
  level: z.enum(OFFICE_LEVELS),
  regionCode: z.string().nullable(),
  name: z.string(),
  shortName: z.string(),
  government: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  hasLogo: z.boolean(),
  city: z.string(),
  headName: z.string().nullable(),
  headNip: z.string().nullable(),
  headRank: z.string().nullable(),
  headPosition: z.string().nullable(),
  legalBasis: z.array(z.string()),
  bbox: z.object({ minLat: z.number(), maxLat: z.number(), minLng: z.number(), maxLng: z.number() }).nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});

export type OfficeOut = z.infer<typeof officeOut>;
