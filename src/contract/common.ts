import { z } from 'zod';
import {
  AUTHORITY_LEVELS,
  BIDANG,
  COOP_GROUPS,
  COOP_STATUSES,
  COOP_TYPES,
  OFFICER_ROLES,
  ROLES,
  SCHEMES,
  UNIT_SECTORS,
  UNIT_STATUSES,
} from '../domain/codes.js';
import { DISTRICT_CODE_PATTERN, NIK_PATTERN, VILLAGE_CODE_PATTERN } from '../domain/cooperative.js';
import { appAbilitiesOut, cooperativeCanOut, cooperativeListCanOut } from './abilities.js';
import { verificationOut } from './verification.js';

/** Shared zod schemas of the API. Request schemas are strict: an unknown field is an error. */

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD.')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Tanggal tidak ada di kalender.');

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z
    .union([text(max), z.null()])
    .optional()
    .transform((v) => (v === '' ? null : v));
const count = z.number().int().min(0).max(10_000_000);
const countOrZero = z
  .union([count, z.null()])
  .optional()
  .transform((v) => (v === null ? 0 : v));
/** Rupiah, integer; ±9 quadrillion fits a JS number exactly. */
export const rupiah = z.number().int('Nilai rupiah harus bilangan bulat.').min(-1e15).max(1e15);

export const uuidParam = z.string().uuid('ID tidak valid.');
export const idParams = z.strictObject({ id: uuidParam });

export const page = z.coerce
  .number()
  .int()
  .min(1, 'Halaman minimal 1.')
  .max(100_000, 'Halaman terlalu besar.')
  .default(1);
export const pageSize = z.coerce
  .number()
  .int()
  .min(1, 'Ukuran halaman minimal 1.')
  .max(100, 'Ukuran halaman maksimal 100.')
  .default(20);

export const officer = z
  .strictObject({
    role: z.enum(OFFICER_ROLES),
    name: text(120).min(2, 'Nama minimal 2 karakter.'),
    phone: optionalText(30),
    termStart: z.union([isoDate, z.null()]).optional(),
    termEnd: z.union([isoDate, z.null()]).optional(),
  })
  .transform((o) => ({
    role: o.role,
    name: o.name,
    phone: o.phone ?? null,
    termStart: o.termStart ?? null,
    termEnd: o.termEnd ?? null,
  }));

const cooperativeShape = {
  name: text(200).min(3, 'Nama koperasi minimal 3 karakter.'),
  type: z.enum(COOP_TYPES),
  group: z.enum(COOP_GROUPS),
  districtCode: z.string().regex(DISTRICT_CODE_PATTERN, 'Kode kecamatan berformat 35.13.07.'),
  villageCode: z.string().regex(VILLAGE_CODE_PATTERN, 'Kode desa berformat 35.13.07.2008.'),
  nik: z
    .union([z.string().trim().regex(NIK_PATTERN, 'NIK koperasi terdiri dari 16 angka.'), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v === '' ? null : v)),
  legalEntityNumber: optionalText(100),
  legalEntityDate: z.union([isoDate, z.null()]).optional(),
  legalEntityAmendmentDate: z.union([isoDate, z.null()]).optional(),
  scheme: z.enum(SCHEMES).optional(),
  status: z
    .enum(['AKTIF', 'TIDAK_AKTIF'], { error: 'Status hanya Aktif atau Tidak aktif; pembubaran lewat menu Bubarkan.' })
    .optional(),
  street: optionalText(300),
  latitude: z.union([z.number().min(-90).max(90), z.null()]).optional(),
  longitude: z.union([z.number().min(-180).max(180), z.null()]).optional(),
  phone: optionalText(30),
  email: z
    .union([z.email('Alamat email tidak valid.').max(200), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v === '' ? null : v)),
  simkopdesId: optionalText(60),
  // An emptied count field arrives as null: it means 0.
  membersMale: countOrZero,
  membersFemale: countOrZero,
  employeesMale: countOrZero,
  employeesFemale: countOrZero,
  officers: z.array(officer).max(50).optional(),
};

