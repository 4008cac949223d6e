import { z } from 'zod';
import { BIDANG } from '../../domain/codes.js';
import { invalid } from '../../domain/errors.js';
import type { FieldEdit } from '../../domain/sync/merge.js';
import { CHECK_RESULTS, DEFAULT_CHECKLIST } from '../../domain/visits/checklist.js';
import {
  ASPECT_LABELS,
  ASPECTS,
  ATTENDEE_ROLES,
  type Aspect,
  GENDERS,
  RESPONSIBLE_KINDS,
} from '../../domain/visits/codes.js';
import type { FollowUp } from '../follow-ups/follow-ups.js';
import type { Visit } from '../visits/view.js';
import type { FollowUpSyncFields, VisitSyncFields } from './changes.js';

/**
 * The fields a phone may edit offline, one merge unit each: a visit's finding per aspect and
 * checklist answer per indicator are judged on their own, so two officers writing different
 * aspects never collide.
 */

const INDICATOR_LABELS = new Map(
  DEFAULT_CHECKLIST.areas.flatMap((a) => a.indicators.map((i) => [i.code, i.label] as const)),
);

const LABELS: Record<string, string> = {
  attendance: 'Daftar hadir',
  gps: 'Posisi GPS',
  startTime: 'Jam mulai',
  endTime: 'Jam selesai',
  recommendation: 'Rekomendasi',
  deadline: 'Tenggat',
  monitoringPlan: 'Rencana pemantauan',
  responsible: 'Penanggung jawab',
};

export function fieldLabel(field: string): string {
  if (field.startsWith('findings.')) return `Temuan: ${ASPECT_LABELS[field.slice(9) as Aspect] ?? field.slice(9)}`;
  if (field.startsWith('checklist.'))
    return `Daftar periksa: ${INDICATOR_LABELS.get(field.slice(10)) ?? field.slice(10)}`;
  return LABELS[field] ?? field;
}

/** The phone named this field in its base (null included; a key zod filled with undefined does not count). */
const has = (o: object | undefined, k: string) => o !== undefined && (o as Record<string, unknown>)[k] !== undefined;
const normName = (s: string) => s.replace(/\s+/g, ' ').trim();
const attendanceOf = (list: { name: string; role: string; gender: string }[]) =>
  list.map((a) => ({ name: normName(a.name), role: a.role, gender: a.gender }));
const answerOf = (a: { result: string; note: string | null } | null | undefined) =>
  a ? { result: a.result, note: a.note?.trim() || null } : null;

/** Every field a visit.update touches, with the server's, the phone's and the base value. */
export function visitEdits(current: Visit, base: VisitSyncFields, fields: VisitSyncFields): FieldEdit[] {
  const edits: FieldEdit[] = [];
  if (fields.attendance !== undefined) {
    edits.push({
      field: 'attendance',
      server: attendanceOf(current.attendance),
      client: attendanceOf(fields.attendance),
      base: base.attendance && attendanceOf(base.attendance),
      hasBase: has(base, 'attendance'),
    });
  }
  for (const [aspect, value] of Object.entries(fields.findings ?? {})) {
    if (value === undefined) continue;
    edits.push({
      field: `findings.${aspect}`,
      server: current.findings[aspect as Aspect] ?? null,
      client: value ?? null,
      base: base.findings?.[aspect as Aspect] ?? null,
      hasBase: has(base.findings, aspect),
    });
  }
  for (const [code, answer] of Object.entries(fields.checklist ?? {})) {
    edits.push({
      field: `checklist.${code}`,
      server: answerOf(current.checklist?.answers[code]),
      client: answerOf(answer),
      base: answerOf(base.checklist?.[code]),
      hasBase: has(base.checklist, code),
    });
  }
  for (const key of ['gps', 'startTime', 'endTime'] as const) {
    if (fields[key] === undefined) continue;
    edits.push({
      field: key,
      server: current[key] ?? null,
      client: fields[key] ?? null,
      base: base[key] ?? null,
      hasBase: has(base, key),
    });
  }
  return edits;
}

