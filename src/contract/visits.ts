import { z } from 'zod';
import { BIDANG, ROLES, UNIT_SECTORS } from '../domain/codes.js';
import { CHECK_RESULTS } from '../domain/visits/checklist.js';
import {
  ASPECTS,
  ATTENDEE_ROLES,
  CONCERN_KINDS,
  CONCERN_STATUSES,
  CONCERN_TOPICS,
  FOLLOW_UP_STATUSES,
  GENDERS,
  NEED_KINDS,
  NEED_STATUSES,
  PROPOSAL_STATUSES,
  RAISED_VIA,
  RESPONSIBLE_KINDS,
  SEVERITIES,
  VISIT_PURPOSES,
  VISIT_STATUSES,
} from '../domain/visits/codes.js';
import { TIME_PATTERN } from '../domain/visits/visit-status.js';
import { isoDate, page, pageSize, rupiah, uuidParam } from './common.js';
import { verificationOut } from './verification.js';

/** Request and response schemas of the visits capability. Requests are strict: an unknown field is an error. */

export const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max);
export const nullableText = (max: number) =>
  z
    .union([z.string().trim().max(max), z.null()])
    .optional()
    .transform((v) => (v === '' ? null : v));
export const time = z.string().regex(TIME_PATTERN, 'Jam berformat JJ:MM (00:00–23:59).');
export const version = z.number().int().min(1).optional();
export const isoInstant = z
  .string()
  .datetime({ offset: true, message: 'Waktu berformat ISO 8601, mis. 2025-01-19T02:30:00Z.' });
export const clientId = uuidParam
  .optional()
  .describe('ID buatan klien (mode lapangan): kiriman ulang dengan ID sama tidak membuat data ganda');

const region = z.object({ code: z.string(), name: z.string() });
const coopRef = z.object({ id: z.string(), name: z.string() });

export const teamMember = z.strictObject({ userId: uuidParam, leader: z.boolean().default(false) });
export const attendee = z.strictObject({
  name: text(2, 120, 'Nama minimal 2 karakter.'),
  role: z.enum(ATTENDEE_ROLES),
  gender: z.enum(GENDERS),
});
export const findings = z.strictObject(
  Object.fromEntries(ASPECTS.map((a) => [a, nullableText(5000)])) as Record<
    (typeof ASPECTS)[number],
    ReturnType<typeof nullableText>
  >,
);
export const checklistAnswers = z.record(
  z.string().max(80),
  z.union([z.strictObject({ result: z.enum(CHECK_RESULTS), note: nullableText(1000) }), z.null()]),
);
export const gps = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy: z.union([z.number().min(0).max(100_000), z.null()]).optional(),
  at: z.union([isoInstant, z.null()]).optional(),
});

export const planShape = {
  programId: z.union([uuidParam, z.null()]).optional(),
  annualMeetingId: z.union([uuidParam, z.null()]).optional(),
  date: isoDate,
  startTime: z.union([time, z.null()]).optional(),
  endTime: z.union([time, z.null()]).optional(),
  purposes: z.array(z.enum(VISIT_PURPOSES)).max(6),
  team: z.array(teamMember).max(20),
  businessUnitIds: z.array(uuidParam).max(50).optional(),
};

const teamOut = z.object({
  userId: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  bidang: z.enum(BIDANG).nullable(),
  leader: z.boolean(),
});
const conflictOut = z.object({
  userId: z.string(),
  fullName: z.string(),
  visits: z.array(z.object({ id: z.string(), cooperative: coopRef })),
});

export const visitListItemOut = z.object({
  id: z.string(),
  date: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  status: z.enum(VISIT_STATUSES),
  purposes: z.array(z.enum(VISIT_PURPOSES)),
  cooperative: z.object({ id: z.string(), name: z.string(), district: region, village: region }),
  programId: z.string().nullable(),
  annualMeetingId: z.string().nullable(),
  team: z.array(teamOut),
  conflicts: z.array(conflictOut).describe('Petugas tim yang pada hari yang sama juga terjadwal di kunjungan lain'),
  version: z.number(),
});

export const photoOut = z.object({
  id: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  caption: z.string().nullable(),
  takenAt: z.string().nullable(),
  url: z.string(),
  thumbnailUrl: z.string(),
});