export const createCooperativeBody = z.strictObject({ ...cooperativeShape, id: uuidParam.optional() });
export const updateCooperativeBody = z
  .strictObject({
    ...Object.fromEntries(Object.entries(cooperativeShape).map(([k, v]) => [k, v.optional()])),
    version: z.number().int().min(1).optional(),
  } as { [K in keyof typeof cooperativeShape]: z.ZodOptional<(typeof cooperativeShape)[K]> } & {
    version: z.ZodOptional<z.ZodNumber>;
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'Tidak ada kolom yang diubah.');

const region = z.object({ code: z.string(), name: z.string() });

const officerOut = z.object({
  role: z.enum(OFFICER_ROLES),
  name: z.string(),
  phone: z.string().nullable(),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
});

export const cooperativeOut = z.object({
  id: z.string(),
  name: z.string(),
  nik: z.string().nullable(),
  legalEntityNumber: z.string().nullable(),
  legalEntityDate: z.string().nullable(),
  legalEntityAmendmentDate: z.string().nullable(),
  type: z.enum(COOP_TYPES),
  group: z.enum(COOP_GROUPS),
  scheme: z.enum(SCHEMES),
  status: z.enum(COOP_STATUSES),
  street: z.string().nullable(),
  districtCode: z.string(),
  villageCode: z.string(),
  district: region,
  village: region,
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  simkopdesId: z.string().nullable(),
  membersMale: z.number(),
  membersFemale: z.number(),
  employeesMale: z.number(),
  employeesFemale: z.number(),
  officers: z.array(officerOut),
  officersVerification: z
    .object({
      status: z.enum(['PENDING', 'VERIFIED', 'RETURNED']),
      reason: z.string().optional(),
      official: z.array(officerOut).optional().describe('While a filed change waits: the officers that still count.'),
    })
    .describe(
      'The last change of officers filed by the cooperative: PENDING until the Dinas verifies it; RETURNED restores the previous officers.',
    ),
  dissolvedReason: z.string().nullable(),
  dissolvedAt: z.string().nullable(),
  authorityLevel: z.enum(AUTHORITY_LEVELS),
  officeId: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const cooperativeListItemOut = z.object({
  id: z.string(),
  name: z.string(),
  nik: z.string().nullable(),
  type: z.string(),
  group: z.string(),
  scheme: z.string(),
  status: z.string(),
  district: region,
  village: region,
  membersMale: z.number(),
  membersFemale: z.number(),
  updatedAt: z.string(),
});

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

/** The registry's list, with what the user may add to it. */
export const cooperativePageOut = pageOf(cooperativeListItemOut).extend({ can: cooperativeListCanOut });

/** One cooperative as its detail page reads it, with what the user may do with it. */
export const cooperativeDetailOut = cooperativeOut.extend({ can: cooperativeCanOut });

export const okOut = z.object({ ok: z.literal(true) });

export const changeOut = z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() }));
export const auditEventOut = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), username: z.string(), fullName: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  cooperativeId: z.string().nullable(),
  cooperativeName: z.string().nullable(),
  changes: changeOut,
});

export const figuresBody = z.strictObject({
  assets: z.union([rupiah.min(0, 'Aset tidak boleh negatif.'), z.null()]).default(null),
  ownCapital: z.union([rupiah, z.null()]).default(null),
  externalCapital: z.union([rupiah.min(0, 'Modal luar tidak boleh negatif.'), z.null()]).default(null),
  businessVolume: z.union([rupiah.min(0, 'Volume usaha tidak boleh negatif.'), z.null()]).default(null),
  shu: z.union([rupiah, z.null()]).default(null),
  membersMale: z.union([count, z.null()]).default(null),
  membersFemale: z.union([count, z.null()]).default(null),
});
export const figureOut = z.object({
  fiscalYear: z.number(),
  assets: z.number().nullable(),
  ownCapital: z.number().nullable(),
  externalCapital: z.number().nullable(),
  businessVolume: z.number().nullable(),
  shu: z.number().nullable(),
  membersMale: z.number().nullable(),
  membersFemale: z.number().nullable(),
  verification: verificationOut,
});

