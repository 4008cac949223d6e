import { z } from 'zod';
import { page } from './common.js';
import { regionQuery } from './dashboard.js';

/** The ODS-style yearly recap: JSON, XLSX and PDF. */

const year = z.coerce
  .number()
  .int()
  .min(1945, 'Tahun buku tidak masuk akal.')
  .max(2100, 'Tahun buku tidak masuk akal.');
const level = z.enum(['cooperative', 'district'], { error: 'Tingkat rekap harus cooperative atau district.' });
const district = z
  .string()
  .regex(/^\d{2}\.\d{2}\.\d{2}$/, 'Kode kecamatan berformat 35.13.07.')
  .optional()
  .describe('Hanya satu kecamatan, mis. 35.13.07');

export const recapQuery = z.strictObject({
  year,
  level: level.default('district'),
  district,
  region: regionQuery,
  page,
  pageSize: z.coerce
    .number()
    .int()
    .min(1, 'Ukuran halaman minimal 1.')
    .max(200, 'Ukuran halaman maksimal 200.')
    .default(50),
});
/** The recap as a file: per cooperative by default for XLSX, per kecamatan for PDF. */
export const recapFileQuery = (defaultLevel: z.infer<typeof level>) =>
  z.strictObject({ year, level: level.default(defaultLevel), district, region: regionQuery });

const sums = {
  cooperatives: z.number(),
  membersMale: z.number(),
  membersFemale: z.number(),
  assets: z.number(),
  ownCapital: z.number(),
  externalCapital: z.number(),
  businessVolume: z.number(),
  shu: z.number(),
  ratHeld: z.number(),
  active: z.number(),
};
const money = z.number().nullable();

export const recapTotalsOut = z.object(sums);
export const districtRecapOut = z.object({ code: z.string(), name: z.string(), ...sums });
export const recapRowOut = z.object({
  name: z.string(),
  nik: z.string().nullable(),
  type: z.string(),
  district: z.string(),
  village: z.string(),
  membersMale: z.number(),
  membersFemale: z.number(),
  assets: money,
  ownCapital: money,
  externalCapital: money,
  businessVolume: money,
  shu: money,
  ratHeld: z.boolean(),
  ratHeldOn: z.string().nullable(),
  active: z.boolean(),
});
export const recapOut = z.object({
  year: z.number(),
  asOf: z.string(),
  districts: z.array(districtRecapOut),
  totals: recapTotalsOut,
  cooperatives: z
    .object({ items: z.array(recapRowOut), total: z.number(), page: z.number(), pageSize: z.number() })
    .optional()
    .describe('Hanya bila level=cooperative'),
});

export type RecapRowOut = z.infer<typeof recapRowOut>;
export type DistrictRecapOut = z.infer<typeof districtRecapOut>;
export type RecapTotalsOut = z.infer<typeof recapTotalsOut>;