/** Turns the fields to apply back into an updateVisit patch. */
export function visitPatch(fields: VisitSyncFields, apply: readonly string[]): VisitSyncFields {
  const patch: VisitSyncFields = {};
  for (const f of apply) {
    if (f === 'attendance') patch.attendance = fields.attendance!;
    else if (f.startsWith('findings.'))
      patch.findings = { ...patch.findings, [f.slice(9)]: fields.findings![f.slice(9) as Aspect] ?? null };
    else if (f.startsWith('checklist.'))
      patch.checklist = { ...patch.checklist, [f.slice(10)]: fields.checklist![f.slice(10)] ?? null };
    else if (f === 'gps') patch.gps = fields.gps ?? null;
    else if (f === 'startTime') patch.startTime = fields.startTime ?? null;
    else if (f === 'endTime') patch.endTime = fields.endTime ?? null;
  }
  return patch;
}

const responsibleOf = (r: { kind: string; bidang: string | null; userId: string | null }) => ({
  kind: r.kind,
  bidang: r.bidang ?? null,
  userId: r.userId ?? null,
});

export function followUpEdits(current: FollowUp, base: FollowUpSyncFields, fields: FollowUpSyncFields): FieldEdit[] {
  const server: Record<keyof FollowUpSyncFields, unknown> = {
    recommendation: current.recommendation,
    deadline: current.deadline,
    monitoringPlan: current.monitoringPlan,
    responsible: responsibleOf(current.responsible),
  };
  const norm = (k: keyof FollowUpSyncFields, v: unknown) =>
    k === 'responsible' && v
      ? responsibleOf(v as FollowUp['responsible'])
      : k === 'monitoringPlan'
        ? (v as string | null)?.trim() || null
        : (v ?? null);
  return (Object.keys(server) as (keyof FollowUpSyncFields)[])
    .filter((k) => fields[k] !== undefined)
    .map((k) => ({
      field: k,
      server: server[k],
      client: norm(k, fields[k]),
      base: norm(k, base[k]),
      hasBase: has(base, k),
    }));
}

export function followUpPatch(fields: FollowUpSyncFields, apply: readonly string[]): FollowUpSyncFields {
  return Object.fromEntries(apply.map((f) => [f, fields[f as keyof FollowUpSyncFields]])) as FollowUpSyncFields;
}

const nullableText = (max: number) =>
  z.union([z.string().trim().max(max), z.null()]).transform((v) => (v === '' ? null : v));
const time = z.union([z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), z.null()]);

/** What a resolver may type for each field (the phone's and the server's values are already valid). */
function schemaOf(field: string): z.ZodType | null {
  if (field.startsWith('findings.'))
    return (ASPECTS as readonly string[]).includes(field.slice(9)) ? nullableText(5000) : null;
  if (field.startsWith('checklist.')) {
    return INDICATOR_LABELS.has(field.slice(10))
      ? z.union([
          z.strictObject({
            result: z.enum(CHECK_RESULTS),
            note: nullableText(1000)
              .optional()
              .transform((v) => v ?? null),
          }),
          z.null(),
        ])
      : null;
  }
  switch (field) {
    case 'attendance':
      return z
        .array(
          z.strictObject({
            name: z.string().trim().min(2).max(120),
            role: z.enum(ATTENDEE_ROLES),
            gender: z.enum(GENDERS),
          }),
        )
        .max(500);
    case 'gps':
      return z.union([
        z.strictObject({
          lat: z.number().min(-90).max(90),
          lng: z.number().min(-180).max(180),
          accuracy: z.union([z.number().min(0), z.null()]).default(null),
          at: z.union([z.string().datetime({ offset: true }), z.null()]).default(null),
        }),
        z.null(),
      ]);
    case 'startTime':
    case 'endTime':
      return time;
    case 'recommendation':
      return z.string().trim().min(5).max(2000);
    case 'deadline':
      return z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
    case 'monitoringPlan':
      return nullableText(2000);
    case 'responsible':
      return z.strictObject({
        kind: z.enum(RESPONSIBLE_KINDS),
        bidang: z.union([z.enum(BIDANG), z.null()]).default(null),
        userId: z.union([z.string().uuid(), z.null()]).default(null),
      });
    default:
      return null;
  }
}

/** A value typed by the person resolving a conflict, checked like the normal form would. */
export function parseFieldValue(field: string, value: unknown): unknown {
  const schema = schemaOf(field);
  if (!schema) throw invalid({ field: 'Kolom ini tidak dapat diubah lewat penyelesaian konflik.' });
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid({ value: `Nilai untuk ${fieldLabel(field)} belum benar.` });
  return parsed.data;
}
