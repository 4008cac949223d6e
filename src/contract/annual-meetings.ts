import { z } from 'zod';
import { AGENDA_ITEMS, type AgendaItem } from '../domain/rat/agenda.js';
import { RAT_WARNING_CODES, RAT_YEAR_STATUSES } from '../domain/rat/compliance.js';
import { isoDate, uuidParam } from './common.js';
import { verificationOut } from './verification.js';

/** RAT (annual members' meeting) records of a cooperative and the compliance computed from them. */

const count = z.number().int().min(0).max(10_000_000);
const nullableText = (max: number) => z.union([z.string().trim().max(max), z.null()]).optional();
const agendaBody = z.strictObject(
  Object.fromEntries(AGENDA_ITEMS.map((k) => [k, z.boolean().optional()])) as Record<
    AgendaItem,
    z.ZodOptional<z.ZodBoolean>
  >,
);

export const annualMeetingOut = z.object({
  id: z.string(),
  cooperativeId: z.string(),
  fiscalYear: z.number(),
  heldOn: z.string(),
  place: z.string().nullable(),
  membersPresent: z.number(),
  membersTotal: z.number(),
  quorumRequired: z.number().nullable(),
  /** Attendance reached the quorum: the articles' when recorded, else half the members plus one. */
  quorumMet: z.boolean(),
  /** The quorum applied (the articles' or the default). */
  quorum: z.number(),
  /** The registry's member count differs from the RAT's member total (null when the registry has none). */
  memberCountMismatch: z.boolean().nullable(),
  verification: verificationOut,
  agenda: z.record(z.enum(AGENDA_ITEMS), z.boolean()),
  reportedToOdsOn: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number(),
});
export const annualMeetingListOut = z.object({ items: z.array(annualMeetingOut) });

export const recordAnnualMeetingBody = z.strictObject({
  fiscalYear: z.number().int().min(1945).max(2100),
  heldOn: isoDate,
  place: nullableText(200),
  membersPresent: count,
  membersTotal: count,
  quorumRequired: z.union([count, z.null()]).optional(),
  agenda: agendaBody.optional(),
  reportedToOdsOn: z.union([isoDate, z.null()]).optional(),
  notes: nullableText(2000),
});

export const annualMeetingParams = z.strictObject({ id: uuidParam, meetingId: uuidParam });
export const updateAnnualMeetingBody = z
  .strictObject({
    heldOn: isoDate.optional(),
    place: nullableText(200),
    membersPresent: count.optional(),
    membersTotal: count.optional(),
    quorumRequired: z.union([count, z.null()]).optional(),
    agenda: agendaBody.optional(),
    reportedToOdsOn: z.union([isoDate, z.null()]).optional(),
    notes: nullableText(2000),
    version: z.number().int().min(1).optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'Tidak ada kolom yang diubah.');

/** RAT compliance per fiscal year, whether the cooperative is active, and its warnings (src/domain/rat/compliance.ts). */
export const ratComplianceOut = z.object({
  asOf: z.string(),
  active: z.boolean(),
  latestDueYear: z.number().nullable(),
  years: z.array(
    z.object({
      fiscalYear: z.number(),
      deadline: z.string(),
      heldOn: z.string().nullable(),
      status: z.enum(RAT_YEAR_STATUSES),
    }),
  ),
  warnings: z.array(
    z.object({ code: z.enum(RAT_WARNING_CODES), message: z.string(), fiscalYears: z.array(z.number()) }),
  ),
});
/** One cooperative's compliance, with the RAT records it filed that wait for verification. */
export const cooperativeRatComplianceOut = ratComplianceOut.extend({
  pending: z.number().describe('Catatan RAT dari koperasi yang menunggu verifikasi (belum dihitung)'),
});
export const ratComplianceQuery = z.strictObject({ asOf: isoDate.optional() });

export type AnnualMeetingOut = z.infer<typeof annualMeetingOut>;
export type RatComplianceOut = z.infer<typeof ratComplianceOut>;
export type CooperativeRatComplianceOut = z.infer<typeof cooperativeRatComplianceOut>;