export const visitOut = visitListItemOut.extend({
  program: coopRef.nullable(),
  annualMeeting: z.object({ id: z.string(), fiscalYear: z.number(), heldOn: z.string() }).nullable(),
  cancelReason: z.string().nullable(),
  attendance: z.array(z.object({ name: z.string(), role: z.enum(ATTENDEE_ROLES), gender: z.enum(GENDERS) })),
  findings: z.record(z.enum(ASPECTS), z.string().nullable()),
  checklist: z
    .object({
      version: z.string(),
      answers: z.record(z.string(), z.object({ result: z.enum(CHECK_RESULTS), note: z.string().nullable() })),
    })
    .nullable(),
  gps: z
    .object({ lat: z.number(), lng: z.number(), accuracy: z.number().nullable(), at: z.string().nullable() })
    .nullable(),
  businessUnitIds: z.array(z.string()),
  photos: z.array(photoOut),
  approvedAt: z.string().nullable(),
  approvedBy: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const programSummaryOut = z.object({
  id: z.string(),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  description: z.string().nullable(),
  version: z.number(),
});
export const programOut = programSummaryOut.extend({
  targets: z.array(z.object({ district: region, target: z.number(), visited: z.number(), scheduled: z.number() })),
  totals: z.object({ target: z.number(), visited: z.number(), scheduled: z.number(), visits: z.number() }),
});
export const targetsBody = z
  .array(z.strictObject({ districtCode: z.string().max(20), target: z.number().int().min(0).max(10_000) }))
  .max(100);

export const concernOut = z.object({
  id: z.string(),
  cooperative: coopRef,
  visitId: z.string().nullable(),
  raisedVia: z.enum(RAISED_VIA),
  kind: z.enum(CONCERN_KINDS),
  topic: z.enum(CONCERN_TOPICS),
  description: z.string(),
  raisedBy: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(CONCERN_STATUSES),
  response: z.string().nullable(),
  seenAt: z.string().nullable(),
  followUps: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const responsibleBody = z.strictObject({
  kind: z.enum(RESPONSIBLE_KINDS),
  bidang: z.union([z.enum(BIDANG), z.null()]).optional(),
  userId: z.union([uuidParam, z.null()]).optional(),
});

export const followUpOut = z.object({
  id: z.string(),
  cooperative: coopRef,
  visitId: z.string().nullable(),
  concernId: z.string().nullable(),
  aspect: z.enum(ASPECTS).nullable(),
  recommendation: z.string(),
  responsible: z.object({
    kind: z.enum(RESPONSIBLE_KINDS),
    bidang: z.enum(BIDANG).nullable(),
    userId: z.string().nullable(),
    user: z.object({ id: z.string(), fullName: z.string() }).nullable(),
    label: z.string(),
  }),
  deadline: z.string(),
  monitoringPlan: z.string().nullable(),
  status: z.enum(FOLLOW_UP_STATUSES),
  overdue: z.boolean(),
  daysOverdue: z.number(),
  progressNote: z.string().nullable(),
  evidence: z
    .object({ note: z.string(), photoId: z.string().nullable(), documentRef: z.string().nullable() })
    .nullable(),
  verification: verificationOut,
  cancelReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const needOut = z.object({
  id: z.string(),
  businessUnitId: z.string(),
  visitId: z.string().nullable(),
  kind: z.enum(NEED_KINDS),
  description: z.string(),
  amount: z.number().nullable(),
  status: z.enum(NEED_STATUSES),
  version: z.number(),
  createdAt: z.string(),
});
export const mentoringOut = z.object({
  id: z.string(),
  businessUnitId: z.string(),
  visitId: z.string().nullable(),
  heldOn: z.string(),
  mentor: z.object({ id: z.string(), fullName: z.string() }),
  bidang: z.enum(BIDANG),
  topic: z.string(),
  notes: z.string().nullable(),
  version: z.number(),
});
export const proposalOut = z.object({
  id: z.string(),
  visitId: z.string().nullable(),
  name: z.string(),
  sector: z.enum(UNIT_SECTORS),
  description: z.string().nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  businessUnitId: z.string().nullable(),
  dropReason: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export const developmentOut = z.object({
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      sector: z.enum(UNIT_SECTORS),
      status: z.string(),
      needs: z.array(needOut),
      mentoring: z.array(mentoringOut),
    }),
  ),
  proposals: z.array(proposalOut),
});
export const needAmount = z.union([rupiah.min(0, 'Nilai tidak boleh negatif.'), z.null()]);

/** GET /visits/double-bookings: officers on two or more visits the same day. */
export const doubleBookingsOut = z.object({
  items: z.array(
    z.object({
      date: z.string(),
      officer: z.object({ id: z.string(), fullName: z.string(), bidang: z.enum(BIDANG).nullable() }),
      visits: z.array(
        z.object({
          id: z.string(),
          status: z.enum(VISIT_STATUSES),
          startTime: z.string().nullable(),
          cooperative: coopRef,
        }),
      ),
    }),
  ),
  total: z.number(),
});

/** GET /visits/checklist: the default supervision checklist. */
export const checklistTemplateOut = z.object({
  version: z.string(),
  title: z.string(),
  provisional: z.boolean(),
  note: z.string(),
  areas: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      indicators: z.array(z.object({ code: z.string(), label: z.string() })),
    }),
  ),
});

/** The activity report (issue 12 point 8): headline, text, share link, and whether an officer edited it. */
export const activityReportOut = z.object({
  headline: z.string(),
  text: z.string(),
  shareUrl: z.string().describe('https://wa.me/?text=… (hanya tautan; server tidak mengirim apa pun)'),
  edited: z.object({ by: z.string(), at: z.string() }).nullable(),
  generated: z.object({ headline: z.string(), text: z.string() }),
});

/** GET /team-candidates: active Dinas staff who may be on a visit's team or own a recommendation. */
export const teamCandidatesOut = z.object({
  items: z.array(
    z.object({ id: z.string(), fullName: z.string(), role: z.enum(ROLES), bidang: z.enum(BIDANG).nullable() }),
  ),
});

/** The types the web app reads (z.infer of the response schemas above). */
export type VisitListItemOut = z.infer<typeof visitListItemOut>;
export type PhotoOut = z.infer<typeof photoOut>;
export type VisitOut = z.infer<typeof visitOut>;
export type ProgramSummaryOut = z.infer<typeof programSummaryOut>;
export type ProgramOut = z.infer<typeof programOut>;
export type ConcernOut = z.infer<typeof concernOut>;
export type FollowUpOut = z.infer<typeof followUpOut>;
export type NeedOut = z.infer<typeof needOut>;
export type MentoringOut = z.infer<typeof mentoringOut>;
export type ProposalOut = z.infer<typeof proposalOut>;
export type DevelopmentOut = z.infer<typeof developmentOut>;
export type DoubleBookingsOut = z.infer<typeof doubleBookingsOut>;
export type ChecklistTemplateOut = z.infer<typeof checklistTemplateOut>;
export type ActivityReportOut = z.infer<typeof activityReportOut>;
export type TeamCandidatesOut = z.infer<typeof teamCandidatesOut>;
export type TeamMemberOut = VisitListItemOut['team'][number];

// ── visit requests ──

/** Filters of the visit list; exports take the same without paging. */
export const visitListQuery = z.strictObject({
  cooperativeId: uuidParam.optional(),
  district: z.string().max(20).optional().describe('Kode kecamatan, mis. 35.13.07'),
  bidang: z.enum(BIDANG).optional().describe('Kunjungan yang timnya memuat petugas bidang ini'),
  officerId: uuidParam.optional().describe('Kunjungan yang timnya memuat petugas ini'),
  status: z.enum(VISIT_STATUSES).optional(),
  programId: uuidParam.optional(),
  purpose: z.enum(VISIT_PURPOSES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z
    .enum(['date', '-date'])
    .optional()
    .describe('date: terlama dahulu (kalender); -date: terbaru dahulu (bawaan)'),
  page,
  pageSize,
});
/** The filters of the visit list without paging: an export holds every matching visit, oldest first by default. */
export const visitExportQuery = visitListQuery.omit({ page: true, pageSize: true }).extend({
  sort: z.enum(['date', '-date']).optional().describe('date: terlama dahulu (bawaan unduhan); -date: terbaru dahulu'),
});

export const doubleBookingsQuery = z.strictObject({ from: isoDate, to: isoDate, officerId: uuidParam.optional() });
export const planVisitBody = z.strictObject({ id: clientId, cooperativeId: uuidParam, ...planShape });
export const updateVisitBody = z
  .strictObject({
    programId: planShape.programId,
    annualMeetingId: planShape.annualMeetingId,
    date: planShape.date.optional(),
    startTime: planShape.startTime,
    endTime: planShape.endTime,
    purposes: planShape.purposes.optional(),
    team: planShape.team.optional(),
    businessUnitIds: planShape.businessUnitIds,
    attendance: z.array(attendee).max(500).optional(),
    findings: findings.optional(),
    checklist: checklistAnswers.optional().describe('{kodeIndikator: {result, note} | null}; null menghapus jawaban'),
    gps: z.union([gps, z.null()]).optional(),
    version,
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'Tidak ada kolom yang diubah.');
export const visitVersionBody = z.strictObject({ version }).default({});
export const cancelVisitBody = z.strictObject({
  reason: text(5, 1000, 'Alasan pembatalan minimal 5 karakter.'),
  version,
});
export const activityReportBody = z.union([
  z.strictObject({ headline: z.string().max(200), text: z.string().max(8000) }),
  z.null(),
]);

/** The photo upload's query: the body is the raw image. */
export const photoUploadQuery = z.strictObject({
  id: uuidParam
    .optional()
    .describe('ID buatan klien: unggahan ulang dengan ID dan isi yang sama tidak membuat foto ganda'),
  caption: z.string().trim().max(300).optional(),
  takenAt: isoInstant.optional(),
});
