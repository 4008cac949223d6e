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
export const officeListOut = z.object({ items: z.array(officeOut) });

// ── requests ──

const text = (max: number) => z.string().trim().min(2, 'Minimal 2 karakter.').max(max);
const optionalText = (max: number) => z.union([z.string().trim().max(max), z.null()]).optional();
const profile = {
  name: text(160),
  shortName: text(60),
  government: text(160),
  address: text(300),
  city: text(80),
  phone: optionalText(60),
  email: optionalText(120),
  website: optionalText(160),
  headName: optionalText(160),
  headNip: optionalText(30),
  headRank: optionalText(80),
  headPosition: optionalText(120),
  legalBasis: z.array(z.string().trim().min(5).max(500)).max(12).optional(),
  /** The map extent coordinates must fall in (null: unchecked). */
  bbox: z
    .union([
      z.strictObject({
        minLat: z.number().min(-90).max(90),
        maxLat: z.number().min(-90).max(90),
        minLng: z.number().min(-180).max(180),
        maxLng: z.number().min(-180).max(180),
      }),
      z.null(),
    ])
    .optional(),
};

export const createOfficeBody = z.strictObject({
  level: z.enum(OFFICE_LEVELS),
  regionCode: z.union([z.string().max(10), z.null()]).optional(),
  ...profile,
});
export const updateOfficeBody = z
  .strictObject({
    name: profile.name.optional(),
    shortName: profile.shortName.optional(),
    government: profile.government.optional(),
    address: profile.address.optional(),
    city: profile.city.optional(),
    phone: profile.phone,
    email: profile.email,
    website: profile.website,
    headName: profile.headName,
    headNip: profile.headNip,
    headRank: profile.headRank,
    headPosition: profile.headPosition,
    legalBasis: profile.legalBasis,
    bbox: profile.bbox,
    version: z.number().int().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Tidak ada kolom yang diubah.');
