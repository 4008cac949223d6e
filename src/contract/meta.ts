import { z } from 'zod';

/** Code lists with their Indonesian labels, the office's area and the regions. */

export const optionOut = z.object({ code: z.string(), label: z.string() });
export const regionOut = z.object({ code: z.string(), name: z.string() });
export const villageOut = regionOut.extend({ kind: z.enum(['DESA', 'KELURAHAN']) });

export const metaOut = z.object({
  types: z.array(optionOut),
  groups: z.array(optionOut),
  schemes: z.array(optionOut),
  statuses: z.array(optionOut),
  officerRoles: z.array(optionOut),
  roles: z.array(optionOut),
  bidang: z.array(optionOut),
  unitSectors: z.array(optionOut),
  unitStatuses: z.array(optionOut),
  regency: regionOut,
  bbox: z.object({ minLat: z.number(), maxLat: z.number(), minLng: z.number(), maxLng: z.number() }).nullable(),
  regionSource: z.string(),
  office: z.object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    area: z.string(),
    hasLogo: z.boolean(),
  }),
});

export type MetaOut = z.infer<typeof metaOut>;
export type OptionOut = z.infer<typeof optionOut>;
export type RegionOut = z.infer<typeof regionOut>;
export type VillageOut = z.infer<typeof villageOut>;

export const healthOut = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });
export const regionListOut = z.object({ items: z.array(regionOut) });
export const villageListOut = z.object({ items: z.array(villageOut) });
const code = (pattern: RegExp, message: string) => z.strictObject({ code: z.string().regex(pattern, message) });
export const provinceParams = code(/^\d{2}$/, 'Kode provinsi berformat 35.');
export const regencyParams = code(/^\d{2}\.\d{2}$/, 'Kode kabupaten/kota berformat 35.13.');
export const districtParams = code(/^\d{2}\.\d{2}\.\d{2}$/, 'Kode kecamatan berformat 35.13.07.');