const permitShape = { nib: optionalText(60), pirt: optionalText(60), halal: optionalText(60) };
const permits = z
  .strictObject(permitShape)
  .transform((p) => ({ nib: p.nib ?? null, pirt: p.pirt ?? null, halal: p.halal ?? null }));
export const unitBody = z
  .strictObject({
    name: text(150).min(2, 'Nama unit usaha minimal 2 karakter.'),
    sector: z.enum(UNIT_SECTORS),
    status: z.enum(UNIT_STATUSES).default('EXISTING'),
    turnover: z.union([rupiah.min(0, 'Omzet tidak boleh negatif.'), z.null()]).default(null),
    employees: z.union([count, z.null()]).default(null),
    permits: permits.default({ nib: null, pirt: null, halal: null }),
    needs: optionalText(1000),
  })
  .transform((u) => ({ ...u, needs: u.needs ?? null }));
export const unitPatchBody = z
  .strictObject({
    name: text(150).min(2, 'Nama unit usaha minimal 2 karakter.').optional(),
    sector: z.enum(UNIT_SECTORS).optional(),
    status: z.enum(UNIT_STATUSES).optional(),
    turnover: z.union([rupiah.min(0, 'Omzet tidak boleh negatif.'), z.null()]).optional(),
    employees: z.union([count, z.null()]).optional(),
    permits: z.strictObject(permitShape).partial().optional(),
    needs: optionalText(1000),
  })
  .refine((b) => Object.keys(b).length > 0, 'Tidak ada kolom yang diubah.');
export const unitOut = z.object({
  id: z.string(),
  name: z.string(),
  sector: z.enum(UNIT_SECTORS),
  status: z.enum(UNIT_STATUSES),
  turnover: z.number().nullable(),
  employees: z.number().nullable(),
  permits: z.object({ nib: z.string().nullable(), pirt: z.string().nullable(), halal: z.string().nullable() }),
  needs: z.string().nullable(),
});

export const meOut = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  bidang: z.enum(BIDANG).nullable(),
  cooperativeId: z.string().nullable(),
  cooperativeName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  abilities: appAbilitiesOut,
});

export const userOut = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  bidang: z.enum(BIDANG).nullable(),
  cooperative: z.object({ id: z.string(), name: z.string() }).nullable(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  nip: z.string().nullable(),
  rank: z.string().nullable(),
  position: z.string().nullable(),
});

/** The types the web app reads (z.infer of the response schemas above). */
export type CooperativeOut = z.infer<typeof cooperativeOut>;
export type CooperativeListItemOut = z.infer<typeof cooperativeListItemOut>;
export type CooperativePageOut = z.infer<typeof cooperativePageOut>;
export type CooperativeDetailOut = z.infer<typeof cooperativeDetailOut>;
/** What the cooperative form sends (POST; PATCH sends the fields that changed). */
export type CooperativeInput = z.input<typeof createCooperativeBody>;
export type AuditEventOut = z.infer<typeof auditEventOut>;
export type FigureOut = z.infer<typeof figureOut>;
export type UnitOut = z.infer<typeof unitOut>;
export type MeOut = z.infer<typeof meOut>;
export type UserOut = z.infer<typeof userOut>;

/** A role an admin may give an account, with what it requires (served by the user policy). */
export const assignableRoleOut = z.object({
  code: z.enum(ROLES),
  label: z.string(),
  needsBidang: z.boolean(),
  needsCooperative: z.boolean(),
  signsDocuments: z.boolean().describe('NIP, pangkat dan jabatan dicetak di bawah tanda tangannya'),
});
export const userPageOut = pageOf(userOut).extend({
  roles: z.array(assignableRoleOut).describe('Peran yang boleh diberikan pengguna ini, dengan syaratnya'),
});
export type AssignableRoleOut = z.infer<typeof assignableRoleOut>;
export type UserPageOut = z.infer<typeof userPageOut>;
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
